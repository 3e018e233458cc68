// The pieces of `npm start` that decide things, kept pure so that scripts/launcher.test.ts can
// check them: where Electron is, which browser to use when it is not, with which arguments.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The line the host prints once it listens (see main/host/cli.ts). */
export const HOST_URL_PREFIX = 'CASEBENCH_HOST_URL=';

/**
 * The Electron executable, or null when the package was installed without its binary
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1): `require('electron')` then throws, or names a missing file.
 * @param {{ resolve?: () => string, exists?: (file: string) => boolean }} [deps]
 * @returns {string | null}
 */
export function findElectron(deps = {}) {
  const exists = deps.exists ?? fs.existsSync;
  const resolve =
    deps.resolve ??
    (() => /** @type {string} */ (createRequire(import.meta.url)('electron')));
  try {
    const file = resolve();
    return typeof file === 'string' && exists(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * Chromium-family browsers to try, best first, for this platform.
 * @param {{ platform?: NodeJS.Platform, env?: Record<string, string | undefined>, home?: string }} [options]
 * @returns {{ absolute: string[], onPath: string[] }}
 */
export function browserCandidates({ platform = process.platform, env = process.env, home = os.homedir() } = {}) {
  /** @type {string[]} */
  const absolute = [];
  if (env.CASEBENCH_BROWSER) absolute.push(env.CASEBENCH_BROWSER);
  if (platform === 'darwin') {
    for (const root of ['/Applications', path.posix.join(home, 'Applications')]) {
      absolute.push(
        `${root}/Google Chrome.app/Contents/MacOS/Google Chrome`,
        `${root}/Chromium.app/Contents/MacOS/Chromium`,
        `${root}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`,
      );
    }
    return { absolute, onPath: ['chromium', 'google-chrome', 'chrome'] };
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      /** @returns {r is string} */ (r) => typeof r === 'string' && r !== '',
    );
    for (const root of roots) absolute.push(path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    for (const root of roots) absolute.push(path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'));
    for (const root of roots) absolute.push(path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    return { absolute, onPath: ['chrome.exe', 'chromium.exe', 'msedge.exe'] };
  }
  absolute.push('/usr/bin/chromium');
  return {
    absolute,
    onPath: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge'],
  };
}

/**
 * The first candidate that exists: absolute paths first, then names looked up on PATH.
 * @param {{ platform?: NodeJS.Platform, env?: Record<string, string | undefined>, home?: string, isExecutable?: (file: string) => boolean }} [options]
 * @returns {string | null}
 */
export function findBrowser(options = {}) {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const isExecutable = options.isExecutable ?? defaultIsExecutable;
  const { absolute, onPath } = browserCandidates({ platform, env, home: options.home });
  for (const file of absolute) if (isExecutable(file)) return file;
  const pathApi = platform === 'win32' ? path.win32 : path.posix;
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  for (const name of onPath) {
    for (const dir of dirs) {
      const file = pathApi.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/** @param {string} file */
function defaultIsExecutable(file) {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Chromium arguments for the workbench as an app window: its own throw-away profile, nothing
 * phoning home. Root cannot use Chromium's sandbox (containers, CI), hence --no-sandbox there only.
 * @param {{ url: string, userDataDir: string, isRoot?: boolean }} options
 * @returns {string[]}
 */
export function browserArgs({ url, userDataDir, isRoot = false }) {
  return [
    `--app=${url}`,
    `--user-data-dir=${userDataDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--window-size=1360,860',
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

/**
 * The host URL from one line of the host's stdout, or null.
 * @param {string} line
 * @returns {string | null}
 */
export function parseHostUrl(line) {
  const trimmed = line.trim();
  if (!trimmed.startsWith(HOST_URL_PREFIX)) return null;
  const value = trimmed.slice(HOST_URL_PREFIX.length);
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost') ? value : null;
  } catch {
    return null;
  }
}

/** @returns {boolean} */
export function runningAsRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * The one line `npm start` prints when it falls back to the browser.
 * @param {{ url: string, browser: string | null }} options
 */
export function fallbackMessage({ url, browser }) {
  const why = 'Electron binary not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)';
  return browser
    ? `${why}; serving Casebench in ${path.basename(browser)} instead at ${url}`
    : `${why} and no Chromium or Chrome found; open Casebench in a Chromium-based browser at ${url}`;
}
