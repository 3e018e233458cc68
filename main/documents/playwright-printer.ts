import fs from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { Failure } from '../ipc/failure';
import type { FontFileResolver, PdfPrinter, PrintOptions } from './printer';

/** An origin of its own for the print page, which no request ever leaves: every one is answered here. */
const ORIGIN = 'https://print.casebench.invalid';

/** Sets the text of elements by id (evaluated in the page; a string because main/ compiles without the DOM's types). */
const REVISE = `(changes) => { for (const [id, text] of Object.entries(changes)) { const el = document.getElementById(id); if (!el) throw new Error('no element ' + id); el.textContent = text; } }`;

export const chromiumPath = (): string => process.env.CASEBENCH_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Prints with the installed Chromium through Playwright (not shipped in the desktop app, which
 * prints with Electron): one browser, started on first use and kept for the next document, a new
 * page per document. playwright-core is imported only when the first document is printed.
 */
export function playwrightPrinter(options: { fontFile: FontFileResolver; executablePath?: string }): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  const launch = async (): Promise<Browser> => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      executablePath: options.executablePath ?? chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  };
  const getBrowser = async (): Promise<Browser> => {
    browser ??= launch();
    try {
      const b = await browser;
      if (b.isConnected()) return b;
    } catch (error) {
      browser = null;
      console.error('[casebench] Chromium could not be started for printing:', error);
      throw new Failure('PRINT_FAILED', 'Chromium could not be started to print the document. Nothing was issued.');
    }
    browser = launch();
    return browser;
  };

  return {
    async printToPdf(html: string, print: PrintOptions): Promise<Uint8Array> {
      const b = await getBrowser();
      const context = await b.newContext({ javaScriptEnabled: true, offline: false });
      try {
        const page = await context.newPage();
        await page.route('**/*', async (route) => {
          const url = new URL(route.request().url());
          if (url.origin === ORIGIN && url.pathname === '/document.html') {
            return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
          }
          const file = url.origin === ORIGIN ? options.fontFile(url.pathname.slice(1)) : null;
          if (!file) return route.abort('blockedbyclient');
          return route.fulfill({ status: 200, contentType: 'font/woff2', body: await fs.readFile(file) });
        });
        await page.goto(`${ORIGIN}/document.html`, { waitUntil: 'load' });
        // Every face the text uses has loaded before printing: nothing falls back to another font.
        // (A string, evaluated in the page: main/ compiles without the DOM's types.)
        await page.evaluate('document.fonts.ready.then(() => undefined)');
        const printNow = async () =>
          new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: print.outline, tagged: print.outline }));
        const first = await printNow();
        if (!print.revise) return first;
        const changes = await print.revise(first);
        await page.evaluate(`(${REVISE})(${JSON.stringify(changes)})`);
        return await printNow();
      } catch (error) {
        if (error instanceof Failure) throw error;
        console.error('[casebench] printing failed:', error);
        throw new Failure('PRINT_FAILED', 'Chromium could not print the document. Nothing was issued.');
      } finally {
        await context.close().catch(() => undefined);
      }
    },
    async close() {
      const pending = browser;
      browser = null;
      if (pending) await (await pending.catch(() => null))?.close().catch(() => undefined);
    },
  };
}
