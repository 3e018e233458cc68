import type Database from 'better-sqlite3';
import DatabaseCtor from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Failure } from '../../ipc/failure';
import { fsyncDir, sweepAtomicLeftovers, writeFileAtomic } from '../../fs/durable';
import type { KdfParams } from './key-derivation';
import { KEY_FILE, keyFilePath, serializeKeyFile } from './key-file';
import { DATABASE_FILE, ENCRYPTING_FILE } from './layout';
import { sealVault } from '../../vault/seal-vault';
import { deriveVaultKey } from '../../vault/sealed-file';
import { applyKey, isPlainDatabase } from './sqlcipher';
import { newWorkspaceKeys } from './workspace-keys';

/**
 * Converting a plain workspace, in this order (the key file's rename is the commit point):
 *
 *  1. keys     a new workspace key, wrapped under the passphrase and a recovery code (in memory)
 *  2. copy     VACUUM INTO casebench.sqlite.encrypting: a consistent plain copy, in rollback mode
 *  3. encrypt  PRAGMA rekey on that copy (this build refuses rekey in WAL mode; the copy is not in WAL)
 *  4. verify   the copy opens with the key, passes quick_check, and every table has the same rows
 *  5. pending  the key file written (atomically) as casebench.keys.json.pending
 *  6. close    the plain database is checkpointed and closed: nothing can be written to it any more
 *  7. commit   rename pending → casebench.keys.json
 *  8. swap     the plain -wal/-shm removed, rename .encrypting → casebench.sqlite, fsync the folder
 *  9. vault    every evidence file sealed in place (main/vault/seal-vault.ts: a sealed copy beside
 *              it, fsync, rename over; its SHA-256 name is unchanged), then the vault's format marker
 *
 * Recovery at open (settleConversion, under the workspace lock):
 *  - no key file: the plain database is the workspace; .encrypting*, the pending key file and
 *    temp files are leftovers and are removed (a kill during steps 1–7).
 *  - key file and .encrypting, database plain or absent: a kill between 7 and 8; the copy was
 *    verified before the commit, so the swap is completed.
 *  - key file, database encrypted: done; only temp files are swept.
 *  - key file, vault without its format marker (a kill during 9): the vault is opened with the key
 *    and its remaining plain files are sealed (main/vault/vault.ts constructor); each file is
 *    either plain or sealed, told apart by its header and first chunk.
 * At no point is the only copy of the data half-converted: until 8, the plain file is untouched.
 * (The plain bytes stay on the disk's free blocks after 8, as with any deleted file: the UI says so.)
 */
export const CONVERT_STEPS = ['keys', 'copy', 'encrypt', 'verify', 'pending', 'close', 'commit', 'swap', 'vault'] as const;
export type ConvertStep = (typeof CONVERT_STEPS)[number];

const PENDING_KEY_FILE = `${KEY_FILE}.pending`;

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeAll(dir: string, names: string[]): void {
  for (const name of names) fs.rmSync(path.join(dir, name), { force: true });
}

const encryptingLeftovers = [ENCRYPTING_FILE, `${ENCRYPTING_FILE}-journal`, `${ENCRYPTING_FILE}-wal`, `${ENCRYPTING_FILE}-shm`];

/** Finishes or undoes a conversion a crash interrupted; see the order above. */
export function settleConversion(dir: string): void {
  const hasKeyFile = fs.existsSync(keyFilePath(dir));
  const database = path.join(dir, DATABASE_FILE);
  if (!hasKeyFile) {
    removeAll(dir, [...encryptingLeftovers, PENDING_KEY_FILE]);
  } else if (fs.existsSync(path.join(dir, ENCRYPTING_FILE)) && (!fs.existsSync(database) || isPlainDatabase(database))) {
    swap(dir);
  }
  removeAll(dir, [PENDING_KEY_FILE]);
  sweepAtomicLeftovers(keyFilePath(dir));
}

function swap(dir: string): void {
  // The plain database was closed before the commit, so its WAL holds nothing the copy lacks; a
  // stale plain WAL beside the encrypted file would be read as the encrypted file's own.
  removeAll(dir, [`${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]);
  fs.renameSync(path.join(dir, ENCRYPTING_FILE), path.join(dir, DATABASE_FILE));
  fsyncDir(dir);
}

function tableCounts(db: Database.Database): Map<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return new Map(names.map((name) => [name, db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number]));
}

function verifyCopy(copy: string, key: Buffer, expected: Map<string, number>): void {
  const db = new DatabaseCtor(copy, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    const check = db.pragma('quick_check', { simple: true });
    const counts = tableCounts(db);
    const same = counts.size === expected.size && [...expected].every(([name, n]) => counts.get(name) === n);
    if (check !== 'ok' || !same) throw new Error('the encrypted copy does not match the workspace');
  } finally {
    db.close();
  }
}

export interface ConvertInput {
  dir: string;
  /** The plain workspace's open database; it is closed by the conversion (step 6). */
  db: Database.Database;
  /** Closes the plain workspace (database and folder lock). */
  close: () => void;
  passphrase: string;
  kdf: KdfParams;
  /** Tests: called as each step completes (the crash tests kill the process there). */
  onStep?: (step: ConvertStep) => void;
  /** Tests: called as each evidence file is sealed (step 9). */
  onFileSealed?: () => void;
}

/**
 * Encrypts a plain workspace in place (order and recovery above). Returns the workspace key (the
 * caller opens the encrypted database with it, then zeroes it) and the recovery code to show once.
 * Everything after the key derivation runs synchronously, so no other request writes in between.
 */
export async function encryptExisting(input: ConvertInput): Promise<{ key: Buffer; recoveryCode: string }> {
  const { dir, db, onStep } = input;
  const keys = await newWorkspaceKeys(input.passphrase, input.kdf);
  onStep?.('keys');
  const copy = path.join(dir, ENCRYPTING_FILE);
  const pending = path.join(dir, PENDING_KEY_FILE);
  removeAll(dir, [...encryptingLeftovers, PENDING_KEY_FILE]);
  try {
    db.prepare('VACUUM INTO ?').run(copy);
    const expected = tableCounts(db);
    onStep?.('copy');
    const target = new DatabaseCtor(copy, { fileMustExist: true });
    try {
      applyKey(target, keys.key, 'rekey');
    } finally {
      target.close();
    }
    fsyncFile(copy);
    onStep?.('encrypt');
    verifyCopy(copy, keys.key, expected);
    onStep?.('verify');
    writeFileAtomic(pending, serializeKeyFile(keys.body));
    onStep?.('pending');
  } catch (error) {
    removeAll(dir, [...encryptingLeftovers, PENDING_KEY_FILE]);
    keys.key.fill(0);
    if (error instanceof Failure) throw error;
    if ((error as { code?: string }).code === 'SQLITE_FULL' || (error as { code?: string }).code === 'ENOSPC') {
      throw new Failure('DISK_FULL', 'There is not enough free space for the encrypted copy. Nothing was changed; free some space and try again.');
    }
    throw error;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  input.close();
  onStep?.('close');
  fs.renameSync(pending, keyFilePath(dir));
  fsyncDir(dir);
  onStep?.('commit');
  swap(dir);
  onStep?.('swap');
  const vaultKey = deriveVaultKey(keys.key);
  try {
    sealVault(dir, vaultKey, input.onFileSealed);
  } finally {
    vaultKey.fill(0);
  }
  onStep?.('vault');
  return { key: keys.key, recoveryCode: keys.recoveryCode };
}
