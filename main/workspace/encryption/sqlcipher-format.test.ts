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

  it('writes about as many pages for evidence text as a plain workspace (no zeroing of freed pages)', () => {
    const words = ['detention', 'camp', 'witness', 'Kashgar', '拘禁施設', '衛星写真', '強制労働', 'report', 'guards', '証言'];
    const texts = Array.from({ length: 24 }, (_, i) => [...randomBytes(16 * 1024)].map((b) => words[b % words.length]).join(i % 3 ? ' ' : '\n'));
    const pagesWritten = (options: { key?: Buffer }) => {
      const workspace = openWorkspace(tempDir(), options);
      try {
        const db = workspace.db;
        // Every page written stays in the WAL, so its length counts them.
        db.pragma('wal_autocheckpoint = 0');
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-1', 't', '', '')").run();
        texts.forEach((text, i) => {
          db.prepare(
            `INSERT INTO evidence_items (id, case_id, seq, kind, title, sha256, custody_head, created_at, updated_at)
             VALUES (?, 'c', ?, 'file', 'Statement', ?, '0', '', '')`,
          ).run(`e${i}`, i + 1, i.toString(16).padStart(64, '0'));
          db.prepare('INSERT INTO evidence_text (item_id, text) VALUES (?, ?)').run(`e${i}`, text);
        });
        return (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
      } finally {
        workspace.close();
      }
    };
    const plain = pagesWritten({});
    const encrypted = pagesWritten({ key: randomBytes(32) });
    expect(plain).toBeGreaterThan(24 * 40);
    // 80 bytes of each encrypted page are the cipher's, so a little more is expected.
    expect(encrypted / plain).toBeLessThan(1.1);
  });
});
