/**
 * `npm run bench`: seeds 10,000 cases with 5 allegations each into a temp workspace and measures
 * the case list at the service and in the browser, each against a baseline from the same run; then
 * workspace search over 100,000 evidence items with 1 GB of extracted text (scripts/bench/search.ts).
 * Timings are reported, never asserted: this machine's speed is not a test result.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listCases } from '../../main/services/case-service';
import { setIdentity } from '../../main/services/identity-service';
import { openWorkbench } from '../../main/workbench';
import { DATABASE_FILE, openWorkspace } from '../../main/workspace/open-workspace';
import { measureColdStart, measureTypeToPixels } from './browser';
import { benchSearch } from './search';
import { seedCases } from './seed';
import { TYPED, measureService } from './service';
import { benchEvidence } from './evidence';
import { benchLists } from './lists';
import { benchScreening } from './screening';
import { benchDocuments } from './documents';
import { benchBundles } from './bundles';
import { benchEncryption } from './encryption';
import { report, reportThroughput } from './stats';

/** CASEBENCH_BENCH_ONLY=caselist,search,evidence,lists,screening,documents,bundles,encryption runs just those parts (all by default). */
const only = process.env.CASEBENCH_BENCH_ONLY?.split(',').map((part) => part.trim());
const wants = (part: 'caselist' | 'search' | 'evidence' | 'lists' | 'screening' | 'documents' | 'bundles' | 'encryption') => !only || only.includes(part);

async function benchCaseList(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-bench-'));
  try {
    const seedStart = performance.now();
    const ws = openWorkspace(workspace);
    const ctx = { db: ws.db, actor: 'bench', now: () => new Date().toISOString() };
    setIdentity(ctx, { name: 'Benchmark', organisation: '' });
    seedCases(ctx, 10_000, 5);
    const firstRow = (search: string) => ({ search, firstReference: listCases(ctx, { search, limit: 1 }).items[0]?.reference ?? '' });
    const firstRows = TYPED.map(firstRow);
    const oldest = listCases(ctx, { sort: 'reference', direction: 'asc', limit: 1 }).items[0]?.reference ?? '';
    const reset = firstRow(oldest);
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    console.log(`seeded 10,000 cases and 50,000 allegations in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);

    const bench = openWorkbench({ workspaceDir: workspace, appVersion: 'bench', actor: 'bench' });
    // A second, read-only connection for the baseline, so it shares nothing with the service path.
    const raw = new Database(path.join(workspace, DATABASE_FILE), { readonly: true });
    const results = await measureService(bench.router, raw);
    raw.close();
    bench.close();
    results.push(await measureTypeToPixels(workspace, firstRows.filter((r) => r.firstReference && r.firstReference !== reset.firstReference), reset));
    results.push(await measureColdStart(workspace));
    console.log(results.map(report).join('\n\n'));
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (wants('caselist')) await benchCaseList();
  // Evidence search at 100,000 items / 1 GB of text (scale with CASEBENCH_BENCH_SEARCH_*; see search.ts).
  if (wants('search')) await benchSearch();
  // Evidence vault throughput on 1 GiB (import and verification against streaming SHA-256; see evidence.ts).
  if (wants('evidence')) console.log(`\n${(await benchEvidence()).map(reportThroughput).join('\n\n')}`);
  // Import of a 1M-entity FollowTheMoney file through the list import (scale with CASEBENCH_BENCH_LISTS_ENTITIES; see lists.ts).
  if (wants('lists')) await benchLists();
  // Screening quality on the real fixture lists, and 1,000 subjects against 1M entities (see screening.ts).
  if (wants('screening')) await benchScreening();
  // A 30-page bilingual proposal with 200 exhibits, issued end to end, against a blank page printed by the same Chromium (see documents.ts).
  if (wants('documents')) await benchDocuments();
  // Case bundles: export and import of 512 MiB of evidence against streaming SHA-256, peak RSS per process (scale with CASEBENCH_BENCH_BUNDLES_MIB; see bundles.ts).
  if (wants('bundles')) await benchBundles();
  // Encryption at rest: case and evidence import, search and start-up against an unencrypted workspace in the same run (see encryption.ts).
  if (wants('encryption')) await benchEncryption();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
