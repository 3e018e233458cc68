/**
 * The worker thread of entry-stream.ts's readInWorker: reads the list, prepares each entry, and
 * hands them over in batches, waiting while MAX_IN_FLIGHT batches are not yet written. Bundled as
 * dist/main/list-reader.cjs (scripts/build-main.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { KEYS_HERE_FROM, MAX_IN_FLIGHT, WORKER_BATCH, readHere, sendable, type WorkerInput, type WorkerMessage } from './entry-stream';
import type { ReadProgress } from './common';
import type { ReadItem } from './prepared-entry';
import { prepareRead } from './read-list';

const { request, inFlight } = workerData as WorkerInput;
const counter = new Int32Array(inFlight);
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

let progress: ReadProgress | null = null;
let batch: ReadItem[] = [];

function handOver(): void {
  if (batch.length === 0) return;
  post({ type: 'items', items: batch, read: progress?.fraction() ?? null });
  batch = [];
  Atomics.add(counter, 0, 1);
  // Blocking is the point: the parser (a stream) stops here until the writer catches up.
  for (;;) {
    const n = Atomics.load(counter, 0);
    if (n < MAX_IN_FLIGHT) break;
    Atomics.wait(counter, 0, n);
  }
}

// The files were recognised in the main thread; the worker has only their paths and format, and
// recognises them again (first bytes only). A failure there is reported like any other.
Promise.resolve()
  .then(() => {
    const read = prepareRead(request.files, request.format);
    progress = read.newProgress();
    return readHere(
      read,
      () => Atomics.load(counter, 0) >= KEYS_HERE_FROM,
      (item) => {
        batch.push(item);
        if (batch.length >= WORKER_BATCH) handOver();
      },
      progress,
    );
  })
  .then(
    (outcome) => {
      handOver();
      post({ type: 'done', outcome });
    },
    (error: unknown) => post({ type: 'failed', error: sendable(error) }),
  );
