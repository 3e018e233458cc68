import type { Database } from 'better-sqlite3';
import type { CustodyEvent, VerifyProblem } from '../../shared/contract/channels/evidence';
import { integrityNote } from '../../shared/domain/integrity-notes';
import { canonicalJson, sha256Hex } from './canonical-json';

/**
 * The chain of custody: per item, an append-only log whose entries each carry the hash of the
 * entry before, and an item row that stores the count and the last hash (the head), so that a
 * changed, removed, reordered or truncated entry shows when the log is walked. Hashes are over
 * canonical JSON of the entry, so they do not depend on how SQLite or JS orders anything.
 */
export const GENESIS = '0'.repeat(64);

export type CustodyKind = CustodyEvent['kind'];

interface CustodyRow {
  item_id: string;
  seq: number;
  at: string;
  actor: string;
  kind: CustodyKind;
  reason: string | null;
  details: string;
  hash_before: string | null;
  hash_after: string | null;
  prev_hash: string;
  entry_hash: string;
}

/** The hash of one entry: everything in it except its own hash, as canonical JSON. */
export function entryHash(row: Omit<CustodyRow, 'entry_hash'>): string {
  return sha256Hex(
    canonicalJson({
      itemId: row.item_id,
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      kind: row.kind,
      reason: row.reason,
      details: JSON.parse(row.details) as unknown,
      hashBefore: row.hash_before,
      hashAfter: row.hash_after,
      prevHash: row.prev_hash,
    }),
  );
}

export interface AppendInput {
  itemId: string;
  at: string;
  actor: string;
  kind: CustodyKind;
  reason?: string | null;
  details?: Record<string, unknown>;
  hashBefore: string | null;
  hashAfter: string | null;
}

/**
 * Appends one entry and moves the item's head; call inside the transaction that made the change
 * (the workspace runs with synchronous=FULL, so a committed entry survives a power cut).
 */
export function appendCustody(db: Database, input: AppendInput): CustodyEvent {
  const head = db.prepare('SELECT custody_count AS count, custody_head AS head FROM evidence_items WHERE id = ?').get(input.itemId) as
    | { count: number; head: string }
    | undefined;
  if (!head) throw new Error(`custody for a missing item ${input.itemId}`);
  const row: Omit<CustodyRow, 'entry_hash'> = {
    item_id: input.itemId,
    seq: head.count + 1,
    at: input.at,
    actor: input.actor,
    kind: input.kind,
    reason: input.reason ?? null,
    details: canonicalJson(input.details ?? {}),
    hash_before: input.hashBefore,
    hash_after: input.hashAfter,
    prev_hash: head.head,
  };
  const full: CustodyRow = { ...row, entry_hash: entryHash(row) };
  db.prepare(
    `INSERT INTO custody_events (item_id, seq, at, actor, kind, reason, details, hash_before, hash_after, prev_hash, entry_hash)
     VALUES (@item_id, @seq, @at, @actor, @kind, @reason, @details, @hash_before, @hash_after, @prev_hash, @entry_hash)`,
  ).run(full);
  db.prepare('UPDATE evidence_items SET custody_count = ?, custody_head = ? WHERE id = ?').run(full.seq, full.entry_hash, input.itemId);
  return toEvent(full);
}

const toEvent = (row: CustodyRow): CustodyEvent => ({
  seq: row.seq,
  at: row.at,
  actor: row.actor,
  kind: row.kind,
  reason: row.reason,
  details: JSON.parse(row.details) as Record<string, unknown>,
  hashBefore: row.hash_before,
  hashAfter: row.hash_after,
  prevHash: row.prev_hash,
  entryHash: row.entry_hash,
});

const rowsOf = (db: Database, itemId: string) =>
  db.prepare('SELECT * FROM custody_events WHERE item_id = ? ORDER BY seq').all(itemId) as CustodyRow[];

export function custodyLog(db: Database, itemId: string): CustodyEvent[] {
  return rowsOf(db, itemId).map(toEvent);
}

type LogProblem = Pick<VerifyProblem, 'kind' | 'entry' | 'expected' | 'actual' | 'note' | 'values' | 'message'>;

function safeEntryHash(row: Omit<CustodyRow, 'entry_hash'>): string | null {
  try {
    return entryHash(row);
  } catch {
    return null; // details no longer JSON: the entry was changed
  }
}

/**
 * Walks one item's log against its stored head and count and says exactly what is wrong. Never
 * repairs. An entry whose content hashes correctly only under another sequence number was moved
 * (reordered); one that hashes under no number was changed; a gap, or a log shorter than the
 * recorded count, means entries were removed; an intact entry whose prevHash is not its
 * predecessor's hash is a broken link.
 */
export function verifyCustodyLog(db: Database, item: { id: string; custody_count: number; custody_head: string }): LogProblem[] {
  const rows = rowsOf(db, item.id);
  const problems: LogProblem[] = [];
  const maxSeq = Math.max(item.custody_count, rows.length, ...rows.map((r) => r.seq));
  // Where each entry was written: its own seq if intact, another seq if moved, null if changed.
  const writtenAt = rows.map((row) => {
    if (safeEntryHash(row) === row.entry_hash) return row.seq;
    for (let seq = 1; seq <= maxSeq + 1; seq++) if (seq !== row.seq && safeEntryHash({ ...row, seq }) === row.entry_hash) return seq;
    return null;
  });
  const hashWrittenAt = new Map<number, string>();
  rows.forEach((row, i) => {
    const at = writtenAt[i];
    if (at !== null && at !== undefined) hashWrittenAt.set(at, row.entry_hash);
  });
  let expectedSeq = 1;
  rows.forEach((row, i) => {
    const at = writtenAt[i];
    if (row.seq !== expectedSeq) {
      problems.push({
        kind: 'entry_removed',
        entry: expectedSeq,
        ...(row.seq - expectedSeq === 1 ? integrityNote('entry_missing', { entry: expectedSeq }) : integrityNote('entries_missing', { from: expectedSeq, to: row.seq - 1 })),
      });
    }
    expectedSeq = row.seq + 1;
    if (at === null || at === undefined) {
      problems.push({
        kind: 'entry_changed',
        entry: row.seq,
        expected: row.entry_hash,
        actual: safeEntryHash(row) ?? 'unreadable',
        ...integrityNote('entry_altered', { entry: row.seq }),
      });
      return;
    }
    if (at !== row.seq) {
      problems.push({
        kind: 'reordered',
        entry: row.seq,
        expected: String(at),
        actual: String(row.seq),
        ...integrityNote('entry_moved', { from: at, to: row.seq }),
      });
      return;
    }
    // An intact entry must follow from the entry written just before it (if that one is still there).
    const before = at === 1 ? GENESIS : hashWrittenAt.get(at - 1);
    if (before !== undefined && row.prev_hash !== before) {
      problems.push({
        kind: 'broken_link',
        entry: row.seq,
        expected: before,
        actual: row.prev_hash,
        ...integrityNote('entry_unlinked', { entry: row.seq }),
      });
    }
  });
  const lastSeq = rows.at(-1)?.seq ?? 0;
  if (lastSeq < item.custody_count) {
    problems.push({
      kind: 'entry_removed',
      entry: lastSeq + 1,
      expected: String(item.custody_count),
      actual: String(lastSeq),
      ...integrityNote('last_entries_missing', { total: item.custody_count }),
    });
  } else if (lastSeq > item.custody_count) {
    problems.push({ kind: 'broken_link', entry: item.custody_count + 1, ...integrityNote('entries_unrecorded') });
  } else if (problems.length === 0 && rows.at(-1)?.entry_hash !== item.custody_head) {
    problems.push({
      kind: 'entry_changed',
      entry: lastSeq,
      expected: item.custody_head,
      actual: rows.at(-1)?.entry_hash ?? '',
      ...integrityNote('head_differs'),
    });
  }
  return problems;
}
