import type { Database } from 'better-sqlite3';
import { Failure } from '../../ipc/failure';
import { canonicalJson, sha256Hex } from '../../vault/canonical-json';
import { entryHash, GENESIS } from '../../vault/custody';
import { assemble, fieldsOf, findLocal, recordHash, type CaseRecord } from './records';
import { CUSTODY_TABLE, keyOf, recordKey, TABLES, type Row, type TableSpec } from './tables';

/**
 * The merge of an incoming case into this workspace, worked out before anything is written.
 * Per record (UUIDv7 ids name the same record everywhere), with `base` the content hash it had when
 * it last travelled through a bundle (bundle_sync):
 *   local == incoming → nothing; local == base → update; incoming == base → keep local;
 *   else (both changed, or both have it and it never travelled) → conflict, resolved field by field.
 * Custody logs are merged on their own: one log per item, hash-chained, so the longer of two logs
 * that agree on a prefix wins, and a log that went two ways is kept as it is here, with the other
 * side's entries recorded in the transfer entry.
 */

export type ChangeKind = 'new' | 'update' | 'conflict';

export interface FieldDiff {
  field: string;
  local: unknown;
  incoming: unknown;
}

export interface PlannedChange {
  /** '<table>:<key>': names the record in the user's choices. */
  id: string;
  table: string;
  kind: ChangeKind;
  /** What the user recognises: "A-2", "E-5 Interview record", a subject's name. */
  label: string;
  /** For updates and conflicts: the fields that differ. */
  fields: FieldDiff[];
}

export interface CustodyPlan {
  itemId: string;
  label: string;
  /** new: the whole log arrives with the item; append: their entries follow ours; same: nothing to add; diverged: both logs went on. */
  kind: 'new' | 'append' | 'same' | 'diverged';
  /** Incoming entries to store (new, append) or to record inside the transfer entry (diverged). */
  entries: Row[];
}

export interface IncomingRecord {
  spec: TableSpec;
  record: CaseRecord;
  local: CaseRecord | null;
  incomingHash: string;
  localHash: string | null;
  baseHash: string | null;
  decision: ChangeKind | 'same' | 'keep-local' | 'kept-deleted';
  withheld: readonly string[];
}

export interface CasePlan {
  caseId: string;
  caseIsNew: boolean;
  records: IncomingRecord[];
  changes: PlannedChange[];
  custody: CustodyPlan[];
  counts: { new: number; updated: number; conflicts: number; unchanged: number; keptLocal: number };
  /** sha256 of the local state the plan was made against; apply refuses if it moved (BUNDLE_PLAN_STALE). */
  digest: string;
}

export interface IncomingCase {
  caseId: string;
  tables: Record<string, Row[]>;
  withheld: Record<string, string[]>;
  /** Vault files the bundle carries. */
  carried: Set<string>;
}

const damaged = (message: string) => new Failure('BUNDLE_DAMAGED', message);

/** How a person names a record ("A-2", "E-5 Interview record", a subject's name), with its neighbours looked up in `tables`. */
export function labelOf(table: string, row: Row, tables: Record<string, Row[]>): string {
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  switch (table) {
    case 'cases':
      return `${str(row.reference)} ${str(row.title)}`.trim();
    case 'allegations':
      return `A-${str(row.seq)}`;
    case 'subjects':
      return str(row.display_name);
    case 'evidence_items':
      return `E-${str(row.seq)} ${str(row.title)}`.trim();
    case 'review_rounds':
      return `R-${str(row.seq)}`;
    case 'findings': {
      const target =
        row.target_type === 'allegation'
          ? `A-${str(tables.allegations?.find((a) => a.id === row.target_id)?.seq ?? '?')}`
          : str(tables.subjects?.find((s) => s.id === row.target_id)?.display_name ?? row.target_id);
      return `${str(row.section)} · ${target}`;
    }
    case 'evidence_links': {
      const item = tables.evidence_items?.find((i) => i.id === row.item_id);
      const target =
        row.target_type === 'allegation'
          ? `A-${str(tables.allegations?.find((a) => a.id === row.target_id)?.seq ?? '?')}`
          : str(tables.subjects?.find((s) => s.id === row.target_id)?.display_name ?? '?');
      return `E-${str(item?.seq ?? '?')} → ${target}`;
    }
    case 'review_comments': {
      const round = tables.review_rounds?.find((r) => r.id === row.round_id);
      return `R-${str(round?.seq ?? '?')} #${str(row.seq)}`;
    }
    case 'gate_waivers':
      return str(row.check_id);
    case 'protected_persons':
      return str(row.pseudonym);
    case 'case_decisions':
      return '';
    case 'subject_relationships': {
      const name = (id: unknown) => str(tables.subjects?.find((s) => s.id === id)?.display_name ?? '?');
      return `${name(row.from_id)} → ${name(row.to_id)}`;
    }
    default:
      return `${table} ${str(row.id ?? row.check_id ?? row.case_id ?? '')}`.trim();
  }
}

/** Checks an incoming item's custody log link by link and entry by entry (entries travel as written). */
function checkIncomingLog(item: Row, entries: Row[], label: string): void {
  let prev = GENESIS;
  entries.forEach((e, i) => {
    if (e.seq !== i + 1 || e.prev_hash !== prev) throw damaged(`The custody log of ${label} in the bundle is broken at entry ${i + 1}.`);
    let ok = false;
    try {
      ok = entryHash(e as never) === e.entry_hash;
    } catch {
      ok = false;
    }
    if (!ok) throw damaged(`Custody entry ${i + 1} of ${label} in the bundle was changed after it was written.`);
    prev = String(e.entry_hash);
  });
  if (entries.length !== Number(item.custody_count) || (entries.length > 0 && prev !== item.custody_head)) {
    throw damaged(`The custody log of ${label} in the bundle is not the one the item records.`);
  }
}

function validateShape(incoming: IncomingCase): void {
  const cases = incoming.tables.cases ?? [];
  if (cases.length !== 1 || cases[0]!.id !== incoming.caseId) throw damaged('The bundle does not hold the case it names.');
  for (const [table, rows] of Object.entries(incoming.tables)) {
    if (!Array.isArray(rows)) throw damaged(`The bundle's ${table} records are not a list.`);
    for (const row of rows) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw damaged(`A ${table} record in the bundle is not a record.`);
      for (const v of Object.values(row)) {
        if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw damaged(`A ${table} record in the bundle holds a value of the wrong kind.`);
      }
      if ('case_id' in row && row.case_id !== incoming.caseId) throw damaged(`A ${table} record in the bundle belongs to another case.`);
    }
  }
}

/**
 * Records that need a vault file (file evidence, issued documents' PDF and HTML source) whose file
 * neither the bundle carries nor the vault holds: BUNDLE_INCOMPLETE, naming them.
 */
function checkComplete(incoming: IncomingCase, has: (sha256: string) => boolean): void {
  const missing: string[] = [];
  const need = (sha: unknown, label: string) => {
    if (typeof sha === 'string' && !incoming.carried.has(sha) && !has(sha)) missing.push(label);
  };
  for (const item of incoming.tables.evidence_items ?? []) need(item.sha256, `E-${String(item.seq)}`);
  for (const d of incoming.tables.issued_documents ?? []) {
    need(d.sha256, String(d.number));
    need(d.source_sha256, String(d.number));
  }
  if (missing.length) {
    const list = [...new Set(missing)];
    throw new Failure(
      'BUNDLE_INCOMPLETE',
      `The bundle's records need files it does not carry and this workspace does not hold: ${list.slice(0, 10).join(', ')}${list.length > 10 ? ` and ${list.length - 10} more` : ''}. Ask the sender for a bundle that includes the evidence files. Nothing was written.`,
    );
  }
}

export function makePlan(db: Database, incoming: IncomingCase, vaultHas: (sha256: string) => boolean): CasePlan {
  validateShape(incoming);
  checkComplete(incoming, vaultHas);
  return db.transaction(() => {
    const base = db.prepare('SELECT hash FROM bundle_sync WHERE record_key = ?').pluck();
    const records: IncomingRecord[] = [];
    const changes: PlannedChange[] = [];
    const counts = { new: 0, updated: 0, conflicts: 0, unchanged: 0, keptLocal: 0 };
    for (const spec of TABLES) {
      const withheld = incoming.withheld[spec.table] ?? [];
      for (const record of assemble(spec, incoming.tables[spec.table] ?? [], incoming.tables)) {
        for (const k of spec.key) if (record.row[k] === undefined || record.row[k] === null) throw damaged(`A ${spec.table} record in the bundle has no key.`);
        const local = findLocal(db, spec, record.row);
        const incomingHash = recordHash(spec, record, withheld);
        const localHash = local ? recordHash(spec, local, withheld) : null;
        const baseHash = (base.get(recordKey(spec.table, keyOf(spec, record.row))) as string | undefined) ?? null;
        let decision: IncomingRecord['decision'];
        if (!local) decision = baseHash !== null && baseHash === incomingHash ? 'kept-deleted' : 'new';
        else if (localHash === incomingHash || spec.appendOnly) decision = 'same';
        else if (localHash === baseHash) decision = 'update';
        else if (incomingHash === baseHash) decision = 'keep-local';
        else decision = 'conflict';
        records.push({ spec, record, local, incomingHash, localHash, baseHash, decision, withheld });
        const id = recordKey(spec.table, keyOf(spec, record.row));
        const label = labelOf(spec.table, record.row, incoming.tables);
        if (decision === 'new') {
          counts.new++;
          changes.push({ id, table: spec.table, kind: 'new', label, fields: [] });
        } else if (decision === 'update' || decision === 'conflict') {
          const theirs = fieldsOf(spec, record, withheld);
          const ours = fieldsOf(spec, local!, withheld);
          const fields = Object.keys(theirs)
            .filter((f) => canonicalJson(theirs[f]) !== canonicalJson(ours[f]))
            .map((f) => ({ field: f, local: ours[f], incoming: theirs[f] }));
          if (decision === 'update') counts.updated++;
          else counts.conflicts++;
          changes.push({ id, table: spec.table, kind: decision, label, fields });
        } else if (decision === 'keep-local') counts.keptLocal++;
        else counts.unchanged++;
      }
    }
    const custody = planCustody(db, incoming);
    const digest = sha256Hex(
      canonicalJson({
        records: records.map((r) => [recordKey(r.spec.table, keyOf(r.spec, r.record.row)), r.localHash, r.baseHash]),
        custody: custody.map((c) => [c.itemId, c.kind, c.entries.length]),
        heads: custody.map((c) => db.prepare('SELECT custody_head FROM evidence_items WHERE id = ?').pluck().get(c.itemId) ?? null),
      }),
    );
    return {
      caseId: incoming.caseId,
      caseIsNew: records.find((r) => r.spec.table === 'cases')?.local === null,
      records,
      changes,
      custody,
      counts,
      digest,
    };
  })();
}

function planCustody(db: Database, incoming: IncomingCase): CustodyPlan[] {
  const byItem = new Map<string, Row[]>();
  for (const e of incoming.tables[CUSTODY_TABLE] ?? []) {
    const list = byItem.get(String(e.item_id)) ?? [];
    list.push(e);
    byItem.set(String(e.item_id), list);
  }
  const items = incoming.tables.evidence_items ?? [];
  const itemIds = new Set(items.map((i) => String(i.id)));
  for (const itemId of byItem.keys()) if (!itemIds.has(itemId)) throw damaged('The bundle holds custody entries of an item it does not carry.');
  const localLog = db.prepare('SELECT * FROM custody_events WHERE item_id = ? ORDER BY seq');
  return items.map((item) => {
    const label = `E-${String(item.seq)}`;
    const theirs = (byItem.get(String(item.id)) ?? []).sort((a, b) => Number(a.seq) - Number(b.seq));
    checkIncomingLog(item, theirs, label);
    const ours = localLog.all(item.id) as Row[];
    const hasItem = db.prepare('SELECT 1 FROM evidence_items WHERE id = ?').get(item.id) !== undefined;
    if (!hasItem) return { itemId: String(item.id), label, kind: 'new', entries: theirs };
    let common = 0;
    while (common < ours.length && common < theirs.length && ours[common]!.entry_hash === theirs[common]!.entry_hash) common++;
    if (common === theirs.length) return { itemId: String(item.id), label, kind: 'same', entries: [] };
    if (common === ours.length) return { itemId: String(item.id), label, kind: 'append', entries: theirs.slice(common) };
    return { itemId: String(item.id), label, kind: 'diverged', entries: theirs.slice(common) };
  });
}
