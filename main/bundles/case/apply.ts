import { v7 as uuidv7 } from 'uuid';
import { Failure } from '../../ipc/failure';
import type { ServiceContext } from '../../services/context';
import { nextCaseReference } from '../../services/case-reference';
import { appendCustody } from '../../vault/custody';
import { canonicalJson } from '../../vault/canonical-json';
import { labelOf, makePlan, type CasePlan, type IncomingCase, type IncomingRecord } from './plan';
import { fieldsOf, schemaRow } from './records';
import { keyOf, recordKey, type Row, type TableSpec } from './tables';

/** Per conflicting record ('<table>:<key>'), per field: whose value to keep. Unnamed fields keep the local value. */
export type Choices = Record<string, Record<string, 'local' | 'incoming'>>;

/** Who is on the other side and which bundle it was, for the custody log, the history and bundle_transfers. */
export interface TransferInfo {
  bundleId: string;
  bundleSha256: string;
  /** The sender's public card as the bundle carries it, and its fingerprint. */
  sender: { name: string; organisation: string; signingKey: string; ageRecipient: string; fingerprint: string };
  /** Whom the sender addressed it to (names, or 'passphrase'), as the bundle says. */
  recipients: string[];
}

export interface ApplyResult {
  transferId: string;
  caseId: string;
  inserted: number;
  updated: number;
  keptLocal: number;
  custodyEntriesAdded: number;
  /** Records that could not take their place (e.g. an issued document number already used here). */
  skipped: string[];
}

const stale = () =>
  new Failure('BUNDLE_PLAN_STALE', 'The workspace changed after the bundle was previewed. Preview it again; nothing was written.');

/** Throws BUNDLE_PLAN_STALE when the workspace no longer is what the plan was made against. */
export function checkFresh(ctx: ServiceContext, incoming: IncomingCase, digest: string, vaultHas: (sha: string) => boolean): CasePlan {
  const fresh = makePlan(ctx.db, incoming, vaultHas);
  if (fresh.digest !== digest) throw stale();
  return fresh;
}

const sqlKey = (spec: TableSpec) => spec.key.map((k) => `${k} = @k_${k}`).join(' AND ');
const keyParams = (spec: TableSpec, row: Row) => Object.fromEntries(spec.key.map((k) => [`k_${k}`, row[k]]));

/**
 * Writes a previewed merge in one transaction: new records, updates, the fields the user chose in
 * conflicts, custody entries and a transfer entry per item, the sync base, and the history. The
 * local values an incoming one replaces go into the case history first. Evidence files must be in
 * the vault already (moved from staging before this is called).
 */
export function applyPlan(
  ctx: ServiceContext,
  incoming: IncomingCase,
  digest: string,
  choices: Choices,
  transfer: TransferInfo,
  vaultHas: (sha: string) => boolean,
): ApplyResult {
  const db = ctx.db;
  return db
    .transaction(() => {
      const plan = checkFresh(ctx, incoming, digest, vaultHas);
      const caseId = plan.caseId;
      const now = ctx.now();
      const transferId = uuidv7();
      db.prepare(
        `INSERT INTO bundle_transfers (id, case_id, direction, bundle_sha256, counterpart, actor, at, summary)
         VALUES (?, ?, 'import', ?, ?, ?, ?, ?)`,
      ).run(transferId, caseId, transfer.bundleSha256, canonicalJson([transfer.sender]), ctx.actor, now, canonicalJson(plan.counts));
      const history = (kind: string, subject: string | null, reason: string | null) =>
        db
          .prepare('INSERT INTO case_events (id, case_id, at, actor, kind, reason, subject) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(uuidv7(), caseId, now, ctx.actor, kind, reason, subject);

      const result: ApplyResult = { transferId, caseId, inserted: 0, updated: 0, keptLocal: 0, custodyEntriesAdded: 0, skipped: [] };
      const byTable = new Map<string, IncomingRecord[]>();
      for (const r of plan.records) byTable.set(r.spec.table, [...(byTable.get(r.spec.table) ?? []), r]);

      for (const [table, records] of byTable) {
        for (const r of records) {
          const id = recordKey(table, keyOf(r.spec, r.record.row));
          if (r.decision === 'new') {
            if (insertRecord(ctx, r, caseId)) result.inserted++;
            else result.skipped.push(id);
          } else if (r.decision === 'update') {
            const fields = Object.keys(fieldsOf(r.spec, r.record, r.withheld));
            replaceFields(ctx, r, fields, history, incoming.tables);
            result.updated++;
          } else if (r.decision === 'conflict') {
            const chosen = Object.entries(choices[id] ?? {})
              .filter(([, side]) => side === 'incoming')
              .map(([field]) => field);
            if (chosen.length) {
              replaceFields(ctx, r, chosen, history, incoming.tables);
              result.updated++;
            } else result.keptLocal++;
          } else if (r.decision === 'keep-local') result.keptLocal++;
        }
        if (table === 'evidence_items') result.custodyEntriesAdded += applyCustody(ctx, plan, transfer);
      }
      bumpCounters(ctx, caseId);

      const sync = db.prepare(
        `INSERT INTO bundle_sync (record_key, case_id, hash, transfer_id) VALUES (?, ?, ?, ?)
         ON CONFLICT (record_key) DO UPDATE SET case_id = excluded.case_id, hash = excluded.hash, transfer_id = excluded.transfer_id`,
      );
      for (const r of plan.records) sync.run(recordKey(r.spec.table, keyOf(r.spec, r.record.row)), caseId, r.incomingHash, transferId);

      history(
        'bundle_imported',
        transfer.bundleSha256.slice(0, 12),
        `From ${transfer.sender.name} (${transfer.sender.organisation}), key ${transfer.sender.fingerprint}: ` +
          `${plan.counts.new} new, ${plan.counts.updated} updated, ${plan.counts.conflicts} conflicts, bundle SHA-256 ${transfer.bundleSha256}.`,
      );
      return result;
    })
    .immediate();
}

/** Inserts a record the workspace does not have; human numbers that are taken here get the next free one. */
function insertRecord(ctx: ServiceContext, r: IncomingRecord, caseId: string): boolean {
  const db = ctx.db;
  const table = r.spec.table;
  const row = schemaRow(db, table, r.record.row);
  const taken = (sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) !== undefined;
  switch (table) {
    case 'cases': {
      const reference = String(row.reference);
      if (taken('SELECT 1 FROM cases WHERE reference = ?', reference)) row.reference = nextCaseReference(ctx, Number(ctx.now().slice(0, 4)));
      else {
        const m = /^HR-(\d{4})-(\d+)$/.exec(reference);
        if (m) {
          db.prepare(
            'INSERT INTO reference_counters (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)',
          ).run(Number(m[1]), Number(m[2]));
        }
      }
      break;
    }
    case 'allegations':
      if (taken('SELECT 1 FROM allegations WHERE case_id = ? AND seq = ?', caseId, row.seq)) {
        row.seq = db
          .prepare('SELECT max(coalesce((SELECT max(seq) FROM allegations WHERE case_id = @c), 0), allegation_seq) + 1 FROM cases WHERE id = @c')
          .pluck()
          .get({ c: caseId }) as number;
      }
      break;
    case 'subjects':
      if (taken('SELECT 1 FROM subjects WHERE seq = ?', row.seq)) row.seq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM subjects').pluck().get() as number;
      break;
    case 'evidence_items':
      if (taken('SELECT 1 FROM evidence_items WHERE case_id = ? AND seq = ?', caseId, row.seq)) {
        row.seq = db
          .prepare(
            `SELECT max(coalesce((SELECT max(seq) FROM evidence_items WHERE case_id = @c), 0),
                        coalesce((SELECT last FROM evidence_counters WHERE case_id = @c), 0)) + 1`,
          )
          .pluck()
          .get({ c: caseId }) as number;
      }
      // Text is extracted again here (resumed at open), from this vault's copy.
      row.extraction_status = 'none';
      row.extraction_error = null;
      break;
    case 'review_rounds':
      if (taken('SELECT 1 FROM review_rounds WHERE case_id = ? AND seq = ?', caseId, row.seq)) {
        row.seq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM review_rounds WHERE case_id = ?').pluck().get(caseId) as number;
      }
      break;
    case 'review_comments':
      if (taken('SELECT 1 FROM review_comments WHERE round_id = ? AND seq = ?', row.round_id, row.seq)) {
        row.seq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM review_comments WHERE round_id = ?').pluck().get(row.round_id) as number;
      }
      break;
    case 'issued_documents':
      if (taken('SELECT 1 FROM issued_documents WHERE number = ? AND language = ? AND version = ?', row.number, row.language, row.version)) return false;
      break;
    default:
  }
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  for (const child of r.spec.children ?? []) insertChildren(ctx, child.table, r.record.children[child.table] ?? []);
  return true;
}

function insertChildren(ctx: ServiceContext, table: string, rows: Row[]): void {
  for (const raw of rows) {
    const row = schemaRow(ctx.db, table, raw);
    const cols = Object.keys(row);
    ctx.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}

/** Takes the named fields from the incoming record; the local values they replace go into the history. */
function replaceFields(
  ctx: ServiceContext,
  r: IncomingRecord,
  fields: string[],
  history: (kind: string, subject: string | null, reason: string | null) => void,
  tables: Record<string, Row[]>,
): void {
  const db = ctx.db;
  const local = r.local!;
  const spec = r.spec;
  const ours = fieldsOf(spec, local, r.withheld);
  const theirs = fieldsOf(spec, r.record, r.withheld);
  // Only the fields that differ: the history names what was replaced, not the whole record.
  const take = fields.filter((f) => f in theirs && canonicalJson(theirs[f]) !== canonicalJson(ours[f]));
  if (take.length === 0) return;
  const old: Record<string, unknown> = {};
  for (const f of take) old[f] = ours[f];
  // Named as people here know it (this workspace's numbering), not by its key.
  const label = labelOf(spec.table, local.row, { ...tables, [spec.table]: [local.row] }) || spec.table;
  // A real identity never goes into the history (which travels in every bundle): only which fields were replaced.
  const before = spec.protectedIdentities ? `the fields replaced: ${take.join(', ')}` : `the values here before: ${canonicalJson(old)}`;
  history('bundle_replaced', label, `Replaced by the bundle's version; ${before}`);
  const childFields = new Map((spec.children ?? []).map((c) => [c.field, c]));
  const sets: Record<string, unknown> = {};
  for (const f of take) if (!childFields.has(f)) sets[f] = theirs[f];
  if (spec.table === 'findings' && take.includes('body')) {
    sets.plain_text = r.record.row.plain_text ?? '';
    sets.revision = Number(local.row.revision) + 1; // an editor open on the old text gets REVISION_CONFLICT
    sets.updated_by = r.record.row.updated_by ?? ctx.actor;
  }
  if ('updated_at' in local.row) sets.updated_at = [String(local.row.updated_at), String(r.record.row.updated_at ?? '')].sort().at(-1)!;
  const cols = Object.keys(sets);
  if (cols.length) {
    db.prepare(`UPDATE ${spec.table} SET ${cols.map((c) => `${c} = @s_${c}`).join(', ')} WHERE ${sqlKey(spec)}`).run({
      ...Object.fromEntries(cols.map((c) => [`s_${c}`, sets[c]])),
      ...keyParams(spec, local.row),
    });
  }
  for (const f of take) {
    const child = childFields.get(f);
    if (!child) continue;
    db.prepare(`DELETE FROM ${child.table} WHERE ${child.parent} = ?`).run(local.row.id);
    const rows = (r.record.children[child.table] ?? []).map((c) => ({ ...c, [child.parent]: local.row.id ?? null }));
    insertChildren(ctx, child.table, rows);
  }
  // A finding's citations follow its body.
  if (spec.table === 'findings' && take.includes('body') && !take.includes('citations')) {
    const child = childFields.get('citations')!;
    db.prepare(`DELETE FROM ${child.table} WHERE ${child.parent} = ?`).run(local.row.id);
    insertChildren(ctx, child.table, (r.record.children[child.table] ?? []).map((c) => ({ ...c, [child.parent]: local.row.id ?? null })));
  }
}

/** Stores incoming custody entries, then one transfer entry per item that arrived. */
function applyCustody(ctx: ServiceContext, plan: CasePlan, transfer: TransferInfo): number {
  const db = ctx.db;
  let added = 0;
  const setHead = db.prepare('UPDATE evidence_items SET custody_count = ?, custody_head = ? WHERE id = ?');
  for (const c of plan.custody) {
    const item = db.prepare('SELECT id, sha256 FROM evidence_items WHERE id = ?').get(c.itemId) as { id: string; sha256: string | null } | undefined;
    if (!item) continue;
    if (c.kind === 'new' || c.kind === 'append') {
      insertChildren(ctx, 'custody_events', c.entries);
      const last = c.entries.at(-1);
      if (last) setHead.run(last.seq, last.entry_hash, c.itemId);
      added += c.entries.length;
    }
    appendCustody(db, {
      itemId: c.itemId,
      at: ctx.now(),
      actor: ctx.actor,
      kind: 'imported',
      details: {
        via: 'bundle',
        bundleId: transfer.bundleId,
        bundleSha256: transfer.bundleSha256,
        exportedBy: transfer.sender.name,
        from: { name: transfer.sender.name, organisation: transfer.sender.organisation, fingerprint: transfer.sender.fingerprint },
        to: transfer.recipients,
        importedBy: ctx.actor,
        ...(c.kind === 'diverged'
          ? { divergentEntries: c.entries.map((e) => ({ ...e, details: JSON.parse(String(e.details)) as unknown })) }
          : {}),
      },
      hashBefore: item.sha256,
      hashAfter: item.sha256,
    });
    added++;
  }
  return added;
}

/** Keeps the per-case counters ahead of every number now in use, so numbers are never reused. */
function bumpCounters(ctx: ServiceContext, caseId: string): void {
  const db = ctx.db;
  db.prepare(
    'UPDATE cases SET allegation_seq = max(allegation_seq, coalesce((SELECT max(seq) FROM allegations WHERE case_id = @c), 0)) WHERE id = @c',
  ).run({ c: caseId });
  const maxItem = db.prepare('SELECT max(seq) FROM evidence_items WHERE case_id = ?').pluck().get(caseId) as number | null;
  if (maxItem !== null) {
    db.prepare(
      'INSERT INTO evidence_counters (case_id, last) VALUES (?, ?) ON CONFLICT (case_id) DO UPDATE SET last = max(last, excluded.last)',
    ).run(caseId, maxItem);
  }
}
