import { Worker } from 'node:worker_threads';

/**
 * SHA-256 on a worker thread. A bundle's bytes are hashed twice (each entry, and the whole
 * .casebundle file) besides being encrypted; on the main thread the three run one after the other
 * and reach about a third of this machine's SHA-256 speed. Here the main thread only copies bytes
 * into shared memory (far faster than hashing) and the hashing runs on another core.
 *
 * Memory is fixed: SLOTS batches of 2 MiB in one SharedArrayBuffer, filled by us and hashed by the
 * worker in order; `update` makes the caller wait while every slot is queued. Nothing is allocated
 * per batch (transferring fresh buffers instead costs more in postMessage and garbage collection
 * than the hashing itself).
 */
const BATCH = 2 * 1024 * 1024;
const SLOTS = 4;

// Plain CommonJS evaluated as the worker: no file to ship beside the bundled main process.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const shared = new Uint8Array(workerData.shared);
let hash = createHash('sha256');
parentPort.on('message', (message) => {
  if (message.slot !== undefined) {
    hash.update(shared.subarray(message.slot * ${BATCH}, message.slot * ${BATCH} + message.length));
    parentPort.postMessage({ free: message.slot });
  } else {
    parentPort.postMessage({ digest: hash.digest('hex') });
    hash = createHash('sha256');
  }
});
`;

export class WorkerHasher {
  private readonly worker: Worker;
  private readonly shared = new SharedArrayBuffer(BATCH * SLOTS);
  private readonly bytes = new Uint8Array(this.shared);
  private readonly free: number[] = Array.from({ length: SLOTS }, (_, i) => i);
  /** The slot being filled (taken from `free`), or -1. */
  private slot = -1;
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly digests: { resolve: (hex: string) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared: this.shared } });
    this.worker.unref();
    this.worker.on('message', (message: { free?: number; digest?: string }) => {
      if (message.free !== undefined) {
        this.free.push(message.free);
        this.waiting.shift()?.();
      } else if (message.digest !== undefined) {
        this.digests.shift()?.resolve(message.digest);
      }
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      for (const resolve of this.waiting.splice(0)) resolve();
      for (const waiting of this.digests.splice(0)) waiting.reject(error);
    });
  }

  /** Adds bytes; waits only while every slot is queued. Await each call before the next one (and before digest). */
  async update(chunk: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < chunk.byteLength) {
      if (this.failure) throw this.failure;
      if (this.slot < 0) {
        if (this.free.length === 0) {
          await new Promise<void>((resolve) => this.waiting.push(resolve));
          continue;
        }
        this.slot = this.free.shift()!;
        this.used = 0;
      }
      const n = Math.min(BATCH - this.used, chunk.byteLength - offset);
      this.bytes.set(chunk.subarray(offset, offset + n), this.slot * BATCH + this.used);
      this.used += n;
      offset += n;
      if (this.used === BATCH) this.send();
    }
  }

  /** The hex SHA-256 of everything since the last digest; the hasher starts again from empty. */
  digest(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    this.send();
    return new Promise((resolve, reject) => {
      this.digests.push({ resolve, reject });
      this.worker.postMessage({ digest: true });
    });
  }

  close(): void {
    void this.worker.terminate();
  }

  private send(): void {
    if (this.slot < 0) return;
    this.worker.postMessage({ slot: this.slot, length: this.used });
    this.slot = -1;
  }
}
