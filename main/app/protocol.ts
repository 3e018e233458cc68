import { protocol, type Session } from 'electron';
import fs from 'node:fs/promises';
import { APP_SCHEME, assetHeaders, resolveAppAsset } from '../security/policy';

/**
 * `app://casebench/…` serves the built renderer (dist/renderer) with the CSP header. A standard,
 * secure scheme gives the page a real origin (so 'self' in the CSP means something) without file://
 * and its broad privileges. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves `rendererDir` on app://casebench for this session; nothing else is ever served. */
export function serveAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const asset = resolveAppAsset(rendererDir, request.url);
    if (!asset.ok) {
      if (asset.status === 404 && asset.reason.includes('index.html')) console.error(`[casebench] ${asset.reason}`);
      return plain(asset.status, asset.reason);
    }
    try {
      const body = request.method === 'HEAD' ? null : await fs.readFile(asset.filePath);
      return new Response(body, { status: 200, headers: assetHeaders(asset.contentType) });
    } catch {
      return plain(404, 'Not found');
    }
  });
}
