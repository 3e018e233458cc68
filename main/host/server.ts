import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOST_INVOKE_PATH, type AppError, type Result } from '../../shared/contract';
import type { Router } from '../ipc/router';
import { assetHeaders, resolveAppAsset } from '../security/policy';

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
  let origin = '';
  let allowedHosts = new Set<string>();

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page from another origin (another tab, an iframe elsewhere) is a foreign frame: refused.
    const requestOrigin = req.headers.origin;
    if ((requestOrigin !== undefined && requestOrigin !== origin) || !sameToken(req.headers.authorization, token)) {
      sendJson(res, 403, refusal('FORBIDDEN', 'This request did not come from the Casebench window.'));
      return;
    }
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
    res.writeHead(200, assetHeaders(asset.contentType));
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(asset.filePath).pipe(res);
  }

  const server = http.createServer((req, res) => {
    // Refuse other Host names, so a web page cannot reach us through DNS rebinding.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421).end();
      return;
    }
    if (req.method === 'POST' && req.url === HOST_INVOKE_PATH) {
      handleInvoke(req, res).catch(() => sendJson(res, 500, refusal('INTERNAL', 'The request failed.')));
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
