import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import {
  HEADER_BYTES,
  isSealedWith,
  PLAIN_CHUNK,
  readSealed,
  SEAL_MAGIC,
  SEALED_CHUNK,
  SealedFileReader,
  sealedLayout,
  SealedFileDamaged,
  sealFileSync,
  Sealer,
  unsealFileSync,
} from './sealed-file';

const KEY = randomBytes(32);

function seal(plain: Buffer, key = KEY): Buffer {
  const sealer = new Sealer(key);
  // Pushed in uneven pieces, as a network stream delivers them.
  const parts: Buffer[] = [sealer.header];
  for (let offset = 0; offset < plain.length; offset += 50_000) parts.push(...sealer.push(plain.subarray(offset, offset + 50_000)));
  parts.push(...sealer.final());
  return Buffer.concat(parts);
}

async function unseal(file: string, range?: { start: number; end: number }, key = KEY): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of readSealed(file, key, range)) parts.push(chunk);
  return Buffer.concat(parts);
}

function written(bytes: Buffer): string {
  const file = path.join(tempDir(), 'sealed');
  fs.writeFileSync(file, bytes);
  return file;
}

async function damage(file: string): Promise<SealedFileDamaged> {
  const error = await unseal(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SealedFileDamaged);
  return error as SealedFileDamaged;
}

describe('sealed vault files', () => {
  it('round-trip empty, small, chunk-sized and multi-MiB files, sized as the layout says', async () => {
    for (const size of [0, 1, PLAIN_CHUNK - 1, PLAIN_CHUNK, PLAIN_CHUNK + 1, 3 * PLAIN_CHUNK, 5 * 1024 * 1024 + 12_345]) {
      const plain = randomBytes(size);
      const sealed = seal(plain);
      expect(sealedLayout(sealed.length), `size ${size}`).toEqual({ chunks: Math.max(1, Math.ceil(size / PLAIN_CHUNK)), plainSize: size });
      const file = written(sealed);
      expect((await unseal(file)).equals(plain), `size ${size}`).toBe(true);
      expect(isSealedWith(file, KEY)).toBe(true);
      if (size > 40 * PLAIN_CHUNK) {
        // Across the reader's runs of 16 chunks, and one whole run.
        for (const [start, end] of [[15 * PLAIN_CHUNK - 3, 33 * PLAIN_CHUNK + 2], [16 * PLAIN_CHUNK, 32 * PLAIN_CHUNK - 1]] as const) {
          expect((await unseal(file, { start, end })).equals(plain.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
        }
      }
    }
  });

  it('serves byte ranges across chunk boundaries, reading only their chunks', async () => {
    const plain = randomBytes(4 * PLAIN_CHUNK + 777);
    const file = written(seal(plain));
    const ranges = [
      [0, 0],
      [PLAIN_CHUNK - 3, PLAIN_CHUNK + 2],
      [PLAIN_CHUNK, 2 * PLAIN_CHUNK - 1],
      [10, 3 * PLAIN_CHUNK + 5],
      [4 * PLAIN_CHUNK, 4 * PLAIN_CHUNK + 776],
      [plain.length - 1, plain.length - 1],
    ] as const;
    for (const [start, end] of ranges) {
      expect((await unseal(file, { start, end })).equals(plain.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
    // A range in chunk 1 does not touch a damaged chunk 3.
    const bytes = fs.readFileSync(file);
    bytes[HEADER_BYTES + 3 * SEALED_CHUNK + 100]! ^= 1;
    fs.writeFileSync(file, bytes);
    expect((await unseal(file, { start: PLAIN_CHUNK, end: PLAIN_CHUNK + 9 })).equals(plain.subarray(PLAIN_CHUNK, PLAIN_CHUNK + 10))).toBe(true);
    expect((await damage(file)).chunk).toBe(3);
  });

  it('holds none of the plaintext, and differs each time the same bytes are sealed', () => {
    const plain = Buffer.from('強制労働 Kashgar guard roster, witness W-17 '.repeat(5000));
    const a = seal(plain);
    const b = seal(plain);
    expect(a.includes(Buffer.from('Kashgar'))).toBe(false);
    expect(a.includes(Buffer.from('強制労働'))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('detects a flipped byte, a truncation, swapped chunks, a dropped last chunk, and names the chunk', async () => {
    const plain = randomBytes(3 * PLAIN_CHUNK + 1000);
    const sealed = seal(plain);
    const chunk = (i: number) => sealed.subarray(HEADER_BYTES + i * SEALED_CHUNK, HEADER_BYTES + (i + 1) * SEALED_CHUNK);

    const flipped = Buffer.from(sealed);
    flipped[HEADER_BYTES + SEALED_CHUNK + 5]! ^= 0x80;
    expect((await damage(written(flipped))).chunk).toBe(1);

    const tagFlipped = Buffer.from(sealed);
    tagFlipped[sealed.length - 1]! ^= 1;
    expect((await damage(written(tagFlipped))).chunk).toBe(3);

    expect((await damage(written(sealed.subarray(0, sealed.length - 10)))).chunk).toBe(3); // cut inside the last chunk
    const droppedLast = sealed.subarray(0, HEADER_BYTES + 3 * SEALED_CHUNK); // whole chunks remain: the new last was not sealed as last
    expect((await damage(written(droppedLast))).chunk).toBe(2);
    expect((await damage(written(sealed.subarray(0, HEADER_BYTES + 2 * SEALED_CHUNK + 7)))).chunk).toBe(null); // too short for a tag

    const swapped = Buffer.concat([sealed.subarray(0, HEADER_BYTES), chunk(1), chunk(0), sealed.subarray(HEADER_BYTES + 2 * SEALED_CHUNK)]);
    expect((await damage(written(swapped))).chunk).toBe(0);

    const salt = Buffer.from(sealed);
    salt[HEADER_BYTES - 1]! ^= 1; // another file key: nothing authenticates
    expect((await damage(written(salt))).chunk).toBe(0);

    const empty = seal(Buffer.alloc(0));
    expect((await damage(written(empty.subarray(0, HEADER_BYTES)))).chunk).toBe(null);
  });

  it('tells a sealed file from a plain one that begins with the magic, or one sealed under another key', () => {
    const dir = tempDir();
    const plain = path.join(dir, 'plain');
    fs.writeFileSync(plain, Buffer.concat([SEAL_MAGIC, Buffer.from([1, 0]), randomBytes(200_000)]));
    expect(isSealedWith(plain, KEY)).toBe(false);
    const sealed = path.join(dir, 'sealed');
    sealFileSync(plain, sealed, KEY);
    expect(isSealedWith(sealed, KEY)).toBe(true);
    expect(isSealedWith(sealed, randomBytes(32))).toBe(false);
    expect(() => sealFileSync(plain, sealed, KEY)).toThrow(/EEXIST/); // never overwrites
  });

  it('reads ranges at random through a reader, and unseals to a plain file, authenticating every chunk', () => {
    const plain = randomBytes(3 * PLAIN_CHUNK + 4321);
    const file = written(seal(plain));
    const reader = SealedFileReader.open(file, KEY);
    try {
      expect(reader.size).toBe(plain.length);
      for (const [start, length] of [[2 * PLAIN_CHUNK + 7, 100], [0, 12], [PLAIN_CHUNK - 5, PLAIN_CHUNK + 10], [plain.length - 3, 50], [plain.length, 5]] as const) {
        expect(reader.read(start, length).equals(plain.subarray(start, start + length)), `${start}+${length}`).toBe(true);
      }
    } finally {
      reader.close();
    }
    const dir = tempDir();
    for (const content of [plain, Buffer.alloc(0)]) {
      const to = path.join(dir, `plain-${content.length}`);
      unsealFileSync(written(seal(content)), to, KEY);
      expect(fs.readFileSync(to).equals(content)).toBe(true);
      expect(() => unsealFileSync(file, to, KEY)).toThrow(/EEXIST/); // never overwrites
    }

    // A damaged chunk (the last, or an empty file's only one) throws and leaves no partial copy.
    const bytes = seal(plain);
    bytes[bytes.length - 1]! ^= 1;
    const emptyCut = seal(Buffer.alloc(0));
    emptyCut[emptyCut.length - 1]! ^= 1;
    for (const damaged of [bytes, emptyCut]) {
      const to = path.join(dir, 'damaged');
      expect(() => unsealFileSync(written(damaged), to, KEY)).toThrow(SealedFileDamaged);
      expect(fs.existsSync(to)).toBe(false);
    }
    expect(() => SealedFileReader.open(written(bytes.subarray(0, HEADER_BYTES + 3)), KEY)).toThrow(SealedFileDamaged);
  });
});
