import { noteText, problemText } from '../../shared/domain/list-notes';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppError, Job, ListSummary, Result } from '../../shared/contract';
import type { DesignationEntryDetail, ListImportResult } from '../../shared/contract/channels/lists';
import { tempDir } from '../test-support/temp-dir';
import { invoke } from '../test-support/workbench-import';
import { openWorkbench, type Workbench } from '../workbench';
import { DATABASE_FILE, openWorkspace } from '../workspace/open-workspace';
import { currentLists, purgesSettled } from './designation-store';
import { WORKER_MIN_BYTES } from './entry-stream';
import { importListFiles } from './list-import';
import { readList } from './read-list';
import { HTML_ERROR_PAGE, fixture, unListRepeated } from './test-fixtures';

/**
 * Lists imported the way the app imports them: files streamed through the upload transport
 * (POST /api/upload), then 'lists.import' and 'jobs.get' through the router of a real workbench
 * on a real workspace.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = path.join(ROOT, 'node_modules/.cache/casebench-tests', `list-import-child-${process.pid}.mjs`);
beforeAll(async () => {
  // Bundled once, as main/vault/import-crash.test.ts does: a child starts in ~0.3 s instead of ~0.9 s.
  await build({ entryPoints: [path.join(ROOT, 'main/test-support/list-import-child.ts')], outfile: CHILD, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
});
afterAll(() => fs.rmSync(CHILD, { force: true }));

const benches: Workbench[] = [];
afterEach(() => {
  for (const bench of benches.splice(0)) bench.close();
});
function open(dir = tempDir()): Workbench & { dir: string } {
  const bench = openWorkbench({ workspaceDir: dir, appVersion: 'test', actor: 'tester' });
  benches.push(bench);
  return Object.assign(bench, { dir });
}

/** Files made for these tests, kept for the whole file (tempDir's are removed after each test). */
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-list-files-'));
afterAll(() => fs.rmSync(files, { recursive: true, force: true }));
/** The full OFAC 2021 set, sdn.csv gunzipped as OFAC publishes it. */
const OFAC_FULL = path.join(files, 'ofac-2021');
fs.mkdirSync(OFAC_FULL);
fs.writeFileSync(path.join(OFAC_FULL, 'sdn.csv'), zlib.gunzipSync(fs.readFileSync(fixture('us-ofac-sdn', 'full-2021-07', 'sdn.csv.gz'))));
for (const name of ['alt.csv', 'add.csv', 'sdn_comments.csv']) fs.copyFileSync(fixture('us-ofac-sdn', 'full-2021-07', name), path.join(OFAC_FULL, name));

const UN_2020 = fixture('un', 'un_consolidated_2020-03-20.xml');
/** The UN 2020 list with its records three times over (new references): 3,042 entries, more than one batch. */
const UN_TRIPLE = path.join(files, 'un-triple.xml');
fs.writeFileSync(UN_TRIPLE, unListRepeated(3));

interface Uploaded {
  uploadId: string;
  originalName: string;
  sha256: string;
  size: number;
}

async function upload(bench: Workbench, file: string, name = path.basename(file)): Promise<Uploaded> {
  const sent = await bench.evidence.upload(fs.createReadStream(file), { filename: encodeURIComponent(name), contentLength: String(fs.statSync(file).size) });
  if (!sent.body.ok) throw new Error(sent.body.error.message);
  return { uploadId: sent.body.value.uploadId, originalName: name, sha256: sent.body.value.sha256, size: sent.body.value.size };
}

const uploadsOf = (uploaded: Uploaded[]) => uploaded.map(({ uploadId, originalName }) => ({ uploadId, originalName }));

async function settle(bench: Workbench, jobId: string, onPoll?: (job: Job) => void): Promise<Job> {
  for (;;) {
    const job = await invoke<Job>(bench, 'jobs.get', { jobId });
    onPoll?.(job);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Uploads the files (each [path, name?]) and imports them; the finished job. */
async function importList(bench: Workbench, list: (string | [string, string])[], format?: string): Promise<Job & { uploaded: Uploaded[] }> {
  const uploaded = await Promise.all(list.map((f) => (typeof f === 'string' ? upload(bench, f) : upload(bench, f[0], f[1]))));
  const { jobId } = await invoke<{ jobId: string }>(bench, 'lists.import', { uploads: uploadsOf(uploaded), ...(format ? { format } : {}) });
  return { ...(await settle(bench, jobId)), uploaded };
}

async function imported(bench: Workbench, list: (string | [string, string])[]): Promise<ListImportResult & { uploaded: Uploaded[] }> {
  const job = await importList(bench, list);
  expect(job.error, job.error).toBeUndefined();
  expect(job.state).toBe('done');
  return { ...job.listImport!, uploaded: job.uploaded };
}

const lists = async (bench: Workbench) => (await invoke<{ lists: ListSummary[] }>(bench, 'lists.list', {})).lists;

/** A read-only look at the workspace database beside the workbench (tests only). */
function peek<T>(dir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Everything that must hold between imports, once what was taken out of use is deleted (in the
 * background): only current versions, whole, and their keys and nothing else.
 */
async function checkStore(bench: Workbench & { dir: string }): Promise<void> {
  await bench.listsPurged();
  peek(bench.dir, (db) => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM designation_lists WHERE state <> 'current'").pluck().get()).toBe(0);
    for (const row of db.prepare('SELECT id, entry_count FROM designation_lists').all() as { id: number; entry_count: number }[]) {
      expect(db.prepare('SELECT count(*) FROM designation_entries WHERE list_id = ?').pluck().get(row.id)).toBe(row.entry_count);
    }
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'designation_name_keys_%' ORDER BY name").pluck().all();
    expect(tables).toEqual(db.prepare('SELECT t.value FROM designation_lists l, json_each(l.keys_tables) t ORDER BY 1').pluck().all());
    const keyed = db.prepare('SELECT count(*) FROM designation_name_keys k LEFT JOIN current_designation_entries e ON e.id = k.entry_id WHERE e.id IS NULL').pluck().get();
    expect(keyed, 'keys of entries that are not current').toBe(0);
  });
}

/** The failure of a refused import (at once, or by its job), checked to name the file and no path. */
async function refusedImport(bench: Workbench & { dir: string }, file: string, name: string, format?: string): Promise<AppError> {
  const uploaded = await upload(bench, file, name);
  const started = (await bench.router.invoke({ channel: 'lists.import', input: { uploads: uploadsOf([uploaded]), ...(format ? { format } : {}) } })) as Result<{ jobId: string }>;
  let error: AppError;
  if (!started.ok) error = started.error;
  else {
    const job = await settle(bench, started.value.jobId);
    expect(job.state).toBe('failed');
    error = { code: job.errorCode!, message: job.error!, ...(job.listProblem && { listProblem: job.listProblem }) };
  }
  expect(error.code).toBe('LIST_UNREADABLE');
  expect(error.message.startsWith(`${name}: `), error.message).toBe(true);
  // The same, for the UI to say in the user's language: the file, where, and what.
  expect(error.listProblem?.file).toBe(name);
  expect(error.message).toContain(noteText(error.listProblem!.note));
  for (const dir of [bench.dir, files, path.dirname(file), ROOT]) expect(error.message + JSON.stringify(error.listProblem)).not.toContain(dir);
  expect(error.message + JSON.stringify(error.listProblem)).not.toMatch(/[\\/](tmp|work|home|root|vault)[\\/]/);
  // The upload was used up: it is not evidence and is not kept.
  const again = (await bench.router.invoke({ channel: 'lists.import', input: { uploads: uploadsOf([uploaded]) } })) as Result<unknown>;
  expect(again).toMatchObject({ ok: false, error: { code: 'UPLOAD_GONE' } });
  return error;
}

describe('importing the real lists', () => {
  it('imports every real list file, counts what it read, and records the files by name and hash', async () => {
    const bench = open();
    const ofac = (dir: string, names = ['sdn', 'alt', 'add', 'sdn_comments']) => names.map((n) => path.join(dir, `${n}.csv`));
    const cases: { files: string[]; key: string; authority: string; entries: number; skipped: number; removed: number; listDate: string | null }[] = [
      { files: [UN_2020], key: 'un-sc', authority: 'UN', entries: 1014, skipped: 0, removed: 0, listDate: '2020-03-20' },
      { files: [fixture('un', 'un_consolidated_2026-02-27_excerpt.xml')], key: 'un-sc', authority: 'UN', entries: 7, skipped: 0, removed: 0, listDate: '2026-02-27' },
      { files: ofac(OFAC_FULL), key: 'us-ofac-sdn', authority: 'US', entries: 8976, skipped: 0, removed: 0, listDate: null },
      { files: ofac(fixture('us-ofac-sdn', 'excerpt-burma-xinjiang-2021-07'), ['sdn', 'alt', 'add']), key: 'us-ofac-sdn', authority: 'US', entries: 56, skipped: 0, removed: 0, listDate: null },
      { files: ofac(fixture('us-ofac-sdn', 'watchman-ofactest')), key: 'us-ofac-sdn', authority: 'US', entries: 17, skipped: 5, removed: 0, listDate: null },
      { files: [fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml')], key: 'eu-fsf', authority: 'EU', entries: 2, skipped: 0, removed: 0, listDate: '2026-08-05' },
      { files: [fixture('uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml')], key: 'uk-sanctions-list', authority: 'UK', entries: 3, skipped: 0, removed: 0, listDate: '2026-08-14' },
      { files: [fixture('canada', 'sema-lmes_2020-04.xml')], key: 'ca-sema', authority: 'CA', entries: 1369, skipped: 0, removed: 0, listDate: null },
      // 598 rows deleted (削除) are removed, one without a name is skipped; the 14 rows that continue an entry over merged cells are read into it.
      { files: [fixture('jp-mof', 'shisantouketsu20260305.xlsx')], key: 'jp-mof', authority: 'JP', entries: 2862, skipped: 1, removed: 598, listDate: '2026-03-05' },
    ];
    let jp: ListImportResult['report'] | undefined;
    for (const c of cases) {
      const result = await imported(bench, c.files);
      if (c.key === 'jp-mof') jp = result.report;
      const name = path.basename(c.files[0]!);
      const parsed = await readList(c.files.map((f) => ({ path: f, name: path.basename(f) })));
      const firstOfEach = parsed.entries.filter((e, i) => parsed.entries.findIndex((x) => x.listId === e.listId) === i);
      expect(result.report, name).toMatchObject({ entries: c.entries, skippedCount: c.skipped, removedCount: c.removed, names: firstOfEach.reduce((n, e) => n + e.names.length, 0) });
      expect(result.list, name).toMatchObject({ key: c.key, authority: c.authority, listDate: c.listDate, entries: c.entries, importedBy: 'tester', skippedCount: c.skipped, removedCount: c.removed });
      expect(result.list.files).toEqual(result.uploaded.map((u) => ({ name: u.originalName, sha256: u.sha256, size: u.size })));
      peek(bench.dir, (db) => {
        const id = db.prepare("SELECT id FROM designation_lists WHERE key = ? AND state = 'current'").pluck().get(c.key);
        expect(db.prepare('SELECT count(*) FROM designation_entries WHERE list_id = ?').pluck().get(id), name).toBe(c.entries);
        expect(db.prepare("SELECT sum(json_array_length(data, '$.names')) FROM designation_entries WHERE list_id = ?").pluck().get(id), name).toBe(result.report.names);
      });
    }
    expect(jp!.skipped.filter((s) => s.note.code === 'listed_twice')).toEqual([]);
    expect(jp!.warnings.map(problemText)).toContain('sheet 7.イラク前政権関係者等 (Ⅲ), row 3, 告示番号 197: one entry written over rows 3, 4, 5, read as one');
    expect(jp!.skipped).toEqual([{ at: { sheet: '2.タリバーン関係者等', row: 276, record: '告示番号 274' }, note: { code: 'no_name' } }]);
    // The report is kept with the list: read back later, it is the one the import gave.
    expect(await invoke(bench, 'lists.report', { key: 'jp-mof' })).toEqual({ list: expect.objectContaining({ key: 'jp-mof', skippedCount: 1 }) as unknown, report: jp });
    await expect(bench.router.invoke({ channel: 'lists.report', input: { key: 'not-a-list' } })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect((await lists(bench)).map((l) => [l.key, l.entries])).toEqual([
      ['ca-sema', 1369],
      ['eu-fsf', 2],
      ['jp-mof', 2862],
      ['uk-sanctions-list', 3],
      ['un-sc', 7],
      ['us-ofac-sdn', 17],
    ]);
    await checkStore(bench);
  });

  it('reads an entry back field by field: Min Aung Hlaing (OFAC 27225), with its list', async () => {
    const bench = open();
    // sdn.csv gzipped as it is stored in the fixtures: recognised and read as such.
    await imported(bench, [fixture('us-ofac-sdn', 'full-2021-07', 'sdn.csv.gz'), ...['alt', 'add', 'sdn_comments'].map((n) => path.join(OFAC_FULL, `${n}.csv`))]);
    const entryId = peek(bench.dir, (db) => db.prepare("SELECT id FROM current_designation_entries WHERE list_key = 'us-ofac-sdn' AND list_ref = '27225'").pluck().get()) as number;
    const read = await invoke<DesignationEntryDetail>(bench, 'lists.entry', { entryId });
    expect(read).toEqual({
      entryId,
      listRef: '27225',
      authority: 'US',
      list: { key: 'us-ofac-sdn', authority: 'US', format: 'ofac_csv', listName: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)', listDate: null },
      entry: {
        listId: '27225',
        type: 'person',
        programmes: ['GLOMAG', 'BURMA-EO14014'],
        listedOn: null,
        names: [{ value: 'HLAING, Min Aung', script: 'latn', lang: null, strength: 'primary', parts: { family: 'HLAING', given: 'Min Aung' } }],
        datesOfBirth: [{ value: { precision: 'day', value: '1956-07-03' }, text: '03 Jul 1956' }],
        placesOfBirth: [{ text: 'Dawei, Burma', country: 'MM' }],
        nationalities: [],
        identifiers: [],
        addresses: [{ text: 'Burma', country: 'MM' }],
        positions: [],
        remarks: ['DOB 03 Jul 1956; POB Dawei, Burma; Gender Male.'],
      },
    });
    // Identifiers are found by their normalised value; entries of a list by the list's programme.
    peek(bench.dir, (db) => {
      const byPassport = db.prepare("SELECT e.list_ref FROM designation_identifiers i JOIN current_designation_entries e ON e.id = i.entry_id WHERE i.value = 'MA370433'").pluck().all();
      expect(byPassport).toEqual(['31793']);
      expect(db.prepare("SELECT count(*) FROM designation_entries WHERE programmes LIKE '%\"GLOMAG\"%'").pluck().get()).toBeGreaterThan(100);
    });
    await expect(bench.router.invoke({ channel: 'lists.entry', input: { entryId: entryId + 1_000_000 } })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a bad file leaves the list in place', () => {
  it('refuses a truncated download, an HTML page, a file of the wrong kind and a file broken after 2,000 entries, naming the file and line', async () => {
    const bench = open();
    const first = await imported(bench, [UN_2020]);
    expect(first.replaced).toBeNull();
    const before = await lists(bench);
    const stillThere = async () => {
      expect(await lists(bench)).toEqual(before);
      await checkStore(bench);
    };

    const half = path.join(files, 'half.xml');
    const xml = fs.readFileSync(UN_2020);
    fs.writeFileSync(half, xml.subarray(0, xml.length >> 1));
    const truncated = await refusedImport(bench, half, 'consolidated.xml');
    expect(truncated.message).toMatch(/^consolidated\.xml: UN consolidated list XML: the file ends before the list does .*\(at line \d+\)$/);
    expect(truncated.listProblem).toMatchObject({ at: { line: expect.any(Number) as number }, note: { code: 'cut_before_end_because' } });
    await stillThere();

    const page = path.join(files, 'page.xml');
    fs.writeFileSync(page, HTML_ERROR_PAGE);
    const html = await refusedImport(bench, page, 'consolidated.xml');
    expect(html.message).toBe('consolidated.xml: this is an HTML page (an error page saved instead of the list?), not a sanctions list file (at line 1)');
    expect(html.listProblem).toEqual({ file: 'consolidated.xml', at: { line: 1 }, note: { code: 'html_page' } });
    await stillThere();

    // The EU list, said by the user to be the UN's: the parser refuses its root element.
    const eu = await refusedImport(bench, fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml'), 'un.xml', 'un_xml');
    expect(eu.message).toMatch(/^un\.xml: UN consolidated list XML: the root element is <export>, expected <CONSOLIDATED_LIST> \(at line 2\)$/);
    expect((await refusedImport(bench, fixture('us-ofac-sdn', 'schema', 'cons_dat_spec_2018.txt'), 'spec.txt')).message).toMatch(/^spec\.txt: /);
    await stillThere();

    // Broken after more than one batch has been written: the batches go, the list stays.
    const broken = path.join(files, 'broken.xml');
    const text = fs.readFileSync(UN_TRIPLE, 'utf8');
    const at = text.indexOf('<FIRST_NAME>', Math.floor(text.length * 0.85));
    fs.writeFileSync(broken, `${text.slice(0, at)}<FIRST_NAME>ALI</SECOND_NAME>${text.slice(at + '<FIRST_NAME>'.length)}`);
    const line = text.slice(0, at).split('\n').length;
    const malformed = await refusedImport(bench, broken, 'consolidated (3).xml');
    expect(malformed.message).toMatch(new RegExp(`^consolidated \\(3\\)\\.xml: UN consolidated list XML: not well-formed XML: .* \\(at line ${line}, column \\d+\\)$`));
    await stillThere();
  });

  it('refuses a Japanese workbook whose every entry is marked removed (削除), and says so', async () => {
    const bench = open();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2.タリバーン関係者等');
    ws.addRow(['告示日付', '告示番号', '日本語表記', '英語表記']);
    ws.addRow(['2011.11.18削除', '1', 'テスト', 'TEST']);
    ws.addRow(['2012.8.24削除', '2', 'テスト二', 'TEST TWO']);
    const file = path.join(files, 'all-removed.xlsx');
    await wb.xlsx.writeFile(file);
    const error = await refusedImport(bench, file, 'shisantouketsu.xlsx');
    expect(error.message).toBe('shisantouketsu.xlsx: no entry of the list could be read (0 skipped, 2 marked as removed); the previous version is still in use.');
    expect(error.listProblem).toEqual({ file: 'shisantouketsu.xlsx', at: null, note: { code: 'nothing_read', values: { skipped: 0, removed: 2 } } });
    expect(await lists(bench)).toEqual([]);
  });

  it('refuses an import of an upload that is gone, and of nothing at all', async () => {
    const bench = open();
    const gone = await bench.router.invoke({ channel: 'lists.import', input: { uploads: [{ uploadId: '0190a8c6-1f3a-7000-8000-000000000000', originalName: 'sdn.csv' }] } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'UPLOAD_GONE', fields: { 'uploads.0.uploadId': { code: 'invalid' } } } });
    const none = await bench.router.invoke({ channel: 'lists.import', input: { uploads: [] } });
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('replacing, removing, progress and cancel', () => {
  it('replaces a list atomically and says what it replaced; removes a list', async () => {
    const bench = open();
    await imported(bench, [UN_2020]);
    await imported(bench, [fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml')]);
    const next = await imported(bench, [fixture('un', 'un_consolidated_2026-02-27_excerpt.xml')]);
    expect(next.replaced).toEqual({ listDate: '2020-03-20', entries: 1014, importedAt: expect.any(String) });
    expect((await lists(bench)).map((l) => [l.key, l.listDate, l.entries])).toEqual([
      ['eu-fsf', '2026-08-05', 2],
      ['un-sc', '2026-02-27', 7],
    ]);
    await checkStore(bench);

    const euEntry = peek(bench.dir, (db) => db.prepare("SELECT id FROM current_designation_entries WHERE list_key = 'eu-fsf'").pluck().get()) as number;
    await expect(invoke(bench, 'lists.remove', { key: 'eu-fsf' })).resolves.toEqual({ key: 'eu-fsf', entries: 2 });
    expect((await lists(bench)).map((l) => l.key)).toEqual(['un-sc']);
    await expect(bench.router.invoke({ channel: 'lists.entry', input: { entryId: euEntry } })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await expect(bench.router.invoke({ channel: 'lists.remove', input: { key: 'eu-fsf' } })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await checkStore(bench);
    peek(bench.dir, (db) => expect(db.prepare('SELECT count(*) FROM designation_entries').pluck().get()).toBe(7));
  });

  it('is done once the new version is in place: the one it replaced is out of use at once, its rows deleted after', async () => {
    const workspace = openWorkspace(tempDir());
    try {
      const ctx = { db: workspace.db, actor: 'tester', now: () => new Date().toISOString() };
      const file = (p: string) => ({ path: p, name: path.basename(p), sha256: 'a'.repeat(64), size: fs.statSync(p).size });
      await importListFiles(ctx, [file(UN_TRIPLE)]);
      const result = await importListFiles(ctx, [file(UN_2020)]);
      expect(result.replaced).toMatchObject({ entries: 3042 });
      expect(currentLists(workspace.db).map((l) => [l.key, l.entries])).toEqual([['un-sc', 1014]]);
      // Deleting yields between batches of 2,000, and the import answered before the next one.
      const left = () => workspace.db.prepare("SELECT count(*) FROM designation_entries e JOIN designation_lists l ON l.id = e.list_id WHERE l.state = 'discarded'").pluck().get();
      expect(left()).toBe(3042 - 2000);
      await purgesSettled(workspace.db);
      expect(left()).toBe(0);
      expect(workspace.db.prepare('SELECT count(*) FROM designation_entries').pluck().get()).toBe(1014);
    } finally {
      workspace.close();
    }
  });

  it('reports progress in entries stored, batch by batch, and the total at the end', async () => {
    const bench = open();
    const [up] = [await upload(bench, UN_TRIPLE)];
    const { jobId } = await invoke<{ jobId: string }>(bench, 'lists.import', { uploads: uploadsOf([up!]) });
    const seen = new Set<string>();
    const job = await settle(bench, jobId, (j) => seen.add(`${j.done}/${j.total}`));
    expect(job).toMatchObject({ kind: 'lists.import', state: 'done', done: 3042, total: 3042 });
    expect(seen).toContain('0/0');
    expect(seen).toContain('2000/0');
    expect(job.listImport?.report.entries).toBe(3042);
  });

  it('reports how much of the file is read, rising to the whole of it, in this thread and in the worker', async () => {
    const bench = open();
    const large = path.join(files, 'un-x8-progress.xml');
    fs.writeFileSync(large, unListRepeated(8));
    expect(fs.statSync(large).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    for (const file of [UN_TRIPLE, large]) {
      const { jobId } = await invoke<{ jobId: string }>(bench, 'lists.import', { uploads: uploadsOf([await upload(bench, file)]) });
      const read: number[] = [];
      const job = await settle(bench, jobId, (j) => {
        if (j.read !== undefined) read.push(j.read);
      });
      expect(job.state).toBe('done');
      expect(read.length).toBeGreaterThan(0);
      expect(read).toEqual([...read].sort((a, b) => a - b));
      expect(read.at(-1)).toBe(1);
      expect(job.read).toBe(1);
      // Part-way figures, batch by batch, while the entries are written.
      expect(read.some((r) => r > 0 && r < 1)).toBe(true);
    }
  });

  it('cancels an import after it has written entries: they go, the list in use stays', async () => {
    const bench = open();
    await imported(bench, [UN_2020]);
    const before = await lists(bench);
    const up = await upload(bench, UN_TRIPLE);
    const { jobId } = await invoke<{ jobId: string }>(bench, 'lists.import', { uploads: uploadsOf([up]) });
    let cancelledAt = -1;
    const job = await settle(bench, jobId, (j) => {
      if (cancelledAt < 0 && j.done >= 2000) {
        cancelledAt = j.done;
        void invoke(bench, 'jobs.cancel', { jobId });
      }
    });
    expect(cancelledAt).toBe(2000);
    expect(job.state).toBe('cancelled');
    expect(await lists(bench)).toEqual(before);
    await checkStore(bench);
    peek(bench.dir, (db) => expect(db.prepare('SELECT count(*) FROM designation_entries').pluck().get()).toBe(1014));
  });

  it('cancels an import read in the worker (a list of 8 MiB or more) while its entries are written: they go, the list in use stays', async () => {
    const bench = open();
    await imported(bench, [UN_2020]);
    const before = await lists(bench);
    const large = path.join(files, 'un-x8.xml');
    fs.writeFileSync(large, unListRepeated(8));
    expect(fs.statSync(large).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const { jobId } = await invoke<{ jobId: string }>(bench, 'lists.import', { uploads: uploadsOf([await upload(bench, large)]) });
    let cancelledAt = -1;
    const job = await settle(bench, jobId, (j) => {
      if (cancelledAt < 0 && j.done >= 2000) {
        cancelledAt = j.done;
        void invoke(bench, 'jobs.cancel', { jobId });
      }
    });
    expect(job.state).toBe('cancelled');
    expect(cancelledAt).toBeGreaterThanOrEqual(2000);
    expect(await lists(bench)).toEqual(before);
    await checkStore(bench);
    peek(bench.dir, (db) => expect(db.prepare('SELECT count(*) FROM designation_entries').pluck().get()).toBe(1014));
  });
});

describe('an import killed mid-way', () => {
  function runChild(dir: string, crashAt: string, file: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CHILD, dir, crashAt, file], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    });
  }

  it('leaves the previous version in use, and the next start sweeps the half-written one', async () => {
    const dir = tempDir();
    const bench = open(dir);
    await imported(bench, [UN_2020]);
    const before = await lists(bench);
    bench.close();

    const small = fixture('un', 'un_consolidated_2026-02-27_excerpt.xml');
    for (const [crashAt, file] of [['in-batch:2045', UN_TRIPLE], ['before-swap', small], ['in-swap', small]] as const) {
      const run = await runChild(dir, crashAt, file);
      expect(run.signal, `${crashAt}: ${run.stderr}`).toBe('SIGKILL');
      const left = peek(dir, (db) => [
        db.prepare("SELECT count(*) FROM designation_lists WHERE state <> 'current'").pluck().get(),
        db.prepare('SELECT count(*) FROM designation_entries').pluck().get(),
      ]);
      // The killed import's row is there, with its committed batches (the first 2,000 of the triple file).
      expect(left, crashAt).toEqual([1, 1014 + (file === UN_TRIPLE ? 2000 : 7)]);
      const reopened = open(dir);
      expect(await lists(reopened), crashAt).toEqual(before);
      await checkStore(reopened);
      reopened.close();
    }

    // Killed after the swap committed: the new version is in use; the old one is swept.
    const run = await runChild(dir, 'after-swap', small);
    expect(run.signal, run.stderr).toBe('SIGKILL');
    const reopened = open(dir);
    expect((await lists(reopened)).map((l) => [l.key, l.entries, l.importedBy])).toEqual([['un-sc', 7, 'crash-child']]);
    await checkStore(reopened);
  });
});
