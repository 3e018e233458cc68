import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundlePlan, BundleExportResult, Job } from '../../../shared/contract';
import { buildProposalCase } from '../../documents/proposal-fixture';
import { tempDir } from '../../test-support/temp-dir';
import { invoke, uploadFile } from '../../test-support/workbench-import';
import { openWorkbench, type Workbench } from '../../workbench';
import { DATABASE_FILE, openWorkspace } from '../../workspace/open-workspace';
import { takeSnapshot } from './snapshot';
import { stagingRoot } from './staging';
import { CUSTODY_TABLE, TABLES } from './tables';

const benches: Workbench[] = [];
const bench = (dir: string) => {
  const b = openWorkbench({ workspaceDir: dir, appVersion: 'test' });
  benches.push(b);
  return b;
};

async function settled(b: Workbench, jobId: string): Promise<Job> {
  for (;;) {
    const job = await invoke<Job>(b, 'jobs.get', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Two workspaces, each with its investigator, who know each other's public keys. */
async function twoColleagues() {
  const dirA = tempDir();
  const dirB = tempDir();
  const ws = openWorkspace(dirA);
  const built = await buildProposalCase({ db: ws.db, vault: ws.vault, actor: 'Aiko Tanaka (HRN)', now: () => new Date().toISOString() });
  ws.close();
  const a = bench(dirA);
  const b = bench(dirB);
  await invoke(a, 'identity.set', { name: 'Aiko Tanaka', organisation: 'HRN' });
  await invoke(b, 'identity.set', { name: 'Ben Carter', organisation: 'HRN' });
  const cardA = await invoke<{ text: string; fingerprint: string }>(a, 'keys.own', {});
  const cardB = await invoke<{ text: string; fingerprint: string }>(b, 'keys.own', {});
  const benInA = await invoke<{ colleague: { id: string } }>(a, 'keys.addColleague', cardB);
  const aikoInB = await invoke<{ colleague: { id: string } }>(b, 'keys.addColleague', cardA);
  return { dirA, dirB, a, b, built, benInA: benInA.colleague.id, aikoInB: aikoInB.colleague.id };
}

async function exportVia(from: Workbench, input: Record<string, unknown>): Promise<{ file: string; result: BundleExportResult }> {
  const folder = tempDir();
  const { jobId } = await invoke<{ jobId: string }>(from, 'bundles.export', { folder, ...input });
  const job = await settled(from, jobId);
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.errorCode} ${job.error}`);
  return { file: path.join(folder, job.bundleExport!.fileName), result: job.bundleExport! };
}

async function inspectVia(to: Workbench, file: string, passphrase?: string): Promise<Job> {
  const uploaded = await uploadFile(to, file);
  if (!uploaded.body.ok) throw new Error(uploaded.body.error.message);
  const { jobId } = await invoke<{ jobId: string }>(to, 'bundles.inspect', { uploadId: uploaded.body.value.uploadId, ...(passphrase ? { passphrase } : {}) });
  return settled(to, jobId);
}

function rowsOf(dir: string, caseId: string) {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    const s = takeSnapshot(db, { caseId, selection: null, includeEvidence: true, includeProtected: true });
    const t = { ...s.tables };
    t.case_events = t.case_events!.filter((e) => !String(e.kind).startsWith('bundle_'));
    t[CUSTODY_TABLE] = t[CUSTODY_TABLE]!.filter((e) => !(e.kind === 'imported' && String(e.details).includes('"via":"bundle"')));
    t.evidence_items = t.evidence_items!.map((r) => ({ ...r, custody_count: null, custody_head: null, extraction_status: null, extraction_error: null }));
    return t;
  } finally {
    db.close();
  }
}

describe('case bundles through the channels', () => {
  afterEach(() => {
    for (const b of benches.splice(0)) b.close();
  });

  it('sends a whole case to a colleague, encrypted and signed; it arrives equal, with the transfer in every custody log', async () => {
    const { dirA, dirB, a, b, built, benInA } = await twoColleagues();
    const { file, result } = await exportVia(a, { caseId: built.caseId, recipients: { colleagueIds: [benInA] }, includeProtected: true });
    expect(result.fileName).toMatch(/^HR-\d{4}-0001-\d{8}\.casebundle$/);

    const job = await inspectVia(b, file);
    expect(job.state).toBe('done');
    const plan = job.bundlePlan as BundlePlan;
    expect(plan.standing.kind).toBe('known');
    expect(plan.sender.name).toBe('Aiko Tanaka');
    expect(plan.case.isNew).toBe(true);
    expect(plan.protectedIdentitiesIncluded).toBe(true);
    expect(plan.counts.conflicts).toBe(0);
    expect(plan.bundleSha256).toBe(result.bundleSha256);
    // Nothing is written before apply.
    expect(await invoke<{ total: number }>(b, 'cases.list', {})).toMatchObject({ total: 0 });

    const applied = await invoke<{ inserted: number }>(b, 'bundles.apply', { token: plan.token, choices: {} });
    expect(applied.inserted).toBe(plan.counts.new);
    const here = rowsOf(dirA, built.caseId);
    const there = rowsOf(dirB, built.caseId);
    for (const spec of TABLES) expect(there[spec.table], spec.table).toEqual(here[spec.table]);
    expect(there[CUSTODY_TABLE]).toEqual(here[CUSTODY_TABLE]);
    for (const e of built.exhibits.filter((x) => x.sha256)) {
      const sub = path.join(e.sha256!.slice(0, 2), e.sha256!.slice(2, 4), e.sha256!);
      expect(fs.readFileSync(path.join(dirB, 'vault', 'sha256', sub))).toEqual(fs.readFileSync(path.join(dirA, 'vault', 'sha256', sub)));
    }
    const detail = await invoke<{ custodyLog: { kind: string; details: Record<string, unknown> }[] }>(b, 'evidence.get', { id: built.exhibits[1]!.id });
    expect(detail.custodyLog.slice(-2).map((e) => e.kind)).toEqual(['exported', 'imported']);
    expect(detail.custodyLog.at(-1)!.details).toMatchObject({
      via: 'bundle',
      bundleSha256: result.bundleSha256,
      exportedBy: 'Aiko Tanaka',
      importedBy: expect.stringContaining('Ben Carter'),
    });
    // Staging is gone once applied.
    expect(fs.readdirSync(stagingRoot(dirB))).toEqual([]);
  });

  it('opens a passphrase bundle only with its passphrase, leaving nothing behind on a wrong one', async () => {
    const { a, b, dirB, built } = await twoColleagues();
    const { file } = await exportVia(a, { caseId: built.caseId, recipients: { passphrase: 'correct horse battery staple' } });
    const wrong = await inspectVia(b, file, 'incorrect horse battery');
    expect(wrong).toMatchObject({ state: 'failed', errorCode: 'BUNDLE_WRONG_PASSPHRASE' });
    expect(fs.readdirSync(stagingRoot(dirB))).toEqual([]);
    const right = await inspectVia(b, file, 'correct horse battery staple');
    expect(right.state).toBe('done');
    expect(right.bundlePlan!.protectedIdentitiesIncluded).toBe(false);
    await invoke(b, 'bundles.discard', { token: right.bundlePlan!.token });
    expect(fs.readdirSync(stagingRoot(dirB))).toEqual([]);
  });
});
