/**
 * List import at scale (issue "Screen subjects against partners' sanctions lists"): a generated
 * FollowTheMoney JSON lines file of one million designated entities (ftm-generate.ts, shapes of the
 * real fixture lists) imported through the real import service (list-import.ts: detection, the
 * two-pass FtM reader, the designation store's batched writes, the atomic swap) into a real temp
 * workspace. Goal: under 60 s for 1M entities, memory bounded.
 *
 * Baseline, measured in the same run over the same file with the page cache warm: reading it line
 * by line (node:readline) and JSON.parse of every line, and nothing else. Also reported: the FtM
 * reader alone (both passes, entries built and validated, not stored). Peak RSS is sampled from
 * process.memoryUsage().rss every 50 ms during each measure.
 *
 * Env: CASEBENCH_BENCH_LISTS_ENTITIES (default 1000000), CASEBENCH_BENCH_LISTS_KEEP=1 keeps the
 * temp folder (file and workspace), CASEBENCH_BENCH_LISTS_REPLACE=1 imports the file a second time
 * (a replace) and times it and the deletion of the version it replaced. Timings are reported, never asserted.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseFtmJsonl } from '../../main/lists/ftm-jsonl';
import { purgesSettled } from '../../main/lists/designation-store';
import { importListFiles } from '../../main/lists/list-import';
import { DATABASE_FILE, openWorkspace } from '../../main/workspace/open-workspace';
import { generateFtm } from './ftm-generate';

const GOAL_SECONDS_PER_MILLION = 60;
const MiB = 2 ** 20;

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

interface Run<T> {
  ms: number;
  /** CPU time of the process (user + system, all threads): the machine may be shared. */
  cpuMs: number;
  peakRss: number;
  /** The longest the event loop went without a turn (the app's main process answers nothing meanwhile). */
  longestPauseMs: number;
  result: T;
}

/** Times `run`, and samples the process's resident memory and the event loop's pauses while it runs. */
async function measure<T>(run: () => Promise<T>): Promise<Run<T>> {
  let peakRss = process.memoryUsage.rss();
  let lastTick = performance.now();
  let longestPauseMs = 0;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const now = performance.now();
    longestPauseMs = Math.max(longestPauseMs, now - lastTick);
    lastTick = now;
  }, 50);
  const start = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await run();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    longestPauseMs = Math.max(longestPauseMs, performance.now() - lastTick);
    return { ms, cpuMs: (used.user + used.system) / 1000, peakRss, longestPauseMs, result };
  } finally {
    clearInterval(timer);
  }
}

/** The floor: every line read and parsed as JSON, nothing built or stored. */
async function readAndParse(file: string): Promise<number> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: MiB }), crlfDelay: Infinity });
  let lines = 0;
  for await (const line of rl) {
    if (line === '') continue;
    JSON.parse(line);
    lines += 1;
  }
  return lines;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function benchLists(log: (line: string) => void = console.log): Promise<void> {
  const entities = envNumber('CASEBENCH_BENCH_LISTS_ENTITIES', 1_000_000);
  const keep = process.env.CASEBENCH_BENCH_LISTS_KEEP === '1';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-bench-lists-'));
  try {
    const file = path.join(root, 'entities.ftm.json');
    const genStart = performance.now();
    const generated = await generateFtm(file, entities);
    log(
      `\nlists bench: generated ${generated.entities.toLocaleString('en')} entities, ${generated.sanctions.toLocaleString('en')} sanctions ` +
        `(${generated.lines.toLocaleString('en')} lines, ${(generated.bytes / MiB).toFixed(0)} MiB) in ${((performance.now() - genStart) / 1000).toFixed(1)} s`,
    );
    const digest = await sha256(file); // also warms the page cache for every measure below
    const size = fs.statSync(file).size;

    const baseline = await measure(() => readAndParse(file));
    const reader = await measure(() => {
      let n = 0;
      return parseFtmJsonl(file, { collect: false, onEntry: () => (n += 1) }).then((p) => ({ entries: n, report: p.report }));
    });
    const workspace = path.join(root, 'workspace');
    const ws = openWorkspace(workspace);
    let imported: Run<Awaited<ReturnType<typeof importListFiles>>>;
    let replaced: { import: Run<unknown>; purgedMs: number } | null = null;
    try {
      const ctx = { db: ws.db, actor: 'bench', now: () => new Date().toISOString() };
      const files = [{ path: file, name: 'entities.ftm.json', sha256: digest, size }];
      imported = await measure(() => importListFiles(ctx, files));
      if (process.env.CASEBENCH_BENCH_LISTS_REPLACE === '1') {
        // The same file again: what a user does with each new version of a list.
        const again = await measure(() => importListFiles(ctx, files));
        const start = performance.now();
        await purgesSettled(ws.db);
        replaced = { import: again, purgedMs: performance.now() - start };
      }
    } finally {
      ws.close();
    }
    const dbBytes = [DATABASE_FILE, `${DATABASE_FILE}-wal`]
      .map((f) => path.join(workspace, f))
      .filter((f) => fs.existsSync(f))
      .reduce((n, f) => n + fs.statSync(f).size, 0);

    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const t = (r: Run<unknown>) => `${s(r.ms)} (cpu ${s(r.cpuMs)})`;
    const rate = (count: number, ms: number) => `${Math.round(count / (ms / 1000)).toLocaleString('en')}/s`;
    const rss = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
    const { report } = imported.result;
    const projected = imported.ms * (1_000_000 / entities);
    const goal =
      entities >= 1_000_000
        ? `goal < ${GOAL_SECONDS_PER_MILLION} s for 1M entities: ${imported.ms / 1000 <= (GOAL_SECONDS_PER_MILLION * entities) / 1_000_000 ? 'meets' : 'MISSES'}`
        : `projected to 1M entities: ${s(projected)} (goal < ${GOAL_SECONDS_PER_MILLION} s: ${projected / 1000 <= GOAL_SECONDS_PER_MILLION ? 'on track' : 'MISSES'})`;
    log(
      [
        `list import: ${entities.toLocaleString('en')}-entity FtM file through list-import (detect, read, store, swap)`,
        `  ${t(imported)}  ${rate(entities, imported.ms)} entities, ${rate(report.entries, imported.ms)} entries stored  peak RSS ${rss(imported.peakRss)}  ${goal}`,
        `  longest pause of the event loop during the import: ${s(imported.longestPauseMs)} (the main process answers nothing meanwhile)`,
        `  stored ${report.entries.toLocaleString('en')} entries, ${report.names.toLocaleString('en')} names, ${report.skippedCount} skipped; database ${(dbBytes / MiB).toFixed(0)} MiB`,
        `  baseline (readline + JSON.parse of every line, ${baseline.result.toLocaleString('en')} lines): ${t(baseline)}  peak RSS ${rss(baseline.peakRss)};  ratio = ${(imported.ms / baseline.ms).toFixed(1)}x (cpu ${(imported.cpuMs / baseline.cpuMs).toFixed(1)}x)`,
        `  vs the FtM reader alone (two passes, ${reader.result.entries.toLocaleString('en')} entries built, not stored): ${t(reader)}  peak RSS ${rss(reader.peakRss)};  ratio = ${(imported.ms / reader.ms).toFixed(1)}x`,
        ...(replaced
          ? [
              `  replacing it with the same file: ${t(replaced.import)} until the import is done (the new version in use), peak RSS ${rss(replaced.import.peakRss)};` +
                ` the replaced version's rows deleted ${s(replaced.purgedMs)} after, in the background`,
            ]
          : []),
        `  process max RSS over the run: ${rss(process.resourceUsage().maxRSS * 1024)}`,
      ].join('\n'),
    );
  } finally {
    if (keep) log(`lists bench: kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}
