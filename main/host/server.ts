import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOST_INVOKE_PATH, UPLOAD_FILENAME_HEADER, UPLOAD_PATH, VAULT_PATH_PREFIX, type AppError, type Result } from '../../shared/contract';
import type { Router } from '../ipc/router';
import { assetHeaders, resolveAppAsset } from '../security/policy';
import type { EvidenceTransport } from '../vault/transport';

/**
 * The workbench over loopback HTTP, for tests and for browsers where Electron is absent. Only this
 * machine can connect, only with the per-run token, and only from the page this server served.
 */
export interface Host {
  /** Open this to use the workbench: it carries the token. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

export interface HostOptions {
  router: Router;
  rendererDir: string;
  port?: number;
  /** Upload to and read from the evidence vault (POST /api/upload, GET /vault/<sha256>). */
  evidence?: EvidenceTransport;
}

/**
 * <img> and <video> cannot send the token header, so the page's own load (index.html with the
 * valid ?token=) sets this HttpOnly, SameSite=Strict cookie, and /vault/ requests must carry it.
 */
export const VAULT_COOKIE = 'casebench_vault';

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

const refusal = (code: AppError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startHost(options: HostOptions): Promise<Host> {
  const token = randomBytes(32).toString('hex');
  const vaultSecret = randomBytes(32).toString('hex');
  let origin = '';
  let allowedHosts = new Set<string>();

  /** A page from another origin (another tab, an iframe elsewhere) is a foreign frame: refused. */
  function fromOurWindow(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const requestOrigin = req.headers.origin;
    if ((requestOrigin !== undefined && requestOrigin !== origin) || !sameToken(req.headers.authorization, token)) {
      req.resume();
      sendJson(res, 403, refusal('FORBIDDEN', 'This request did not come from the Casebench window.'));
      return false;
    }
    return true;
  }

  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!fromOurWindow(req, res)) return;
    if (!options.evidence) {
      req.resume();
      sendJson(res, 404, refusal('BAD_REQUEST', 'This host does not take uploads.'));
      return;
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : null;
    };
    // An aborted request errors the stream; the vault then removes the partial file.
    const { status, body } = await options.evidence.upload(req, {
      filename: header(UPLOAD_FILENAME_HEADER),
      contentLength: header('content-length'),
    });
    if (!res.destroyed) sendJson(res, status, body);
  }

  function handleVaultFile(req: http.IncomingMessage, res: http.ServerResponse, sha256: string): void {
    const given = Buffer.from(cookieValue(req.headers.cookie, VAULT_COOKIE) ?? '');
    const expected = Buffer.from(vaultSecret);
    if (!options.evidence || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden');
      return;
    }
    const range = req.headers.range;
    const file = options.evidence.file(sha256, req.method ?? 'GET', typeof range === 'string' ? range : null);
    res.writeHead(file.status, file.headers);
    if (file.body) {
      file.body.on('error', () => res.destroy());
      res.on('close', () => file.body?.destroy());
      file.body.pipe(res);
    } else res.end(req.method === 'HEAD' ? undefined : file.text);
  }

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!fromOurWindow(req, res)) return;
    const body = await readBody(req);
    if (body === null) {
      sendJson(res, 413, refusal('BAD_REQUEST', 'The request is too large.'));
      return;
    }
    let request: unknown;
    try {
      request = JSON.parse(body);
    } catch {
      sendJson(res, 400, refusal('BAD_REQUEST', 'The request is not valid JSON.'));
      return;
    }
    sendJson(res, 200, await options.router.invoke(request));
  }

  function handleAsset(req: http.IncomingMessage, res: http.ServerResponse): void {
    const asset = resolveAppAsset(options.rendererDir, req.url ?? '/');
    if (!asset.ok) {
      res.writeHead(asset.status, { 'content-type': 'text/plain; charset=utf-8' }).end(asset.reason);
      return;
    }
    const headers: Record<string, string> = assetHeaders(asset.contentType);
    const query = new URL(req.url ?? '/', origin).searchParams.get('token');
    if (asset.filePath.endsWith('index.html') && query !== null && sameToken(query, token)) {
      headers['Set-Cookie'] = `${VAULT_COOKIE}=${vaultSecret}; HttpOnly; SameSite=Strict; Path=${VAULT_PATH_PREFIX}`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(asset.filePath).pipe(res);
  }

  const server = http.createServer((req, res) => {
    // Refuse other Host names, so a web page cannot reach us through DNS rebinding.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421).end();
      return;
    }
    const vaultFile = req.url?.startsWith(VAULT_PATH_PREFIX) ? req.url.slice(VAULT_PATH_PREFIX.length).split(/[?#]/)[0] : undefined;
    if (req.method === 'POST' && req.url === HOST_INVOKE_PATH) {
      handleInvoke(req, res).catch(() => sendJson(res, 500, refusal('INTERNAL', 'The request failed.')));
    } else if (req.method === 'POST' && req.url === UPLOAD_PATH) {
      handleUpload(req, res).catch(() => {
        if (!res.headersSent && !res.destroyed) sendJson(res, 500, refusal('INTERNAL', 'The upload failed.'));
      });
    } else if (vaultFile !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      handleVaultFile(req, res, vaultFile ?? '');
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      handleAsset(req, res);
    } else {
      res.writeHead(405).end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
