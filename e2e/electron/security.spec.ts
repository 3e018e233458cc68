/**
 * Tier 3: the Electron shell itself, driven by Playwright's `_electron`: window, preload, app://
 * protocol with its CSP, navigation and window.open refused, permissions denied, IPC reaching the
 * router. Where the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1), every test
 * reports itself skipped with the reason.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../shared/contract';

const repoDir = path.resolve(import.meta.dirname, '..', '..');

/** The Electron executable, as `require('electron')` names it, or why there is none. */
function findElectron(): { executable: string } | { reason: string } {
  try {
    const executable: unknown = createRequire(path.join(repoDir, 'package.json'))('electron');
    if (typeof executable === 'string' && fs.existsSync(executable)) return { executable };
    return { reason: `require('electron') names ${String(executable)}, which does not exist` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { reason: `node_modules/electron has no executable (require('electron') threw "${message}")` };
  }
}

const found = findElectron();
const SKIP_REASON = `Electron binary not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1): ${'reason' in found ? found.reason : ''}`;
test.skip('reason' in found, SKIP_REASON);
// The list reporter shows skipped tests without their reason: say it once, in plain words.
if ('reason' in found && !process.env.TEST_WORKER_INDEX) console.log(`[electron] all tests skipped. ${SKIP_REASON}`);
test.describe.configure({ mode: 'serial' });

type CasebenchBridge = { invoke(channel: string, input: unknown): Promise<Result<unknown>> };
declare global {
  interface Window {
    casebench: CasebenchBridge;
    __inlineScriptRan?: boolean;
  }
}

const APP_ORIGIN = 'app://casebench';
const REQUIRED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

let app: ElectronApplication;
let page: Page;
let workspace: string;
let configHome: string;

test.beforeAll(async () => {
  if (!('executable' in found)) return;
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-electron-ws-'));
  // The single-instance lock lives in userData: give each run its own (Linux: $XDG_CONFIG_HOME).
  configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-electron-config-'));
  app = await electron.launch({
    executablePath: found.executable,
    // The repo folder, not dist/main/app.cjs: Electron then reads package.json (name, version, main)
    // exactly as in the packaged app.
    args: [repoDir, '--workspace', workspace, '--create-unencrypted', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: repoDir,
    env: { ...process.env, XDG_CONFIG_HOME: configHome, ELECTRON_ENABLE_LOGGING: '1' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  for (const dir of [workspace, configHome]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('opens one window titled Casebench on app://casebench', async () => {
  expect(page.url()).toMatch(/^app:\/\/casebench\//);
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(title).toContain('Casebench');
  expect(app.windows()).toHaveLength(1);
});

test('runs the renderer isolated, without Node, with no <webview>', async () => {
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
    webview: typeof customElements.get('webview'),
    // contextBridge only works with context isolation on: its presence proves it.
    bridgeKeys: Object.keys(window.casebench),
    invoke: typeof window.casebench.invoke,
  }));
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    webview: 'undefined',
    bridgeKeys: ['invoke'],
    invoke: 'function',
  });
  // The renderer process is sandboxed (Electron reports it on macOS and Windows only).
  const metrics = await app.evaluate(({ app: electronApp }) =>
    electronApp.getAppMetrics().filter((m) => m.type === 'Tab').map((m) => m.sandboxed),
  );
  for (const sandboxed of metrics) if (sandboxed !== undefined) expect(sandboxed).toBe(true);
});

test('serves app:// with the Content-Security-Policy, and the page obeys it', async () => {
  const response = await page.evaluate(async (url) => {
    const res = await fetch(url);
    return { status: res.status, csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type') };
  }, `${APP_ORIGIN}/index.html`);
  expect(response.status).toBe(200);
  expect(response.type).toMatch(/^text\/html/);
  for (const directive of REQUIRED_CSP) expect(response.csp).toContain(directive);

  const violated = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.__inlineScriptRan = true';
        document.head.append(script);
      }),
  );
  expect(violated).toMatch(/^script-src/);
  expect(await page.evaluate(() => window.__inlineScriptRan ?? false)).toBe(false);
  expect(
    await page.evaluate(() => {
      try {
        return String(eval('1 + 1'));
      } catch (error) {
        return (error as Error).name;
      }
    }),
  ).toBe('EvalError');
});

test('serves nothing outside the renderer folder over app://', async () => {
  const statuses = await page.evaluate(async (origin) => {
    const paths = ['/%2e%2e/main/app.cjs', '/..%2f..%2fpackage.json', '/%2e%2e%5cpackage.json', '/assets/missing.js'];
    return Promise.all(paths.map(async (p) => (await fetch(origin + p)).status));
  }, APP_ORIGIN);
  for (const status of statuses) expect(status).toBeGreaterThanOrEqual(400);
});

test('refuses navigation away from app://casebench', async () => {
  const before = page.url();
  for (const target of ['https://example.invalid/', 'file:///etc/passwd']) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  }
});

test('denies window.open', async () => {
  const opened = await page.evaluate(() => [
    window.open('https://example.invalid/') === null,
    window.open(`${location.origin}/index.html`) === null,
  ]);
  expect(opened).toEqual([true, true]);
  await page.waitForTimeout(300);
  expect(app.windows()).toHaveLength(1);
});

test('denies every permission', async () => {
  const states = await page.evaluate(async () => ({
    geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
    notifications: await Notification.requestPermission(),
  }));
  expect(states).toEqual({ geolocation: 'denied', notifications: 'denied' });
});

test('invokes the router through window.casebench', async () => {
  const status = await page.evaluate(() => window.casebench.invoke('app.status', {}));
  const version = (JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8')) as { version: string }).version;
  expect(status).toMatchObject({ ok: true, value: { version, workspace: { state: 'ready' } } });
  expect(fs.readdirSync(workspace).length).toBeGreaterThan(0);

  const unknown = await page.evaluate(() => window.casebench.invoke('no.such.channel', {}));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
});
