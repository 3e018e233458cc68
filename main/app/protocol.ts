import { protocol, type Session } from 'electron';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { UPLOAD_FILENAME_HEADER, UPLOAD_PATH, VAULT_PATH_PREFIX } from '../../shared/contract';
import { APP_SCHEME, assetHeaders, resolveAppAsset } from '../security/policy';
import type { EvidenceTransport } from '../vault/transport';

/**
 * `app://casebench/…` serves the built renderer (dist/renderer) with the CSP header. A standard,
 * secure scheme gives the page a real origin (so 'self' in the CSP means something) without file://
 * and its broad privileges. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * Serves `rendererDir` on app://casebench for this session, plus the evidence byte paths (the
 * same code as the loopback host's, main/vault/transport): POST /api/upload and GET /vault/<sha256>.
 * `stream: true` on the scheme lets uploads and <video> ranges stream instead of buffering.
 */
export function serveAppProtocol(session: Session, rendererDir: string, evidence?: EvidenceTransport): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const pathname = new URL(request.url).pathname;
    if (evidence && pathname === UPLOAD_PATH && request.method === 'POST') {
      const { status, body } = await evidence.upload(request.body, {
        filename: request.headers.get(UPLOAD_FILENAME_HEADER),
        contentLength: request.headers.get('content-length'),
      });
      return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
    }
    if (evidence && pathname.startsWith(VAULT_PATH_PREFIX)) {
      const file = evidence.file(pathname.slice(VAULT_PATH_PREFIX.length), request.method, request.headers.get('range'));
      const body = file.body ? (Readable.toWeb(file.body) as ReadableStream<Uint8Array>) : (file.text ?? null);
      return new Response(body, { status: file.status, headers: file.headers });
    }
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
