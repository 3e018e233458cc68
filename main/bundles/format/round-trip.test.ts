import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { BUNDLE_FORMAT_VERSION, readBundle, writeBundle, type BundleEntrySource } from './index';
import { bytesEntry, fileEntry, filesUnder, newAgeKey, newSigner, sha256 } from './test-bundles';

/** Entries of every shape a case bundle carries: empty, small records, a file over several 64 KiB chunks. */
function someEntries(dir: string): BundleEntrySource[] {
  const big = path.join(dir, 'big.bin');
  fs.writeFileSync(big, randomBytes(3 * 1024 * 1024 + 17)); // over the hasher's 1 MiB batch and many age chunks
  const exact = path.join(dir, 'exact.bin');
  fs.writeFileSync(exact, randomBytes(2 * 65536)); // a payload chunk boundary
  return [
    bytesEntry('records/allegations.json', Buffer.from(JSON.stringify([{ id: 'a1', title: '強制失踪' }]))),
    bytesEntry('records/empty.json', Buffer.alloc(0)),
    fileEntry(`evidence/${sha256(fs.readFileSync(big))}`, big),
    fileEntry('evidence/exact-chunks.bin', exact),
    bytesEntry(`deep/${'n'.repeat(120)}/leaf.txt`, Buffer.from('a long name goes through a pax header')),
  ];
}

describe('a bundle round trip', () => {
  it('writes for two recipients, and each opens the same verified entries', async () => {
    const dir = tempDir();
    const alice = await newAgeKey();
    const bob = await newAgeKey();
    const signer = newSigner();
    const entries = someEntries(dir);
    const file = path.join(dir, 'out', 'case.casebundle');
    fs.mkdirSync(path.dirname(file));
    const progress: number[] = [];
    const written = await writeBundle({
      file,
      entries,
      meta: { holds: 'a whole case', sender: { name: '佐藤' } },
      encryption: { recipients: [alice.recipient, bob.recipient] },
      signer,
      onProgress: (done) => progress.push(done),
    });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['case.casebundle']); // no temp file left
    const bytes = fs.readFileSync(file);
    expect(written).toEqual({ sha256: sha256(bytes), bytes: bytes.length });
    const total = entries.reduce((sum, e) => sum + e.size, 0);
    expect(progress.at(-1)).toBe(total);

    for (const who of [alice, bob]) {
      const stagingDir = path.join(dir, `staging-${who.recipient.slice(-6)}`);
      const opened = await readBundle({ file, identities: [who.identity], stagingDir });
      expect(opened.formatVersion).toBe(BUNDLE_FORMAT_VERSION);
      expect(opened.meta).toEqual({ holds: 'a whole case', sender: { name: '佐藤' } });
      expect(opened.signer.publicKey).toBe(signer.publicKey);
      expect(opened.bundleSha256).toBe(written.sha256);
      expect(opened.entries).toEqual(entries.map(({ name, size, sha256: hash }) => ({ name, size, sha256: hash })));
      for (const entry of entries) {
        const got = fs.readFileSync(opened.pathOf(entry.name));
        expect(got.length).toBe(entry.size);
        expect(sha256(got)).toBe(entry.sha256);
      }
      expect(filesUnder(stagingDir)).toEqual(entries.map((e) => e.name).sort());
      expect(() => opened.pathOf('records/unknown.json')).toThrow(/no entry/);
      opened.dispose();
      expect(fs.existsSync(stagingDir)).toBe(false);
    }
  });

  it('writes to a passphrase and opens with it', async () => {
    const dir = tempDir();
    const signer = newSigner();
    const entries = [bytesEntry('records/case.json', Buffer.from('{"reference":"HR-2026-0001"}'))];
    const file = path.join(dir, 'case.casebundle');
    await writeBundle({ file, entries, meta: {}, encryption: { passphrase: 'correct horse battery staple' }, signer });
    const opened = await readBundle({ file, identities: [], passphrase: 'correct horse battery staple', stagingDir: path.join(dir, 'staging') });
    expect(fs.readFileSync(opened.pathOf('records/case.json'), 'utf8')).toBe('{"reference":"HR-2026-0001"}');
    opened.dispose();
  });

  it('writes and reads a bundle with no entries', async () => {
    const dir = tempDir();
    const key = await newAgeKey();
    const file = path.join(dir, 'empty.casebundle');
    await writeBundle({ file, entries: [], meta: { note: 'review comments only' }, encryption: { recipients: [key.recipient] }, signer: newSigner() });
    const opened = await readBundle({ file, identities: [key.identity], stagingDir: path.join(dir, 'staging') });
    expect(opened.entries).toEqual([]);
    expect(opened.meta).toEqual({ note: 'review comments only' });
    opened.dispose();
  });
});
