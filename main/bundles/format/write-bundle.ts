import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { Failure } from '../../ipc/failure';
import { makeHeader } from './age-header';
import { MANIFEST_NAME, SIGNATURE_NAME, entryNamesProblem } from './entry-names';
import { bundleFailure, cancelled } from './failures';
import { WorkerHasher } from './hasher';
import { encodeManifest, ed25519PublicKey, signManifest } from './manifest';
import { PayloadEncrypt } from './stream-cipher';
import type { BundleEntrySource, WriteBundleOptions } from './types';

const WRITE_BUFFER = 4 * 1024 * 1024;
const ignore = () => undefined;
const SHA256 = /^[0-9a-f]{64}$/;

/** The bundle file's bytes as they go to disk: the age header first, all of it hashed and counted. */
class FileBytes extends Transform {
  bytes = 0;
  private pending: Promise<void> | undefined;
  constructor(
    private readonly hasher: WorkerHasher,
    header: Uint8Array,
  ) {
    super({ readableHighWaterMark: 1024 * 1024, writableHighWaterMark: 1024 * 1024 });
    this.record(Buffer.from(header));
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.record(chunk);
    if (this.pending) this.pending.then(() => callback(), callback);
    else callback();
  }
  private record(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.pending = this.hasher.update(chunk);
    this.push(chunk);
  }
}

function checkInput(o: WriteBundleOptions): void {
  const problem = entryNamesProblem(o.entries.map((e) => e.name));
  if (problem) throw new Failure('BUNDLE_UNSAFE_ENTRY', `A bundle cannot carry an entry "${problem.name}" with ${problem.reason}.`);
  for (const e of o.entries) {
    if (!Number.isSafeInteger(e.size) || e.size < 0 || !SHA256.test(e.sha256)) {
      throw new Failure('BAD_REQUEST', `The entry "${e.name}" has no valid size and SHA-256.`);
    }
  }
  if (typeof o.meta !== 'object' || o.meta === null || Array.isArray(o.meta)) throw new Failure('BAD_REQUEST', 'Bundle meta must be a JSON object.');
  if (!ed25519PublicKey(o.signer.publicKey)) throw new Failure('BAD_REQUEST', 'The signing key is not an Ed25519 public key.');
}

/** Resolves when `halt` aborts: every wait below races it, so a failed pipeline never leaves the producer hanging. */
const halted = (halt: AbortSignal) =>
  new Promise<never>((_, reject) => {
    if (halt.aborted) reject(halt.reason);
    halt.addEventListener('abort', () => reject(halt.reason), { once: true });
  });

/** Entries under this size are hashed on the main thread: a round trip to the worker would cost more. */
const SMALL_ENTRY = 1024 * 1024;

/** Writes one tar entry from its source, checking size and SHA-256 against what the manifest already says. */
async function packEntry(
  pack: tar.Pack,
  entry: BundleEntrySource,
  mtime: Date,
  hasher: WorkerHasher,
  stop: Promise<never>,
  progressed: (bytes: number) => void,
): Promise<void> {
  const mismatch = (what: string) =>
    new Failure('BAD_REQUEST', `The entry "${entry.name}" changed since it was listed (${what}); export again after checking its integrity.`);
  const small = entry.size < SMALL_ENTRY ? createHash('sha256') : null;
  const finished = new Promise<void>((resolve, reject) => {
    const sink = pack.entry({ name: entry.name, size: entry.size, mode: 0o644, mtime, type: 'file' }, (error) => (error ? reject(error) : resolve()));
    sink.on('error', ignore); // reported through the entry's callback
    const copy = async () => {
      let size = 0;
      const source = entry.open() as Readable;
      try {
        for await (const raw of source) {
          const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
          size += chunk.length;
          if (size > entry.size) throw mismatch('it is longer');
          if (small) small.update(chunk);
          else {
            const waiting = hasher.update(chunk);
            if (waiting) await Promise.race([waiting, stop]);
          }
          progressed(chunk.length);
          if (!sink.write(chunk)) await Promise.race([once(sink as unknown as NodeJS.EventEmitter, 'drain'), stop]);
        }
      } finally {
        source.destroy();
      }
      if (size !== entry.size) throw mismatch('it is shorter');
      const sha256 = small ? small.digest('hex') : await Promise.race([hasher.digest(), stop]);
      if (sha256 !== entry.sha256) throw mismatch('its SHA-256 differs');
      sink.end(undefined);
    };
    copy().catch((error: unknown) => {
      sink.destroy(error as Error);
      reject(error);
    });
  });
  finished.catch(() => undefined); // the race below reports it, or the stop that came first
  await Promise.race([finished, stop]);
}

/**
 * Writes a signed, encrypted bundle: a tar of casebundle.json, casebundle.sig and the entries,
 * as an age file. Streams with bounded memory; the file appears at `o.file` only once complete
 * and fsynced, and nothing is left behind on any failure or abort.
 */
export async function writeBundle(o: WriteBundleOptions): Promise<{ sha256: string; bytes: number }> {
  checkInput(o);
  if (o.signal?.aborted) throw cancelled('export');
  const manifest = encodeManifest({ signerPublicKey: o.signer.publicKey, meta: o.meta, entries: o.entries });
  const signature = signManifest(manifest, o.signer.privateKey);
  const { header, fileKey } = await makeHeader(o.encryption);

  const total = o.entries.reduce((sum, e) => sum + e.size, 0);
  let done = 0;
  const progressed = (bytes: number) => {
    done += bytes;
    o.onProgress?.(done, total);
  };
  const temp = path.join(path.dirname(o.file), `.${path.basename(o.file)}.${randomUUID()}.part`);
  const halt = new AbortController();
  const stopOnAbort = () => halt.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', stopOnAbort, { once: true });
  const fileHash = new WorkerHasher();
  const entryHash = new WorkerHasher();
  const pack = tar.pack();
  pack.on('error', ignore); // reported through the pipeline that reads it
  const mtime = new Date(Math.floor(Date.now() / 1000) * 1000);
  const stop = halted(halt.signal);
  stop.catch(() => undefined);
  let piping: Promise<unknown> = Promise.resolve();
  try {
    const produce = async () => {
      for (const [name, body] of [[MANIFEST_NAME, manifest], [SIGNATURE_NAME, signature]] as const) {
        await new Promise<void>((resolve, reject) => pack.entry({ name, mode: 0o644, mtime }, body, (e) => (e ? reject(e) : resolve())).on('error', ignore));
      }
      for (const entry of o.entries) await packEntry(pack, entry, mtime, entryHash, stop, progressed);
      pack.finalize();
    };
    const bytes = new FileBytes(fileHash, header);
    const sink = fs.createWriteStream(temp, { flags: 'wx', highWaterMark: WRITE_BUFFER });
    const producing = produce();
    producing.catch((error: unknown) => halt.abort(error));
    piping = pipeline(Readable.from(pack, { highWaterMark: 1 }), new PayloadEncrypt(fileKey), bytes, sink, { signal: halt.signal });
    await Promise.all([piping, producing]);
    const handle = await fsp.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const sha256 = await fileHash.digest();
    if (o.signal?.aborted) throw cancelled('export');
    await fsp.rename(temp, o.file);
    await syncFolder(path.dirname(o.file));
    return { sha256, bytes: bytes.bytes };
  } catch (error) {
    halt.abort(error);
    pack.destroy();
    // A source can fail before the file sink has even opened: wait for the sink to close, or the
    // temporary file would be created after it was removed.
    await piping.catch(() => undefined);
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw bundleFailure(error, 'export', o.signal);
  } finally {
    o.signal?.removeEventListener('abort', stopOnAbort);
    fileHash.close();
    entryHash.close();
  }
}

/** The rename is durable only once the folder's entry is on disk too (not possible on Windows: skipped there). */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
