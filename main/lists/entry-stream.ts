/**
 * Reading a list's files into prepared entries (prepared-entry.ts) for the store: in this thread,
 * or, for big files, in a worker thread (read-worker.ts), so that parsing and key-making run
 * beside the database writes instead of between them. Same reader, same preparation, same
 * order either way; only the thread differs.
 *
 * The worker hands entries over in batches and blocks (Atomics.wait) while MAX_IN_FLIGHT batches
 * await writing: memory stays bounded however much faster it reads than the disk writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DesignationList, ListFormat, ParseReport } from '../../shared/domain/designations';
import { note, type ListNote, type ListPlace } from '../../shared/domain/list-notes';
import { ListUnreadable } from '../ipc/failure';
import { ListParseError } from './common';
import type { ListInput } from './detect';
import { EntryPreparer, type ReadItem } from './prepared-entry';
import type { PreparedRead } from './read-list';

/** From this many bytes of files, a list is read in a worker (starting one costs ~0.1 s). */
export const WORKER_MIN_BYTES = 8 * 2 ** 20;
/** Items per batch a worker hands over. */
export const WORKER_BATCH = 2000;
/** Batches handed over and not yet written, at most. */
export const MAX_IN_FLIGHT = 4;
/**
 * Items of a batch taken per turn of the event loop where the writer runs (the app's main
 * process): a whole batch of 2,000, keys and writes, kept it from answering for 0.2–0.8 s at a time.
 */
export const ITEMS_PER_TURN = 250;
/**
 * The worker's heap, at most (MiB). What it keeps is little (the FtM reader's Sanctions between
 * its passes): a million generated entities read within 256 MiB. Without a cap V8 lets garbage
 * grow to several times that.
 */
export const WORKER_HEAP_MIB = 512;
/**
 * The worker makes an entry's keys only while this many batches await writing (the writer is
 * behind); otherwise it leaves them to the writer, which would wait idle. Making keys is about a
 * third of the work: shared this way, both threads stay busy whichever is faster on the machine.
 */
export const KEYS_HERE_FROM = 2;

export interface ReadRequest {
  files: ListInput[];
  format: ListFormat;
}

/** The list as the reader saw it; its entries went to the callback. */
export interface ReadOutcome {
  list: DesignationList;
  report: ParseReport;
}

/**
 * Reads in this thread (`read`: the files recognised by prepareRead), preparing each entry as it
 * is read; `withKeys` says whether to make its keys here. `progress` counts the bytes read.
 */
export async function readHere(
  read: PreparedRead,
  withKeys: () => boolean,
  onItem: (item: ReadItem) => void,
  progress = read.newProgress(),
): Promise<ReadOutcome> {
  const preparer = new EntryPreparer(read.authority);
  const parsed = await read.read({ collect: false, progress, onEntry: (entry) => onItem(preparer.prepare(entry, withKeys())) });
  return { list: parsed.list, report: parsed.report };
}

// ---------------------------------------------------------------------------------------------
// The worker's side of the conversation (read-worker.ts sends, readInWorker receives)

export interface WorkerInput {
  request: ReadRequest;
  /** Int32Array[1] over a SharedArrayBuffer: batches handed over and not yet written. */
  inFlight: SharedArrayBuffer;
}

/** An error crossing the thread boundary: a list's own error keeps its parts. */
export type SentError =
  | { kind: 'list'; fileKind: string | null; code: ListParseError['code']; at: ListPlace | null; note: ListNote; file: string | null }
  | { kind: 'other'; message: string; stack?: string };

/** `read`: the share of the files read when the batch was handed over (ReadProgress). */
export type WorkerMessage =
  | { type: 'items'; items: ReadItem[]; read: number | null }
  | { type: 'done'; outcome: ReadOutcome }
  | { type: 'failed'; error: SentError };

export function sendable(error: unknown): SentError {
  if (error instanceof ListParseError) return { kind: 'list', fileKind: error.fileKind, code: error.code, at: error.at, note: error.note, file: error.file };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

function received(error: SentError): Error {
  if (error.kind === 'list') return new ListParseError(error.fileKind, error.code, error.at, error.note, error.file);
  const e = new Error(error.message);
  if (error.stack) e.stack = error.stack;
  return e;
}

/** The bundled worker next to the bundled main (the app, the host), else the source through tsx (tests, benchmarks). */
function startWorker(workerData: WorkerInput, heapMib: number): Worker {
  const here = typeof __dirname === 'string' ? __dirname : path.join(process.cwd(), 'main', 'lists');
  // A larger young generation: reading allocates many short-lived objects, and the default
  // makes the worker spend a fifth of its time collecting them.
  const options = { workerData, resourceLimits: { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: heapMib } };
  const bundled = path.join(here, 'list-reader.cjs');
  if (fs.existsSync(bundled)) return new Worker(bundled, options);
  const source = path.join(here, 'read-worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

/**
 * Reads in a worker thread. `onItems` runs here, ITEMS_PER_TURN items of a batch at a time and
 * once per turn of the event loop: a message port hands over up to a thousand waiting messages in
 * one go, and since each batch written lets the worker post the next, writing inside the message
 * handler kept the thread (the app's main process) from answering anything else, a cancel
 * included, for a minute at a time. If `onItems` throws, the worker is stopped and the read fails with that error. An
 * abort stops the worker at once. A list that needs more than `heapMib` fails with
 * LIST_UNREADABLE, saying so. `onRead` hears how much of the files was read when each batch written
 * was handed over.
 */
export function readInWorker(
  request: ReadRequest,
  onItems: (items: ReadItem[]) => void,
  { signal, heapMib = WORKER_HEAP_MIB, onRead }: { signal?: AbortSignal; heapMib?: number; onRead?: (fraction: number) => void } = {},
): Promise<ReadOutcome> {
  return new Promise<ReadOutcome>((resolve, reject) => {
    const inFlight = new SharedArrayBuffer(4);
    const counter = new Int32Array(inFlight);
    const worker = startWorker({ request, inFlight }, heapMib);
    let settled = false;
    const settle = (error: unknown, outcome?: ReadOutcome) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        void worker.terminate();
        reject(error);
      } else resolve(outcome!);
    };
    const onAbort = () => settle(signal!.reason ?? new Error('aborted'));
    signal?.addEventListener('abort', onAbort);

    // The worker's messages, and its exit, in the order they came; taken one per turn, a batch
    // ITEMS_PER_TURN items at a time (`taken`: how many of the first batch waiting).
    const waiting: (WorkerMessage | { type: 'exit'; code: number })[] = [];
    let taken = 0;
    let scheduled = false;
    const takeNext = () => {
      scheduled = false;
      const message = waiting[0];
      if (settled || !message) return;
      if (message.type === 'items') {
        const slice = message.items.slice(taken, taken + ITEMS_PER_TURN);
        taken += slice.length;
        try {
          onItems(slice);
        } catch (error) {
          settle(error);
          return;
        }
        if (taken === message.items.length) {
          waiting.shift();
          taken = 0;
          // The whole batch is written: the worker may read on.
          Atomics.sub(counter, 0, 1);
          Atomics.notify(counter, 0);
          if (message.read !== null) onRead?.(message.read);
        }
      } else {
        waiting.shift();
        if (message.type === 'done') settle(null, message.outcome);
        else if (message.type === 'failed') settle(received(message.error));
        else settle(new Error(`the list reader stopped before the end of the file (exit code ${message.code})`));
      }
      if (waiting.length > 0) schedule();
    };
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      setImmediate(takeNext);
    };
    const arrive = (message: (typeof waiting)[number]) => {
      waiting.push(message);
      schedule();
    };
    worker.on('message', arrive);
    worker.on('exit', (code) => arrive({ type: 'exit', code }));
    worker.on('error', (error: Error & { code?: string }) =>
      settle(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? ListUnreadable.wholeFile(request.files[0]!.name, note('too_large', { mib: heapMib }), '; the previous version is still in use.')
          : error,
      ),
    );
  });
}
