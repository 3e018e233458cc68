import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/contract';
import { buildProposalCase } from '../../documents/proposal-fixture';
import { crashChild, type ChildRun } from '../../test-support/crash-child';
import { tempDir } from '../../test-support/temp-dir';
import { invoke } from '../../test-support/workbench-import';
import { openWorkbench } from '../../workbench';
import { DATABASE_FILE, openWorkspace } from '../../workspace/open-workspace';
import { takeSnapshot } from './snapshot';
import { stagingRoot } from './staging';
import { CUSTODY_TABLE, TABLES } from './tables';

/**
 * An import killed half way (SIGKILL of a child process doing it, apply-child.ts) at the points
 * where a bug would show — bundle open in staging, evidence half moved into the vault, inside the
 * apply transaction at its first and its last write, committed with staging not yet removed — and at
 * random moments of the apply. Each time the workspace, reopened by the workbench, is exactly as
 * before the import or exactly as after a whole one; .bundle-staging is empty; and a workspace left
 * as before takes the same bundle whole afterwards.
 */
const child = crashChild('main/bundles/case/apply-child.ts');
const POINTS = ['after-inspect', 'mid-move', 'in-transfer', 'in-sync', 'after-commit'] as const;
const RANDOM_KILLS = 6;

beforeAll(() => child.build());
afterAll(() => child.remove());

function runChild(args: string[], killAfterInspectMs?: number): Promise<ChildRun> {
  return child.run(args, killAfterInspectMs === undefined ? undefined : { after: 'inspected', ms: killAfterInspectMs });
}

const at = (run: ChildRun, text: string) => run.lines.find((l) => l.text === text)?.at;

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The workspace as the import leaves it: every row count, the case's records (minus ids and times an import makes), the vault's files. */
function stateOf(dir: string, caseId: string) {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const counts = Object.fromEntries(
      [...TABLES.map((t) => t.table), CUSTODY_TABLE, 'bundle_sync', 'bundle_transfers'].map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]),
    );
    let records: unknown = null;
    if (db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) {
      const t = { ...takeSnapshot(db, { caseId, selection: null, includeEvidence: true, includeProtected: true }).tables };
      t.case_events = t.case_events!.filter((e) => !String(e.kind).startsWith('bundle_'));
      t[CUSTODY_TABLE] = t[CUSTODY_TABLE]!.filter((e) => !(e.kind === 'imported' && String(e.details).includes('"via":"bundle"')));
      // The transfer entry's time is in the head; extraction resumes at open, in its own time.
      t.evidence_items = t.evidence_items!.map((r) => ({ ...r, custody_head: null, extraction_status: null, extraction_error: null }));
      records = t;
    }
    const files = walk(path.join(dir, 'vault', 'sha256')).map((f) => path.basename(f)).sort();
    return { counts, records, files };
  } finally {
    db.close();
  }
}

async function settled(bench: ReturnType<typeof openWorkbench>, jobId: string): Promise<Job> {
  for (;;) {
    const job = await invoke<Job>(bench, 'jobs.get', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Aiko's whole case in a bundle for Ben, and Ben's workspace before he imports it. */
async function setUp() {
  const dirA = tempDir();
  const pristine = tempDir();
  const ws = openWorkspace(dirA);
  const built = await buildProposalCase({ db: ws.db, vault: ws.vault, actor: 'Aiko Tanaka (HRN)', now: () => new Date().toISOString() });
  ws.close();
  const a = openWorkbench({ workspaceDir: dirA, appVersion: 'test' });
  const b = openWorkbench({ workspaceDir: pristine, appVersion: 'test' });
  try {
    await invoke(a, 'identity.set', { name: 'Aiko Tanaka', organisation: 'HRN' });
    await invoke(b, 'identity.set', { name: 'Ben Carter', organisation: 'HRN' });
    const cardA = await invoke<{ text: string; fingerprint: string }>(a, 'keys.own', {});
    const cardB = await invoke<{ text: string; fingerprint: string }>(b, 'keys.own', {});
    const ben = await invoke<{ colleague: { id: string } }>(a, 'keys.addColleague', cardB);
    await invoke(b, 'keys.addColleague', cardA);
    const folder = tempDir();
    const { jobId } = await invoke<{ jobId: string }>(a, 'bundles.export', { caseId: built.caseId, recipients: { colleagueIds: [ben.colleague.id] }, folder });
    const job = await settled(a, jobId);
    expect(job.state).toBe('done');
    return { caseId: built.caseId, pristine, bundle: path.join(folder, job.bundleExport!.fileName) };
  } finally {
    a.close();
    b.close();
  }
}

const copyOf = (dir: string) => {
  const to = tempDir();
  fs.cpSync(dir, to, { recursive: true });
  return to;
};

describe('an import killed half way', () => {
  it('leaves the workspace as before or as after, never between, with staging swept at the next open', async () => {
    const { caseId, pristine, bundle } = await setUp();
    const before = stateOf(pristine, caseId);
    expect(before.records).toBeNull();

    // The whole import once, uninterrupted: what "after" is, and how long an apply takes.
    const reference = copyOf(pristine);
    const whole = await runChild([reference, bundle]);
    expect(whole.stderr).toBe('');
    expect(whole.code).toBe(0);
    const after = stateOf(reference, caseId);
    expect(after.files.length).toBeGreaterThanOrEqual(2); // so that 'mid-move' leaves some moved, some not
    const applyMs = at(whole, 'applied')! - at(whole, 'inspected')!;

    const plan: string[] = [...POINTS, ...Array.from({ length: RANDOM_KILLS }, (_, i) => `random:${((i + 0.5) / RANDOM_KILLS) * 1.5 * applyMs}`)];
    const outcomes: Record<string, string> = {};
    for (const point of plan) {
      const dir = copyOf(pristine);
      const run = point.startsWith('random:') ? await runChild([dir, bundle], Number(point.slice(7))) : await runChild([dir, bundle, point]);
      expect(run.stderr, point).toBe('');
      if (!point.startsWith('random:')) expect(run.signal, `${point}: the crash point was not reached`).toBe('SIGKILL');
      if (point === 'after-inspect' || point === 'after-commit') expect(walk(stagingRoot(dir)).length, point).toBeGreaterThan(0);

      // Reopened as the app does: the workbench sweeps staging (and the vault its unreferenced files).
      openWorkbench({ workspaceDir: dir, appVersion: 'test' }).close();
      expect(fs.readdirSync(stagingRoot(dir)), `${point}: staging not swept`).toEqual([]);
      const now = stateOf(dir, caseId);
      const outcome = JSON.stringify(now) === JSON.stringify(before) ? 'before' : JSON.stringify(now) === JSON.stringify(after) ? 'after' : 'between';
      outcomes[point] = outcome;
      if (outcome === 'between') expect(now, `${point}: neither as before nor as after`).toEqual(after);
      if (POINTS.includes(point as (typeof POINTS)[number])) expect(outcome, point).toBe(point === 'after-commit' ? 'after' : 'before');

      // As before: the same bundle then comes in whole.
      if (outcome === 'before') {
        const again = await runChild([dir, bundle]);
        expect(again.code, `${point}: ${again.stderr}`).toBe(0);
        expect(stateOf(dir, caseId), point).toEqual(after);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(`apply took ${applyMs.toFixed(0)} ms; outcomes: ${JSON.stringify(outcomes)}`);
  }, 180_000);
});
