import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Failure } from '../../ipc/failure';
import { tempDir } from '../../test-support/temp-dir';
import { readBundle, writeBundle, type ReadBundleOptions } from './index';
import { MANIFEST_NAME, SIGNATURE_NAME } from './entry-names';
import { bytesEntry, encryptTo, filesUnder, heads, manifestBytes, newAgeKey, newSigner, sha256, signatureOf, tarOf, type TarPart } from './test-bundles';

/**
 * Every bad bundle the issue names that lives at the format level, each refused with its own code,
 * leaving no staging folder and nothing else behind. Bad bundles are made by hand: a tar written
 * with tar-stream, encrypted with the writer's own header and payload code.
 */
async function refusal(options: ReadBundleOptions): Promise<Failure> {
  const error = await readBundle(options).then(
    () => new Error('the bundle was accepted'),
    (e: unknown) => e,
  );
  if (!(error instanceof Failure)) throw error;
  expect(fs.existsSync(options.stagingDir)).toBe(false);
  expect(error.message).not.toContain(path.dirname(options.file)); // never a machine path
  return error;
}

async function setup() {
  const dir = tempDir();
  const key = await newAgeKey();
  const signer = newSigner();
  const staging = path.join(dir, 'workspace', '.bundle-staging', 'one');
  return { dir, key, signer, staging, open: (file: string, extra: Partial<ReadBundleOptions> = {}) => ({ file, identities: [key.identity], stagingDir: staging, ...extra }) };
}

/** A good bundle of a few entries, one of them over several payload chunks. */
async function goodBundle(s: Awaited<ReturnType<typeof setup>>): Promise<string> {
  const file = path.join(s.dir, 'good.casebundle');
  await writeBundle({
    file,
    entries: [bytesEntry('records/case.json', Buffer.from('{"reference":"HR-2026-0001"}')), bytesEntry('evidence/photo.jpg', randomBytes(300_000))],
    meta: { what: 'a case' },
    encryption: { recipients: [s.key.recipient] },
    signer: s.signer,
  });
  return file;
}

/** A bundle file from hand-made tar parts, encrypted to the setup's key. */
async function crafted(s: Awaited<ReturnType<typeof setup>>, parts: TarPart[]): Promise<string> {
  const file = path.join(s.dir, `crafted-${randomBytes(4).toString('hex')}.casebundle`);
  await encryptTo(file, { recipients: [s.key.recipient] }, await tarOf(parts));
  return file;
}

describe('keys that do not open the bundle', () => {
  it('a wrong passphrase is BUNDLE_WRONG_PASSPHRASE, and so is none', async () => {
    const s = await setup();
    const file = path.join(s.dir, 'p.casebundle');
    await writeBundle({ file, entries: [], meta: {}, encryption: { passphrase: 'the right one' }, signer: s.signer });
    expect((await refusal(s.open(file, { identities: [], passphrase: 'a wrong one' }))).code).toBe('BUNDLE_WRONG_PASSPHRASE');
    expect((await refusal(s.open(file, { passphrase: undefined }))).code).toBe('BUNDLE_WRONG_PASSPHRASE');
  });

  it('a passphrase bundle asking for more scrypt work than age’s default is refused before any is done', async () => {
    const s = await setup();
    const file = path.join(s.dir, 'p.casebundle');
    await writeBundle({ file, entries: [], meta: {}, encryption: { passphrase: 'pw' }, signer: s.signer });
    const bytes = fs.readFileSync(file);
    const stanza = bytes.indexOf('-> scrypt ');
    const line = bytes.subarray(stanza, bytes.indexOf('\n', stanza)).toString('latin1');
    expect(line).toMatch(/ 18$/);
    bytes.write('20', stanza + line.length - 2, 'latin1'); // 2^20 × 1 KiB: a gigabyte of memory to try a passphrase
    fs.writeFileSync(file, bytes);
    const failure = await refusal(s.open(file, { identities: [], passphrase: 'pw' }));
    expect(failure.code).toBe('BUNDLE_TOO_LARGE');
    expect(failure.message).toMatch(/work factor over 18/);
  });

  it('a bundle for someone else is BUNDLE_NOT_FOR_YOU', async () => {
    const s = await setup();
    const file = await goodBundle(s);
    const stranger = await newAgeKey();
    expect((await refusal(s.open(file, { identities: [stranger.identity] }))).code).toBe('BUNDLE_NOT_FOR_YOU');
    expect((await refusal(s.open(file, { identities: [] }))).code).toBe('BUNDLE_NOT_FOR_YOU');
  });

  it('a file that is not a bundle is BUNDLE_NOT_A_BUNDLE: random bytes, a plain tar, an age file of something else', async () => {
    const s = await setup();
    const random = path.join(s.dir, 'random.casebundle');
    fs.writeFileSync(random, randomBytes(5000));
    expect((await refusal(s.open(random))).code).toBe('BUNDLE_NOT_A_BUNDLE');
    const plainTar = path.join(s.dir, 'plain.casebundle');
    fs.writeFileSync(plainTar, await tarOf([{ name: 'a.txt', body: Buffer.from('a') }]));
    expect((await refusal(s.open(plainTar))).code).toBe('BUNDLE_NOT_A_BUNDLE');
    const text = path.join(s.dir, 'text.casebundle');
    await encryptTo(text, { recipients: [s.key.recipient] }, Buffer.from('just a letter, not a tar'.repeat(100)));
    expect((await refusal(s.open(text))).code).toBe('BUNDLE_NOT_A_BUNDLE');
    const otherTar = await crafted(s, [{ name: 'notes.txt', body: Buffer.from('hello') }]);
    expect((await refusal(s.open(otherTar))).code).toBe('BUNDLE_NOT_A_BUNDLE');
    const empty = path.join(s.dir, 'empty.casebundle');
    fs.writeFileSync(empty, '');
    expect((await refusal(s.open(empty))).code).toBe('BUNDLE_NOT_A_BUNDLE');
  });
});

describe('a bundle changed or cut short on the way', () => {
  const flip = (file: string, at: number) => {
    const bytes = fs.readFileSync(file);
    bytes[at] = bytes[at]! ^ 0x01;
    const out = `${file}.${at}`;
    fs.writeFileSync(out, bytes);
    return out;
  };

  it('a byte changed in the header MAC, in the middle, at the end is BUNDLE_DAMAGED', async () => {
    const s = await setup();
    const file = await goodBundle(s);
    const bytes = fs.readFileSync(file);
    const macLine = bytes.indexOf('\n--- ') + 6;
    for (const at of [macLine + 3, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const failure = await refusal(s.open(flip(file, at)));
      expect([at, failure.code]).toEqual([at, 'BUNDLE_DAMAGED']);
    }
  });

  it('a byte changed anywhere fails closed (a changed recipient stanza reads as "not for you": the two cannot be told apart)', async () => {
    const s = await setup();
    const file = await goodBundle(s);
    const size = fs.statSync(file).size;
    const headerEnd = fs.readFileSync(file).indexOf('\n--- ') + 1;
    const positions = [...Array.from({ length: headerEnd }, (_, i) => i).filter((i) => i % 7 === 0), ...Array.from({ length: 12 }, (_, i) => headerEnd + Math.floor(((size - headerEnd) * i) / 12))];
    for (const at of positions) {
      const failure = await refusal(s.open(flip(file, at)));
      expect(['BUNDLE_DAMAGED', 'BUNDLE_NOT_FOR_YOU', 'BUNDLE_NOT_A_BUNDLE']).toContain(failure.code);
      if (at >= headerEnd) expect([at, failure.code]).toEqual([at, 'BUNDLE_DAMAGED']);
    }
  });

  it('a truncated bundle is BUNDLE_DAMAGED, wherever it stops (even on a payload chunk boundary)', async () => {
    const s = await setup();
    const file = await goodBundle(s);
    const bytes = fs.readFileSync(file);
    const headerEnd = bytes.indexOf('\n--- ') + 1;
    const payload = bytes.indexOf('\n', headerEnd) + 1;
    const chunk = 65536 + 16;
    for (const length of [headerEnd - 3, payload, payload + 10, payload + 16 + chunk, payload + 16 + 2 * chunk, bytes.length - 1]) {
      const cut = path.join(s.dir, `cut-${length}.casebundle`);
      fs.writeFileSync(cut, bytes.subarray(0, length));
      const failure = await refusal(s.open(cut));
      expect([length, failure.code]).toEqual([length, 'BUNDLE_DAMAGED']);
    }
  });

  it('an entry whose bytes do not match the manifest (same size, another hash) is BUNDLE_DAMAGED', async () => {
    const s = await setup();
    const good = Buffer.from('the statement as signed');
    const file = await crafted(s, [...heads(s.signer, [{ name: 'records/a.json', body: good }]), { name: 'records/a.json', body: Buffer.from('the statement as singed') }]);
    expect((await refusal(s.open(file))).message).toMatch(/does not match its SHA-256/);
  });

  it('an entry missing, one the manifest does not list, or out of order is BUNDLE_DAMAGED', async () => {
    const s = await setup();
    const a = { name: 'records/a.json', body: Buffer.from('a') };
    const b = { name: 'records/b.json', body: Buffer.from('b') };
    const missing = await crafted(s, [...heads(s.signer, [a, b]), a]);
    expect((await refusal(s.open(missing))).message).toMatch(/"records\/b.json" is missing/);
    const extra = await crafted(s, [...heads(s.signer, [a]), a, b]);
    expect((await refusal(s.open(extra))).message).toMatch(/not in the signed manifest/);
    const reordered = await crafted(s, [...heads(s.signer, [a, b]), b, a]);
    expect((await refusal(s.open(reordered))).code).toBe('BUNDLE_DAMAGED');
  });
});

describe('signatures', () => {
  const entry = { name: 'records/a.json', body: Buffer.from('{"a":1}') };

  it('a signature made by another key than the one the manifest names is BUNDLE_SIGNATURE_INVALID', async () => {
    const s = await setup();
    const manifest = manifestBytes({ signer: s.signer, entries: [{ name: entry.name, size: entry.body.length, sha256: sha256(entry.body) }] });
    const file = await crafted(s, [{ name: MANIFEST_NAME, body: manifest }, { name: SIGNATURE_NAME, body: signatureOf(manifest, newSigner().privateKey) }, entry]);
    expect((await refusal(s.open(file))).code).toBe('BUNDLE_SIGNATURE_INVALID');
  });

  it('a manifest edited after signing is BUNDLE_SIGNATURE_INVALID', async () => {
    const s = await setup();
    const [manifest, signature] = heads(s.signer, [entry], { meta: { sender: 'Alice' } });
    const edited = Buffer.from(manifest!.body!.toString('utf8').replace('"Alice"', '"Mallory"'));
    const file = await crafted(s, [{ name: MANIFEST_NAME, body: edited }, signature!, entry]);
    expect((await refusal(s.open(file))).code).toBe('BUNDLE_SIGNATURE_INVALID');
  });

  it('a bundle re-signed whole by another key opens, naming that key: who signed is the caller’s judgement', async () => {
    const s = await setup();
    const mallory = newSigner();
    const file = await crafted(s, [...heads(mallory, [entry], { meta: { sender: { signingKey: s.signer.publicKey } } }), entry]);
    const opened = await readBundle(s.open(file));
    expect(opened.signer.publicKey).toBe(mallory.publicKey);
    expect(opened.signer.publicKey).not.toBe((opened.meta.sender as { signingKey: string }).signingKey);
    opened.dispose();
  });
});

describe('unsafe entries', () => {
  const body = Buffer.from('x');

  it.each([
    ['../../x', 'named with'],
    ['/tmp/casebench-escape', 'named with an absolute path'],
    ['NUL.txt', 'reserved Windows device name'],
    ['evidence/com1', 'reserved Windows device name'],
    ['records\\a.json', 'backslash'],
    ['C:x', 'drive letter'],
    [`${'a'.repeat(201)}`, 'longer than 200'],
  ])('the tar entry %s is BUNDLE_UNSAFE_ENTRY, and nothing is written outside staging', async (name, why) => {
    const s = await setup();
    // The manifest lists a safe name; the tar carries the unsafe one where that entry should be.
    const file = await crafted(s, [...heads(s.signer, [{ name: 'records/a.json', body }]), { name, body }]);
    const failure = await refusal(s.open(file));
    expect(failure.code).toBe('BUNDLE_UNSAFE_ENTRY');
    expect(failure.message).toContain(why === 'named with' ? '".."' : why);
    expect(filesUnder(s.dir).filter((f) => !f.endsWith('.casebundle'))).toEqual([]);
    expect(fs.existsSync('/tmp/casebench-escape')).toBe(false);
  });

  it('a manifest that lists ../../x, an absolute path or NUL.txt (correctly signed) is BUNDLE_UNSAFE_ENTRY', async () => {
    const s = await setup();
    for (const name of ['../../x', '/etc/passwd', 'NUL.txt']) {
      const file = await crafted(s, heads(s.signer, [{ name, body }]));
      expect((await refusal(s.open(file))).code).toBe('BUNDLE_UNSAFE_ENTRY');
    }
  });

  it.each(['symlink', 'link', 'directory', 'character-device'] as const)('a %s entry is BUNDLE_UNSAFE_ENTRY', async (type) => {
    const s = await setup();
    const file = await crafted(s, [...heads(s.signer, [{ name: 'records/a.json', body }]), { name: 'records/a.json', type, linkname: '/etc/passwd' }]);
    const failure = await refusal(s.open(file));
    expect(failure.code).toBe('BUNDLE_UNSAFE_ENTRY');
    expect(failure.message).toContain(`a ${type}`);
  });

  it('a duplicate entry is BUNDLE_UNSAFE_ENTRY: twice in the tar, twice in the manifest, or differing only in case', async () => {
    const s = await setup();
    const a = { name: 'records/a.json', body };
    const twiceInTar = await crafted(s, [...heads(s.signer, [a]), a, a]);
    expect((await refusal(s.open(twiceInTar))).message).toMatch(/duplicate/);
    const twiceListed = await crafted(s, [...heads(s.signer, [a, a]), a, a]);
    expect((await refusal(s.open(twiceListed))).message).toMatch(/duplicate/);
    const caseOnly = await crafted(s, [...heads(s.signer, [a, { name: 'records/A.json', body }]), a, { name: 'records/A.json', body }]);
    expect((await refusal(s.open(caseOnly))).code).toBe('BUNDLE_UNSAFE_ENTRY');
  });

  it('the writer refuses to carry an unsafe name', async () => {
    const s = await setup();
    const file = path.join(s.dir, 'w.casebundle');
    const refused = await writeBundle({ file, entries: [bytesEntry('../x', body)], meta: {}, encryption: { recipients: [s.key.recipient] }, signer: s.signer }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Failure);
    expect((refused as Failure).code).toBe('BUNDLE_UNSAFE_ENTRY');
    expect(fs.readdirSync(s.dir)).toEqual([]);
  });
});

describe('bombs: caps on declared and actual bytes', () => {
  it('an entry declared huge is BUNDLE_TOO_LARGE before anything is extracted', async () => {
    const s = await setup();
    const manifest = manifestBytes({ signer: s.signer, entries: [{ name: 'evidence/huge', size: 2 ** 45, sha256: '0'.repeat(64) }] });
    const file = await crafted(s, [{ name: MANIFEST_NAME, body: manifest }, { name: SIGNATURE_NAME, body: signatureOf(manifest, s.signer.privateKey) }]);
    expect((await refusal(s.open(file))).code).toBe('BUNDLE_TOO_LARGE');
  });

  it('too many entries is BUNDLE_TOO_LARGE, with the default cap and with one set per read', async () => {
    const s = await setup();
    const many = Array.from({ length: 100_001 }, (_, i) => ({ name: `r/${i}`, size: 0, sha256: sha256(Buffer.alloc(0)) }));
    const manifest = manifestBytes({ signer: s.signer, entries: many });
    const file = await crafted(s, [{ name: MANIFEST_NAME, body: manifest }, { name: SIGNATURE_NAME, body: signatureOf(manifest, s.signer.privateKey) }]);
    expect((await refusal(s.open(file))).message).toMatch(/100001 entries; the limit is 100000/);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `r/${i}`, body: Buffer.from(String(i)) }));
    const small = await crafted(s, [...heads(s.signer, eleven), ...eleven]);
    expect((await refusal(s.open(small, { limits: { maxEntries: 10 } }))).code).toBe('BUNDLE_TOO_LARGE');
  });

  it('total and single-entry caps set per read refuse a bundle over them', async () => {
    const s = await setup();
    const file = await goodBundle(s); // 300 KB of evidence
    expect((await refusal(s.open(file, { limits: { maxTotalBytes: 100_000 } }))).message).toMatch(/the limit is 100000/);
    expect((await refusal(s.open(file, { limits: { maxEntryBytes: 100_000 } }))).message).toMatch(/limit for one entry is 100000/);
  });

  it('a tar entry bigger than the manifest says is refused before its bytes are written', async () => {
    const s = await setup();
    const listed = { name: 'evidence/a.bin', body: Buffer.from('ten bytes!') };
    const file = await crafted(s, [...heads(s.signer, [listed]), { name: 'evidence/a.bin', body: listed.body, size: 4 * 1024 * 1024 }]);
    expect((await refusal(s.open(file))).message).toMatch(/does not have the size the manifest says/);
  });

  it('a manifest from a newer format version is BUNDLE_TOO_NEW, naming both versions', async () => {
    const s = await setup();
    const file = await crafted(s, heads(s.signer, [], { formatVersion: 7 }));
    const failure = await refusal(s.open(file));
    expect(failure.code).toBe('BUNDLE_TOO_NEW');
    expect(failure.message).toMatch(/format version 7; this Casebench reads versions up to 1/);
  });
});
