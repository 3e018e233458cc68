import { createDecipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { DATABASE_FILE, openWorkspace } from '../open-workspace';
import { readKeyFile } from './key-file';
import { ENCRYPTED_WAL_AUTOCHECKPOINT } from './sqlcipher';
import { ok, STRONG, workbenchOn } from './test-workbench';
import { unwrapWorkspaceKey } from './workspace-keys';

/**
 * An independent reading of page 1 with node:crypto alone, following SQLCipher 4's published
 * format, so that "standard SQLCipher tools can open a workspace" is checked without trusting the
 * driver that wrote it (Debian's sqlcipher CLI is 3.4 and cannot open version 4 files):
 * 16-byte salt at offset 0; AES-256-CBC over the rest of the page; 80 reserved bytes at its end
 * (16-byte IV, 64-byte HMAC-SHA512 over ciphertext ‖ IV ‖ page number little-endian); with a raw
 * key, the key is used as is and the HMAC key is PBKDF2-HMAC-SHA512(key, salt ⊕ 0x3a, 2 rounds).
 */
describe('the workspace database file', () => {
  it('is SQLCipher 4: page 1 authenticates and decrypts, with node:crypto alone, to a SQLite header', async () => {
    const dir = tempDir();
    const bench = workbenchOn(dir);
    await ok(bench.call('workspace.create', { passphrase: STRONG }));
    bench.close();
    const key = await unwrapWorkspaceKey(readKeyFile(dir)!, { kind: 'passphrase', secret: STRONG });

    const PAGE = 4096;
    const RESERVE = 80;
    const page = fs.readFileSync(path.join(dir, DATABASE_FILE)).subarray(0, PAGE);
    const salt = page.subarray(0, 16);
    const ciphertext = page.subarray(16, PAGE - RESERVE);
    const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
    const mac = page.subarray(PAGE - RESERVE + 16, PAGE);

    const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    const pgno = Buffer.alloc(4);
    pgno.writeUInt32LE(1);
    const expected = createHmac('sha512', hmacKey).update(ciphertext).update(iv).update(pgno).digest();
    expect(mac.equals(expected)).toBe(true);

    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    // The plaintext starts at file offset 16 of a SQLite header.
    expect(plain.readUInt16BE(0)).toBe(PAGE); // page size
    expect(plain[4]).toBe(RESERVE); // bytes reserved at the end of each page
    expect([...plain.subarray(5, 8)]).toEqual([64, 32, 32]); // payload fractions, fixed by the format
  });

  it('checkpoints its WAL less often when encrypted (a checkpoint re-encrypts every page); a plain one keeps the SQLite default', () => {
    for (const [options, expected] of [[{ key: randomBytes(32) }, ENCRYPTED_WAL_AUTOCHECKPOINT], [{}, 1000]] as const) {
      const workspace = openWorkspace(tempDir(), options);
      try {
        expect(workspace.db.pragma('wal_autocheckpoint', { simple: true })).toBe(expected);
      } finally {
        workspace.close();
      }
    }
  });
});
