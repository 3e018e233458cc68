import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import type { ServiceContext } from '../services/context';
import { afterEach } from 'vitest';
import { tempDir } from './temp-dir';

const open: Workspace[] = [];

afterEach(() => {
  for (const workspace of open.splice(0)) workspace.close();
});

/**
 * A real workspace (SQLite file on disk, migrations applied) and a context whose clock the test
 * controls: `ctx.setNow('2026-03-01T00:00:00.000Z')`.
 */
export function testContext(dir = tempDir()): ServiceContext & { dir: string; setNow(iso: string): void } {
  const workspace = openWorkspace(dir);
  open.push(workspace);
  let now = '2026-11-27T09:00:00.000Z';
  return {
    dir,
    db: workspace.db,
    actor: 'tester',
    now: () => now,
    setNow(iso: string) {
      now = iso;
    },
  };
}
