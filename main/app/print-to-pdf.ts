import { BrowserWindow, session, type Session, type WebPreferences } from 'electron';
import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { FontFileResolver, PdfPrinter, PrintOptions } from '../documents/printer';
import { Failure } from '../ipc/failure';
import { APP_ORIGIN, APP_SCHEME, WEB_PREFERENCES } from '../security/policy';

/**
 * Electron's printer for proposal documents (main/documents/printer): webContents.printToPDF in a
 * hidden window of its own session, whose app:// serves only the document being printed and the
 * fonts it names — the same page, fonts and CSS the Playwright printer gives Chromium, so the same
 * PDF. Electron only; not run where the Electron binary is absent (see README).
 */
export function electronPrinter(fontFile: FontFileResolver): PdfPrinter {
  const pages = new Map<string, string>();
  // Made on the first print, not at start-up: most runs print nothing.
  let printSession: Session | null = null;
  const sessionForPrinting = (): Session => {
    if (printSession) return printSession;
    const created = session.fromPartition('casebench-print');
    created.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    created.protocol.handle(APP_SCHEME, async (request) => {
      const pathname = new URL(request.url).pathname;
      const html = /^\/print\/([\w-]+)\.html$/.exec(pathname)?.[1];
      if (html && pages.has(html)) return new Response(pages.get(html)!, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      const file = fontFile(pathname.slice(1));
      if (!file) return new Response('Not found', { status: 404 });
      return new Response(await fs.readFile(file), { headers: { 'Content-Type': 'font/woff2' } });
    });
    printSession = created;
    return created;
  };

  return {
    async printToPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
      const id = randomUUID();
      pages.set(id, html);
      const webPreferences = { ...WEB_PREFERENCES, session: sessionForPrinting() } satisfies WebPreferences;
      const window = new BrowserWindow({ show: false, width: 794, height: 1123, webPreferences });
      try {
        await window.loadURL(`${APP_ORIGIN}/print/${id}.html`);
        // Every face the text uses has loaded: nothing falls back to another font.
        await window.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
        const printNow = async () =>
          new Uint8Array(
            await window.webContents.printToPDF({
              preferCSSPageSize: true,
              printBackground: true,
              generateDocumentOutline: options.outline,
              generateTaggedPDF: options.outline,
            }),
          );
        const first = await printNow();
        if (!options.revise) return first;
        const changes = await options.revise(first);
        await window.webContents.executeJavaScript(
          `for (const [id, text] of Object.entries(${JSON.stringify(changes)})) document.getElementById(id).textContent = text;`,
        );
        return await printNow();
      } catch (error) {
        console.error('[casebench] printing failed:', error);
        throw new Failure('PRINT_FAILED', 'The document could not be printed. Nothing was issued.');
      } finally {
        pages.delete(id);
        window.destroy();
      }
    },
    close: () => Promise.resolve(),
  };
}
