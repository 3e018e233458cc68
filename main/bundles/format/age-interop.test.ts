import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { readBundle, writeBundle } from './index';
import { bytesEntry, filesUnder, heads, newAgeKey, newSigner, sha256, tarOf } from './test-bundles';

/**
 * The promise of the format: a bundle opens with the standard tools when the app is not at hand
 * (`age -d -i key.txt x.casebundle | tar -x`), and what `age` encrypts, we read.
 */
const ageMissing = (() => {
  try {
    execFileSync('age', ['--version'], { stdio: 'pipe' });
    execFileSync('age-keygen', ['--version'], { stdio: 'pipe' });
    return null;
  } catch {
    return 'the age command-line tool is not installed (apt package "age")';
  }
})();

describe.skipIf(ageMissing)(`interop with the age command-line tool${ageMissing ? ` (skipped: ${ageMissing})` : ''}`, () => {
  it('a bundle we write decrypts with `age -d -i` and untars to the manifest, the signature and our entries', async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'key.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
    const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();
    const evidence = randomBytes(200_000);
    const entries = [bytesEntry('records/case.json', Buffer.from('{"reference":"HR-2026-0001"}')), bytesEntry(`evidence/${sha256(evidence)}`, evidence)];
    const file = path.join(dir, 'case.casebundle');
    const other = await newAgeKey(); // a second recipient: the CLI must find its own stanza among several
    await writeBundle({ file, entries, meta: { via: 'cli' }, encryption: { recipients: [other.recipient, recipient] }, signer: newSigner() });

    const tarFile = path.join(dir, 'case.tar');
    execFileSync('age', ['-d', '-i', keyFile, '-o', tarFile, file]);
    const listed = execFileSync('tar', ['-tf', tarFile], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(['casebundle.json', 'casebundle.sig', 'records/case.json', `evidence/${sha256(evidence)}`]);
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    execFileSync('tar', ['-xf', tarFile, '-C', out]);
    expect(fs.readFileSync(path.join(out, 'records/case.json'), 'utf8')).toBe('{"reference":"HR-2026-0001"}');
    expect(sha256(fs.readFileSync(path.join(out, 'evidence', sha256(evidence))))).toBe(sha256(evidence));
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'casebundle.json'), 'utf8')) as { formatVersion: number; entries: { name: string }[] };
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.entries.map((e) => e.name)).toEqual(['records/case.json', `evidence/${sha256(evidence)}`]);
  });

  it('a tar that `age -r` encrypts is read by our decryptor', async () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'key.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
    const identity = fs.readFileSync(keyFile, 'utf8').split('\n').find((line) => line.startsWith('AGE-SECRET-KEY-1'))!;
    const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();
    const signer = newSigner();
    // Over several 64 KiB payload chunks.
    const parts = [{ name: 'records/case.json', body: Buffer.from('{"reference":"HR-2026-0002"}') }, { name: 'evidence/video.bin', body: randomBytes(5 * 65536) }];
    const tarFile = path.join(dir, 'made.tar');
    fs.writeFileSync(tarFile, await tarOf([...heads(signer, parts, { meta: { via: 'age -r' } }), ...parts]));
    const file = path.join(dir, 'made.casebundle');
    execFileSync('age', ['-r', recipient, '-o', file, tarFile]);

    const stagingDir = path.join(dir, 'staging');
    const opened = await readBundle({ file, identities: [identity], stagingDir });
    expect(opened.meta).toEqual({ via: 'age -r' });
    expect(opened.signer.publicKey).toBe(signer.publicKey);
    expect(opened.bundleSha256).toBe(sha256(fs.readFileSync(file)));
    expect(filesUnder(stagingDir)).toEqual(['evidence/video.bin', 'records/case.json']);
    expect(sha256(fs.readFileSync(opened.pathOf('evidence/video.bin')))).toBe(sha256(parts[1]!.body));
    opened.dispose();
  });
});
