import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  SECURITY_HEADERS,
  WEB_PREFERENCES,
  assetHeaders,
  contentTypeFor,
  decidePermission,
  isAllowedNavigation,
  isTrustedSender,
  resolveAppAsset,
} from './policy';

describe('webPreferences', () => {
  it('follows the Electron security checklist', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    expect(() => {
      (WEB_PREFERENCES as { sandbox: boolean }).sandbox = false;
    }).toThrow();
  });

  it('names no preload and enables no Blink feature (main/app adds only the preload path)', () => {
    expect(WEB_PREFERENCES).not.toHaveProperty('preload');
    expect(WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; worker-src 'self' blob:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'; object-src 'none'",
    );
    expect(directives.size).toBe(Object.keys(CSP_DIRECTIVES).length);
  });

  it('never allows inline or evaluated scripts, nor remote origins', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const [, sources] of directives) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
      for (const source of sources) expect(source).not.toMatch(/^(https?:|ws:|wss:|\*)/);
    }
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is sent with every asset, with nosniff and the content type', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    const headers = assetHeaders('text/html; charset=utf-8');
    expect(headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('isAllowedNavigation', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/cases/0190?tab=1#x`, 'app://CASEBENCH/index.html'])(
    'allows our own origin: %s',
    (url) => expect(isAllowedNavigation(url)).toBe(true),
  );

  it.each([
    'https://example.com/',
    'http://127.0.0.1:3000/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://casebench.evil.com/',
    'app://user:pw@casebench/',
    'app://casebench:8080/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isAllowedNavigation(url)).toBe(false));
});

describe('isTrustedSender', () => {
  it('trusts our main frame only', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/cases/1`, isMainFrame: true })).toBe(true);
  });

  it('refuses sub-frames, other origins and frames without a URL', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: '', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: null, isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
  });
});

describe('decidePermission', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'midi',
    'fullscreen',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'unknown',
  ])('denies %s', (permission) => expect(decidePermission(permission)).toBe(false));
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.CSS', 'text/css; charset=utf-8'],
    ['fonts/NotoSansJP.woff2', 'font/woff2'],
    ['fonts/NotoSerifJP.ttf', 'font/ttf'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['data.json', 'application/json; charset=utf-8'],
    ['blob.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});

describe('resolveAppAsset', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-assets-'));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), '');
    fs.writeFileSync(path.join(root, 'assets', 'font name.woff2'), '');
    fs.writeFileSync(path.join(root, '.env'), 'SECRET=1');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the asset folder');
  });

  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  const file = (...parts: string[]) => path.join(root, ...parts);

  it('serves index.html for the origin and for /index.html', () => {
    for (const url of ['app://casebench', 'app://casebench/', APP_ENTRY_URL, '/', '/index.html?token=abc']) {
      expect(resolveAppAsset(root, url)).toEqual({
        ok: true,
        filePath: file('index.html'),
        contentType: 'text/html; charset=utf-8',
        fallback: false,
      });
    }
  });

  it('serves a file with its content type, ignoring query and fragment', () => {
    expect(resolveAppAsset(root, 'app://casebench/assets/index-abc.js?v=1#top')).toEqual({
      ok: true,
      filePath: file('assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
      fallback: false,
    });
    expect(resolveAppAsset(root, '/assets/index-abc.js')).toMatchObject({ ok: true, filePath: file('assets', 'index-abc.js') });
    // The loopback host passes its own origin; it checks the Host header itself.
    expect(resolveAppAsset(root, 'http://127.0.0.1:4321/assets/index-abc.js?token=x')).toMatchObject({
      ok: true,
      filePath: file('assets', 'index-abc.js'),
    });
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppAsset(root, 'app://casebench/assets/font%20name.woff2')).toMatchObject({
      ok: true,
      filePath: file('assets', 'font name.woff2'),
      contentType: 'font/woff2',
    });
  });

  it('falls back to index.html for client-side routes', () => {
    for (const url of ['app://casebench/cases', 'app://casebench/cases/0190a1b2/allegations?tab=2', '/settings', '/assets/']) {
      expect(resolveAppAsset(root, url)).toEqual({
        ok: true,
        filePath: file('index.html'),
        contentType: 'text/html; charset=utf-8',
        fallback: true,
      });
    }
  });

  it('answers 404 for a missing asset with an extension, never HTML', () => {
    expect(resolveAppAsset(root, 'app://casebench/assets/missing.js')).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppAsset(root, '/favicon.ico')).toMatchObject({ ok: false, status: 404 });
  });

  it.each([
    ['plain ../', 'app://casebench/../secret.txt'],
    ['nested ../', 'app://casebench/assets/../../secret.txt'],
    ['encoded ../', 'app://casebench/%2e%2e/secret.txt'],
    ['mixed-case encoded ../', 'app://casebench/%2E%2e/secret.txt'],
    ['encoded slash', 'app://casebench/..%2fsecret.txt'],
    ['encoded slash in a name', 'app://casebench/assets%2Findex-abc.js'],
    ['double-encoded ../', 'app://casebench/%252e%252e/secret.txt'],
    ['backslash', 'app://casebench/..\\secret.txt'],
    ['encoded backslash', 'app://casebench/..%5csecret.txt'],
    ['absolute path', 'app://casebench//etc/passwd'],
    ['origin-relative absolute path', '//etc/passwd'],
    ['drive letter', 'app://casebench/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://casebench/C%3A%5CWindows%5Cwin.ini'],
    ['null byte', 'app://casebench/index.html%00.js'],
    ['raw null byte', 'app://casebench/index.html\u0000.js'],
    ['control character', 'app://casebench/index%0a.html'],
    ['dot segment', 'app://casebench/./index.html'],
    ['hidden file', 'app://casebench/.env'],
    ['malformed encoding', 'app://casebench/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['host with credentials', 'app://user@casebench/index.html'],
    ['host with port', 'app://casebench:99/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['http URL with an absolute path', 'http://127.0.0.1:3000//etc/passwd'],
    ['http URL with encoded ../', 'http://127.0.0.1:3000/%2e%2e/secret.txt'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['relative path', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppAsset(root, url)).toMatchObject({ ok: false, status: 400 });
  });

  it('never resolves outside the asset folder, whatever the input', () => {
    const nasty = ['..', '%2e%2e', '%2E%2E%2F', '.%2e', '%2e.', '\\..', '%5c..', '%00', 'C:', '', '.', '%2f'];
    for (const a of nasty) {
      for (const b of [...nasty, 'secret.txt', 'index.html']) {
        for (const prefix of ['app://casebench/', '/', 'http://127.0.0.1:1/']) {
          const result = resolveAppAsset(root, `${prefix}${a}/${b}`);
          if (result.ok) {
            expect(path.relative(root, result.filePath).startsWith('..')).toBe(false);
            expect(result.filePath.startsWith(root + path.sep)).toBe(true);
            expect([file('index.html'), file('assets', 'index-abc.js')]).toContain(result.filePath);
          }
        }
      }
    }
  });

  it('says 404 with a hint when the renderer is not built', () => {
    for (const url of [APP_ENTRY_URL, 'app://casebench/cases', '/']) {
      expect(resolveAppAsset(path.join(base, 'nowhere'), url)).toMatchObject({
        ok: false,
        status: 404,
        reason: expect.stringMatching(/npm run build/),
      });
    }
  });
});
