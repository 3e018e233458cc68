/**
 * The `code` of an error from node:fs, better-sqlite3 or a stream ('ENOENT', 'SQLITE_FULL',
 * 'ABORT_ERR'); '' when it has none. Errors become Failures by this code, never by their message.
 */
export function errnoCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** The codes that mean "this folder or file cannot be written to" (permissions, read-only media). */
export const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);
