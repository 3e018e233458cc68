import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashChild } from '../test-support/crash-child';
import { tempDir } from '../test-support/temp-dir';
import { lockWorkspace } from './workspace-lock';

const child = crashChild('main/test-support/lock-child.ts');
beforeAll(() => child.build());
afterAll(() => child.remove());

describe('a Casebench killed while it takes the workspace lock', () => {
  it('leaves a lock the next start takes over at once, wherever the kill lands', async () => {
    const dir = tempDir();
    const KILLS = 30;
    for (let i = 0; i < KILLS; i++) {
      // The loop takes and releases the lock every few tens of microseconds: kills spread over it.
      const run = await child.run([dir], { after: 'locking', ms: 5 + (i % 10) });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const release = lockWorkspace(dir);
      release();
    }
    // The owner record is replaced by a rename; a temp copy a kill left is renamed away next time.
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.casebench.owner'), 'utf8')).pid).toBe(process.pid);
  }, 60_000);
});
