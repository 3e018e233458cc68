/**
 * Entry names a bundle may carry: relative POSIX paths whose segments use only [A-Za-z0-9._-],
 * so that no name can leave the staging folder or mean something else on Windows or macOS.
 */
export const MAX_ENTRY_NAME = 200;
/** The two files every bundle starts with; no entry may take their names. */
export const MANIFEST_NAME = 'casebundle.json';
export const SIGNATURE_NAME = 'casebundle.sig';

const SEGMENT = /^[A-Za-z0-9._-]+$/;
// Reserved device names on Windows, with or without an extension ("NUL.txt" is still NUL).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Why `name` is not a safe entry name, or null when it is. */
export function unsafeEntryName(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'an empty name';
  if (name.length > MAX_ENTRY_NAME) return `a name longer than ${MAX_ENTRY_NAME} characters`;
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  if (name === MANIFEST_NAME || name === SIGNATURE_NAME) return 'a name the format reserves';
  for (const segment of name.split('/')) {
    if (segment === '') return 'an empty path segment';
    if (segment === '.' || segment === '..') return `a "${segment}" segment`;
    if (!SEGMENT.test(segment)) return 'characters other than A–Z, a–z, 0–9, ".", "_" and "-"';
    if (WINDOWS_RESERVED.test(segment)) return 'a reserved Windows device name';
    // Windows drops a trailing dot, so "a." and "a" would be the same file there.
    if (segment.endsWith('.')) return 'a segment ending in "."';
  }
  return null;
}

/**
 * The first problem with a set of names: an unsafe name, two names that are the same file on a
 * case-insensitive disk, or a name used both as a file and as a folder. Null when there is none.
 */
export function entryNamesProblem(names: readonly string[]): { name: string; reason: string } | null {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const name of names) {
    const reason = unsafeEntryName(name);
    if (reason) return { name: printable(name), reason };
    const key = name.toLowerCase();
    if (files.has(key)) return { name, reason: 'a duplicate' };
    if (folders.has(key)) return { name, reason: 'a name that is both a file and a folder' };
    files.add(key);
    const segments = key.split('/');
    for (let i = 1; i < segments.length; i++) folders.add(segments.slice(0, i).join('/'));
  }
  for (const folder of folders) if (files.has(folder)) return { name: folder, reason: 'a name that is both a file and a folder' };
  return null;
}

/** A name safe to quote in a message: control characters shown as "?" and the length bounded. */
export function printable(name: string): string {
  const shown = [...String(name)].map((c) => (c < ' ' || c === '\u007f' ? '?' : c)).join('');
  return shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
}
