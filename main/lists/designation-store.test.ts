import { problemText } from '../../shared/domain/list-notes';
import { describe, expect, it } from 'vitest';
import type { Authority, DesignationEntry, DesignationList } from '../../shared/domain/designations';
import type { ListImportReport } from '../../shared/contract/channels/lists';
import { NAME_KEYS_VERSION, keyHash, nameKeys } from '../screening/name-keys';
import { countingTurns } from '../test-support/loop-turns';
import { testContext } from '../test-support/service-context';
import { tempDir } from '../test-support/temp-dir';
import { openWorkspace } from '../workspace/open-workspace';
import { emptyEntry } from './common';
import {
  ENTRY_BATCH,
  EntryWriter,
  KeyIndex,
  beginImport,
  commitImport,
  currentList,
  currentLists,
  entryByRef,
  getEntry,
  normaliseIdentifier,
  purgeLists,
  purgesSettled,
  rekeyStaleLists,
  removeList,
  sweepDesignations,
} from './designation-store';
import { EntryPreparer, isSkipped } from './prepared-entry';
import { readList } from './read-list';
import { fixture } from './test-fixtures';

const UN_2026 = { path: fixture('un', 'un_consolidated_2026-02-27_excerpt.xml'), name: 'un.xml' };

function person(listId: string, ...names: string[]): DesignationEntry {
  const e = emptyEntry(listId, 'person');
  e.names = names.map((value, i) => ({ value, script: 'latn', lang: null, strength: i === 0 ? 'primary' : 'strong' }));
  return e;
}

const reportOf = (writer: EntryWriter): ListImportReport => ({
  entries: writer.entries,
  names: writer.names,
  skippedCount: writer.skippedCount,
  skipped: writer.skipped,
  removedCount: 0,
  warnings: [],
});

/** Hands entries to the writer as an import does: prepared, and skipped when they cannot be stored. */
function feed(writer: EntryWriter, authority: Authority | null, entries: Iterable<DesignationEntry>, withKeys = (_i: number) => true) {
  const preparer = new EntryPreparer(authority);
  let i = 0;
  for (const e of entries) {
    const item = preparer.prepare(e, withKeys(i++));
    if (isSkipped(item)) writer.skip(item.at, item.note);
    else writer.add(item);
  }
}

/** Writes entries as a new version of `list` and makes it current, as an import does. */
async function store(db: ReturnType<typeof testContext>['db'], list: DesignationList, entries: DesignationEntry[], authority = list.authority) {
  const listId = beginImport(db, { format: list.format, files: [{ name: 'f.xml', sha256: 'a'.repeat(64), size: 1 }], importedBy: 'tester', now: '2026-11-27T09:00:00.000Z' });
  const writer = new EntryWriter(db, listId);
  feed(writer, authority, entries);
  await writer.flush();
  const replaced = commitImport(db, listId, { list, report: reportOf(writer), now: '2026-11-27T10:00:00.000Z' });
  if (replaced) await purgeLists(db, [replaced.listId]);
  return { listId, writer, replaced };
}

const UN_LIST: DesignationList = { key: 'un-sc', authority: 'UN', format: 'un_xml', listName: 'UN', listDate: '2026-02-27' };
/** The hashed keys of names, as the key tables hold them, in order. */
const hashedKeys = (...names: string[]) => [...new Set(names.flatMap((n) => nameKeys(n)))].map(keyHash).sort((a, b) => a - b);

const count = (db: ReturnType<typeof testContext>['db'], sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;

describe('the designation store', () => {
  it('stores each entry whole (its names with it), the keys of its names, and its identifiers normalised', async () => {
    const { db } = testContext();
    const { entries, list } = await readList([UN_2026]);
    const { listId } = await store(db, list, entries);

    const entry = entryByRef(db, 'un-sc', 'TAi.165')!;
    expect(entry.entry).toEqual(entries.find((e) => e.listId === 'TAi.165'));
    expect(entry).toMatchObject({ listRef: 'TAi.165', authority: 'UN', list: { key: 'un-sc', authority: 'UN', format: 'un_xml', listDate: '2026-02-27' } });
    expect(getEntry(db, entry.entryId)).toEqual(entry);

    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'designation_names'").pluck().get()).toBe(0); // migration 015
    const keys = db.prepare('SELECT key FROM designation_name_keys WHERE entry_id = ? ORDER BY key').pluck().all(entry.entryId);
    expect(keys).toEqual(hashedKeys(...entry.entry.names.map((n) => n.value)));
    expect(keys.length).toBeGreaterThan(0);
    expect(count(db, 'SELECT keys_version FROM designation_lists WHERE id = ?', listId)).toBe(NAME_KEYS_VERSION);

    const idRows = db.prepare('SELECT value, type FROM designation_identifiers WHERE entry_id = ? ORDER BY position').all(entry.entryId);
    expect(idRows[0]).toEqual({ value: 'AFGHANNATIONALIDENTIFICATIONCARDTAZKIRANUMBER57388', type: 'national_id' });
    expect(idRows).toEqual(entry.entry.identifiers.map((i) => ({ value: normaliseIdentifier(i.value), type: i.type })));
    expect(normaliseIdentifier(' ab 12-3456.７')).toBe('AB1234567');
  });

  it('keeps the first of two entries with the same reference, and skips an entry with no authority, saying why', async () => {
    const { db } = testContext();
    const mixed: DesignationList = { key: 'opensanctions-test', authority: null, format: 'un_xml', listName: 'mixed', listDate: null };
    const au = { ...person('A-1', 'SMITH, John'), authority: 'AU' as const };
    const { writer } = await store(db, mixed, [au, person('A-2', 'DOE, Jane'), { ...person('A-1', 'SMITH, Johnny'), authority: 'AU' }]);
    expect(writer.entries).toBe(1);
    expect(writer.skipped).toEqual([
      { at: { entry: 'A-2' }, note: { code: 'no_authority' } },
      { at: { entry: 'A-1' }, note: { code: 'listed_twice', values: { ref: 'A-1' } } },
    ]);
    expect(writer.skipped.map(problemText)).toEqual([
      'entry A-2: the entry names no authority, and its list has none',
      'entry A-1: listed twice under the reference A-1: the first is kept',
    ]);
    expect(entryByRef(db, 'opensanctions-test', 'A-1')).toMatchObject({ authority: 'AU', list: { authority: null }, entry: { names: [{ value: 'SMITH, John' }] } });
    // An entry's own authority wins over its list's.
    await store(db, UN_LIST, [{ ...person('X-1', 'DOE, Jane'), authority: 'EU' }, person('X-2', 'ROE, Richard')]);
    expect(entryByRef(db, 'un-sc', 'X-1')!.authority).toBe('EU');
    expect(entryByRef(db, 'un-sc', 'X-2')!.authority).toBe('UN');
  });

  it('reads a report stored before its notes had codes, keeping its English as written', async () => {
    const { db } = testContext();
    await store(db, UN_LIST, [person('X-1', 'DOE, Jane')]);
    const old = { skippedCount: 1, skipped: [{ at: 'line 3', reason: 'no name' }], warnings: ['the file says it holds 6 records; 5 were found'] };
    db.prepare("UPDATE designation_lists SET report = ? WHERE key = 'un-sc' AND state = 'current'").run(JSON.stringify(old));
    const { report, summary } = currentList(db, 'un-sc')!;
    expect(report).toMatchObject({
      skippedCount: 1,
      removedCount: 0,
      skipped: [{ at: { text: 'line 3' }, note: { code: 'as_written', values: { text: 'no name' } } }],
      warnings: [{ at: null, note: { code: 'as_written', values: { text: 'the file says it holds 6 records; 5 were found' } } }],
    });
    expect(report.skipped.map(problemText)).toEqual(['line 3: no name']);
    expect(summary.warnings).toEqual(report.warnings);
  });

  it('writes in batches of ENTRY_BATCH, each committed before the next, and its keys in tables of a chunk of entries each, one row per key', async () => {
    const { db } = testContext();
    const listId = beginImport(db, { format: 'un_xml', files: [], importedBy: 'tester', now: 'x' });
    const batches: number[] = [];
    const writer = new EntryWriter(db, listId, (stored) => {
      batches.push(stored);
      expect(db.inTransaction).toBe(false);
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL again for everything else
      expect(count(db, 'SELECT count(*) FROM designation_entries WHERE list_id = ?', listId)).toBe(batches.reduce((a, b) => a + b, 0));
    }, 4000);
    // Every name twice over (an authority's copy of an entity has the same names): keys counted once.
    const entries = 17 * ENTRY_BATCH + 100;
    feed(writer, 'UN', Array.from({ length: entries }, (_, i) => person(`P-${i}`, `PERSON ${i}, Some`, `Some PERSON ${i}`, `PERSON ${i}, Some`)));
    const full = Array<number>(17).fill(ENTRY_BATCH);
    expect(batches).toEqual(full);
    const recorded = () => JSON.parse(db.prepare('SELECT keys_tables FROM designation_lists WHERE id = ?').pluck().get(listId) as string) as string[];
    const created = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'designation_name_keys_%' ORDER BY 1").pluck().all();
    expect(recorded()).toHaveLength(2); // full ones at once; the last when the writer is flushed
    await writer.flush();
    expect(batches).toEqual([...full, 100]);

    const tables = recorded();
    expect(tables).toEqual([1, 2, 3].map((n) => `designation_name_keys_${listId}_v${NAME_KEYS_VERSION}_${n}`));
    expect(created()).toEqual(tables);
    // One row per key, in key order, with the entries that have it.
    const rows = db.prepare(`SELECT key, n, ids FROM ${tables[0]} ORDER BY rowid`).all() as { key: number; n: number; ids: string }[];
    expect(rows.map((r) => r.key)).toEqual([...rows.map((r) => r.key)].sort((a, b) => a - b));
    for (const r of rows) {
      const ids = JSON.parse(r.ids) as number[];
      expect(ids).toHaveLength(r.n);
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    }
    commitImport(db, listId, { list: UN_LIST, report: reportOf(writer), now: 'y' });
    expect(count(db, 'SELECT count(DISTINCT entry_id) FROM designation_name_keys')).toBe(entries);
    const last = entryByRef(db, 'un-sc', `P-${entries - 1}`)!;
    const lastKeys = hashedKeys(`PERSON ${entries - 1}, Some`, `Some PERSON ${entries - 1}`);
    expect(db.prepare('SELECT key FROM designation_name_keys WHERE entry_id = ? ORDER BY key').pluck().all(last.entryId)).toEqual(lastKeys);
    // Screening's reading: how many entries have a key, and which.
    const index = new KeyIndex(db);
    const shared = keyHash('i:some.p'); // "Some PERSON n": every entry
    expect(index.entries(shared)).toBe(entries);
    expect(index.entryIds(shared)).toHaveLength(entries);
    for (const key of lastKeys) expect(index.entryIds(key)).toContain(last.entryId);
    expect(index.entries(keyHash('t:nobody'))).toBe(0);
    expect(index.entryIds(keyHash('t:nobody'))).toEqual([]);
    removeList(db, 'un-sc');
    expect(created()).toEqual([]);
    expect(new KeyIndex(db).entries(shared)).toBe(0);
  });

  it('keeps keys apart that differ only in their lowest bits, in every part of the key space', async () => {
    const { db } = testContext();
    const listId = beginImport(db, { format: 'un_xml', files: [], importedBy: 'tester', now: 'x' });
    const writer = new EntryWriter(db, listId);
    // Keys as the sink orders them: the same high bits (2^23 apart at most), from low to high hashes.
    const tops = [0, 2 ** 40 + 2 ** 23 * 3, 2 ** 52 + 2 ** 23 * 7, 2 ** 53 - 2 ** 23];
    const keysOf = (i: number) => tops.flatMap((top) => [top + (i % 3), top + 5, top + 2 ** 23 - 1 - (i % 2)]);
    const preparer = new EntryPreparer('UN');
    for (let i = 0; i < 40; i++) {
      const item = preparer.prepare(person(`P-${i}`, `PERSON ${i}`), false);
      if (isSkipped(item)) throw new Error('not stored');
      writer.add({ ...item, keys: keysOf(i) });
    }
    await writer.flush();
    const [table] = JSON.parse(db.prepare('SELECT keys_tables FROM designation_lists WHERE id = ?').pluck().get(listId) as string) as string[];
    const rows = db.prepare(`SELECT key, ids FROM ${table} ORDER BY rowid`).all() as { key: number; ids: string }[];
    const ids = db.prepare('SELECT id FROM designation_entries WHERE list_id = ? ORDER BY id').pluck().all(listId) as number[];
    const expected = new Map<number, number[]>();
    ids.forEach((id, i) => new Set(keysOf(i)).forEach((key) => expected.set(key, [...(expected.get(key) ?? []), id])));
    expect(rows.map((r) => r.key)).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const row of rows) expect(JSON.parse(row.ids)).toEqual(expected.get(row.key));
  });

  describe('key tables, filled part by part between turns of the event loop', () => {
    const started = (db: ReturnType<typeof testContext>['db'], listId: number) =>
      JSON.parse(db.prepare('SELECT keys_tables FROM designation_lists WHERE id = ?').pluck().get(listId) as string) as string[];
    const rowsIn = (db: ReturnType<typeof testContext>['db'], table: string) => count(db, `SELECT count(*) FROM ${table}`);
    const writerWithFullTables = () => {
      const { db } = testContext();
      const listId = beginImport(db, { format: 'un_xml', files: [], importedBy: 'tester', now: 'x' });
      const writer = new EntryWriter(db, listId, () => undefined, 2000);
      feed(writer, 'UN', Array.from({ length: 6000 }, (_, i) => person(`P-${i}`, `PERSON ${i}, Some`, `Some PERSON ${i}`)));
      return { db, listId, writer };
    };

    it('answers between the parts: the writer returns at once, and the rows follow while the loop turns', async () => {
      const { db, listId, writer } = writerWithFullTables();
      const tables = started(db, listId);
      expect(tables).toHaveLength(3); // created and recorded when each chunk was full
      expect(tables.map((t) => rowsIn(db, t))).toEqual([0, 0, 0]);
      const { turns } = await countingTurns(() => writer.flush());
      expect(turns).toBeGreaterThanOrEqual(3 * 32); // a turn for each part of each table at least
      const keys = tables.map((t) => db.prepare(`SELECT key FROM ${t} ORDER BY rowid`).pluck().all() as number[]);
      for (const k of keys) expect(k).toEqual([...k].sort((a, b) => a - b));
      // Every entry's keys, whichever part they fell in.
      const last = db.prepare('SELECT id FROM designation_entries WHERE list_ref = ?').pluck().get('P-5999') as number;
      const lastKeys = hashedKeys('PERSON 5999, Some', 'Some PERSON 5999');
      const found = lastKeys.filter((key) => {
        const ids = db.prepare(`SELECT ids FROM ${tables[2]!} WHERE key = ?`).pluck().get(key) as string | undefined;
        return ids !== undefined && (JSON.parse(ids) as number[]).includes(last);
      });
      expect(found).toEqual(lastKeys);
    });

    it('fails the flush when a part cannot be written, with the error', async () => {
      const { db, listId, writer } = writerWithFullTables();
      db.exec(`DROP TABLE ${started(db, listId)[1]!}`); // pulled from under the writer
      await expect(writer.flush()).rejects.toThrow(/no such table/);
    });

    it('writes nothing more once abandoned, and the version goes whole', async () => {
      const { db, listId, writer } = writerWithFullTables();
      const tables = started(db, listId);
      writer.abandon();
      for (let i = 0; i < 40; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(tables.map((t) => rowsIn(db, t))).toEqual([0, 0, 0]);
      await purgeLists(db, [listId]);
      expect(count(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'designation_name_keys_%' AND type = 'table'")).toBe(0);
      expect(count(db, 'SELECT count(*) FROM designation_entries')).toBe(0);
    });
  });

  it('replaces a version atomically: until the swap only the old one is seen; after it the old one is gone, keys and all', async () => {
    const { db } = testContext();
    const first = await store(db, UN_LIST, [person('A', 'ALPHA, Anna'), person('B', 'BRAVO, Ben')]);
    const [oldTable] = JSON.parse(db.prepare('SELECT keys_tables FROM designation_lists WHERE id = ?').pluck().get(first.listId) as string) as string[];

    const next = beginImport(db, { format: 'un_xml', files: [], importedBy: 'tester', now: 'x' });
    const writer = new EntryWriter(db, next);
    feed(writer, 'UN', [person('C', 'CHARLIE, Carl')]);
    await writer.flush();
    // Written but not current: nobody reading sees it.
    expect(entryByRef(db, 'un-sc', 'C')).toBeNull();
    expect(entryByRef(db, 'un-sc', 'A')).not.toBeNull();
    expect(db.prepare('SELECT DISTINCT entry_id FROM designation_name_keys').pluck().all()).toHaveLength(2);

    const replaced = commitImport(db, next, { list: { ...UN_LIST, listDate: '2026-03-01' }, report: reportOf(writer), now: 'y' })!;
    expect(replaced).toMatchObject({ listId: first.listId, listDate: '2026-02-27', entries: 2 });
    expect(entryByRef(db, 'un-sc', 'A')).toBeNull();
    expect(entryByRef(db, 'un-sc', 'C')).not.toBeNull();
    expect(db.prepare('SELECT DISTINCT entry_id FROM designation_name_keys').pluck().all()).toEqual([entryByRef(db, 'un-sc', 'C')!.entryId]);

    await purgeLists(db, [replaced.listId]);
    expect(count(db, 'SELECT count(*) FROM designation_lists')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM designation_entries')).toBe(1);
    expect(count(db, "SELECT count(*) FROM sqlite_master WHERE name = ?", oldTable)).toBe(0);
    expect(currentLists(db)).toMatchObject([{ key: 'un-sc', listDate: '2026-03-01', entries: 1, names: 1, importedBy: 'tester' }]);
    await purgeLists(db, [next]); // the version in use is never purged
    expect(entryByRef(db, 'un-sc', 'C')).not.toBeNull();
  });

  it('makes the keys of entries handed over without them (the reader left them to the writer): the same keys', async () => {
    const { db } = testContext();
    const entries = Array.from({ length: 300 }, (_, i) => person(`P-${i}`, `PERSON ${i}, Some`, `ペルソン・${i}`, `Some PERSON ${i}`));
    const keysOf = async (withKeys: (i: number) => boolean) => {
      const listId = beginImport(db, { format: 'un_xml', files: [], importedBy: 'tester', now: 'x' });
      const writer = new EntryWriter(db, listId);
      feed(writer, 'UN', entries, withKeys);
      await writer.flush();
      const [table] = JSON.parse(db.prepare('SELECT keys_tables FROM designation_lists WHERE id = ?').pluck().get(listId) as string) as string[];
      const first = db.prepare('SELECT min(id) FROM designation_entries WHERE list_id = ?').pluck().get(listId) as number;
      // Entry ids relative to the version's first, to compare two versions.
      return db.prepare(`SELECT key, ids FROM ${table} ORDER BY key`).all().map((r) => {
        const row = r as { key: number; ids: string };
        return [row.key, (JSON.parse(row.ids) as number[]).map((id) => id - first)];
      });
    };
    const all = await keysOf(() => true);
    expect(all.length).toBeGreaterThan(300);
    expect(await keysOf((i) => i % 3 === 0)).toEqual(all);
    expect(await keysOf(() => false)).toEqual(all);
  });

  it('sweeps what an interrupted import or removal left: rows, key tables, and the view stays on the current versions', async () => {
    const { db } = testContext();
    await store(db, UN_LIST, [person('A', 'ALPHA, Anna')]);
    const importing = beginImport(db, { format: 'un_xml', files: [], importedBy: 'tester', now: 'x' });
    const writer = new EntryWriter(db, importing);
    feed(writer, 'UN', Array.from({ length: 2500 }, (_, i) => person(`P-${i}`, `PERSON ${i}, Some`)));
    await writer.flush();
    db.exec('CREATE TABLE designation_name_keys_999_v1_1 (key TEXT, entry_id INTEGER)'); // an orphan

    const stale = sweepDesignations(db);
    expect(stale).toEqual([importing]);
    // Out of use at once; its rows are deleted after, batch by batch.
    expect(db.prepare('SELECT key, state FROM designation_lists ORDER BY id').all()).toEqual([
      { key: 'un-sc', state: 'current' },
      { key: null, state: 'discarded' },
    ]);
    expect(count(db, 'SELECT count(DISTINCT entry_id) FROM designation_name_keys')).toBe(1);
    const { turns } = await countingTurns(() => purgeLists(db, stale));
    expect(turns).toBeGreaterThanOrEqual(2); // 2,500 rows: two batches, a turn between
    expect(db.prepare('SELECT key, state FROM designation_lists').all()).toEqual([{ key: 'un-sc', state: 'current' }]);
    expect(count(db, 'SELECT count(*) FROM designation_entries')).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'designation_name_keys_%' AND type = 'table'").pluck().all()).toEqual(
      JSON.parse(db.prepare("SELECT keys_tables FROM designation_lists WHERE key = 'un-sc'").pluck().get() as string),
    );
    expect(count(db, 'SELECT count(DISTINCT entry_id) FROM designation_name_keys')).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('stops deleting a swept version when the workspace closes, and the next open finishes it', async () => {
    const dir = tempDir();
    const first = openWorkspace(dir);
    const importing = beginImport(first.db, { format: 'un_xml', files: [], importedBy: 'tester', now: 'x' });
    const writer = new EntryWriter(first.db, importing);
    feed(writer, 'UN', Array.from({ length: 5000 }, (_, i) => person(`P-${i}`, `PERSON ${i}, Some`)));
    await writer.flush();
    const purging = purgeLists(first.db, sweepDesignations(first.db));
    await new Promise((resolve) => setImmediate(resolve)); // one batch deleted
    first.close();
    await expect(purging).resolves.toBeUndefined();

    const second = openWorkspace(dir);
    const left = count(second.db, 'SELECT count(*) FROM designation_entries');
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(5000);
    const stale = sweepDesignations(second.db);
    expect(stale).toEqual([importing]);
    await purgeLists(second.db, stale);
    expect(count(second.db, 'SELECT count(*) FROM designation_entries')).toBe(0);
    expect(count(second.db, 'SELECT count(*) FROM designation_lists')).toBe(0);
    second.close();
  });

  it('removes a list: out of use at once, its rows deleted after; and then knows it no longer', async () => {
    const { db } = testContext();
    await store(db, UN_LIST, [person('A', 'ALPHA, Anna'), person('B', 'BRAVO, Ben')]);
    const entryId = entryByRef(db, 'un-sc', 'A')!.entryId;
    expect(removeList(db, 'un-sc')).toEqual({ key: 'un-sc', entries: 2 });
    // Answered before a single row is deleted: nothing reads it any more, keys included.
    expect(currentLists(db)).toEqual([]);
    expect(() => getEntry(db, entryId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(count(db, 'SELECT count(*) FROM designation_name_keys')).toBe(0);
    expect(count(db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'designation_name_keys_%' AND type = 'table'")).toBe(0);
    expect(db.prepare('SELECT state FROM designation_lists').pluck().all()).toEqual(['discarded']);
    expect(count(db, 'SELECT count(*) FROM designation_entries')).toBe(2);
    await purgesSettled(db);
    expect(count(db, 'SELECT count(*) FROM designation_entries')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM designation_lists')).toBe(0);
    expect(() => removeList(db, 'un-sc')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('deletes versions one after another, and settles once all are gone, whoever started them', async () => {
    const { db } = testContext();
    const versions = [];
    for (const n of [2500, 2500]) {
      const listId = beginImport(db, { format: 'un_xml', files: [], importedBy: 'tester', now: 'x' });
      const writer = new EntryWriter(db, listId);
      feed(writer, 'UN', Array.from({ length: n }, (_, i) => person(`P-${i}`, `PERSON ${i}, Some`)));
      await writer.flush();
      versions.push(listId);
    }
    const first = purgeLists(db, [versions[0]!]);
    void purgeLists(db, [versions[1]!]);
    // Both out of use at once; only the first is being deleted (a batch of 2,000 so far).
    expect(db.prepare('SELECT state FROM designation_lists ORDER BY id').pluck().all()).toEqual(['discarded', 'discarded']);
    await first;
    expect(db.prepare('SELECT id FROM designation_lists').pluck().all()).toEqual([versions[1]]);
    expect(count(db, 'SELECT count(*) FROM designation_entries')).toBeGreaterThan(0);
    await purgesSettled(db);
    expect(count(db, 'SELECT count(*) FROM designation_lists')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM designation_entries')).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('re-makes the keys of a list indexed with an older version of the name keys', async () => {
    const { db } = testContext();
    await store(db, UN_LIST, [person('A', 'ALPHA, Anna'), person('B', 'BRAVO, Ben')]);
    const before = db.prepare('SELECT key, entry_id FROM designation_name_keys ORDER BY key, entry_id').all();
    // As a workspace indexed by an older Casebench would be: other keys, older version.
    const [table] = JSON.parse(db.prepare("SELECT keys_tables FROM designation_lists WHERE key = 'un-sc'").pluck().get() as string) as string[];
    db.prepare(`DELETE FROM ${table}`).run();
    db.prepare(`INSERT INTO ${table} (key, n, ids) VALUES (1, 1, '[1]')`).run();
    db.prepare('UPDATE designation_lists SET keys_version = ?').run(NAME_KEYS_VERSION - 1);

    expect(await rekeyStaleLists(db)).toEqual(['un-sc']);
    expect(db.prepare('SELECT key, entry_id FROM designation_name_keys ORDER BY key, entry_id').all()).toEqual(before);
    expect(db.prepare('SELECT keys_version FROM designation_lists').pluck().get()).toBe(NAME_KEYS_VERSION);
    expect(await rekeyStaleLists(db)).toEqual([]);
  });

  it('reads key tables of an older Casebench (one row per key of an entry) until they are re-made', async () => {
    const { db } = testContext();
    await store(db, UN_LIST, [person('A', 'ALPHA, Anna')]);
    const entryId = entryByRef(db, 'un-sc', 'A')!.entryId;
    const [table] = JSON.parse(db.prepare("SELECT keys_tables FROM designation_lists WHERE key = 'un-sc'").pluck().get() as string) as string[];
    // As version 10 left them: text keys, a row per key of an entry, indexed.
    const old = `designation_name_keys_1_v10_1`;
    db.exec(`CREATE TABLE ${old} (key TEXT NOT NULL, entry_id INTEGER NOT NULL) STRICT; CREATE INDEX ${old}_key ON ${old} (key, entry_id)`);
    db.prepare(`INSERT INTO ${old} VALUES ('t:alpha', ?)`).run(entryId);
    db.prepare('UPDATE designation_lists SET keys_tables = ?, keys_version = 10').run(JSON.stringify([old]));
    expect(sweepDesignations(db)).toEqual([]); // drops the newer table, now recorded nowhere
    // The view shows them; screening does not use them (they would miss), and re-keys first.
    expect(db.prepare('SELECT key, entry_id FROM designation_name_keys').all()).toEqual([{ key: 't:alpha', entry_id: entryId }]);
    expect(new KeyIndex(db).entries(keyHash('t:alpha'))).toBe(0);
    expect(await rekeyStaleLists(db)).toEqual(['un-sc']);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'designation_name_keys_%' AND type = 'table'").pluck().all()).toEqual([table]);
    expect(new KeyIndex(db).entryIds(keyHash(nameKeys('ALPHA, Anna')[0]!))).toEqual([entryId]);
  });
});
