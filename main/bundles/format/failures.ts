import { Failure } from '../../ipc/failure';
import { errnoCode } from '../../fs/errno';
import { PayloadDamaged } from './stream-cipher';

const isAbort = (error: unknown) =>
  errnoCode(error) === 'ABORT_ERR' || (error instanceof Error && error.name === 'AbortError');

export const cancelled = (doing: 'export' | 'import') =>
  new Failure('BAD_REQUEST', `The bundle ${doing} was cancelled. ${doing === 'export' ? 'No file was written' : 'Nothing was imported'}.`);

/** Any error met while writing or reading a bundle, as the Failure the user sees (never a path). */
export function bundleFailure(error: unknown, doing: 'export' | 'import', signal?: AbortSignal): Failure {
  if (error instanceof Failure) return error;
  if (signal?.aborted || isAbort(error)) return cancelled(doing);
  if (error instanceof PayloadDamaged) return new Failure('BUNDLE_DAMAGED', `The bundle is damaged or cut short: ${error.message}`);
  const code = errnoCode(error);
  const nothing = doing === 'export' ? 'No bundle was written.' : 'Nothing was imported.';
  if (doing === 'import' && (code === 'ENOENT' || code === 'EISDIR')) return new Failure('NOT_FOUND', 'The bundle file cannot be found or read. Nothing was imported.');
  if (code === 'ENOSPC' || code === 'EDQUOT') return new Failure('DISK_FULL', `The disk is full. ${nothing} Free some space and try again.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return doing === 'export'
      ? new Failure('EXPORT_FOLDER_UNWRITABLE', 'The folder chosen for the bundle cannot be written to. No bundle was written.')
      : new Failure('WORKSPACE_READ_ONLY', 'The workspace cannot be written to, so the bundle cannot be unpacked. Nothing was imported.');
  }
  return new Failure('INTERNAL', `The bundle ${doing} failed unexpectedly. ${nothing}`);
}
