/**
 * The security policy of the Casebench shell, as plain data and pure functions (no Electron import),
 * so that it is unit-tested in Node and shared by the Electron shell (main/app) and the loopback
 * host (main/host). It follows Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security):
 *
 * - renderer without Node, isolated and sandboxed (WEB_PREFERENCES);
 * - a strict Content-Security-Policy on every response we serve (CONTENT_SECURITY_POLICY);
 * - our own privileged `app://casebench` scheme instead of file:// (resolveAppAsset);
 * - no navigation and no new windows outside our origin (isAllowedNavigation);
 * - IPC only from our own main frame (isTrustedSender);
 * - every permission request denied (decidePermission).
 */
import fs from 'node:fs';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'casebench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * BrowserWindow webPreferences (the preload path is added by main/app, which knows where it is).
 * Typed structurally so this module needs no Electron import; main/app checks it against
 * Electron.WebPreferences with `satisfies`.
 */
export const WEB_PREFERENCES = Object.freeze({
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
  enableWebSQL: false,
  plugins: false,
  safeDialogs: true,
} as const);

/**
 * Content-Security-Policy directives. style-src needs 'unsafe-inline' because Mantine injects its
 * CSS variables in <style> elements at run time; scripts stay 'self' only (no inline, no eval).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  // Evidence video and audio from the vault (app://casebench/vault/…, same origin) and pdf.js's worker.
  'media-src': ["'self'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
});

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** Headers sent with every asset we serve (app:// in Electron, loopback HTTP in the host). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/** The full header set for one served asset. */
export function assetHeaders(contentType: string): Record<string, string> {
  return { 'Content-Type': contentType, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL on our own origin (app://casebench) and nothing else: no credentials, no port. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** May a frame navigate (or be redirected) to this URL? Only within our own origin. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** May this frame call the IPC channel? Only our own top-level document on app://casebench/. */
export function isTrustedSender(sender: { url: string | null | undefined; isMainFrame: boolean }): boolean {
  return sender.isMainFrame === true && typeof sender.url === 'string' && isAppUrl(sender.url);
}

/**
 * Permission requests and checks (camera, microphone, geolocation, notifications, clipboard
 * read, MIDI, HID, serial, USB, fullscreen, pointer lock, openExternal…): the workbench needs none,
 * so every one is denied.
 */
export function decidePermission(_permission: string): boolean {
  return false;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
});

/** Content-Type for a served file, by extension; unknown types are opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AssetResolution =
  | {
      ok: true;
      /** Absolute path, always inside the asset folder. */
      filePath: string;
      contentType: string;
      /** True when the path named no file and index.html is served for the client-side router. */
      fallback: boolean;
    }
  | { ok: false; status: 400 | 404; reason: string };

const refuse = (reason: string): AssetResolution => ({ ok: false, status: 400, reason });
const notFound = (reason: string): AssetResolution => ({ ok: false, status: 404, reason });

function isFile(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * The raw (still percent-encoded) path of a request URL, or null when the URL is not ours:
 * `app://casebench/<path>` (the Electron protocol), `http(s)://<authority>/<path>` (the loopback
 * host, which checks the Host header itself) or an origin-relative `/<path>`.
 */
function rawPathOf(requestUrl: string): string | null {
  let rest: string;
  if (requestUrl.startsWith('/')) {
    rest = requestUrl;
  } else {
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(requestUrl);
    if (!match) return null;
    const scheme = (match[1] as string).toLowerCase();
    const authority = (match[2] as string).toLowerCase();
    if (scheme === APP_SCHEME) {
      if (authority !== APP_HOST) return null;
    } else if (scheme !== 'http' && scheme !== 'https') {
      return null;
    }
    rest = match[3] as string;
  }
  const end = rest.search(/[?#]/);
  const rawPath = end === -1 ? rest : rest.slice(0, end);
  return rawPath === '' ? '/' : rawPath;
}

/**
 * Map a request for `app://casebench/<path>` (or, for the loopback host, `http://127.0.0.1:PORT/<path>`
 * or an origin-relative `/<path>?query`) to a file under `rootDir` (dist/renderer).
 *
 * Refused (400), checked on the raw and on the decoded path before touching the file system: other
 * schemes or app:// hosts, `..` and `.` segments (plain or percent-encoded), any segment starting
 * with a dot, backslashes, encoded slashes, null bytes and control characters, drive letters or
 * colons, empty segments (`//etc/passwd`), malformed or double percent-encoding.
 *
 * A path that names no file and has no extension is a client-side route: index.html is served
 * (SPA fallback). A missing file with an extension (a script, a font) is 404, so that a broken
 * asset never silently becomes HTML.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): AssetResolution {
  const rawPath = rawPathOf(requestUrl);
  if (rawPath === null) return refuse('not an app://casebench URL, a loopback URL or an origin-relative path');
  if (rawPath.includes('\\')) return refuse('backslash in path');

  const root = path.resolve(rootDir);
  const rawSegments = rawPath.split('/').slice(1);
  const isDirectoryPath = rawSegments.at(-1) === '';
  if (isDirectoryPath) rawSegments.pop();

  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse('malformed percent-encoding');
    }
    if (segment === '') return refuse('empty path segment');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(segment)) return refuse('control character in path');
    if (/[/\\:]/.test(segment)) return refuse('separator, backslash or colon inside a path segment');
    if (segment.includes('%')) return refuse('double percent-encoding');
    if (segment.startsWith('.')) return refuse('dot segment or hidden file');
    segments.push(segment);
  }

  const target = path.resolve(root, ...segments);
  const relative = path.relative(root, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return refuse('outside the asset folder');

  if (segments.length > 0 && !isDirectoryPath && isFile(target)) {
    return { ok: true, filePath: target, contentType: contentTypeFor(target), fallback: false };
  }
  const index = path.join(root, 'index.html');
  if (!isFile(index)) return notFound('index.html missing: run `npm run build`');
  const last = segments.at(-1);
  if (last !== undefined && !isDirectoryPath && path.extname(last) !== '') return notFound('no such asset');
  return { ok: true, filePath: index, contentType: contentTypeFor(index), fallback: segments.length > 0 };
}
