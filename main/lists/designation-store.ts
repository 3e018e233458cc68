/**
 * The normalised store of partners' designations (migration 005): writing an imported list beside
 * the current one, swapping it in, deleting old versions in batches, and reading lists and entries.
 *
 * better-sqlite3 is synchronous and the workspace has one connection, so no transaction is ever
 * held across an await: entries go in one transaction per batch, the swap is one short
 * transaction, and deletions run batch by batch with the event loop free in between.
 *
 * Each version of a list has its own tables of name keys (see migration 005 for why). Since
 * NAME_KEYS_VERSION 11 a table holds postings: one row per hashed key with the entries of KEYS_CHUNK
 * entries that have it, gathered in memory and written in key order (no index to build), a part
 * per turn of the event loop while the next entries are written (KeySink). At 50,000
 * entities that is ~670,000 rows where one row per key of an entry made 3.3 million, indexed.
 * Screening reads them with KeyIndex; the view designation_name_keys (key, entry_id) unites the
 * current versions' tables for looking.
 */
import type { Database, Statement } from 'better-sqlite3';
import { OneAtATime } from '../db/one-at-a-time';
import type {
  DesignationEntryDetail,
  ListFile,
  ListImportReport,
  ListSummary,
} from '../../shared/contract/channels/lists';
import { LIST_SKIPPED_KEPT } from '../../shared/contract/channels/lists';
import type { Authority, DesignationEntry, DesignationList, ListFormat } from '../../shared/domain/designations';
import { note, type ListNote, type ListPlace, type ListProblem, type ListSkip } from '../../shared/domain/list-notes';
import { Failure } from '../ipc/failure';
import { NAME_KEYS_VERSION } from '../screening/name-keys';
import { KeyMemo, type PreparedEntry } from './prepared-entry';

/**
 * Entries per write transaction: large enough to amortise the commit, small enough to stay
 * responsive (500 take ~50 ms to write on a slow machine; 2,000 took ~200 ms).
 */
export const ENTRY_BATCH = 500;
/**
 * SQLite's page cache while a list is written (KiB; the default is 2 MiB): the unique index of
 * list references and the identifiers' index take keys in no order, and with a small cache each
 * insert reads pages back from the OS.
 */
const IMPORT_CACHE_KIB = 64 * 1024;
/** Entries deleted per transaction (each takes its identifiers with it). */
const DELETE_BATCH = 2000;
/** Rows per multi-row INSERT: one call into SQLite for many rows is what makes millions of rows cheap. */
const ROWS_PER_INSERT = 200;
/**
 * Entries per key table. A table's postings are gathered in memory (about 12 bytes a key of an
 * entry, some 45 keys an entry: ~50 MB for 100,000 entries) and written at once in key order, so
 * that SQLite only appends; each lookup probes one table per 100,000 entries.
 */
export const KEYS_CHUNK = 100_000;
/** Postings gathered before a table is written whatever its entries (entries with many aliases). */
const POSTINGS_CHUNK = 5_000_000;

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/** Identifiers compared as upper-case letters and digits only ("AB 123-456" = "ab123456"). */
export function normaliseIdentifier(value: string): string {
  return value.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
}


// ---------------------------------------------------------------------------------------------
// Key tables and the views over them

const KEYS_TABLE = /^designation_name_keys_\d+_v(\d+)_\d+$/;
/**
 * From this NAME_KEYS_VERSION on, a key table holds postings: one row per key (its hash, see
 * keyHash) with the JSON array of the entries that have it. Older tables hold one (key TEXT,
 * entry_id) row per key of an entry; they are read by nothing but the view until re-keyed.
 */
const POSTINGS_SINCE = 11;

/** Table names are made here from integers, never from input; checked before they go into SQL. */
function checkedTable(name: string): string {
  if (!KEYS_TABLE.test(name)) throw new Error(`not a name-keys table: ${name}`);
  return name;
}
const holdsPostings = (table: string) => Number(KEYS_TABLE.exec(table)![1]) >= POSTINGS_SINCE;

const keysTablesOf = (db: Database, listId: number): string[] =>
  JSON.parse((db.prepare('SELECT keys_tables FROM designation_lists WHERE id = ?').pluck().get(listId) as string | undefined) ?? '[]') as string[];

function dropKeysTables(db: Database, names: readonly string[]): void {
  for (const name of names) db.exec(`DROP TABLE IF EXISTS ${checkedTable(name)}`);
}

const currentKeysTables = (db: Database): string[] =>
  db
    .prepare("SELECT t.value FROM designation_lists l, json_each(l.keys_tables) t WHERE l.state = 'current' ORDER BY l.id, t.key")
    .pluck()
    .all() as string[];

/**
 * Points designation_name_keys (key, entry_id: one row per key of an entry) at the current
 * versions' key tables; call inside the transaction that changes them. Screening reads the tables
 * through KeyIndex; the view is for looking (tests, a person with sqlite3).
 */
function rebuildKeysView(db: Database): void {
  const tables = currentKeysTables(db).map(checkedTable);
  const body = tables.length
    ? tables
        .map((t) => (holdsPostings(t) ? `SELECT k.key, j.value AS entry_id FROM ${t} k, json_each(k.ids) j` : `SELECT key, entry_id FROM ${t}`))
        .join(' UNION ALL ')
    : "SELECT '' AS key, 0 AS entry_id WHERE 0";
  db.exec(`DROP VIEW IF EXISTS designation_name_keys; CREATE VIEW designation_name_keys AS ${body}`);
}

/**
 * The current lists' name keys, for screening: how many entries have a key, and which. Prepared
 * for the key tables current when made: make one per transaction.
 */
export class KeyIndex {
  private readonly count: Statement | null;
  private readonly ids: Statement | null;

  constructor(db: Database) {
    const tables = currentKeysTables(db).map(checkedTable).filter(holdsPostings);
    const union = (column: string) => tables.map((t) => `SELECT ${column} FROM ${t} WHERE key = @key`).join(' UNION ALL ');
    // The count first, without reading the postings: a common key's are long and not followed.
    this.count = tables.length ? db.prepare(`SELECT total(n) FROM (${union('n')})`).pluck() : null;
    this.ids = tables.length ? db.prepare(union('ids')).pluck() : null;
  }

  /** How many entries have the key (hashed: keyHash). */
  entries(key: number): number {
    return this.count ? (this.count.get({ key }) as number) : 0;
  }

  /** The entries that have the key. */
  entryIds(key: number): number[] {
    if (!this.ids) return [];
    const lists = this.ids.all({ key }) as string[];
    return lists.length === 1 ? (JSON.parse(lists[0]!) as number[]) : lists.flatMap((l) => JSON.parse(l) as number[]);
  }
}

/** INSERT of many rows at once, with statements prepared once per row count. */
class BulkInsert {
  private readonly statements = new Map<number, Statement>();
  constructor(
    private readonly db: Database,
    private readonly sql: string,
    private readonly width: number,
  ) {}

  /** `values`: the rows' values one after the other, `width` per row. */
  run(values: unknown[]): void {
    const chunk = ROWS_PER_INSERT * this.width;
    for (let i = 0; i < values.length; i += chunk) {
      const part = values.slice(i, i + chunk);
      const rows = part.length / this.width;
      let statement = this.statements.get(rows);
      if (!statement) {
        const row = `(${new Array(this.width).fill('?').join(', ')})`;
        statement = this.db.prepare(`${this.sql} VALUES ${new Array(rows).fill(row).join(', ')}`);
        this.statements.set(rows, statement);
      }
      statement.run(part);
    }
  }
}

/** 2^23: a posting's position fits below the bits of its hash that order it (see KeySink.rowsOf). */
const POSITION_SPAN = 2 ** 23;
/**
 * A table's postings are sorted and written in parts, one per turn of the event loop: part p holds
 * the keys from p·2^53/KEY_PARTS up, so the parts in turn are in key order. Written whole, a
 * table of 100,000 entries' keys kept the app's main process from answering for ~3 s.
 */
const KEY_PARTS = 64;
const PART_SPAN = 2 ** 53 / KEY_PARTS;

/** The postings of one table: each key (hashed) with the entry that has it, in entry order. */
interface Postings {
  hashes: Float64Array;
  ids: Uint32Array;
}

/** A table's postings grouped into KEY_PARTS parts, entry order kept: part p is `starts[p]` to `starts[p + 1]`. */
interface Parts {
  hashes: Float64Array;
  ids: Uint32Array;
  starts: Uint32Array;
}

/**
 * Copies the postings into their parts (a counting sort). Copied rather than pointed at: a part's
 * keys are then read from a few hundred KiB instead of all over the table's arrays (measured at
 * 100,000 entities: rowsOf 2.2 s → 1.5 s), and the arrays they were gathered in can go.
 */
function partitioned({ hashes, ids }: Postings): Parts {
  const starts = new Uint32Array(KEY_PARTS + 1);
  for (let i = 0; i < hashes.length; i++) starts[Math.floor(hashes[i]! / PART_SPAN) + 1]!++;
  for (let p = 0; p < KEY_PARTS; p++) starts[p + 1]! += starts[p]!;
  const next = starts.slice(0, KEY_PARTS);
  const parts = { hashes: new Float64Array(hashes.length), ids: new Uint32Array(hashes.length), starts };
  for (let i = 0; i < hashes.length; i++) {
    const at = next[Math.floor(hashes[i]! / PART_SPAN)]!++;
    parts.hashes[at] = hashes[i]!;
    parts.ids[at] = ids[i]!;
  }
  return parts;
}

/**
 * Where one version's name keys go. The (key, entry) postings of KEYS_CHUNK entries are gathered
 * in typed arrays (no object per posting), then sorted by key and written as one table of one row
 * per key, in key order: SQLite appends, and there is no index to build. A full chunk's table is
 * created and recorded at once (`onTable`, in its creating transaction, so that it goes with the
 * version; a table recorded nowhere is dropped when the workspace next opens), then filled part
 * by part between turns of the event loop while the next chunk gathers: call `finish` before the
 * version is used. A part that fails to write fails the next call.
 */
class KeySink {
  readonly tables: string[] = [];
  private hashes = new Float64Array(1 << 16);
  private ids = new Uint32Array(1 << 16);
  private size = 0;
  private entries = 0;
  /** Postings of the tables started and not yet being filled, oldest first. */
  private readonly gathered: Postings[] = [];
  /** The tables still being filled, one after the other. */
  private filling: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly listId: number,
    private readonly version: number,
    private readonly onTable: (name: string) => void = () => undefined,
    private readonly chunk = KEYS_CHUNK,
  ) {}

  /** An entry's keys (hashed; repeats are fine). Entries come in increasing id order. */
  add(entryId: number, keys: readonly number[]): void {
    this.throwIfFailed();
    if (this.size + keys.length > this.hashes.length) {
      const grown = Math.max(this.hashes.length * 2, this.size + keys.length);
      const hashes = new Float64Array(grown);
      hashes.set(this.hashes.subarray(0, this.size));
      const ids = new Uint32Array(grown);
      ids.set(this.ids.subarray(0, this.size));
      this.hashes = hashes;
      this.ids = ids;
    }
    for (const key of keys) {
      this.hashes[this.size] = key;
      this.ids[this.size++] = entryId;
    }
    this.entries++;
  }

  /** Between batches: a full chunk becomes the next table. */
  committed(): void {
    this.throwIfFailed();
    if (this.entries >= this.chunk || this.size >= POSTINGS_CHUNK) this.startTable();
  }

  /** Makes what is gathered the last table, and waits until every table is filled. */
  async finish(): Promise<void> {
    this.throwIfFailed();
    this.startTable();
    await this.filling;
    this.throwIfFailed();
  }

  /** No more writing (the version is being thrown away); parts not yet written never are. */
  stop(): void {
    this.stopped = true;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Creates and records the next table now; its rows are written on the turns that follow. */
  private startTable(): void {
    if (this.size === 0 || this.stopped) return;
    this.gathered.push({ hashes: this.hashes.subarray(0, this.size), ids: this.ids.subarray(0, this.size) });
    this.hashes = new Float64Array(1 << 16);
    this.ids = new Uint32Array(1 << 16);
    this.size = 0;
    this.entries = 0;
    const name = checkedTable(`designation_name_keys_${this.listId}_v${this.version}_${this.tables.length + 1}`);
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (key INTEGER PRIMARY KEY, n INTEGER NOT NULL, ids TEXT NOT NULL) STRICT`);
      this.onTable(name);
    })();
    this.tables.push(name);
    this.filling = this.filling.then(() => this.fill(name)).catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  /** Fills the table from the oldest postings gathered, in parts, a part per turn of the event loop. */
  private async fill(name: string): Promise<void> {
    await yieldToEventLoop();
    if (this.stopped || this.failure) return;
    // Taken from the queue here, so that nothing but the parts holds them from now on.
    const { hashes, ids, starts } = partitioned(this.gathered.shift()!);
    const insert = new BulkInsert(this.db, `INSERT INTO ${name} (key, n, ids)`, 3);
    for (let p = 0; p < KEY_PARTS; p++) {
      await yieldToEventLoop();
      if (this.stopped || this.failure) return;
      const rows = this.rowsOf(hashes.subarray(starts[p]!, starts[p + 1]!), ids.subarray(starts[p]!, starts[p + 1]!));
      this.db.transaction(() => insert.run(rows))();
    }
  }

  /** The rows of a part (its postings in entry order): one per key, in key order, with its entries. */
  private rowsOf(hashes: Float64Array, ids: Uint32Array): unknown[] {
    const n = hashes.length;
    // Sorted natively as one Float64Array: each posting's hash with its low 23 bits replaced by
    // its position, so that one sort orders by (most of) the hash and finds the posting again.
    const order = new Float64Array(n);
    for (let i = 0; i < n; i++) order[i] = Math.floor(hashes[i]! / POSITION_SPAN) * POSITION_SPAN + i;
    order.sort();
    const rows: unknown[] = [];
    const emit = (key: number, entryIds: number[]) => rows.push(key, entryIds.length, `[${entryIds.join(',')}]`);
    for (let a = 0; a < n; ) {
      const top = Math.floor(order[a]! / POSITION_SPAN) * POSITION_SPAN;
      const key = hashes[order[a]! - top]!;
      let b = a;
      let mixed = false;
      // Within a run of one top, positions ascend, and with them entry ids: the row's text is
      // written as they come (a repeat of the last entry is a key two of its names share).
      let text = '';
      let count = 0;
      let last = -1;
      for (; b < n && order[b]! - top < POSITION_SPAN; b++) {
        const at = order[b]! - top;
        if (hashes[at] !== key) mixed = true;
        else if (ids[at] !== last) {
          last = ids[at]!;
          text = count++ === 0 ? `${last}` : `${text},${last}`;
        }
      }
      if (!mixed) rows.push(key, count, `[${text}]`);
      else {
        // Hashes differing only in their low bits (rare): told apart here.
        const byKey = new Map<number, number[]>();
        for (let r = a; r < b; r++) {
          const at = order[r]! - top;
          const list = byKey.get(hashes[at]!) ?? byKey.set(hashes[at]!, []).get(hashes[at]!)!;
          if (list.at(-1) !== ids[at]) list.push(ids[at]!);
        }
        for (const k of [...byKey.keys()].sort((x, y) => x - y)) emit(k, byKey.get(k)!);
      }
      a = b;
    }
    return rows;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Starts a new version of a list: a row in state 'importing', invisible until committed. */
export function beginImport(db: Database, input: { format: ListFormat; files: ListFile[]; importedBy: string; now: string }): number {
  const result = db
    .prepare(
      `INSERT INTO designation_lists (format, state, files, imported_at, imported_by, keys_version)
       VALUES (?, 'importing', ?, ?, ?, ?)`,
    )
    .run(input.format, JSON.stringify(input.files), input.now, input.importedBy, NAME_KEYS_VERSION);
  return Number(result.lastInsertRowid);
}

/**
 * Writes one version's entries (prepared: prepared-entry.ts), ENTRY_BATCH at a time, each batch in
 * one transaction. An entry whose list reference was already written is skipped (the first is
 * kept); the skips, these and the reader's, are counted and the first LIST_SKIPPED_KEPT kept with why.
 */
export class EntryWriter {
  entries = 0;
  names = 0;
  skippedCount = 0;
  readonly skipped: ListSkip[] = [];
  private pending: PreparedEntry[] = [];
  private readonly insertEntry: Statement;
  private readonly insertIdentifiers: BulkInsert;
  private readonly keys: KeySink;
  private readonly memo = new KeyMemo();
  private readonly cacheSize: number;
  private readonly writeBatch: (batch: PreparedEntry[]) => number;

  constructor(
    private readonly db: Database,
    private readonly listId: number,
    /** Called after each committed batch with the number of entries it stored. */
    private readonly onBatch: (stored: number) => void = () => undefined,
    /** Entries per key table (tests make it small). */
    keysChunk = KEYS_CHUNK,
  ) {
    this.insertEntry = db.prepare(
      `INSERT INTO designation_entries (list_id, list_ref, authority, type, programmes, listed_on, data)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (list_id, list_ref) DO NOTHING`,
    );
    this.insertIdentifiers = new BulkInsert(db, 'INSERT INTO designation_identifiers (entry_id, position, value, type, country)', 5);
    const recordTable = db.prepare("UPDATE designation_lists SET keys_tables = json_insert(keys_tables, '$[#]', ?) WHERE id = ?");
    this.keys = new KeySink(db, listId, NAME_KEYS_VERSION, (table) => recordTable.run(table, listId), keysChunk);
    this.writeBatch = db.transaction((batch: PreparedEntry[]) => this.write(batch));
    this.cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  }

  skip(at: ListPlace, reason: ListNote): void {
    this.skippedCount++;
    if (this.skipped.length < LIST_SKIPPED_KEPT) this.skipped.push({ at, note: reason });
  }

  add(prepared: PreparedEntry): void {
    // Keys the reader left to the writer (entry-stream.ts): made here, outside the transaction.
    this.pending.push(prepared.keys ? prepared : { ...prepared, keys: this.memo.of(prepared.names) });
    if (this.pending.length >= ENTRY_BATCH) this.writePending();
  }

  /** Writes everything: what is pending, and the last key table. Call once all entries are added. */
  async flush(): Promise<void> {
    try {
      this.writePending();
      await this.keys.finish();
    } finally {
      this.db.pragma(`cache_size = ${Number(this.cacheSize)}`);
    }
  }

  /** Writes no more (the version is being thrown away): key tables still being filled stop. */
  abandon(): void {
    this.keys.stop();
    this.db.pragma(`cache_size = ${Number(this.cacheSize)}`);
  }

  /**
   * Writes what is pending, in one transaction. Without an fsync of its own (synchronous=NORMAL
   * for this commit only): a version being imported is not in use, and the swap that makes it
   * current is committed with FULL, which makes every earlier frame of the log durable too.
   */
  private writePending(): void {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const synchronous = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = NORMAL');
    let stored: number;
    try {
      stored = this.writeBatch(batch);
    } finally {
      this.db.pragma(`synchronous = ${Number(synchronous)}`);
    }
    this.keys.committed();
    this.onBatch(stored);
  }

  private write(batch: PreparedEntry[]): number {
    const identifiers: unknown[] = [];
    let stored = 0;
    for (const entry of batch) {
      const inserted = this.insertEntry.run(this.listId, entry.listRef, entry.authority, entry.type, entry.programmes, entry.listedOn, entry.json);
      if (inserted.changes === 0) {
        this.skip({ entry: entry.listRef }, note('listed_twice', { ref: entry.listRef }));
        continue;
      }
      const id = Number(inserted.lastInsertRowid);
      this.keys.add(id, entry.keys!);
      const ids = entry.identifiers;
      for (let i = 0; i < ids.length; i += 4) {
        const value = normaliseIdentifier(ids[i + 1] as string);
        if (value) identifiers.push(id, ids[i], value, ids[i + 2], ids[i + 3]);
      }
      stored++;
      this.names += entry.names.length;
    }
    this.insertIdentifiers.run(identifiers);
    this.entries += stored;
    return stored;
  }
}

export interface Replaced {
  listId: number;
  listDate: string | null;
  entries: number;
  importedAt: string;
}

/**
 * Makes an imported version the current one (its writer flushed): one transaction makes the previous current version of the
 * same key 'discarded' (invisible; deleted by purgeLists) and this one current. Fails,
 * changing nothing, if the import's row is no longer there.
 */
export function commitImport(
  db: Database,
  listId: number,
  input: { list: DesignationList; report: ListImportReport; now: string },
): Replaced | null {
  const { list, report } = input;
  const importing = db.prepare("SELECT 1 FROM designation_lists WHERE id = ? AND state = 'importing'").get(listId);
  if (!importing) throw new Error(`designation list ${listId} is no longer being imported`);
  return db
    .transaction(() => {
      const previous = db
        .prepare("SELECT id, list_date, entry_count, imported_at FROM designation_lists WHERE key = ? AND state = 'current'")
        .get(list.key) as { id: number; list_date: string | null; entry_count: number; imported_at: string } | undefined;
      if (previous) db.prepare("UPDATE designation_lists SET state = 'discarded' WHERE id = ?").run(previous.id);
      const done = db
        .prepare(
          `UPDATE designation_lists SET key = ?, authority = ?, format = ?, list_name = ?, list_date = ?, state = 'current',
             entry_count = ?, name_count = ?, report = ?, imported_at = ?
           WHERE id = ? AND state = 'importing'`,
        )
        .run(list.key, list.authority, list.format, list.listName, list.listDate, report.entries, report.names, JSON.stringify(report), input.now, listId);
      if (done.changes !== 1) throw new Error(`designation list ${listId} is no longer being imported`);
      rebuildKeysView(db);
      return previous ? { listId: previous.id, listDate: previous.list_date, entries: previous.entry_count, importedAt: previous.imported_at } : null;
    })
    .immediate();
}

/**
 * Re-makes the name keys of every current list indexed with an older NAME_KEYS_VERSION (the
 * matching changed): new key tables filled from the stored names batch by batch, and swapped in. Returns the keys of the lists re-indexed.
 */
export async function rekeyStaleLists(db: Database): Promise<string[]> {
  const stale = db
    .prepare("SELECT id, key FROM designation_lists WHERE state = 'current' AND keys_version <> ? ORDER BY key")
    .all(NAME_KEYS_VERSION) as { id: number; key: string }[];
  const done: string[] = [];
  const namesAfter = db.prepare(
    `SELECT e.id AS entry_id, n.value ->> 'value' AS value
     FROM (SELECT id, data FROM designation_entries WHERE list_id = ? AND id > ? ORDER BY id LIMIT ?) e, json_each(e.data, '$.names') n
     ORDER BY e.id, n.key`,
  );
  for (const list of stale) {
    // Recorded nowhere until the swap: if the app stops first, the sweep at open drops them.
    const sink = new KeySink(db, list.id, NAME_KEYS_VERSION);
    const memo = new KeyMemo();
    let after = 0;
    for (;;) {
      const rows = namesAfter.all(list.id, after, ENTRY_BATCH) as { entry_id: number; value: string }[];
      if (rows.length === 0) break;
      const byEntry = new Map<number, string[]>();
      for (const row of rows) (byEntry.get(row.entry_id) ?? byEntry.set(row.entry_id, []).get(row.entry_id)!).push(row.value);
      for (const [entryId, names] of byEntry) sink.add(entryId, memo.of(names));
      sink.committed();
      after = rows.at(-1)!.entry_id;
      await yieldToEventLoop();
    }
    await sink.finish();
    const swapped = db.transaction(() => {
      const old = keysTablesOf(db, list.id);
      const changed = db
        .prepare("UPDATE designation_lists SET keys_tables = ?, keys_version = ? WHERE id = ? AND state = 'current'")
        .run(JSON.stringify(sink.tables), NAME_KEYS_VERSION, list.id).changes;
      if (changed === 1) {
        rebuildKeysView(db);
        dropKeysTables(db, old.filter((t) => !sink.tables.includes(t)));
      } else dropKeysTables(db, sink.tables); // replaced or removed meanwhile
      return changed === 1;
    })();
    if (swapped) done.push(list.key);
  }
  return done;
}

// ---------------------------------------------------------------------------------------------
// Deleting

/** Deletes up to DELETE_BATCH of a list's entries, or the list row once it has none. True when gone. */
function deleteBatch(db: Database, listId: number): boolean {
  return db.transaction(() => {
    const deleted = db
      .prepare('DELETE FROM designation_entries WHERE id IN (SELECT id FROM designation_entries WHERE list_id = ? LIMIT ?)')
      .run(listId, DELETE_BATCH).changes;
    if (deleted > 0) return false;
    db.prepare('DELETE FROM designation_lists WHERE id = ?').run(listId);
    return true;
  })();
}

/**
 * Marks a version that is not current as discarded (invisible whatever happens next) and drops its
 * keys. False, changing nothing, for the current version or one already gone.
 */
function discard(db: Database, listId: number): boolean {
  return db.transaction(() => {
    const found = db.prepare("SELECT 1 FROM designation_lists WHERE id = ? AND state <> 'current'").get(listId);
    if (!found) return false;
    dropKeysTables(db, keysTablesOf(db, listId));
    db.prepare("UPDATE designation_lists SET state = 'discarded', keys_tables = '[]' WHERE id = ?").run(listId);
    return true;
  })();
}

/** Per database: the versions being deleted, one after another (purgeLists). */
const purging = new OneAtATime();

/**
 * Deletes versions that are not current (replaced, removed, a failed import, what the sweep at open
 * found): out of use at once (invisible, their key tables dropped), their rows deleted after, batch
 * by batch between other work, one version after another. Nobody waits for the rows: an import is
 * done once its version is in place, a removal once the list is out of use (144k entries took 1.8 s
 * to delete here; a million entities make ten times as many). The current version is never touched. The promise settles once the rows are gone,
 * or the workspace closed (the sweep at the next open finishes them); it never rejects: a failure
 * is logged, and what is left stays discarded until the next open.
 */
export function purgeLists(db: Database, listIds: readonly number[]): Promise<void> {
  const discarded = listIds.filter((id) => {
    try {
      return discard(db, id);
    } catch (error) {
      console.error('[casebench] taking a list version out of use failed:', error);
      return false;
    }
  });
  return purging
    .run(db, async () => {
      for (const id of discarded) while (db.open && !deleteBatch(db, id)) await yieldToEventLoop();
    })
    .catch((error: unknown) => {
      console.error('[casebench] deleting a list version that is out of use failed:', error);
    });
}

/** Settles once every purge started on this database has (tests, and whoever must see the rows gone). */
export const purgesSettled = (db: Database): Promise<void> => purging.settled(db);

/**
 * At open: takes every version left behind by an import or a removal that did not finish (the app
 * was killed) out of use, and drops key tables no current version uses. Returns the versions whose
 * rows are still to delete, for `purgeLists` to delete after the window answers: a killed import of
 * a million entities leaves some 1.4M rows (144k took 1.5 s to delete here).
 */
export function sweepDesignations(db: Database): number[] {
  const stale = db.prepare("SELECT id FROM designation_lists WHERE state <> 'current'").pluck().all() as number[];
  for (const id of stale) discard(db, id);
  const used = new Set(db.prepare('SELECT t.value FROM designation_lists l, json_each(l.keys_tables) t').pluck().all() as string[]);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'designation_name_keys_%'").pluck().all() as string[];
  const unused = tables.filter((t) => KEYS_TABLE.test(t) && !used.has(t));
  // Opening must not write when there is nothing to sweep: a damaged workspace stays byte-identical.
  if (stale.length > 0 || unused.length > 0) {
    db.transaction(() => {
      dropKeysTables(db, unused);
      rebuildKeysView(db);
    })();
  }
  return stale;
}

/** Takes the current list with this key out of use at once; its rows are deleted after (purgeLists). */
export function removeList(db: Database, key: string): { key: string; entries: number } {
  const current = db.transaction(() => {
    const row = db.prepare("SELECT id, entry_count FROM designation_lists WHERE key = ? AND state = 'current'").get(key) as
      | { id: number; entry_count: number }
      | undefined;
    if (!row) return undefined;
    db.prepare("UPDATE designation_lists SET state = 'discarded' WHERE id = ?").run(row.id);
    rebuildKeysView(db);
    return row;
  })();
  if (!current) throw new Failure('NOT_FOUND', 'No list with this key has been imported.');
  void purgeLists(db, [current.id]);
  return { key, entries: current.entry_count };
}

// ---------------------------------------------------------------------------------------------
// Reading

interface ListRow {
  id: number;
  key: string;
  authority: Authority | null;
  format: ListFormat;
  list_name: string;
  list_date: string | null;
  entry_count: number;
  name_count: number;
  report: string;
  files: string;
  imported_at: string;
  imported_by: string;
  keys_version: number;
}

/** A report stored before its notes had codes: its English kept as written. */
interface OldReport {
  skipped?: (ListSkip | { at: string; reason: string })[];
  warnings?: (ListProblem | string)[];
}

/** A version's stored report; one stored before removed records were counted apart has them among the skipped. */
const storedReport = (row: ListRow): ListImportReport => {
  const stored = JSON.parse(row.report) as Omit<Partial<ListImportReport>, keyof OldReport> & OldReport;
  const asWritten = (text: string) => note('as_written', { text });
  return {
    entries: row.entry_count,
    names: row.name_count,
    skippedCount: 0,
    removedCount: 0,
    ...stored,
    skipped: (stored.skipped ?? []).map((s) => ('reason' in s ? { at: { text: s.at }, note: asWritten(s.reason) } : s)),
    warnings: (stored.warnings ?? []).map((w) => (typeof w === 'string' ? { at: null, note: asWritten(w) } : w)),
  };
};

function summaryOf(row: ListRow): ListSummary {
  const report = storedReport(row);
  return {
    key: row.key,
    authority: row.authority,
    format: row.format,
    listName: row.list_name,
    listDate: row.list_date,
    entries: row.entry_count,
    names: row.name_count,
    skippedCount: report.skippedCount,
    removedCount: report.removedCount,
    warnings: report.warnings,
    files: JSON.parse(row.files) as ListFile[],
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}

/** The current version of every list, by key. */
export function currentLists(db: Database): ListSummary[] {
  const rows = db.prepare("SELECT * FROM designation_lists WHERE state = 'current' ORDER BY key").all() as ListRow[];
  return rows.map(summaryOf);
}

/** The current list with this key and its full report (skipped records with reasons), or null. */
export function currentList(db: Database, key: string): { summary: ListSummary; report: ListImportReport; keysVersion: number } | null {
  const row = db.prepare("SELECT * FROM designation_lists WHERE key = ? AND state = 'current'").get(key) as ListRow | undefined;
  return row ? { summary: summaryOf(row), report: storedReport(row), keysVersion: row.keys_version } : null;
}

interface EntryRow {
  id: number;
  list_ref: string;
  authority: Authority;
  data: string;
  key: string;
  list_authority: Authority | null;
  format: ListFormat;
  list_name: string;
  list_date: string | null;
}

const ENTRY_SELECT = `
  SELECT e.id, e.list_ref, e.authority, e.data, l.key, l.authority AS list_authority, l.format, l.list_name, l.list_date
  FROM designation_entries e JOIN designation_lists l ON l.id = e.list_id AND l.state = 'current'`;

const detailOf = (row: EntryRow): DesignationEntryDetail => ({
  entryId: row.id,
  listRef: row.list_ref,
  authority: row.authority,
  list: { key: row.key, authority: row.list_authority, format: row.format, listName: row.list_name, listDate: row.list_date },
  entry: JSON.parse(row.data) as DesignationEntry,
});

/** An entry of a current list by its integer id (which changes when the list is replaced). */
export function getEntry(db: Database, entryId: number): DesignationEntryDetail {
  const row = db.prepare(`${ENTRY_SELECT} WHERE e.id = ?`).get(entryId) as EntryRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'This designation is not in any current list (the list may have been replaced or removed).');
  return detailOf(row);
}

/** An entry by its stable identity: its list's key and the list's own reference. Null when not listed. */
export function entryByRef(db: Database, key: string, listRef: string): DesignationEntryDetail | null {
  const row = db.prepare(`${ENTRY_SELECT} WHERE l.key = ? AND e.list_ref = ?`).get(key, listRef) as EntryRow | undefined;
  return row ? detailOf(row) : null;
}
