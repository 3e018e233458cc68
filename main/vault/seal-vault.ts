import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../fs/durable';
import { isSealedWith, sealFileSync } from './sealed-file';

/** In a vault's root: present once every stored file is sealed. Its absence with a key means "finish sealing". */
export const VAULT_FORMAT_FILE = 'format';
const SEALED_FORMAT = 'sealed-v1\n';

function* storedFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* storedFiles(full);
    else yield full;
  }
}

/**
 * Seals a plain vault's files in place, kill-safe (the encryption of a workspace, convert.ts, and
 * its resumption at the next open): per file a sealed copy beside it, fsynced, renamed over it (its
 * name, the SHA-256 of the plaintext, does not change). A file is plain or sealed, never half: a
 * killed run leaves at most a `.sealing` copy, removed here. Files already sealed under this key
 * are left as they are; the format marker is written last. `onFile` is for the crash tests.
 */
export function sealVault(workspaceDir: string, vaultKey: Buffer, onFile?: () => void): number {
  const root = path.join(workspaceDir, 'vault');
  const contentDir = path.join(root, 'sha256');
  fs.mkdirSync(contentDir, { recursive: true });
  let sealed = 0;
  for (const file of [...storedFiles(contentDir)]) {
    if (file.endsWith('.sealing')) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (isSealedWith(file, vaultKey)) continue;
    const sealing = `${file}.sealing`;
    fs.rmSync(sealing, { force: true });
    sealFileSync(file, sealing, vaultKey);
    fs.chmodSync(sealing, 0o444);
    if (process.platform === 'win32') fs.chmodSync(file, 0o600); // a read-only file cannot be replaced there
    fs.renameSync(sealing, file);
    fsyncDir(path.dirname(file));
    sealed++;
    onFile?.();
  }
  // Plain uploads of the plain workspace are not claimed by anyone now: the start-up sweep empties tmp.
  const marker = path.join(root, VAULT_FORMAT_FILE);
  const temp = `${marker}.tmp`;
  fs.writeFileSync(temp, SEALED_FORMAT);
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, marker);
  fsyncDir(root);
  return sealed;
}
