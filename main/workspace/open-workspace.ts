import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Failure } from '../ipc/failure';
import { migrate, schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { deriveVaultKey } from '../vault/sealed-file';
import { Vault } from '../vault/vault';
import { settleConversion } from './encryption/convert';
import { DATABASE_FILE } from './encryption/layout';
import { keyFileExists } from './encryption/key-file';
import { applyKey, isPlainDatabase } from './encryption/sqlcipher';
import { NOT_WRITABLE, errnoCode } from '../fs/errno';
import { lockWorkspace } from './workspace-lock';

export { DATABASE_FILE };

export interface OpenOptions {
  /**
   * The workspace key (32 bytes, from the key file: main/workspace/encryption): the database is
   * opened, or created, encrypted with it. Without it a new database is created unencrypted.
   */
  key?: Buffer;
}

export interface Workspace {
  db: Database.Database;
  schemaVersion: number;
  /** The evidence files beside the database (main/vault), swept of crash leftovers at open. */
  vault: Vault;
  close(): void;
}

/** Creates the folder if needed and proves we can write in it, before anything else touches it. */
function ensureWritable(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    if (NOT_WRITABLE.has(errnoCode(error))) {
      throw new Failure('WORKSPACE_READ_ONLY', 'The workspace folder cannot be written to. Choose a folder you can write to, or change its permissions.');
    }
    throw error;
  }
}

const corrupt = () =>
  new Failure('WORKSPACE_CORRUPT', 'The workspace database cannot be read. Nothing was changed; restore it from a backup or open another workspace.');

/** Without the key an encrypted file reads as "not a database"; with a wrong one, too. */
const needsKey = () =>
  new Failure('WORKSPACE_PASSPHRASE_WRONG', 'This workspace is encrypted and the key given does not open it. Nothing was changed.');

/**
 * Looks at an existing database without writing to it: a file from a newer Casebench or a damaged
 * one must be left exactly as it was found.
 */
function inspectExisting(file: string, key: Buffer | undefined): void {
  let db: Database.Database | undefined;
  const plain = isPlainDatabase(file);
  // Without a key file beside it, a file that is not plain SQLite cannot be told from a damaged one.
  if (!plain && !key) throw keyFileExists(path.dirname(file)) ? needsKey() : corrupt();
  if (plain && key) {
    throw new Failure('WORKSPACE_CORRUPT', 'The workspace has a key file but its database is not encrypted. Nothing was changed; restore the workspace from a backup.');
  }
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (key) applyKey(db, key);
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new Failure('WORKSPACE_TOO_NEW', `This workspace was written by a newer Casebench (schema ${version}; this version knows ${LATEST_SCHEMA_VERSION}). Nothing was changed; update Casebench to open it.`);
    }
    // Reads the header and the schema: catches a file that is not a database, or whose first pages
    // are damaged, in well under a millisecond. A full quick_check reads every page (seconds on a
    // large workspace), so damage deeper in the file is reported when it is read (see the router).
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if (error instanceof Failure) throw error;
    if (error instanceof Database.SqliteError) throw key && error.code === 'SQLITE_NOTADB' ? needsKey() : corrupt();
    throw error;
  } finally {
    db?.close();
  }
}

/** Opens (or creates) the workspace in `dir`: checks, lock, database, migrations, in that order. */
export function openWorkspace(dir: string, options: OpenOptions = {}): Workspace {
  ensureWritable(dir);
  const release = lockWorkspace(dir);
  try {
    // A conversion to encryption that a crash interrupted is finished or undone first.
    settleConversion(dir);
    const file = path.join(dir, DATABASE_FILE);
    // An empty file is what a first open killed before its first write leaves: nothing to inspect.
    if (fs.existsSync(file) && fs.statSync(file).size > 0) inspectExisting(file, options.key);
    const db = new Database(file);
    try {
      if (options.key) applyKey(db, options.key);
      db.pragma('journal_mode = WAL');
      // A committed custody entry must survive a power cut, not only a crash of the app.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      const version = migrate(db);
      // The vault gets a key of its own, derived from the workspace key (which the caller zeroes).
      const vaultKey = options.key ? deriveVaultKey(options.key) : undefined;
      let vault: Vault;
      try {
        vault = new Vault(dir, vaultKey ? { key: vaultKey } : {});
      } finally {
        vaultKey?.fill(0);
      }
      vault.sweep(db);
      let closed = false;
      return {
        db,
        schemaVersion: version,
        vault,
        close() {
          if (closed) return;
          closed = true;
          vault.close();
          db.close();
          release();
        },
      };
    } catch (error) {
      db.close();
      if (error instanceof Database.SqliteError && /READONLY/.test(error.code)) {
        throw new Failure('WORKSPACE_READ_ONLY', 'The workspace database cannot be written to.');
      }
      throw error;
    }
  } catch (error) {
    release();
    throw error;
  }
}
