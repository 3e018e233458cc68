import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * The age payload (age-encryption.org/v1, "Payload"): a 16-byte nonce, then the plaintext in
 * 64 KiB chunks, each sealed with ChaCha20-Poly1305 under HKDF-SHA-256(file key, nonce, "payload"),
 * the 12-byte chunk nonce being an 11-byte big-endian counter and a last-chunk flag byte.
 * age-encryption implements this in pure JS (~5% of native speed); node:crypto's OpenSSL
 * ChaCha20-Poly1305 makes the same bytes at native speed. The age header stays with the library.
 */
export const NONCE_BYTES = 16;
const CHUNK = 64 * 1024;
const TAG = 16;
/** Bytes each side of a cipher stream holds before it pushes back: enough to keep the disk busy. */
const BUFFERED = 1024 * 1024;

export const payloadKey = (fileKey: Uint8Array, nonce: Uint8Array): Buffer =>
  Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  if (last) nonce[11] = 1;
  return nonce;
}

/** Thrown when a chunk fails authentication, is missing, or the payload ends early. */
export class PayloadDamaged extends Error {
  constructor(detail: string) {
    super(`The encrypted payload ${detail}.`);
    this.name = 'PayloadDamaged';
  }
}

/** Buffers written in, taken out `n` bytes at a time as a list of slices (no copying). */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.parts.push(chunk);
    this.length += chunk.length;
  }
  take(n: number): Buffer[] {
    const out: Buffer[] = [];
    while (n > 0) {
      const head = this.parts[0]!;
      if (head.length <= n) {
        out.push(head);
        this.parts.shift();
        n -= head.length;
        this.length -= head.length;
      } else {
        out.push(head.subarray(0, n));
        this.parts[0] = head.subarray(n);
        this.length -= n;
        n = 0;
      }
    }
    return out;
  }
}

/** Plaintext in, the age payload (nonce first) out. `fileKey` comes from the age header. */
export class PayloadEncrypt extends Transform {
  private readonly key: Buffer;
  private readonly queue = new ByteQueue();
  private counter = 0;

  constructor(fileKey: Uint8Array, nonce: Buffer = randomBytes(NONCE_BYTES)) {
    super({ readableHighWaterMark: BUFFERED, writableHighWaterMark: BUFFERED });
    this.key = payloadKey(fileKey, nonce);
    this.push(nonce);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.queue.push(chunk);
    // A full chunk is sealed as "not last" only once a byte after it has arrived.
    while (this.queue.length > CHUNK) this.seal(this.queue.take(CHUNK), false);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.seal(this.queue.take(this.queue.length), true);
    callback();
  }

  private seal(parts: Buffer[], last: boolean): void {
    const cipher = createCipheriv('chacha20-poly1305', this.key, chunkNonce(this.counter++, last), { authTagLength: TAG });
    for (const part of parts) this.push(cipher.update(part));
    const tail = cipher.final(); // empty for a stream cipher; pushed in case it ever is not
    if (tail.length > 0) this.push(tail);
    this.push(cipher.getAuthTag());
  }
}

/**
 * The age payload in (nonce first), plaintext out. Each chunk is authenticated before any of its
 * bytes leave; a payload that stops short (even on a chunk boundary) fails on the last-chunk flag.
 */
export class PayloadDecrypt extends Transform {
  private readonly fileKey: Uint8Array;
  private key: Buffer | null = null;
  private readonly queue = new ByteQueue();
  private counter = 0;

  constructor(fileKey: Uint8Array) {
    super({ readableHighWaterMark: BUFFERED, writableHighWaterMark: BUFFERED });
    this.fileKey = fileKey;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.queue.push(chunk);
    try {
      if (!this.key) {
        if (this.queue.length < NONCE_BYTES) return callback();
        this.key = payloadKey(this.fileKey, Buffer.concat(this.queue.take(NONCE_BYTES)));
      }
      while (this.queue.length > CHUNK + TAG) this.open(this.queue.take(CHUNK + TAG), false);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.key) throw new PayloadDamaged('is cut short');
      if (this.queue.length < TAG) throw new PayloadDamaged('is cut short');
      if (this.queue.length === TAG && this.counter > 0) throw new PayloadDamaged('ends with an empty chunk');
      this.open(this.queue.take(this.queue.length), true);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private open(parts: Buffer[], last: boolean): void {
    const sealed = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    const decipher = createDecipheriv('chacha20-poly1305', this.key!, chunkNonce(this.counter++, last), { authTagLength: TAG });
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG));
    try {
      decipher.final();
    } catch {
      throw new PayloadDamaged(last ? 'is cut short or changed at its end' : 'has a changed byte');
    }
    this.push(plain);
  }
}
