/**
 * A separate process that imports a bundle the way the app does, for apply-crash.test.ts: opens
 * the workspace (with the staging sweep the workbench runs at open), uploads the bundle through the
 * upload transport, inspects it (a job: decrypt, verify, stage, plan), then applies the plan.
 *
 *   node apply-child.mjs <workspace> <bundle> [crashAt]
 *
 * Prints "opened", "inspected", "applied", "done" as it gets there. `crashAt` SIGKILLs itself at:
 *   after-inspect  the bundle is open in .bundle-staging, the plan made, nothing applied
 *   mid-move       the first evidence file has been renamed from staging into the vault, the others not
 *   in-transfer    inside the apply transaction, at its first write (files already in the vault)
 *   in-sync        inside the apply transaction, at its last writes (the sync base), before COMMIT
 *   after-commit   committed, the staging folder not yet removed
 * A point that is never reached exits 3, so the parent can tell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Jobs } from '../../vault/jobs';
import { createEvidenceTransport } from '../../vault/transport';
import { openWorkspace } from '../../workspace/open-workspace';
import { BundleImports } from './bundle-service';
import { STAGING_DIR, sweepStagingAtOpen } from './staging';

const [workspaceDir, bundle, crashAt = ''] = process.argv.slice(2) as [string, string, string?];
const say = (line: string) => fs.writeSync(1, `${line}\n`); // synchronous: out before any kill
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const workspace = openWorkspace(workspaceDir);
sweepStagingAtOpen(workspaceDir);
const { db, vault } = workspace;
const ctx = { db, vault, actor: 'Ben Carter (HRN)', now: () => new Date().toISOString() };
say('opened');

const uploaded = await createEvidenceTransport(() => ({ vault, db })).upload(fs.createReadStream(bundle), {
  filename: encodeURIComponent(path.basename(bundle)),
  contentLength: String(fs.statSync(bundle).size),
});
if (!uploaded.body.ok) throw new Error(`upload refused: ${uploaded.body.error.message}`);
const { uploadId } = uploaded.body.value;
const imports = new BundleImports();
const jobs = new Jobs();
const job = await jobs.settled(jobs.start('bundles.inspect', (control) => imports.inspect(ctx, { uploadId }, control)));
if (job.state !== 'done') throw new Error(`inspect ${job.state}: ${job.errorCode} ${job.error}`);
say('inspected');
if (crashAt === 'after-inspect') die();

if (crashAt === 'mid-move') {
  const rename = fs.renameSync;
  fs.renameSync = (from, to) => {
    rename(from, to);
    if (String(to).includes(`${path.sep}vault${path.sep}`)) die();
  };
}
if (crashAt === 'after-commit') {
  const rm = fs.rmSync;
  fs.rmSync = (target, options) => {
    if (String(target).includes(STAGING_DIR)) die();
    rm(target, options);
  };
}
if (crashAt === 'in-transfer' || crashAt === 'in-sync') {
  // Keyed to the SQL apply runs: if it changes, the point is not reached and we exit 3.
  const marker = crashAt === 'in-transfer' ? 'INSERT INTO bundle_transfers' : 'INSERT INTO bundle_sync';
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!sql.includes(marker)) return statement;
    const run = statement.run.bind(statement);
    statement.run = ((...args: unknown[]) => {
      run(...(args as Parameters<typeof run>));
      if (!db.inTransaction) throw new Error(`${marker} ran outside a transaction`);
      return die();
    }) as typeof statement.run;
    return statement;
  }) as typeof db.prepare;
}

imports.apply(ctx, { token: job.bundlePlan!.token, choices: {} });
say('applied');
imports.close();
workspace.close();
say('done');
process.exit(crashAt ? 3 : 0);
