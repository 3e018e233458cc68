import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { openWorkbench, type Workbench } from '../workbench';
import { startHost, type Host } from './server';

let host: Host;
let bench: Workbench;
let workspaceDir: string;

beforeEach(async () => {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Casebench</title>');
  workspaceDir = tempDir();
  bench = openWorkbench({ workspaceDir, appVersion: '1', actor: 'tester' });
  host = await startHost({ router: bench.router, rendererDir, evidence: bench.evidence });
});

afterEach(async () => {
  await host.close();
  bench.close();
});

const auth = () => ({ authorization: `Bearer ${host.token}`, origin: host.origin });
const upload = (body: string | Buffer, name = 'photo.png', headers: Record<string, string> = auth()) =>
  fetch(`${host.origin}/api/upload`, { method: 'POST', headers: { 'x-casebench-filename': encodeURIComponent(name), ...headers }, body });
const invoke = async (channel: string, input: unknown) =>
  (await (await fetch(`${host.origin}/api/invoke`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ channel, input }) })).json()) as {
    ok: boolean;
    value: never;
  };

async function vaultCookie(): Promise<string> {
  const res = await fetch(host.url);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/vault\//);
  return cookie.split(';')[0]!;
}

describe('evidence over the loopback host', () => {
  it('uploads, imports and serves bytes with ranges and a sandbox, never as active content', async () => {
    const html = '<script>alert(1)</script><p>report</p>';
    const res = await upload(html, 'report.html');
    expect(res.status).toBe(200);
    const { value } = (await res.json()) as { value: { uploadId: string; sha256: string; size: number; mediaType: string } };
    expect(value).toMatchObject({ size: html.length, mediaType: 'text/plain; charset=utf-8' });
    const kase = (await invoke('cases.create', { title: 'C', country: null, situation: '', summary: '' })).value as { id: string };
    const imported = await invoke('evidence.import', { caseId: kase.id, uploads: [{ uploadId: value.uploadId, originalName: 'report.html' }] });
    expect(imported).toMatchObject({ ok: true, value: { items: [{ exhibit: 'E-1', duplicate: false }] } });

    expect((await fetch(`${host.origin}/vault/${value.sha256}`)).status).toBe(403); // no cookie
    const cookie = await vaultCookie();
    const whole = await fetch(`${host.origin}/vault/${value.sha256}`, { headers: { cookie } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(whole.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await whole.text()).toBe(html);
    const part = await fetch(`${host.origin}/vault/${value.sha256}`, { headers: { cookie, range: 'bytes=8-13' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 8-13/${html.length}`);
    expect(await part.text()).toBe('alert(');
    expect((await fetch(`${host.origin}/vault/${value.sha256}`, { headers: { cookie, range: 'bytes=999-' } })).status).toBe(416);
    expect((await fetch(`${host.origin}/vault/${'0'.repeat(64)}`, { headers: { cookie } })).status).toBe(404);
  });

  it('refuses uploads without the token or from another origin', async () => {
    expect((await upload('x', 'a', {})).status).toBe(403);
    expect((await upload('x', 'a', { ...auth(), origin: 'http://evil.example' })).status).toBe(403);
    expect(fs.readdirSync(path.join(workspaceDir, 'vault', 'tmp'))).toEqual([]);
  });

  it('removes the partial file of an aborted upload', async () => {
    const { port } = new URL(host.origin);
    await new Promise<void>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/upload', method: 'POST', headers: { ...auth(), 'content-length': 10_000_000 } });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(1_000_000));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 100);
    });
    for (let i = 0; i < 50 && fs.readdirSync(path.join(workspaceDir, 'vault', 'tmp')).length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(fs.readdirSync(path.join(workspaceDir, 'vault', 'tmp'))).toEqual([]);
  });
});
