/**
 * Importing a list: recognise the files, stream their entries into a new version of the list
 * (designation-store.ts), and swap it in for the current one only when every entry has been read
 * and written. A file that cannot be read, a full disk, a cancel or a crash leave the current
 * version as it was; the partial one is deleted (a crash's, when the workspace next opens).
 */
import { OneAtATime } from '../db/one-at-a-time';
import type { z } from 'zod';
import { LIST_SKIPPED_KEPT, type ListFile, type ListImportInputSchema, type ListImportReport, type ListImportResult } from '../../shared/contract/channels/lists';
import { DesignationListSchema, type ListFormat } from '../../shared/domain/designations';
import { note, type ListNote } from '../../shared/domain/list-notes';
import { errnoCode } from '../fs/errno';
import { Failure, ListUnreadable } from '../ipc/failure';
import type { ServiceContext } from '../services/context';
import type { EvidenceContext } from '../services/evidence-context';
import { ListParseError } from './common';
import type { ListInput } from './detect';
import { EntryWriter, beginImport, commitImport, currentList, purgeLists } from './designation-store';
import { WORKER_MIN_BYTES, readHere, readInWorker } from './entry-stream';
import { isSkipped, type ReadItem } from './prepared-entry';
import { prepareRead, type PreparedRead } from './read-list';

export interface ImportControl {
  signal?: AbortSignal;
  /** Entries stored so far (called after each batch). */
  advance?(n: number): void;
  setTotal?(total: number): void;
  /** The share of the list's files read so far (0 to 1), when the reader can say. */
  setRead?(fraction: number): void;
}

/** A list file to import: its bytes, the user's name for it, and what is recorded about it. */
export type ImportFile = ListInput & Omit<ListFile, 'name'>;

export interface PreparedImport {
  files: readonly ImportFile[];
  read: PreparedRead;
  /** Read in a worker thread (entry-stream.ts): big files, where it pays for starting one. */
  inWorker: boolean;
}

/** Paths never leave main: a message that quotes one (a library's error text) gets the file's name instead. */
function withoutPaths(message: string, files: readonly ImportFile[]): string {
  let out = message;
  for (const file of files) out = out.split(file.path).join(file.name);
  // Any other absolute path (two or more segments, at the start of a word).
  return out.replace(/(?<=^|[\s"'(:=])(?:[A-Za-z]:)?[\\/](?:[^\\/\s"'()]+[\\/])+[^\\/\s"'()]*/g, '(file)');
}

/** A note's values with any path taken out, as withoutPaths does for messages. */
function noteWithoutPaths(n: ListNote, files: readonly ImportFile[]): ListNote {
  if (!n.values) return n;
  const values = Object.fromEntries(Object.entries(n.values).map(([k, v]) => [k, typeof v === 'string' ? withoutPaths(v, files) : v]));
  return { ...n, values };
}

function unreadable(error: ListParseError, files: readonly ImportFile[]): ListUnreadable {
  const file = files.find((f) => f.name === error.file)?.name ?? files[0]!.name;
  return new ListUnreadable(withoutPaths(error.message, files), { file, at: error.at, note: noteWithoutPaths(error.note, files) });
}

/** SQLite errors the user can act on; null for anything else (a bug). */
function storageFailure(error: unknown): Failure | null {
  const code = errnoCode(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new Failure('DISK_FULL', 'The disk is full: the list was not imported and the previous version is still in use. Free some space and import again.');
  }
  if (code.startsWith('SQLITE_READONLY')) return new Failure('WORKSPACE_READ_ONLY', 'The workspace cannot be written to: the list was not imported.');
  return null;
}

/**
 * Recognises the files' format (or takes the one given). Synchronous and quick (first bytes only):
 * a file that is plainly not a list fails here, LIST_UNREADABLE naming the file, before a job starts.
 */
export function prepareImport(files: readonly ImportFile[], format?: ListFormat): PreparedImport {
  try {
    const bytes = files.reduce((n, f) => n + f.size, 0);
    return { files, read: prepareRead(files, format), inWorker: bytes >= WORKER_MIN_BYTES };
  } catch (error) {
    if (error instanceof ListParseError) throw unreadable(error, files);
    throw error;
  }
}

/** One import at a time per workspace: each reads to the end before the next starts writing. */
const running = new OneAtATime();

function cancelled(): Failure {
  return new Failure('BAD_REQUEST', 'The import was cancelled; the previous version of the list is still in use.');
}

/** Reads the files into a new version of their list and makes it current; see the file comment. */
export async function runImport(ctx: ServiceContext, prepared: PreparedImport, control: ImportControl = {}): Promise<ListImportResult> {
  return running.run(ctx.db, () => importNow(ctx, prepared, control));
}

const READ_REPORT_EVERY = 500;

/** Reads in this thread (a small list: a second or two), saying how far every READ_REPORT_EVERY entries. */
async function readHereReporting(read: PreparedRead, take: (item: ReadItem) => void, onRead: (fraction: number) => void) {
  const progress = read.newProgress();
  const report = () => {
    const fraction = progress.fraction();
    if (fraction !== null) onRead(fraction);
  };
  let items = 0;
  const outcome = await readHere(
    read,
    () => true,
    (item) => {
      take(item);
      if (++items % READ_REPORT_EVERY === 0) report();
    },
    progress,
  );
  report();
  return outcome;
}

async function importNow(ctx: ServiceContext, prepared: PreparedImport, control: ImportControl): Promise<ListImportResult> {
  const { db } = ctx;
  const { files, read } = prepared;
  const signal = control.signal;
  if (signal?.aborted) throw cancelled();
  const listId = beginImport(db, {
    format: read.format,
    files: files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })),
    importedBy: ctx.actor,
    now: ctx.now(),
  });
  let writeError: unknown = null;
  const writer = new EntryWriter(db, listId, (stored) => control.advance?.(stored));
  // The authorities this version covers (designation_lists.authorities), for the coordination matrix.
  const authorities = new Set<string>();
  const take = (item: ReadItem) => {
    // Thrown into the reader, which stops; what it then throws is replaced below.
    if (signal?.aborted) throw cancelled();
    if (writeError) throw writeError;
    try {
      if (isSkipped(item)) writer.skip(item.at, item.note);
      else {
        writer.add(item);
        authorities.add(item.authority);
      }
    } catch (error) {
      writeError = error;
      throw error;
    }
  };
  const onRead = (fraction: number) => control.setRead?.(fraction);
  try {
    const parsed = prepared.inWorker
      ? await readInWorker({ files: files.map((f) => ({ path: f.path, name: f.name })), format: read.format }, (items) => items.forEach(take), { signal, onRead })
      : await readHereReporting(read, take, onRead);
    if (signal?.aborted) throw cancelled();
    if (writeError) throw writeError;
    await writer.flush();
    const list = DesignationListSchema.parse(parsed.list);
    // The store's own skips (a reference listed twice) first: the parser's can run to thousands.
    const skipped = [...writer.skipped, ...parsed.report.skipped];
    const report: ListImportReport = {
      entries: writer.entries,
      names: writer.names,
      skippedCount: parsed.report.skipped.length + writer.skippedCount,
      skipped: skipped.slice(0, LIST_SKIPPED_KEPT),
      removedCount: parsed.report.removed,
      warnings: parsed.report.warnings.slice(0, 200).map((w) => ({ at: w.at, note: noteWithoutPaths(w.note, files) })),
    };
    if (writer.entries === 0) {
      throw ListUnreadable.wholeFile(files[0]!.name, note('nothing_read', { skipped: report.skippedCount, removed: report.removedCount }));
    }
    if (signal?.aborted) throw cancelled();
    db.prepare('UPDATE designation_lists SET authorities = ? WHERE id = ?').run(JSON.stringify([...authorities].sort()), listId);
    const replaced = commitImport(db, listId, { list, report, now: ctx.now() });
    // The new version is in use; the old one is invisible and its rows go in the background.
    if (replaced) void purgeLists(db, [replaced.listId]);
    control.setTotal?.(writer.entries);
    const stored = currentList(db, list.key)!;
    return {
      list: stored.summary,
      report,
      replaced: replaced ? { listDate: replaced.listDate, entries: replaced.entries, importedAt: replaced.importedAt } : null,
    };
  } catch (error) {
    writer.abandon();
    // Invisible at once; its rows go in the background (or, if the app stops first, at the next open).
    void purgeLists(db, [listId]);
    if (signal?.aborted) throw cancelled();
    const cause = writeError ?? error;
    if (cause instanceof Failure) throw cause;
    if (cause instanceof ListParseError) throw unreadable(cause, files);
    throw storageFailure(cause) ?? cause;
  }
}

/** Imports list files from paths (tests, scripts): prepare, then run. */
export function importListFiles(ctx: ServiceContext, files: readonly ImportFile[], format?: ListFormat, control?: ImportControl): Promise<ListImportResult> {
  return runImport(ctx, prepareImport(files, format), control);
}

/**
 * 'lists.import': takes uploads waiting in the vault's holding area. Fails at once when an upload
 * is gone or a file is plainly not a list; otherwise answers a run for the job. The uploads are
 * discarded after the attempt, whatever its outcome: a list is not evidence.
 */
export function prepareUploadImport(ctx: EvidenceContext, input: z.output<typeof ListImportInputSchema>): { run(control: ImportControl): Promise<ListImportResult> } {
  const files = input.uploads.map((u, i): ImportFile => {
    const upload = ctx.vault.upload(u.uploadId);
    const held = ctx.vault.heldFile(u.uploadId);
    if (!upload || !held) {
      throw new Failure('UPLOAD_GONE', 'An upload is no longer waiting to be imported; upload the file again.', {
        [`uploads.${i}.uploadId`]: { code: 'invalid' },
      });
    }
    return { path: held, name: u.originalName, sha256: upload.sha256, size: upload.size };
  });
  const discard = () => {
    for (const u of input.uploads) ctx.vault.discard(u.uploadId);
  };
  let prepared: PreparedImport;
  try {
    prepared = prepareImport(files, input.format);
  } catch (error) {
    discard();
    throw error;
  }
  return {
    run: (control) => runImport(ctx, prepared, control).finally(discard),
  };
}
