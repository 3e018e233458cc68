import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { v7 as uuidv7 } from 'uuid';
import { fsyncDir } from '../fs/durable';
import { errnoCode } from '../fs/errno';
import { Failure } from '../ipc/failure';
import { readSealed, SealedFileDamaged, SealedFileReader, sealedLayout, Sealer, sealFileSync, unsealFileSync } from './sealed-file';
import { sealVault, VAULT_FORMAT_FILE } from './seal-vault';
import { sniffMediaType, Utf8Watch } from './sniff';

/**
 * The evidence vault: `<workspace>/vault/sha256/ab/cd/<sha256>`, content-addressed, each file
 * written once (to vault/tmp, fsynced, renamed into place), read-only, never modified. The
 * database says which files are evidence; a file no item references is not evidence and is
 * swept at start-up, as is anything left in tmp by a crash.
 *
 * In an encrypted workspace the vault is "sealed" (sealed-file.ts): every stored file is
 * encrypted in chunks under a key derived from the workspace key, still named by the SHA-256 of
 * its plaintext. Only this class knows: everything else reads, hashes and stores through it.
 */
export const VAULT_DIR = 'vault';
const CHUNK = 1024 * 1024;
/** Bytes the vault's write stream buffers before it pushes back on the source. */
const WRITE_BUFFER = 4 * CHUNK;
/** Uploads not claimed by an import within this long are swept while the app runs. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export interface Upload {
  uploadId: string;
  sha256: string;
  size: number;
  mediaType: string;
  /** The name the sender gave (informational; evidence.import carries the one recorded). */
  name: string | null;
  receivedAt: number;
}

export type ByteSource = Readable | WebReadableStream<Uint8Array> | ReadableStream<Uint8Array>;

const SHA256 = /^[0-9a-f]{64}$/;

/** Turns file-system errors into a Failure the user can act on (never a path). */
export function storageFailure(error: unknown): Failure {
  if (error instanceof Failure) return error;
  const code = errnoCode(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new Failure('DISK_FULL', 'The evidence vault is full: free some disk space and import again. Nothing was stored.');
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new Failure('WORKSPACE_READ_ONLY', 'The evidence vault cannot be written to. Nothing was stored.');
  }
  return new Failure('INTERNAL', 'The file could not be stored in the evidence vault. Nothing was stored.');
}

/** An upload that is no longer waiting to be imported (expired, or its temporary copy removed). */
export const uploadGone = () =>
  new Failure('UPLOAD_GONE', 'This upload is no longer waiting to be imported (it expired, or its temporary copy was removed). Nothing was stored; upload the file again.');

/** fsync through a fresh descriptor: it flushes the file's data whichever descriptor wrote it. */
async function fsyncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const toNodeReadable = (source: ByteSource): Readable =>
  source instanceof Readable ? source : Readable.fromWeb(source as WebReadableStream<Uint8Array>, { highWaterMark: 8 });

export class Vault {
  readonly root: string;
  readonly tmpDir: string;
  readonly contentDir: string;
  private readonly uploads = new Map<string, Upload>();
  /** The vault key of a sealed vault (zeroed by close); null for a plain workspace's vault. */
  private key: Buffer | null;
  /** Whether the vault is sealed; stays true after close (then nothing can be read or stored). */
  readonly sealed: boolean;

  /**
   * `key`: the vault key (sealed-file.ts deriveVaultKey) of an encrypted workspace; the vault keeps
   * its own copy. A vault that is not sealed yet (a conversion a crash interrupted) is sealed here.
   */
  constructor(workspaceDir: string, options: { key?: Buffer } = {}) {
    this.root = path.join(workspaceDir, VAULT_DIR);
    this.tmpDir = path.join(this.root, 'tmp');
    this.contentDir = path.join(this.root, 'sha256');
    fs.mkdirSync(this.tmpDir, { recursive: true });
    fs.mkdirSync(this.contentDir, { recursive: true });
    this.key = options.key ? Buffer.from(options.key) : null;
    this.sealed = this.key !== null;
    const marked = fs.existsSync(path.join(this.root, VAULT_FORMAT_FILE));
    if (this.key) {
      try {
        if (!marked) sealVault(workspaceDir, this.key);
      } catch (error) {
        this.close();
        throw error;
      }
    } else if (marked) {
      throw new Failure('WORKSPACE_CORRUPT', 'The evidence vault is encrypted but the workspace is not. Nothing was changed; restore the workspace from a backup.');
    }
  }

  /** Forgets the vault key (the workspace is closing or locking). */
  close(): void {
    this.key?.fill(0);
    this.key = null;
  }

  /** The vault key of a sealed vault, null for a plain one; a closed sealed vault refuses. */
  private keyOrNull(): Buffer | null {
    if (this.sealed && !this.key) throw new Failure('WORKSPACE_NOT_UNLOCKED', 'The workspace is locked. Unlock it with the passphrase first.');
    return this.key;
  }

  /** Where the file with this hash lives (whether or not it exists). */
  contentPath(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Failure('BAD_REQUEST', 'Not a SHA-256 hash.');
    return path.join(this.contentDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.contentPath(sha256));
  }

  /**
   * A stored file's plaintext size (-1 when a sealed file has a length no sealed file can have)
   * and its file-system identity (changes with any write), or null when it is missing.
   */
  stat(sha256: string): { size: number; identity: string } | null {
    const stat = fs.statSync(this.contentPath(sha256), { throwIfNoEntry: false, bigint: true });
    if (!stat) return null;
    const stored = Number(stat.size);
    const size = this.keyOrNull() ? (sealedLayout(stored)?.plainSize ?? -1) : stored;
    return { size, identity: `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` };
  }

  /**
   * The plaintext of a stored file, or bytes start..end (inclusive) of it. In a sealed vault a
   * chunk failing authentication ends the stream with a SealedFileDamaged error.
   */
  read(sha256: string, range?: { start: number; end: number }): Readable {
    const file = this.contentPath(sha256);
    const key = this.keyOrNull();
    if (!key) return fs.createReadStream(file, { ...(range ?? {}), highWaterMark: CHUNK });
    return Readable.from(readSealed(file, key, range), { objectMode: false });
  }

  async readAll(sha256: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const chunk of this.read(sha256) as AsyncIterable<Buffer>) parts.push(chunk);
    return Buffer.concat(parts);
  }

  /** SHA-256 of a stored file's plaintext (streaming); `onBytes` reports progress, `signal` cancels. */
  async hash(sha256: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<string> {
    return hashStream(this.read(sha256), onBytes, signal);
  }

  /**
   * Takes a verified plaintext file (a bundle's staged evidence) into the store under its hash,
   * durably: moved in a plain vault; in a sealed one sealed beside its place, then renamed, and the
   * plaintext removed. Synchronous: a bundle's apply must not interleave with other writes.
   */
  adopt(sha256: string, file: string): void {
    const to = this.contentPath(sha256);
    const key = this.keyOrNull();
    try {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      if (key) {
        const sealing = `${to}.sealing`;
        fs.rmSync(sealing, { force: true });
        sealFileSync(file, sealing, key);
        fs.chmodSync(sealing, 0o444);
        fs.renameSync(sealing, to);
        fs.rmSync(file, { force: true });
      } else {
        // Staged files may have been written without fsync; evidence must be on disk before the vault names it.
        const fd = fs.openSync(file, 'r');
        try {
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        fs.chmodSync(file, 0o444);
        fs.renameSync(file, to);
      }
      fsyncDir(path.dirname(to));
    } catch (error) {
      throw storageFailure(error);
    }
  }

  /**
   * Streams bytes into vault/tmp, hashing and checking for UTF-8 on the way, with bounded memory
   * (one chunk in flight plus stream buffers: ~6 MiB). An aborted or failing source, a full disk or a size
   * other than `expectedSize` removes the partial file and throws. The complete file waits in tmp
   * as an upload until `claim` moves it into place. A sealed vault seals the bytes as they arrive
   * (hashing the plaintext) and writes nothing else: no plaintext of an upload reaches the disk
   * unless a list or bundle import asks for it (`heldFile`).
   */
  async receive(source: ByteSource, options: { name?: string | null; expectedSize?: number; signal?: AbortSignal } = {}): Promise<Upload> {
    this.sweepUploads();
    const uploadId = uuidv7();
    const part = path.join(this.tmpDir, `${uploadId}.part`);
    const sealedPart = path.join(this.tmpDir, `${uploadId}.sealed-part`);
    const hash = createHash('sha256');
    const text = new Utf8Watch();
    let size = 0;
    const key = this.keyOrNull();
    const sealer = key ? new Sealer(key) : null;
    let sealedOut: fsp.FileHandle | null = null;
    let sealedWrite: Promise<void> = Promise.resolve();
    try {
      const observe = async function* (chunks: AsyncIterable<Buffer | Uint8Array>) {
        for await (const raw of chunks) {
          const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
          hash.update(chunk);
          text.push(chunk);
          size += chunk.length;
          yield chunk;
        }
      };
      const pipelineOptions = options.signal ? { signal: options.signal } : {};
      const complete = () => {
        if (options.expectedSize !== undefined && size !== options.expectedSize) {
          throw new Failure('BAD_REQUEST', 'The upload ended before all of the file arrived. Nothing was stored.');
        }
      };
      let mediaType: string;
      if (sealer && key) {
        const out = await fsp.open(sealedPart, 'wx', 0o600);
        sealedOut = out;
        await writeAll(out, [sealer.header]);
        await pipeline(
          toNodeReadable(source),
          observe,
          async (chunks: AsyncIterable<Buffer>) => {
            for await (const chunk of chunks) {
              const sealed = sealer.push(chunk);
              if (sealed.length === 0) continue;
              // This piece's write overlaps the reading, hashing and sealing of the next one.
              await sealedWrite;
              sealedWrite = writeAll(out, sealed);
              sealedWrite.catch(() => undefined); // awaited before the next write or at the end; never unhandled
            }
          },
          pipelineOptions,
        );
        await sealedWrite;
        complete();
        await writeAll(out, sealer.final());
        await out.sync();
        await out.close();
        sealedOut = null;
        mediaType = await sniffSealed(sealedPart, key, text.isText());
      } else {
        // A few chunks of room: with room for one only, each chunk is hashed after the last one's write
        // has finished, and hashing never overlaps writing (measured: ~50% more throughput with 4).
        const sink = fs.createWriteStream(part, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_BUFFER });
        await pipeline(toNodeReadable(source), observe, sink, pipelineOptions);
        complete();
        await fsyncFile(part);
        mediaType = await sniffMediaType(part, text.isText());
      }
      const upload: Upload = {
        uploadId,
        sha256: hash.digest('hex'),
        size,
        mediaType,
        name: options.name ?? null,
        receivedAt: Date.now(),
      };
      if (sealer) await fsp.rename(sealedPart, this.sealedUploadPath(uploadId));
      else await fsp.rename(part, this.uploadPath(uploadId));
      this.uploads.set(uploadId, upload);
      return upload;
    } catch (error) {
      await sealedWrite.catch(() => undefined);
      await sealedOut?.close().catch(() => undefined);
      await fsp.rm(part, { force: true }).catch(() => undefined);
      await fsp.rm(sealedPart, { force: true }).catch(() => undefined);
      if (error instanceof Failure) throw error;
      const code = errnoCode(error);
      if (code === 'ABORT_ERR' || code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
        throw new Failure('BAD_REQUEST', 'The upload was interrupted. Nothing was stored.');
      }
      throw storageFailure(error);
    }
  }

  /**
   * Streams a file from a path. A file that changes while it is read (size or mtime differ before
   * and after) is refused: the hash would describe bytes that no longer exist.
   */
  async receiveFile(filePath: string): Promise<Upload> {
    let before: fs.Stats;
    try {
      before = await fsp.stat(filePath);
    } catch {
      throw new Failure('NOT_FOUND', 'The file to import cannot be read.');
    }
    const upload = await this.receive(fs.createReadStream(filePath, { highWaterMark: CHUNK }), {
      name: path.basename(filePath),
      expectedSize: before.size,
    }).catch((error: unknown) => {
      if (error instanceof Failure && error.code === 'BAD_REQUEST' && /ended before/.test(error.message)) {
        throw changedWhileImported();
      }
      throw error;
    });
    const after = await fsp.stat(filePath).catch(() => null);
    if (!after || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      this.discard(upload.uploadId);
      throw changedWhileImported();
    }
    return upload;
  }

  upload(uploadId: string): Upload | undefined {
    return this.uploads.get(uploadId);
  }

  /**
   * A plain file with a waiting upload's bytes, for readers that use them without claiming (list
   * and bundle imports). In a sealed vault it is decrypted now, on first ask, into tmp (where
   * `discard`, `claim` and the start-up sweep remove it): only uploads read this way exist in plain.
   */
  heldFile(uploadId: string): string | undefined {
    if (!this.uploads.has(uploadId)) return undefined;
    const plain = this.uploadPath(uploadId);
    const key = this.keyOrNull();
    if (key && !fs.existsSync(plain)) {
      const partial = `${plain}.part`;
      try {
        fs.rmSync(partial, { force: true });
        unsealFileSync(this.sealedUploadPath(uploadId), partial, key);
        fs.renameSync(partial, plain);
      } catch (error) {
        fs.rmSync(partial, { force: true });
        if (error instanceof SealedFileDamaged) throw new Failure('BAD_REQUEST', 'The uploaded file was damaged while it waited. Upload it again.');
        throw storageFailure(error);
      }
    }
    return plain;
  }

  private uploadPath(uploadId: string): string {
    return path.join(this.tmpDir, `${uploadId}.upload`);
  }

  private sealedUploadPath(uploadId: string): string {
    return path.join(this.tmpDir, `${uploadId}.sealed`);
  }

  /**
   * Moves an upload into the content store (or drops it when the same bytes are already there),
   * durably: the file is fsynced, renamed, made read-only, and its folder fsynced. Call BEFORE
   * the database transaction that records the item; a crash in between leaves only an
   * unreferenced file, which the start-up sweep removes.
   */
  claim(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw uploadGone();
    const plain = this.uploadPath(uploadId);
    const from = this.sealed ? this.sealedUploadPath(uploadId) : plain;
    const to = this.contentPath(upload.sha256);
    try {
      if (fs.existsSync(to)) {
        fs.rmSync(from, { force: true });
      } else {
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.chmodSync(from, 0o444);
        fs.renameSync(from, to);
        fsyncDir(path.dirname(to));
      }
      if (from !== plain) fs.rmSync(plain, { force: true });
    } catch (error) {
      // Its waiting copy removed behind our back (a cleaner, an antivirus): the user can act on that.
      throw errnoCode(error) === 'ENOENT' && !fs.existsSync(from) ? uploadGone() : storageFailure(error);
    }
    this.uploads.delete(uploadId);
    return upload;
  }

  /** Forgets an upload and removes its file. */
  discard(uploadId: string): void {
    this.uploads.delete(uploadId);
    fs.rmSync(this.uploadPath(uploadId), { force: true });
    fs.rmSync(this.sealedUploadPath(uploadId), { force: true });
  }

  /** Removes uploads older than `ttlMs` that nobody claimed. */
  sweepUploads(ttlMs = UPLOAD_TTL_MS, now = Date.now()): number {
    let removed = 0;
    for (const upload of [...this.uploads.values()]) {
      if (now - upload.receivedAt >= ttlMs) {
        this.discard(upload.uploadId);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Start-up sweep: everything in tmp (partial files, unclaimed uploads of a previous run) and
   * every content file that no item references. Runs before anything else uses the vault.
   */
  sweep(db: Database): { tmpRemoved: number; orphansRemoved: number } {
    let tmpRemoved = 0;
    for (const name of fs.readdirSync(this.tmpDir)) {
      fs.rmSync(path.join(this.tmpDir, name), { force: true, recursive: true });
      tmpRemoved++;
    }
    this.uploads.clear();
    // Issued proposal documents (their PDF and HTML source, main/documents) are kept like evidence.
    const documents = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'issued_documents'").get() !== undefined;
    const referenced = db
      .prepare(
        documents
          ? `WITH f (sha) AS (SELECT ?) SELECT 1 FROM f
             WHERE EXISTS (SELECT 1 FROM evidence_items WHERE sha256 = f.sha)
                OR EXISTS (SELECT 1 FROM issued_documents WHERE sha256 = f.sha OR source_sha256 = f.sha)`
          : 'SELECT 1 FROM evidence_items WHERE sha256 = ? LIMIT 1',
      )
      .pluck();
    let orphansRemoved = 0;
    for (const file of walk(this.contentDir)) {
      const name = path.basename(file);
      if (SHA256.test(name) && referenced.get(name) !== undefined && file === this.contentPath(name)) continue;
      fs.chmodSync(file, 0o600); // read-only files cannot be removed on Windows
      fs.rmSync(file, { force: true });
      orphansRemoved++;
    }
    return { tmpRemoved, orphansRemoved };
  }
}

const changedWhileImported = () =>
  new Failure('BAD_REQUEST', 'The file changed while it was being imported. Wait until it is no longer being written, then import it again.');

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** Writes the pieces in order, in one system call when the file takes them whole (it usually does). */
async function writeAll(handle: fsp.FileHandle, pieces: readonly Buffer[]): Promise<void> {
  const total = pieces.reduce((sum, p) => sum + p.length, 0);
  const { bytesWritten } = await handle.writev(pieces as Buffer[]);
  if (bytesWritten === total) return;
  const rest = Buffer.concat(pieces).subarray(bytesWritten);
  let offset = 0;
  while (offset < rest.length) offset += (await handle.write(rest, offset, rest.length - offset)).bytesWritten;
}

/** The media type of a sealed upload, sniffed through its decrypted bytes. */
async function sniffSealed(file: string, key: Buffer, looksLikeText: boolean): Promise<string> {
  const reader = SealedFileReader.open(file, key);
  try {
    return await sniffMediaType(reader, looksLikeText);
  } finally {
    reader.close();
  }
}

/** Streams a file (outside the vault, or a plain one) through SHA-256; `onBytes` reports progress, `signal` cancels. */
export async function hashFile(filePath: string, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<string> {
  return hashStream(fs.createReadStream(filePath, { highWaterMark: CHUNK }), onBytes, signal);
}

async function hashStream(stream: Readable, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      hash.update(chunk);
      onBytes?.(chunk.length);
    }
  } finally {
    stream.destroy();
  }
  return hash.digest('hex');
}
