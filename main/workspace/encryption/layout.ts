import fs from 'node:fs';
import path from 'node:path';
import { keyFileExists } from './key-file';

export const DATABASE_FILE = 'casebench.sqlite';
/** The encrypted copy a conversion builds beside the plain database (see convert.ts). */
export const ENCRYPTING_FILE = `${DATABASE_FILE}.encrypting`;

/**
 * What is in a workspace folder, judged by its files alone (nothing is opened or written):
 * 'new'       no database and no key file: it is created at first use;
 * 'plain'     an unencrypted database (created before encryption, or on purpose for tests);
 * 'encrypted' a key file: the database opens only with the workspace key it wraps. A key file
 *             with no database yet (a first run killed between the two) is still 'encrypted'.
 */
export type WorkspaceKind = 'new' | 'plain' | 'encrypted';

export function workspaceKind(dir: string): WorkspaceKind {
  if (keyFileExists(dir)) return 'encrypted';
  return fs.existsSync(path.join(dir, DATABASE_FILE)) ? 'plain' : 'new';
}
