import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { sweepAtomicLeftovers, writeFileAtomic } from '../fs/durable';
import { Failure } from '../ipc/failure';
import { NOT_WRITABLE, errnoCode } from '../fs/errno';

const LOCK_DIR = '.casebench.lock';
const OWNER_FILE = '.casebench.owner';

interface Owner {
  pid: number;
  host: string;
}

/** True when the lock's recorded owner is a process on this machine that no longer runs. */
function ownerIsGone(dir: string): boolean {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as Owner;
    if (owner.host !== os.hostname() || owner.pid === process.pid) return false;
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return errnoCode(error) === 'ESRCH';
  }
}

/**
 * Records us as the owner by an atomic write, so that a kill mid-write leaves the previous owner's
 * record whole (naming a process that is gone) rather than an empty file that names nobody, which
 * would keep the workspace locked until the lock went stale.
 */
function recordOwner(dir: string): void {
  const file = path.join(dir, OWNER_FILE);
  // A temp file of a holder killed before its rename: only the lock holder writes here.
  sweepAtomicLeftovers(file);
  writeFileAtomic(file, JSON.stringify({ pid: process.pid, host: os.hostname() } satisfies Owner));
}

function acquire(dir: string): () => void {
  const release = lockfile.lockSync(dir, {
    lockfilePath: path.join(dir, LOCK_DIR),
    stale: 30_000,
    realpath: false,
    // A lock we can no longer refresh (folder removed, disk gone) must not crash the app mid-write.
    onCompromised: () => undefined,
  });
  recordOwner(dir);
  return release;
}

/**
 * One running Casebench per workspace: a second one would interleave writes to the custody log.
 * A Casebench that was killed cannot release its lock; rather than make the user wait for it to go
 * stale, a lock whose owner process is known to be gone is taken over at once. Returns the release.
 */
export function lockWorkspace(dir: string): () => void {
  try {
    try {
      return acquire(dir);
    } catch (error) {
      if (errnoCode(error) !== 'ELOCKED' || !ownerIsGone(dir)) throw error;
      fs.rmSync(path.join(dir, LOCK_DIR), { recursive: true, force: true });
      return acquire(dir);
    }
  } catch (error) {
    if (errnoCode(error) === 'ELOCKED') {
      throw new Failure('WORKSPACE_LOCKED', 'Another Casebench window is using this workspace. Close it, or open a different workspace.');
    }
    if (NOT_WRITABLE.has(errnoCode(error))) {
      throw new Failure('WORKSPACE_READ_ONLY', 'The workspace folder cannot be written to.');
    }
    throw error;
  }
}
