import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { openWorkbench, type Workbench } from '../workbench';
import { startHost, type Host } from './server';

let host: Host;
let bench: Workbench;

beforeEach(async () => {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Casebench</title>');
  bench = openWorkbench({ workspaceDir: tempDir(), appVersion: '1.2.3', actor: 'tester' });
  host = await startHost({ router: bench.router, rendererDir });
});

afterEach(async () => {
  await host.close();
  bench.close();
});

/** A GET sent as is: fetch() would normalise `..` and the Host header away. */
async function rawGet(pathname: string, headers: Record<string, string> = {}): Promise<number> {
  const { request } = await import('node:http');
  return new Promise<number>((resolve, reject) => {
    const { port } = new URL(host.origin);
    const req = request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const call = (body: unknown, headers: Record<string, string | undefined> = {}) =>
  fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, origin: host.origin, ...headers },
    body: JSON.stringify(body),
  });

describe('the loopback host', () => {
  it('serves the renderer with the content security policy', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Casebench</title>');
    // Client-side routes fall back to the page; traversal does not leave the folder.
    expect((await fetch(`${host.origin}/cases/123`)).status).toBe(200);
    expect(await rawGet('/%2e%2e/%2e%2e/etc/passwd')).toBe(400);
    expect(await rawGet('/../../etc/passwd')).toBe(400);
  });

  it('answers the router over HTTP with the token', async () => {
    const res = await call({ channel: 'app.status', input: {} });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { version: '1.2.3', workspace: { state: 'ready' } } });
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
  });

  it('refuses calls without the token, with a wrong token, or from another origin', async () => {
    for (const headers of [
      { authorization: '' },
      { authorization: `Bearer ${'0'.repeat(64)}` },
      { origin: 'http://evil.example' },
      { origin: 'null' },
    ]) {
      const res = await call({ channel: 'cases.list', input: {} }, headers);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses another Host name (DNS rebinding) and malformed bodies', async () => {
    const status = await rawGet('/', { host: 'attacker.example' });
    expect(status).toBe(421);
    const bad = await fetch(`${host.origin}/api/invoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
      body: '{not json',
    });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
