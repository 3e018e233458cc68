import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Makes `dir` read-only the way a user would meet it. Root ignores permission bits, so as root the
 * folder becomes a read-only tmpfs mount (filled with what it held); otherwise chmod is enough.
 * Returns a function that undoes it, or a reason why this machine cannot do it.
 */
export function makeReadOnly(dir: string): { restore(): void } | { unavailable: string } {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555);
    return { restore: () => fs.chmodSync(dir, 0o755) };
  }
  const stash = `${dir}.stash`;
  try {
    fs.cpSync(dir, stash, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', 'tmpfs', dir], { stdio: 'ignore' });
    fs.cpSync(stash, dir, { recursive: true });
    execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' });
  } catch (error) {
    return { unavailable: `cannot mount a read-only folder here as root (${String(error)})` };
  } finally {
    fs.rmSync(stash, { recursive: true, force: true });
  }
  return { restore: () => execFileSync('umount', [dir], { stdio: 'ignore' }) };
}
