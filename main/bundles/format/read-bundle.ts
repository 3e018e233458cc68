import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { Failure } from '../../ipc/failure';
import { openHeader, readHeader } from './age-header';
import { MANIFEST_NAME, SIGNATURE_NAME, printable, unsafeEntryName } from './entry-names';
import { errnoCode } from '../../fs/errno';
import { bundleFailure, cancelled } from './failures';
import { WorkerHasher } from './hasher';
import { DEFAULT_BUNDLE_LIMITS, MANIFEST_MAX_BYTES, type BundleLimits } from './limits';
import { openManifest, type Manifest } from './manifest';
import { PayloadDecrypt } from './stream-cipher';
import type { OpenedBundle, ReadBundleOptions } from './types';

const READ_CHUNK = 1024 * 1024;
const WRITE_BUFFER = 1024 * 1024;
const SIGNATURE_MAX_BYTES = 1024;
const SMALL_ENTRY = 1024 * 1024;

/** The bundle file's bytes after the header, hashed on the way through. */
class Hashed extends Transform {
  constructor(private readonly hasher: WorkerHasher) {
    super({ readableHighWaterMark: 1024 * 1024, writableHighWaterMark: 1024 * 1024 });
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const waiting = this.hasher.update(chunk);
    this.push(chunk);
    if (waiting) waiting.then(() => callback(), callback);
    else callback();
  }
}

const damaged = (why: string) => new Failure('BUNDLE_DAMAGED', `The bundle is damaged: ${why}.`);
const unsafe = (name: string, why: string) => new Failure('BUNDLE_UNSAFE_ENTRY', `The bundle holds an entry "${printable(name)}" that is ${why}; it was refused.`);

async function readSmall(entry: AsyncIterable<Buffer>, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    size += chunk.length;
    if (size > max) throw damaged('an entry is longer than its header says');
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function checkLimits(m: Manifest, limits: BundleLimits): number {
  if (m.entries.length > limits.maxEntries) {
    throw new Failure('BUNDLE_TOO_LARGE', `The bundle lists ${m.entries.length} entries; the limit is ${limits.maxEntries}.`);
  }
  let total = 0;
  for (const e of m.entries) {
    if (e.size > limits.maxEntryBytes) {
      throw new Failure('BUNDLE_TOO_LARGE', `The bundle's entry "${e.name}" is ${e.size} bytes; the limit for one entry is ${limits.maxEntryBytes}.`);
    }
    total += e.size;
  }
  if (total > limits.maxTotalBytes) throw new Failure('BUNDLE_TOO_LARGE', `The bundle holds ${total} bytes; the limit is ${limits.maxTotalBytes}.`);
  return total;
}

async function checkFreeSpace(dir: string, needed: number): Promise<void> {
  const stats = await fsp.statfs(dir).catch(() => null);
  if (stats && stats.bavail * stats.bsize < needed) {
    throw new Failure('DISK_FULL', `The bundle needs ${needed} bytes of free disk space to unpack; there is less. Nothing was imported. Free some space and try again.`);
  }
}

/**
 * Opens a bundle into `stagingDir`: decrypts, reads casebundle.json and verifies its signature
 * before any other entry, then streams each entry to its file while hashing it, and accepts it
 * only if its name, size and SHA-256 are the manifest's, in the manifest's order. Any failure
 * removes stagingDir and throws a Failure with its own code.
 */
export async function readBundle(o: ReadBundleOptions): Promise<OpenedBundle> {
  const limits: BundleLimits = { ...DEFAULT_BUNDLE_LIMITS, ...o.limits };
  if (o.signal?.aborted) throw cancelled('import');
  const staging = path.resolve(o.stagingDir);
  const halt = new AbortController();
  const stopOnAbort = () => halt.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', stopOnAbort, { once: true });
  const stop = new Promise<never>((_, reject) => halt.signal.addEventListener('abort', () => reject(halt.signal.reason), { once: true }));
  stop.catch(() => undefined);
  const fileHash = new WorkerHasher();
  const entryHash = new WorkerHasher();
  let handle: fsp.FileHandle | undefined;
  let madeStaging = false;
  let manifestSeen = false;
  try {
    handle = await fsp.open(o.file, 'r');
    const header = await readHeader(handle);
    const fileKey = await openHeader(header, o.identities, o.passphrase);
    // Never removes what it did not make: a staging folder that already holds files is refused, untouched.
    if (((await fsp.readdir(staging).catch(() => [])) as string[]).length > 0) throw new Failure('BAD_REQUEST', 'The staging folder for a bundle must be new or empty.');
    await fsp.mkdir(staging, { recursive: true });
    madeStaging = true;
    void fileHash.update(header);

    const extract = tar.extract();
    extract.on('error', () => undefined); // reported through the iteration below, or the feed that caused it
    const decrypt = new PayloadDecrypt(fileKey);
    const source = fs.createReadStream('', { fd: handle, start: header.length, highWaterMark: READ_CHUNK, autoClose: false });
    // Decrypted bytes go into the tar parser with backpressure; the parser ends only after the
    // payload's last chunk authenticated, so a cut-short bundle never reads as complete.
    // (A Writable, not an async iterator: iterating a byte stream concatenates what it buffered, one more copy of everything.)
    const intoTar = new Writable({
      highWaterMark: WRITE_BUFFER,
      write(chunk: Buffer, _encoding, callback) {
        if (extract.write(chunk)) return callback();
        Promise.race([once(extract as unknown as NodeJS.EventEmitter, 'drain'), stop]).then(() => callback(), callback);
      },
      final(callback) {
        extract.end(undefined);
        callback();
      },
    });
    const feed = () => pipeline(source, new Hashed(fileHash), decrypt, intoTar, { signal: halt.signal });
    let manifest: Manifest | null = null;
    const consume = async (): Promise<Manifest> => {
      let index = 0;
      let manifestBytes: Buffer | null = null;
      let total = 0;
      let done = 0;
      const seen = new Set<string>();
      for await (const entry of extract) {
        const h = entry.header;
        if (index === 0) {
          if (h.name !== MANIFEST_NAME || h.type !== 'file') throw new Failure('BUNDLE_NOT_A_BUNDLE', 'This file is not a case bundle: it holds no casebundle.json.');
          if (h.size > MANIFEST_MAX_BYTES) throw new Failure('BUNDLE_TOO_LARGE', `The bundle's manifest is over ${MANIFEST_MAX_BYTES} bytes.`);
          manifestBytes = await readSmall(entry as AsyncIterable<Buffer>, h.size);
        } else if (index === 1) {
          if (h.name !== SIGNATURE_NAME || h.type !== 'file' || h.size > SIGNATURE_MAX_BYTES) throw damaged('its signature does not follow the manifest');
          manifest = openManifest(manifestBytes!, await readSmall(entry as AsyncIterable<Buffer>, h.size));
          manifestSeen = true;
          total = checkLimits(manifest, limits);
          await checkFreeSpace(staging, total);
          o.onProgress?.(0, total);
        } else {
          const m = manifest!;
          const reason = h.type !== 'file' ? `a ${h.type} (only plain files are allowed)` : unsafeEntryName(h.name) && `named with ${unsafeEntryName(h.name)}`;
          if (reason) throw unsafe(h.name, reason);
          const key = h.name.toLowerCase();
          if (seen.has(key)) throw unsafe(h.name, 'a duplicate');
          seen.add(key);
          const expected = m.entries[index - 2];
          if (!expected || expected.name !== h.name) {
            throw m.entries.some((e) => e.name === h.name) ? damaged(`the entry "${h.name}" is out of order`) : damaged(`the entry "${h.name}" is not in the signed manifest`);
          }
          if (h.size !== expected.size) throw damaged(`the entry "${h.name}" does not have the size the manifest says`);
          await extractEntry(entry as AsyncIterable<Buffer>, path.join(staging, ...h.name.split('/')), expected, (n) => o.onProgress?.((done += n), total));
        }
        index++;
      }
      if (!manifest) throw index === 0 ? new Failure('BUNDLE_NOT_A_BUNDLE', 'This file is not a case bundle: it holds no casebundle.json.') : damaged('it has no signature');
      const m: Manifest = manifest;
      if (index - 2 < m.entries.length) throw damaged(`the entry "${m.entries[index - 2]!.name}" is missing`);
      return m;
    };

    const extractEntry = async (entry: AsyncIterable<Buffer>, target: string, expected: { name: string; size: number; sha256: string }, progressed: (n: number) => void) => {
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const small = expected.size < SMALL_ENTRY ? createHash('sha256') : null;
      const out = fs.createWriteStream(target, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_BUFFER });
      const closed = new Promise<void>((resolve, reject) => {
        out.on('error', reject);
        out.on('close', resolve);
      });
      closed.catch(() => undefined);
      let size = 0;
      try {
        for await (const chunk of entry) {
          size += chunk.length;
          if (size > expected.size) throw damaged(`the entry "${expected.name}" is longer than the manifest says`);
          if (small) small.update(chunk);
          else {
            const waiting = entryHash.update(chunk);
            if (waiting) await Promise.race([waiting, stop]);
          }
          progressed(chunk.length);
          if (!out.write(chunk)) await Promise.race([once(out, 'drain'), closed, stop]);
        }
        out.end();
        await Promise.race([closed, stop]);
      } catch (error) {
        out.destroy();
        throw error;
      }
      if (size !== expected.size) throw damaged(`the entry "${expected.name}" is shorter than the manifest says`);
      const sha256 = small ? small.digest('hex') : await Promise.race([entryHash.digest(), stop]);
      if (sha256 !== expected.sha256) throw damaged(`the entry "${expected.name}" does not match its SHA-256`);
    };

    const feeding = feed();
    feeding.catch((error: unknown) => {
      halt.abort(error);
      extract.destroy(error as Error);
    });
    const consuming = consume();
    consuming.catch((error: unknown) => halt.abort(error));
    const [, m] = await Promise.all([feeding, consuming]);
    if (o.signal?.aborted) throw cancelled('import');
    const bundleSha256 = await fileHash.digest();
    const names = new Set(m.entries.map((e) => e.name));
    return {
      formatVersion: m.formatVersion,
      meta: m.meta,
      entries: m.entries,
      signer: { publicKey: m.signerPublicKey },
      bundleSha256,
      pathOf(name: string) {
        if (!names.has(name)) throw new Failure('NOT_FOUND', `The bundle has no entry "${printable(name)}".`);
        return path.join(staging, ...name.split('/'));
      },
      dispose() {
        fs.rmSync(staging, { recursive: true, force: true });
      },
    };
  } catch (error) {
    halt.abort(error);
    if (madeStaging) await fsp.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw bundleFailure(tarFailure(error, manifestSeen), 'import', o.signal);
  } finally {
    o.signal?.removeEventListener('abort', stopOnAbort);
    await handle?.close().catch(() => undefined);
    fileHash.close();
    entryHash.close();
  }
}

/** tar-stream's own errors (a bad header, data cut short) inside an authenticated payload: someone with the key wrote a broken tar. */
function tarFailure(error: unknown, manifestSeen: boolean): unknown {
  if (error instanceof Error && !(error instanceof Failure) && !errnoCode(error) && /tar|header|unexpected end|size mismatch/i.test(error.message)) {
    return manifestSeen ? damaged('its container is not a valid tar archive') : new Failure('BUNDLE_NOT_A_BUNDLE', 'This file is not a case bundle: what it holds is not a tar archive.');
  }
  return error;
}
