import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../../services/case-service';
import { importUploads } from '../../services/evidence-service';
import { bytes } from '../../test-support/evidence-context';
import { crashChild } from '../../test-support/crash-child';
import { tempDir } from '../../test-support/temp-dir';
import { DATABASE_FILE, openWorkspace } from '../open-workspace';
import { CONVERT_STEPS } from './convert';
import { keyFilePath, readKeyFile } from './key-file';
import { workspaceKind } from './layout';
import { STRONG, STRONGER } from './test-workbench';
import { newWorkspaceKeys, unwrapWorkspaceKey } from './workspace-keys';
import { writeKeyFile } from './key-file';
import { seededRandom } from '../../test-support/seeded-random';

/**
 * The app killed while a plain workspace is being encrypted, or while the passphrase changes:
 * afterwards the workspace opens, with everything in it, as the plain one or as the encrypted one
 * (conversion), with the old passphrase or the new one (change): never with neither.
 * Reproduce a failure with CASEBENCH_CRASH_SEED=<seed in the failure message>.
 */
const child = crashChild('main/test-support/encrypt-child.ts');
beforeAll(() => child.build());
afterAll(() => child.remove());

const SEED = Number(process.env.CASEBENCH_CRASH_SEED ?? Date.now() % 100_000);
interface Run {
  lines: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  /** ms from the starting line to "done" (complete runs). */
  took: number;
}

/** `killAfterMs` counts from the line `from` (the conversion's: after its key derivation, so kills spread over the file work). */
async function runChild(args: string[], killAfterMs?: number, from = 'opened'): Promise<Run> {
  const run = await child.run(args, killAfterMs === undefined ? undefined : { after: from, ms: killAfterMs });
  const at = (text: string) => run.lines.find((l) => l.text === text)?.at;
  const done = at('done');
  return { ...run, lines: run.lines.map((l) => l.text), took: done === undefined ? 0 : done - (at(from) ?? 0) };
}

const CASES = 1500;
const SECRET = 'Kashgar camp guard roster 強制労働';

/** Evidence files (their vault is sealed by the conversion): several small ones and a few MiB. */
const FILES = 8;
const evidenceText = (i: number) => `${SECRET} statement ${i}\n`.repeat(i === 0 ? 120_000 : 2000 + i);

/** A plain workspace with known rows and evidence files, made once and copied for each run. */
async function plainTemplate(): Promise<string> {
  const dir = tempDir();
  const ws = openWorkspace(dir);
  const insert = ws.db.prepare("INSERT INTO cases (id, reference, title, summary, created_at, updated_at) VALUES (?, ?, ?, ?, '', '')");
  ws.db.transaction(() => {
    for (let i = 0; i < CASES; i++) insert.run(`case-${i}`, `HR-2026-${i}`, `${SECRET} ${i}`, 'x'.repeat(500));
  })();
  const ctx = { db: ws.db, vault: ws.vault, actor: 'tester', now: () => '2026-11-28T09:00:00.000Z' };
  const caseId = createCase(ctx, { title: 'Evidence case', country: null, situation: '', summary: '' }).id;
  for (let i = 0; i < FILES; i++) {
    const upload = await ws.vault.receive(bytes(evidenceText(i)));
    importUploads(ctx, { caseId, uploads: [{ uploadId: upload.uploadId, originalName: `statement-${i}.txt` }] });
  }
  ws.close();
  return dir;
}

function vaultFiles(dir: string): string[] {
  const root = path.join(dir, 'vault', 'sha256');
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Opens the workspace as the app would after a crash, and checks it is whole. Returns which it was. */
async function reopenWhole(dir: string, note: string): Promise<'plain' | 'encrypted'> {
  const kind = workspaceKind(dir);
  if (kind === 'new') throw new Error(`${note}: the workspace is gone`);
  const key = kind === 'encrypted' ? await unwrapWorkspaceKey(readKeyFile(dir)!, { kind: 'passphrase', secret: STRONG }) : undefined;
  const ws = openWorkspace(dir, key ? { key } : {});
  try {
    expect(ws.db.pragma('integrity_check', { simple: true }), note).toBe('ok');
    expect(ws.db.prepare('SELECT count(*) FROM cases').pluck().get(), note).toBe(CASES + 1);
    expect(ws.db.prepare("SELECT title FROM cases WHERE id = 'case-7'").pluck().get(), note).toBe(`${SECRET} 7`);
    // Every evidence file reads back as it was imported, from a plain or a wholly sealed vault.
    const shas = ws.db.prepare("SELECT sha256 FROM evidence_items WHERE kind = 'file' ORDER BY seq").pluck().all() as string[];
    expect(shas.length, note).toBe(FILES);
    expect(ws.vault.sealed, note).toBe(kind === 'encrypted');
    for (const [i, sha] of shas.entries()) {
      expect((await ws.vault.readAll(sha)).toString('utf8') === evidenceText(i), `${note}: evidence ${i}`).toBe(true);
    }
    expect(vaultFiles(dir).length, `${note}: leftovers in the vault`).toBe(FILES);
  } finally {
    ws.close();
  }
  // The start-up settled the conversion: no copy, no pending key file is left beside the workspace.
  expect(fs.readdirSync(dir).filter((n) => n.includes('.encrypting') || n.includes('.pending') || n.endsWith('.tmp')), note).toEqual([]);
  if (kind === 'encrypted') {
    for (const file of [path.join(dir, DATABASE_FILE), ...vaultFiles(dir)]) {
      expect(fs.readFileSync(file).includes(Buffer.from('Kashgar camp')), `${note}: plaintext in ${path.basename(file)}`).toBe(false);
    }
  }
  return kind;
}

describe('encrypting a workspace in place, killed at any moment', () => {
  it(`opens afterwards as the plain or the encrypted workspace, whole (seed ${SEED})`, async () => {
    const template = await plainTemplate();
    const random = seededRandom(SEED).next;
    const copy = () => {
      const dir = tempDir();
      fs.cpSync(template, dir, { recursive: true });
      return dir;
    };
    // One complete run: the encrypted workspace, and how long a conversion takes here.
    const full = copy();
    const complete = await runChild(['convert', full, STRONG, '-', '12'], undefined, 'keys');
    expect(complete.lines, complete.stderr).toContain('done');
    expect(await reopenWhole(full, 'complete run')).toBe('encrypted');

    const outcomes: string[] = [];
    // At each step boundary (deterministic), then at random moments within a run's length.
    // …and between evidence files while the vault is being sealed (after the commit: always encrypted).
    for (const step of [...CONVERT_STEPS, 'file:1', 'file:5'] as const) {
      const dir = copy();
      const run = await runChild(['convert', dir, STRONG, '-', '12', step]);
      expect(run.signal, `${step}: ${run.stderr}`).toBe('SIGKILL');
      const kind = await reopenWhole(dir, `killed after ${step} (seed ${SEED})`);
      // Until the key file's rename (commit) the plain workspace stands; from it on, the encrypted one.
      const committed = step.startsWith('file:') || CONVERT_STEPS.indexOf(step as (typeof CONVERT_STEPS)[number]) >= CONVERT_STEPS.indexOf('commit');
      expect(kind, step).toBe(committed ? 'encrypted' : 'plain');
      outcomes.push(`${step}:${kind}`);
    }
    const RANDOM_KILLS = 14;
    for (let i = 0; i < RANDOM_KILLS; i++) {
      const dir = copy();
      const delay = random() * complete.took * 1.1;
      const run = await runChild(['convert', dir, STRONG, '-', '12'], delay, 'keys');
      const note = `random kill ${i} at ${delay.toFixed(0)} ms after ${run.lines.at(-1)} (seed ${SEED})`;
      outcomes.push(`${run.lines.at(-1)}:${await reopenWhole(dir, note)}`);
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(20);
    console.log(`[conversion kills] ${outcomes.join(' ')}`);
  }, 240_000);
});

describe('changing the passphrase, killed at any moment', () => {
  it(`leaves the old or the new passphrase working, never neither (seed ${SEED})`, async () => {
    const dir = tempDir();
    const keys = await newWorkspaceKeys(STRONG, { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 });
    writeKeyFile(dir, keys.body);
    openWorkspace(dir, { key: keys.key }).close();
    const random = seededRandom(SEED + 1).next;
    const complete = await runChild(['change', dir, STRONG, STRONGER, '15']);
    expect(complete.lines, complete.stderr).toContain('done');
    let current = STRONGER;
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const next = current === STRONG ? STRONGER : STRONG;
      const delay = random() * complete.took * 2;
      await runChild(['change', dir, current, next, '15'], delay);
      // A kill between the temp file's write and its rename leaves the temp file: the start-up sweeps it.
      const opens = async (secret: string) =>
        unwrapWorkspaceKey(readKeyFile(dir)!, { kind: 'passphrase', secret }).then(
          (key) => key,
          () => null,
        );
      const withNext = await opens(next);
      const withCurrent = await opens(current);
      expect(withNext !== null || withCurrent !== null, `kill ${i} at ${delay.toFixed(0)} ms (seed ${SEED})`).toBe(true);
      const key = (withNext ?? withCurrent)!;
      expect(key.equals(keys.key)).toBe(true);
      openWorkspace(dir, { key }).close();
      seen.push(withNext ? 'new' : 'old');
      if (withNext) current = next;
    }
    // A temp file from a write that never reached its rename is swept at the next open.
    fs.writeFileSync(`${keyFilePath(dir)}.99999.tmp`, '{"half":');
    openWorkspace(dir, { key: keys.key }).close();
    expect(fs.existsSync(`${keyFilePath(dir)}.99999.tmp`)).toBe(false);
    console.log(`[passphrase change kills] outcomes: ${seen.join(' ')}`);
  }, 240_000);
});
