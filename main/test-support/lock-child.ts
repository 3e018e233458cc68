/**
 * A separate process for main/workspace/workspace-lock.test.ts: takes and releases a workspace's
 * lock in a loop until the parent SIGKILLs it, so that the kill lands anywhere in the taking.
 *
 *   node lock-child.mjs <workspace>
 *
 * It prints "locking" once its first lock is taken and released (so its own owner record exists).
 */
import fs from 'node:fs';
import { lockWorkspace } from '../workspace/workspace-lock';

const [dir] = process.argv.slice(2) as [string];
lockWorkspace(dir)();
fs.writeSync(1, 'locking\n');
for (;;) lockWorkspace(dir)();
