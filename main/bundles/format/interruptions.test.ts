import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Failure } from '../../ipc/failure';
import { tempDir } from '../../test-support/temp-dir';
import { readBundle, writeBundle, type BundleEntrySource } from './index';
import { bytesEntry, fileEntry, filesUnder, newAgeKey, newSigner } from './test-bundles';

/**
 * A full disk and a cancel half way, while writing and while reading, and sources that change
 * under the writer: each fails with its own code and leaves no file behind.
 */
const MiB = 1024 * 1024;

function mountTmpfs(dir: string, options: string): { umount(): void } | { unavailable: string } {
  if (process.getuid?.() !== 0) return { unavailable: 'mounting a small tmpfs needs root' };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return { unavailable: `cannot mount a tmpfs here (${String(error).split('\n')[0]})` };
  }
  return { umount: () => execFileSync('umount', [dir], { stdio: 'ignore' }) };
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('it succeeded');
    },
    (error: unknown) => {
      if (!(error instanceof Failure)) throw error;
      return error;
    },
  );

async function bigEntries(dir: string, files: number, bytes: number): Promise<BundleEntrySource[]> {
  const out: BundleEntrySource[] = [];
  for (let i = 0; i < files; i++) {
    const file = path.join(dir, `e${i}.bin`);
    fs.writeFileSync(file, randomBytes(bytes));
    out.push(fileEntry(`evidence/e${i}.bin`, file));
  }
  return out;
}

describe('a full disk', () => {
  it('while writing: DISK_FULL, and the folder is left as it was', async (context) => {
    const dir = tempDir();
    const target = path.join(dir, 'usb');
    fs.mkdirSync(target);
    const mount = mountTmpfs(target, 'size=1m');
    if ('unavailable' in mount) {
      context.skip(`full-disk test skipped: ${mount.unavailable}`);
      return;
    }
    try {
      const key = await newAgeKey();
      const entries = await bigEntries(dir, 1, 3 * MiB);
      const failure = await failureOf(writeBundle({ file: path.join(target, 'case.casebundle'), entries, meta: {}, encryption: { recipients: [key.recipient] }, signer: newSigner() }));
      expect(failure.code).toBe('DISK_FULL');
      expect(fs.readdirSync(target)).toEqual([]);
    } finally {
      mount.umount();
    }
  });

  it('while reading, half way (the disk runs out of files after a few entries): DISK_FULL, staging removed', async (context) => {
    const dir = tempDir();
    const workspace = path.join(dir, 'workspace');
    fs.mkdirSync(workspace);
    const mount = mountTmpfs(workspace, 'size=64m,nr_inodes=12');
    if ('unavailable' in mount) {
      context.skip(`full-disk test skipped: ${mount.unavailable}`);
      return;
    }
    try {
      const key = await newAgeKey();
      const entries = Array.from({ length: 30 }, (_, i) => bytesEntry(`records/r${i}.json`, Buffer.from(`{"i":${i}}`)));
      const file = path.join(dir, 'case.casebundle');
      await writeBundle({ file, entries, meta: {}, encryption: { recipients: [key.recipient] }, signer: newSigner() });
      const stagingDir = path.join(workspace, '.bundle-staging', 'one');
      let extracted = 0;
      const failure = await failureOf(readBundle({ file, identities: [key.identity], stagingDir, onProgress: (done) => (extracted = done) }));
      expect(failure.code).toBe('DISK_FULL');
      expect(extracted).toBeGreaterThan(0); // it did fail half way, not up front
      expect(fs.existsSync(stagingDir)).toBe(false);
      expect(filesUnder(workspace)).toEqual([]);
    } finally {
      mount.umount();
    }
  });

  it('while reading, a bundle larger than the free space: DISK_FULL before anything is extracted', async (context) => {
    const dir = tempDir();
    const workspace = path.join(dir, 'workspace');
    fs.mkdirSync(workspace);
    const mount = mountTmpfs(workspace, 'size=1m');
    if ('unavailable' in mount) {
      context.skip(`full-disk test skipped: ${mount.unavailable}`);
      return;
    }
    try {
      const key = await newAgeKey();
      const file = path.join(dir, 'case.casebundle');
      await writeBundle({ file, entries: await bigEntries(dir, 1, 3 * MiB), meta: {}, encryption: { recipients: [key.recipient] }, signer: newSigner() });
      const stagingDir = path.join(workspace, 'staging');
      const failure = await failureOf(readBundle({ file, identities: [key.identity], stagingDir }));
      expect(failure.code).toBe('DISK_FULL');
      expect(fs.readdirSync(workspace)).toEqual([]);
    } finally {
      mount.umount();
    }
  });

  it('a source stream that fails with ENOSPC is DISK_FULL too (no tmpfs needed)', async () => {
    const dir = tempDir();
    const key = await newAgeKey();
    const failing: BundleEntrySource = {
      name: 'evidence/x',
      size: 4 * MiB,
      sha256: '0'.repeat(64),
      open: () =>
        Readable.from(
          (async function* () {
            yield randomBytes(MiB);
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          })(),
        ),
    };
    const failure = await failureOf(writeBundle({ file: path.join(dir, 'x.casebundle'), entries: [failing], meta: {}, encryption: { recipients: [key.recipient] }, signer: newSigner() }));
    expect(failure.code).toBe('DISK_FULL');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('cancelled half way', () => {
  it('an export cancelled half way leaves no file', async () => {
    const dir = tempDir();
    const sources = tempDir();
    const key = await newAgeKey();
    const entries = await bigEntries(sources, 3, 4 * MiB);
    const abort = new AbortController();
    let seen = 0;
    const failure = await failureOf(
      writeBundle({
        file: path.join(dir, 'case.casebundle'),
        entries,
        meta: {},
        encryption: { recipients: [key.recipient] },
        signer: newSigner(),
        signal: abort.signal,
        onProgress: (done) => {
          seen = done;
          if (done > 5 * MiB) abort.abort();
        },
      }),
    );
    expect(failure.code).toBe('BAD_REQUEST');
    expect(failure.message).toMatch(/cancelled/);
    expect(seen).toBeLessThan(12 * MiB);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an import cancelled half way removes staging', async () => {
    const dir = tempDir();
    const key = await newAgeKey();
    const file = path.join(dir, 'case.casebundle');
    await writeBundle({ file, entries: await bigEntries(dir, 3, 4 * MiB), meta: {}, encryption: { recipients: [key.recipient] }, signer: newSigner() });
    const stagingDir = path.join(dir, 'staging');
    const abort = new AbortController();
    const failure = await failureOf(
      readBundle({ file, identities: [key.identity], stagingDir, signal: abort.signal, onProgress: (done) => done > 5 * MiB && abort.abort() }),
    );
    expect(failure.message).toMatch(/import was cancelled/);
    expect(fs.existsSync(stagingDir)).toBe(false);
  });
});

describe('sources that do not match what the writer was told', () => {
  it.each<[string, (bytes: Buffer) => { bytes: Buffer; sha256?: string }]>([
    ['a different hash', (bytes: Buffer) => ({ sha256: 'f'.repeat(64), bytes })],
    ['shorter than its size', (bytes: Buffer) => ({ bytes: bytes.subarray(0, bytes.length - 1) })],
    ['longer than its size', (bytes: Buffer) => ({ bytes: Buffer.concat([bytes, Buffer.from('!')]) })],
  ])('an entry with %s is refused and no bundle is left', async (_, change) => {
    const dir = tempDir();
    const key = await newAgeKey();
    const listed = bytesEntry('evidence/a.bin', randomBytes(2 * MiB));
    const changed = change(randomBytes(2 * MiB));
    const entry: BundleEntrySource = { ...listed, sha256: changed.sha256 ?? listed.sha256, open: () => Readable.from([changed.bytes]) };
    const failure = await failureOf(writeBundle({ file: path.join(dir, 'x.casebundle'), entries: [entry], meta: {}, encryption: { recipients: [key.recipient] }, signer: newSigner() }));
    expect(failure.message).toMatch(/"evidence\/a.bin" changed since it was listed/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
