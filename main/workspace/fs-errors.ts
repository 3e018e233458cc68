/** The errno codes that mean "this folder or file cannot be written to" (permissions, read-only media). */
export const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
