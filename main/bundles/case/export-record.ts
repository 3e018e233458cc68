import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../../services/context';
import { canonicalJson } from '../../vault/canonical-json';
import { appendCustody, entryHash } from '../../vault/custody';
import { assemble, recordHash } from './records';
import type { Snapshot } from './snapshot';
import { CUSTODY_TABLE, keyOf, recordKey, TABLES, type Row } from './tables';

export interface ExportInfo {
  bundleId: string;
  /** The exporting investigator, as stamped on events. */
  actor: string;
  at: string;
  /** Whom it is for: colleagues (name, organisation, fingerprint), or the word 'passphrase'. */
  to: { name: string; organisation: string; fingerprint: string }[] | 'passphrase';
}

/**
 * Adds each item's 'exported' custody entry to the snapshot before the bundle is written, so that
 * the log the bundle carries already says it was sent (and to whom): the receiver's log then
 * continues this one instead of forking from it. The bundle's own hash cannot be inside the bundle;
 * the bundle id links the two, and the receiver's transfer entry records the hash.
 */
export function addExportEntries(snapshot: Snapshot, info: ExportInfo): void {
  const items = snapshot.tables.evidence_items ?? [];
  const custody = snapshot.tables[CUSTODY_TABLE] ?? [];
  const added: Row[] = [];
  snapshot.tables.evidence_items = items.map((item) => {
    const row = {
      item_id: String(item.id),
      seq: Number(item.custody_count) + 1,
      at: info.at,
      actor: info.actor,
      kind: 'exported' as const,
      reason: null,
      details: canonicalJson({ via: 'bundle', bundleId: info.bundleId, exportedBy: info.actor, to: info.to }),
      hash_before: (item.sha256 as string | null) ?? null,
      hash_after: (item.sha256 as string | null) ?? null,
      prev_hash: String(item.custody_head),
    };
    const full = { ...row, entry_hash: entryHash(row) };
    added.push(full);
    return { ...item, custody_count: full.seq, custody_head: full.entry_hash };
  });
  snapshot.tables[CUSTODY_TABLE] = [...custody, ...added].sort((a, b) =>
    a.item_id === b.item_id ? Number(a.seq) - Number(b.seq) : String(a.item_id) < String(b.item_id) ? -1 : 1,
  );
}

/**
 * Once the bundle is written: the same 'exported' entries in the local logs (a log that moved on
 * meanwhile gets a fresh one), the transfer, the content each record left with (the base of the
 * next merge) and a line in the case history, in one transaction.
 */
export function recordExport(ctx: ServiceContext, snapshot: Snapshot, info: ExportInfo, bundleSha256: string): string {
  const db = ctx.db;
  return db
    .transaction(() => {
      const transferId = uuidv7();
      db.prepare(
        `INSERT INTO bundle_transfers (id, case_id, direction, bundle_sha256, counterpart, actor, at, summary)
         VALUES (?, ?, 'export', ?, ?, ?, ?, ?)`,
      ).run(
        transferId,
        snapshot.caseId,
        bundleSha256,
        canonicalJson(info.to),
        ctx.actor,
        ctx.now(),
        canonicalJson({ wholeCase: snapshot.whole, evidenceFiles: snapshot.includeEvidence, protectedIdentities: snapshot.includeProtected }),
      );
      const head = db.prepare('SELECT custody_count AS count, custody_head AS head FROM evidence_items WHERE id = ?');
      const insert = db.prepare(
        `INSERT INTO custody_events (item_id, seq, at, actor, kind, reason, details, hash_before, hash_after, prev_hash, entry_hash)
         VALUES (@item_id, @seq, @at, @actor, @kind, @reason, @details, @hash_before, @hash_after, @prev_hash, @entry_hash)`,
      );
      for (const e of (snapshot.tables[CUSTODY_TABLE] ?? []).filter((r) => r.kind === 'exported' && String(r.details).includes(info.bundleId))) {
        const now = head.get(e.item_id) as { count: number; head: string } | undefined;
        if (!now) continue;
        if (now.count + 1 === e.seq && now.head === e.prev_hash) {
          insert.run(e);
          db.prepare('UPDATE evidence_items SET custody_count = ?, custody_head = ? WHERE id = ?').run(e.seq, e.entry_hash, e.item_id);
        } else {
          appendCustody(db, {
            itemId: String(e.item_id),
            at: ctx.now(),
            actor: ctx.actor,
            kind: 'exported',
            details: JSON.parse(String(e.details)) as Record<string, unknown>,
            hashBefore: e.hash_before as string | null,
            hashAfter: e.hash_after as string | null,
          });
        }
      }
      const sync = db.prepare(
        `INSERT INTO bundle_sync (record_key, case_id, hash, transfer_id) VALUES (?, ?, ?, ?)
         ON CONFLICT (record_key) DO UPDATE SET case_id = excluded.case_id, hash = excluded.hash, transfer_id = excluded.transfer_id`,
      );
      for (const spec of TABLES) {
        for (const record of assemble(spec, snapshot.tables[spec.table] ?? [], snapshot.tables)) {
          sync.run(recordKey(spec.table, keyOf(spec, record.row)), snapshot.caseId, recordHash(spec, record, []), transferId);
        }
      }
      const to = info.to === 'passphrase' ? 'a passphrase' : info.to.map((c) => `${c.name} (${c.organisation}), key ${c.fingerprint}`).join('; ');
      db.prepare('INSERT INTO case_events (id, case_id, at, actor, kind, reason, subject) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        uuidv7(),
        snapshot.caseId,
        ctx.now(),
        ctx.actor,
        'bundle_exported',
        `To ${to}; bundle SHA-256 ${bundleSha256}.`,
        bundleSha256.slice(0, 12),
      );
      return transferId;
    })
    .immediate();
}
