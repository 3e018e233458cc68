import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { EvidenceRow } from '../services/evidence-service';
import { createCase } from '../services/case-service';
import { crashChild, type ChildRun } from '../test-support/crash-child';
import { tempDir } from '../test-support/temp-dir';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import { verifyCustodyLog } from './custody';
import { Jobs } from './jobs';
import { verifyEvidence } from './verify';
import { seededRandom } from '../test-support/seeded-random';

/**
 * Crash safety of an import: a child process imports a file of a few MiB through the real path
 * (main/test-support/import-child.ts) and is SIGKILLed — at random moments spread over an import,
 * and at the points where a bug would show (mid-stream, upload complete, file renamed into the
 * vault but no row yet, inside the import transaction, committed but not extracted, inside the
 * extraction transaction). One workspace is used throughout, so the state of earlier crashes
 * accumulates. After every kill the workspace is reopened (start-up sweep) and must be whole.
 *
 * Reproduce a failure with CASEBENCH_CRASH_SEED=<seed printed in the failure message>.
 */
const child = crashChild('main/test-support/import-child.ts');
beforeAll(() => child.build());
afterAll(() => child.remove());
const RANDOM_KILLS = 26;
const MIN_KILLS = 30;
const PHASES = ['after-upload', 'after-claim', 'in-commit', 'after-commit', 'in-extract'] as const;
const FILE_BYTES = 3 * 1024 * 1024;

const WORDS = ['detention', 'camp', 'witness', 'Kashgar', '拘禁施設', '衛星写真', '強制労働', 'report', 'guards', '証言'];

/** A few MiB of UTF-8 text (so the import also extracts and indexes it), different per seed. */
function writeSource(file: string, seed: number): string {
  const random = seededRandom(seed).next;
  const parts: string[] = [`source ${seed}\n`];
  let length = 0;
  while (length < FILE_BYTES) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    parts.push(word, random() < 0.1 ? '\n' : ' ');
    length += Buffer.byteLength(word) + 1;
  }
  const content = Buffer.from(parts.join(''));
  fs.writeFileSync(file, content);
  return createHash('sha256').update(content).digest('hex');
}

/** Runs the child; `killAfterMs` counts from its "opened" line (start-up of tsx is not the import). */
function runChild(args: string[], killAfterMs?: number): Promise<ChildRun> {
  return child.run(args, killAfterMs === undefined ? undefined : { after: 'opened', ms: killAfterMs });
}

const at = (run: ChildRun, text: string) => run.lines.find((l) => l.text.startsWith(text))?.at;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Everything that must hold after a crash and a reopen. */
async function checkWhole(workspace: Workspace, acknowledged: Set<string>, hashed: Set<string>, note: string): Promise<void> {
  const { db, vault } = workspace;
  expect(db.pragma('integrity_check', { simple: true }), note).toBe('ok');
  expect(db.pragma('foreign_key_check'), note).toEqual([]);
  expect(fs.readdirSync(vault.tmpDir), `${note}: leftovers in vault/tmp after the start-up sweep`).toEqual([]);

  const rows = db.prepare('SELECT rowid, * FROM evidence_items ORDER BY seq').all() as EvidenceRow[];
  for (const id of acknowledged) expect(rows.some((r) => r.id === id), `${note}: committed item ${id} was lost`).toBe(true);
  const duplicates = db.prepare('SELECT sha256 FROM evidence_items GROUP BY case_id, sha256 HAVING count(*) > 1').all();
  expect(duplicates, `${note}: the same bytes became two items of one case`).toEqual([]);
  const texts = new Set(db.prepare('SELECT item_id FROM evidence_text').pluck().all() as string[]);
  for (const row of rows) {
    const where = `${note}: item ${row.id} (E-${row.seq})`;
    expect(row.kind, where).toBe('file');
    expect(row.custody_count, where).toBeGreaterThanOrEqual(1);
    expect(verifyCustodyLog(db, row), where).toEqual([]);
    const first = db.prepare('SELECT kind, hash_after FROM custody_events WHERE item_id = ? AND seq = 1').get(row.id);
    expect(first, where).toEqual({ kind: 'imported', hash_after: row.sha256 });
    const stored = vault.contentPath(row.sha256!);
    expect(fs.existsSync(stored), `${where}: stored file missing`).toBe(true);
    expect(fs.statSync(stored).size, where).toBe(row.size);
    // Extracted text exists exactly when the item says so ('none': killed between commit and extraction).
    expect(['ok', 'none'], where).toContain(row.extraction_status);
    expect(texts.has(row.id), where).toBe(row.extraction_status === 'ok');
  }
  const referenced = new Set(rows.map((r) => r.sha256));
  for (const file of walk(vault.contentDir)) {
    const name = path.basename(file);
    expect(referenced.has(name), `${note}: unreferenced content file ${name}`).toBe(true);
    expect(file, note).toBe(vault.contentPath(name));
    if (!hashed.has(name)) expect(sha256Of(file), `${note}: ${name} does not hash to its name`).toBe(name); // and the job below re-hashes all
    hashed.add(name);
  }
  // The verification job itself: re-hashes every file, walks every log, appends 'verified' entries.
  const jobs = new Jobs();
  const ctx = { db, vault, actor: 'crash-test', now: () => new Date().toISOString() };
  const job = await jobs.settled(jobs.start('evidence.verify', (control) => verifyEvidence(ctx, null, control)));
  expect(job.state, note).toBe('done');
  expect(job.report?.problems, note).toEqual([]);
  expect(job.report?.clean, note).toBe(true);
}

describe('import crash safety', () => {
  it(
    'leaves a whole workspace after a SIGKILL at any point of an import',
    async () => {
      const seed = Number(process.env.CASEBENCH_CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);
      console.log(`import crash test: seed ${seed} (CASEBENCH_CRASH_SEED=${seed} reproduces the kill points)`);
      const random = seededRandom(seed).next;
      // A SIGKILL ends the process, not the machine: what it wrote is in the page cache either way,
      // so a tmpfs behaves as a disk here, and keeps the 40 reopens (each with fsyncs) off a disk
      // that other tests may be filling.
      const root = fs.existsSync('/dev/shm') ? '/dev/shm' : undefined;
      const dir = root ? fs.mkdtempSync(path.join(root, 'casebench-crash-')) : tempDir('casebench-crash-');
      const sources = root ? fs.mkdtempSync(path.join(root, 'casebench-crash-src-')) : tempDir('casebench-crash-src-');
      onTestFinished(() => {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(sources, { recursive: true, force: true });
      });
      const setup = openWorkspace(dir);
      const caseId = createCase({ db: setup.db, actor: 'crash-test', now: () => new Date().toISOString() }, {
        title: 'Crash case',
        country: null,
        situation: '',
        summary: '',
      }).id;
      setup.close();
      const acknowledged = new Set<string>();
      const remember = (run: ChildRun) => {
        for (const l of run.lines) if (l.text.startsWith('imported ')) acknowledged.add(l.text.split(' ')[1]!);
      };

      // One uninterrupted import, to spread the random kills over its duration.
      const calibrationFile = path.join(sources, 'calibration.txt');
      const calibrationSha = writeSource(calibrationFile, seed);
      const calibration = await runChild([dir, caseId, calibrationFile]);
      expect(calibration.code, calibration.stderr).toBe(0);
      remember(calibration);
      const opened = at(calibration, 'opened')!;
      let duration = at(calibration, 'done')! - opened;
      console.log(
        `uninterrupted import of ${FILE_BYTES / 1024 / 1024} MiB: upload ${(at(calibration, 'uploaded')! - opened).toFixed(0)} ms, ` +
          `commit ${(at(calibration, 'imported')! - opened).toFixed(0)} ms, extraction done ${duration.toFixed(0)} ms (after open)`,
      );

      // The plan: every deterministic point once, the rest at random moments, shuffled together.
      const plan: string[] = [`bytes:${Math.floor(FILE_BYTES * (0.2 + 0.6 * random()))}`, ...PHASES];
      for (let i = 0; i < RANDOM_KILLS; i++) plan.push(`random:${random()}`);
      for (let i = plan.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [plan[i], plan[j]] = [plan[j]!, plan[i]!];
      }

      let killed = 0;
      const landed: Record<string, number> = {};
      const committed = new Set<string>([calibrationSha]);
      const hashed = new Set<string>();
      // A random kill can come after the import finished; top up until 30 imports were really killed.
      for (let i = 0; i < plan.length || (killed < MIN_KILLS && i < plan.length + 15); i++) {
        const point = plan[i] ?? `random:${random()}`;
        const note = `seed ${seed}, run ${i} (${point})`;
        const deterministic = !point.startsWith('random:');
        // Every fifth random run imports the bytes run i-3 imported (or tried to): duplicates, and
        // re-imports of bytes whose earlier import crashed. Fixed points need new bytes to be reached.
        const file = path.join(sources, `run-${i}.txt`);
        const sha256 = writeSource(file, i % 5 === 4 && !deterministic ? seed + i - 2 : seed + i + 1);
        // A random point is a fraction of the duration of the last import of new bytes that ran to the end.
        const run = deterministic ? await runChild([dir, caseId, file, point]) : await runChild([dir, caseId, file], Number(point.slice(7)) * duration);
        const done = at(run, 'done');
        if (done !== undefined && run.lines.some((l) => l.text.endsWith(' new'))) duration = done - at(run, 'opened')!;
        remember(run);
        expect(run.stderr, note).toBe('');
        if (deterministic) expect(run.signal, `${note}: the crash point was not reached`).toBe('SIGKILL');
        if (run.signal === 'SIGKILL') killed++;
        const last = run.lines.at(-1)?.text.split(' ')[0] ?? 'nothing';
        landed[last] = (landed[last] ?? 0) + 1;

        // What the crash left, before the sweep: the window between rename and commit leaves a file and no row.
        const vaultDir = path.join(dir, 'vault');
        if (point === 'after-claim' || point === 'in-commit') {
          expect(fs.existsSync(path.join(vaultDir, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256)), note).toBe(true);
        }
        if (point.startsWith('bytes:')) expect(fs.readdirSync(path.join(vaultDir, 'tmp')).some((n) => n.endsWith('.part')), note).toBe(true);
        if (point === 'after-upload') expect(fs.readdirSync(path.join(vaultDir, 'tmp')).some((n) => n.endsWith('.upload')), note).toBe(true);

        // A killed child leaves its lock behind; reopening takes it over because its owner is gone.
        const workspace = openWorkspace(dir);
        try {
          await checkWhole(workspace, acknowledged, hashed, note);
          // Killed before the commit: the bytes are an item only if an earlier run had made them one.
          if (['bytes', 'after-upload', 'after-claim', 'in-commit'].includes(point.split(':')[0]!)) {
            const items = workspace.db.prepare('SELECT count(*) FROM evidence_items WHERE sha256 = ?').pluck().get(sha256);
            expect(items, note).toBe(committed.has(sha256) ? 1 : 0);
          }
          for (const s of workspace.db.prepare('SELECT sha256 FROM evidence_items').pluck().all() as string[]) committed.add(s);
        } finally {
          workspace.close();
        }
      }
      console.log(`killed ${killed} runs; last step each child reached: ${JSON.stringify(landed)}`);
      expect(killed, `seed ${seed}`).toBeGreaterThanOrEqual(MIN_KILLS);
    },
    180_000,
  );
});
