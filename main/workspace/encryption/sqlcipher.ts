import type Database from 'better-sqlite3';
import fs from 'node:fs';

/**
 * better-sqlite3 here is better-sqlite3-multiple-ciphers (package.json alias). Its default cipher
 * is ChaCha20; SQLCipher 4 is chosen so that standard SQLCipher tools can open a workspace for
 * forensic review. The workspace key is random, so it is given raw (`x'…'`): no second KDF.
 * These pragmas must come before anything else reads the file.
 */
export function applyKey(db: Database.Database, key: Buffer, pragma: 'key' | 'rekey' = 'key'): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * True if the file starts like a plain SQLite database. An encrypted one starts with 16 random
 * bytes (SQLCipher's salt); an empty file is neither and is left to SQLite to judge.
 */
export function isPlainDatabase(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === 0 || head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}
