import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { BUNDLE_FORMAT_VERSION, readBundle } from './index';

/**
 * Older bundles stay readable: a bundle written by the version-1 writer is kept as a fixture and
 * must open, byte for byte, in every later version of the reader.
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures');

describe('format versions', () => {
  it('reads the format-version-1 fixture bundle', async () => {
    const identity = fs.readFileSync(path.join(FIXTURES, 'format-v1.key.txt'), 'utf8').split('\n').find((line) => line.startsWith('AGE-SECRET-KEY-1'))!;
    const stagingDir = path.join(tempDir(), 'staging');
    const opened = await readBundle({ file: path.join(FIXTURES, 'format-v1.casebundle'), identities: [identity], stagingDir });
    expect(BUNDLE_FORMAT_VERSION).toBeGreaterThanOrEqual(1);
    expect(opened.formatVersion).toBe(1);
    expect(opened.signer.publicKey).toBe('NcFrhuqM+perXZ1w9XxJPsSbW+4spl5h6myurynGtkQ=');
    expect(opened.meta).toEqual({ fixture: 'format version 1', sender: { name: 'Fixture Sender', organisation: 'Casebench tests' } });
    expect(opened.entries.map((e) => e.name)).toEqual(['records/case.json', 'evidence/statement.txt']);
    expect(fs.readFileSync(opened.pathOf('records/case.json'), 'utf8')).toBe('{"reference":"HR-2026-0001","title":"Fixture case"}\n');
    expect(fs.readFileSync(opened.pathOf('evidence/statement.txt'), 'utf8')).toBe('証言：2026年1月、拘束された。\n');
    opened.dispose();
  });
});
