import fs from 'node:fs';
import path from 'node:path';

/** Writes that must survive a crash or a power cut: the key file, the vault, conversions. */

/** fsync of a folder makes a rename in it durable; Windows cannot open folders, and does not need it. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `file` so that a crash at any moment leaves either the old or the new content, whole:
 * a temporary file beside it, fsync, rename over the old one, fsync the folder.
 */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
}

/** Temporary files an atomic write left behind when the process died before its rename. */
export function sweepAtomicLeftovers(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
  }
}
