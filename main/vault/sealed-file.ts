import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { integrityNote } from '../../shared/domain/integrity-notes';

/**
 * The format of an evidence file in an encrypted workspace's vault ("sealed"), streamable and
 * seekable without decrypting the whole file:
 *
 *   header  "CBSEAL" · version (1 byte) · 0 · salt (32 random bytes)              = 40 bytes
 *   chunks  AES-256-GCM of 64 KiB of plaintext each (the last 0–64 KiB), tag appended (+16 bytes)
 *
 * Each file has its own key, HKDF-SHA-256(vault key, salt); chunk i's nonce is its index and a
 * last-chunk flag, and the header is the associated data of every chunk. A chunk changed, moved to
 * another place, dropped, or a file cut short at any byte fails authentication (a truncated file's
 * new last chunk was sealed as "not last"). An empty file is one empty last chunk (its tag alone).
 * node:crypto's AES-GCM is native (AES-NI) and needs no dependency.
 */
export const SEAL_MAGIC = Buffer.from('CBSEAL', 'latin1');
export const SEAL_VERSION = 1;
const SALT_BYTES = 32;
export const HEADER_BYTES = SEAL_MAGIC.length + 2 + SALT_BYTES;
export const PLAIN_CHUNK = 64 * 1024;
const TAG_BYTES = 16;
export const SEALED_CHUNK = PLAIN_CHUNK + TAG_BYTES;
const READ_BATCH = 16;

/** How a sealed file is damaged (the integrity report says it: shared/domain/integrity-notes.ts). */
export type SealedDamage = 'not_sealed' | 'unknown_format' | 'chunk_fails' | 'cut_short' | 'changed_while_read';

/** A sealed file that fails its checks; `chunk` is the first chunk found bad (null: header or length). */
export class SealedFileDamaged extends Error {
  /** What the integrity report says of it (its English is this error's message). */
  readonly note: ReturnType<typeof integrityNote>;

  constructor(
    readonly chunk: number | null,
    readonly damage: SealedDamage,
  ) {
    // Only a failed chunk is named (counted from 1); a file changed while read names none.
    const note = integrityNote(`sealed_${damage}`, damage === 'chunk_fails' && chunk !== null ? { chunk: chunk + 1 } : undefined);
    super(note.message);
    this.note = note;
    this.name = 'SealedFileDamaged';
  }
}

/** The vault key, derived from the workspace key (so the key file needs no third slot). */
export function deriveVaultKey(workspaceKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', workspaceKey, Buffer.alloc(0), 'casebench vault v1', 32));
}

const fileKey = (vaultKey: Buffer, salt: Buffer) => Buffer.from(hkdfSync('sha256', vaultKey, salt, 'casebench vault file v1', 32));

function nonce(index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n[3] = last ? 1 : 0;
  n.writeBigUInt64BE(BigInt(index), 4);
  return n;
}

/** Turns plaintext, pushed in pieces of any size, into the sealed file's bytes (header first). */
export class Sealer {
  readonly header: Buffer;
  private readonly key: Buffer;
  private readonly buffer = Buffer.alloc(PLAIN_CHUNK);
  private filled = 0;
  private index = 0;

  constructor(vaultKey: Buffer) {
    const salt = randomBytes(SALT_BYTES);
    this.header = Buffer.concat([SEAL_MAGIC, Buffer.from([SEAL_VERSION, 0]), salt]);
    this.key = fileKey(vaultKey, salt);
  }

  /**
   * Sealed bytes completed by these bytes, in pieces to write in order (a chunk's ciphertext, then
   * its tag: not concatenated, a copy saved). A full chunk is held back until more comes: it may be the last.
   */
  push(data: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let offset = 0;
    while (offset < data.length) {
      if (this.filled === PLAIN_CHUNK) {
        out.push(...this.seal(this.buffer, false));
        this.filled = 0;
      }
      // A whole chunk with more bytes after it is sealed straight from the input, not copied first.
      if (this.filled === 0 && data.length - offset > PLAIN_CHUNK) {
        out.push(...this.seal(data.subarray(offset, offset + PLAIN_CHUNK), false));
        offset += PLAIN_CHUNK;
        continue;
      }
      const n = Math.min(PLAIN_CHUNK - this.filled, data.length - offset);
      data.copy(this.buffer, this.filled, offset, offset + n);
      this.filled += n;
      offset += n;
    }
    return out;
  }

  /** The last chunk (ciphertext and tag); the sealer forgets its key. */
  final(): Buffer[] {
    const last = this.seal(this.buffer.subarray(0, this.filled), true);
    this.key.fill(0);
    this.buffer.fill(0);
    return last;
  }

  private seal(plain: Buffer, last: boolean): Buffer[] {
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.index++, last));
    cipher.setAAD(this.header);
    const sealed = cipher.update(plain);
    cipher.final(); // GCM holds nothing back
    return [sealed, cipher.getAuthTag()];
  }
}

/** Chunks and plaintext size of a sealed file of this size; null when no sealed file can have it. */
export function sealedLayout(sealedSize: number): { chunks: number; plainSize: number } | null {
  const body = sealedSize - HEADER_BYTES;
  if (body < TAG_BYTES) return null;
  const chunks = Math.ceil(body / SEALED_CHUNK);
  if (body - (chunks - 1) * SEALED_CHUNK < TAG_BYTES) return null;
  return { chunks, plainSize: body - chunks * TAG_BYTES };
}

function checkHeader(header: Buffer, bytesRead: number): Buffer {
  if (bytesRead < HEADER_BYTES || !header.subarray(0, SEAL_MAGIC.length).equals(SEAL_MAGIC)) {
    throw new SealedFileDamaged(null, 'not_sealed');
  }
  if (header[SEAL_MAGIC.length] !== SEAL_VERSION) throw new SealedFileDamaged(null, 'unknown_format');
  return header.subarray(SEAL_MAGIC.length + 2, HEADER_BYTES);
}

function open(key: Buffer, header: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(index, last));
  decipher.setAAD(header);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    decipher.final(); // GCM returns nothing more here; it throws when the tag does not match
    return plain;
  } catch {
    throw new SealedFileDamaged(index, 'chunk_fails');
  }
}

/**
 * The plaintext of a sealed file, or of bytes start..end (inclusive) of it: only the chunks that
 * hold them are read and authenticated. A whole read authenticates every chunk, the last included.
 */
export async function* readSealed(file: string, vaultKey: Buffer, range?: { start: number; end: number }): AsyncGenerator<Buffer> {
  const handle = await fsp.open(file, 'r');
  let key: Buffer | undefined;
  let pending: Promise<ReadRun> | null = null;
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
    const salt = checkHeader(header, bytesRead);
    const layout = sealedLayout(size);
    if (!layout) throw new SealedFileDamaged(null, 'cut_short');
    key = fileKey(vaultKey, salt);
    const start = range?.start ?? 0;
    const end = range?.end ?? layout.plainSize - 1;
    const first = Math.floor(start / PLAIN_CHUNK);
    const lastWanted = range ? Math.floor(end / PLAIN_CHUNK) : layout.chunks - 1;
    // Read in runs of chunks (one read per ~1 MiB: per-chunk reads cost more than the cipher), the
    // next run read while this one is decrypted, into two buffers used in turn.
    const last = Math.min(lastWanted, layout.chunks - 1);
    const buffers = [Buffer.alloc(READ_BATCH * SEALED_CHUNK), Buffer.alloc(READ_BATCH * SEALED_CHUNK)] as const;
    let slot = 0;
    const fetch = (index: number) => {
      const count = Math.min(READ_BATCH, last - index + 1);
      const position = HEADER_BYTES + index * SEALED_CHUNK;
      const length = Math.min(count * SEALED_CHUNK, size - position);
      const buffer = buffers[slot]!;
      slot ^= 1;
      const read = handle.read(buffer, 0, length, position).then(({ bytesRead }) => ({ index, count, length, buffer, bytesRead }));
      read.catch(() => undefined); // awaited below; never unhandled
      return read;
    };
    pending = first <= last ? fetch(first) : null;
    while (pending) {
      const run = await pending;
      pending = run.index + run.count <= last ? fetch(run.index + run.count) : null;
      if (run.bytesRead !== run.length) throw new SealedFileDamaged(run.index, 'changed_while_read');
      const out: Buffer[] = [];
      for (let j = 0; j < run.count; j++) {
        const i = run.index + j;
        const plain = open(key, header, i, i === layout.chunks - 1, run.buffer.subarray(j * SEALED_CHUNK, Math.min((j + 1) * SEALED_CHUNK, run.length)));
        const from = i === first ? start - i * PLAIN_CHUNK : 0;
        const to = i === lastWanted ? end - i * PLAIN_CHUNK + 1 : plain.length;
        if (to > from) out.push(plain.subarray(from, to));
      }
      // Each chunk's plaintext as it came out of the cipher: concatenating them would copy every byte again.
      for (const piece of out) yield piece;
    }
  } finally {
    key?.fill(0);
    await pending?.catch(() => undefined); // a read ahead still in flight when the reader stops early
    await handle.close();
  }
}

interface ReadRun {
  index: number;
  count: number;
  length: number;
  buffer: Buffer;
  bytesRead: number;
}

/** Writes the pieces in order, in one system call when the file takes them whole (it usually does). */
export function writeAllSync(fd: number, pieces: readonly Buffer[]): void {
  const total = pieces.reduce((sum, p) => sum + p.length, 0);
  const written = pieces.length === 0 ? 0 : fs.writevSync(fd, pieces as Buffer[]);
  if (written === total) return;
  const rest = Buffer.concat(pieces).subarray(written);
  let offset = 0;
  while (offset < rest.length) offset += fs.writeSync(fd, rest, offset, rest.length - offset);
}

/**
 * Seals a plaintext file into a new file (`to` must not exist), synchronously and in bounded
 * memory, fsynced. For the moments that must not interleave with other requests (a bundle's
 * apply, the conversion of a workspace); uploads are sealed as they stream in (vault.ts).
 */
export function sealFileSync(from: string, to: string, vaultKey: Buffer): void {
  const source = fs.openSync(from, 'r');
  let target: number | undefined;
  try {
    target = fs.openSync(to, 'wx', 0o600);
    const sealer = new Sealer(vaultKey);
    writeAllSync(target, [sealer.header]);
    const buffer = Buffer.alloc(READ_BATCH * PLAIN_CHUNK);
    for (;;) {
      const n = fs.readSync(source, buffer, 0, buffer.length, null);
      if (n === 0) break;
      writeAllSync(target, sealer.push(buffer.subarray(0, n)));
    }
    writeAllSync(target, sealer.final());
    fs.fsyncSync(target);
  } finally {
    fs.closeSync(source);
    if (target !== undefined) fs.closeSync(target);
  }
}

/**
 * Whether a file is sealed under this key: the header is there and its first chunk authenticates.
 * (A plain evidence file may begin with the magic by chance, or be a sealed file from elsewhere.)
 */
export function isSealedWith(file: string, vaultKey: Buffer): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const layout = sealedLayout(size);
    const header = Buffer.alloc(HEADER_BYTES);
    const bytesRead = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    if (!layout || bytesRead < HEADER_BYTES || !header.subarray(0, SEAL_MAGIC.length).equals(SEAL_MAGIC)) return false;
    const key = fileKey(vaultKey, header.subarray(SEAL_MAGIC.length + 2));
    try {
      const length = Math.min(SEALED_CHUNK, size - HEADER_BYTES);
      const sealed = Buffer.alloc(length);
      fs.readSync(fd, sealed, 0, length, HEADER_BYTES);
      open(key, header, 0, layout.chunks === 1, sealed);
      return true;
    } catch {
      return false;
    } finally {
      key.fill(0);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Random access to a sealed file's plaintext, for readers that seek and peek (media-type
 * sniffing): the file key is derived once, and the last chunk decrypted is kept for the next read.
 * Every chunk read is authenticated; `close` forgets the key.
 */
export class SealedFileReader {
  private cached: { index: number; plain: Buffer } | null = null;

  private constructor(
    private readonly fd: number,
    private readonly header: Buffer,
    private readonly key: Buffer,
    readonly chunks: number,
    /** The plaintext size. */
    readonly size: number,
  ) {}

  static open(file: string, vaultKey: Buffer): SealedFileReader {
    const fd = fs.openSync(file, 'r');
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      const salt = checkHeader(header, fs.readSync(fd, header, 0, HEADER_BYTES, 0));
      const layout = sealedLayout(fs.fstatSync(fd).size);
      if (!layout) throw new SealedFileDamaged(null, 'cut_short');
      return new SealedFileReader(fd, header, fileKey(vaultKey, salt), layout.chunks, layout.plainSize);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  /** Up to `length` bytes from `start` (fewer at the end of the file). */
  read(start: number, length: number): Buffer {
    const end = Math.min(start + length, this.size);
    if (end <= start) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    for (let i = Math.floor(start / PLAIN_CHUNK); i * PLAIN_CHUNK < end; i++) {
      const plain = this.chunk(i);
      parts.push(plain.subarray(Math.max(0, start - i * PLAIN_CHUNK), Math.min(plain.length, end - i * PLAIN_CHUNK)));
    }
    return parts.length === 1 ? Buffer.from(parts[0]!) : Buffer.concat(parts);
  }

  /** Chunk `index`'s plaintext, authenticated (kept until the next chunk is read: copy it to keep it). */
  chunk(index: number): Buffer {
    if (this.cached?.index === index) return this.cached.plain;
    const last = index === this.chunks - 1;
    const sealed = Buffer.alloc(last ? this.size - index * PLAIN_CHUNK + TAG_BYTES : SEALED_CHUNK);
    const bytesRead = fs.readSync(this.fd, sealed, 0, sealed.length, HEADER_BYTES + index * SEALED_CHUNK);
    if (bytesRead !== sealed.length) throw new SealedFileDamaged(index, 'changed_while_read');
    this.cached = { index, plain: open(this.key, this.header, index, last, sealed) };
    return this.cached.plain;
  }

  close(): void {
    this.key.fill(0);
    this.cached?.plain.fill(0);
    this.cached = null;
    fs.closeSync(this.fd);
  }
}

/**
 * Writes a sealed file's plaintext to a new file (`to` must not exist, mode 0600), in bounded
 * memory. Only for bytes that must be a plain file for their reader (a list or bundle upload); a
 * chunk failing authentication throws SealedFileDamaged and removes the partial copy.
 */
export function unsealFileSync(from: string, to: string, vaultKey: Buffer): void {
  const reader = SealedFileReader.open(from, vaultKey);
  let target: number | undefined;
  try {
    target = fs.openSync(to, 'wx', 0o600);
    // Chunk by chunk, the last (empty for an empty file) included: every one is authenticated.
    for (let i = 0; i < reader.chunks; i++) writeAllSync(target, [reader.chunk(i)]);
  } catch (error) {
    if (target !== undefined) fs.rmSync(to, { force: true });
    throw error;
  } finally {
    reader.close();
    if (target !== undefined) fs.closeSync(target);
  }
}
