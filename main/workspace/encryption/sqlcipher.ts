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
  // SQLite3MC encrypts at the file layer, so a checkpoint decrypts every WAL frame and encrypts it
  // again into the database (HMAC-SHA512 each time): two thirds of an FTS-heavy import's page
  // crypto. Checkpointing every ~40 MB instead of ~4 MB copies a page rewritten by many commits
  // (FTS structure, b-tree interiors) once (measured: ~20% less CPU per evidence text). The WAL is
  // encrypted like the database; a clean close still checkpoints and removes it.
  if (pragma === 'key') db.pragma(`wal_autocheckpoint = ${ENCRYPTED_WAL_AUTOCHECKPOINT}`);
  // SQLite3MC turns secure_delete on with a key: every freed page is zeroed and written again. FTS5
  // frees pages at each segment merge, so an evidence text wrote ~60% more pages, each encrypted,
  // than in a plain workspace. Free pages are encrypted like the rest, so zeroing them only hides
  // deleted rows from someone who holds the key (and not from the WAL's older frames); a plain
  // workspace has SQLite's default, off, too.
  db.pragma('secure_delete = 0');
}

/** Pages in the WAL of an encrypted database before SQLite checkpoints it (SQLite's default is 1000). */
export const ENCRYPTED_WAL_AUTOCHECKPOINT = 10_000;

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
