/**
 * A separate process that imports a sanctions list the way the 'lists.import' job does, for
 * main/lists/list-import.test.ts, and SIGKILLs itself at a chosen point:
 *
 *   node list-import-child.mjs <workspace> <crashAt> <file>...
 *
 *   in-batch:<n>   inside an entry batch's transaction, at the n-th entry of the import, before COMMIT
 *   before-swap    every entry and key table written, the swap not begun
 *   in-swap        inside the swap transaction, the new version marked current, before COMMIT
 *   after-swap     the new version committed as current, the old one not yet deleted
 *
 * It prints "opened" once the workspace is open. If the point is never reached it exits 3.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importListFiles } from '../lists/list-import';
import { openWorkspace } from '../workspace/open-workspace';

const [workspaceDir, crashAt, ...files] = process.argv.slice(2) as [string, string, ...string[]];
const say = (line: string) => fs.writeSync(1, `${line}\n`);
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const workspace = openWorkspace(workspaceDir);
const { db } = workspace;
say('opened');

// Keyed to the SQL the store runs: if it changes, the point is not reached and we exit 3.
const [point, nth] = crashAt.split(':') as [string, string?];
{
  const marker = { 'before-swap': "SELECT 1 FROM designation_lists WHERE id = ? AND state = 'importing'", 'in-batch': 'INSERT INTO designation_entries', 'in-swap': "state = 'current',", 'after-swap': 'DELETE FROM designation_entries WHERE id IN' }[point];
  if (!marker) throw new Error(`unknown crash point ${crashAt}`);
  let runs = 0;
  const originalPrepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = originalPrepare(sql);
    if (!sql.includes(marker)) return statement;
    // The swap's check that the import is still there is read (get); every other point is a write.
    const method = point === 'before-swap' ? 'get' : 'run';
    const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
    statement[method] = ((...args: unknown[]) => {
      const result = original(...args);
      runs += 1;
      if (point === 'in-batch' && runs < Number(nth ?? 1)) return result;
      if (point !== 'after-swap' && point !== 'before-swap' && !db.inTransaction) throw new Error(`${marker} ran outside a transaction`);
      if (point === 'before-swap' && db.inTransaction) throw new Error('the swap was begun before every entry was written');
      return die();
    }) as never;
    return statement;
  }) as typeof db.prepare;
}

const ctx = { db, actor: 'crash-child', now: () => new Date().toISOString() };
await importListFiles(
  ctx,
  files.map((file) => ({ path: file, name: path.basename(file), sha256: '0'.repeat(64), size: fs.statSync(file).size })),
);
say('done');
workspace.close();
process.exit(3);
