import { v7 as uuidv7 } from 'uuid';
import type {
  EvidenceDetail,
  EvidenceItem,
  EvidenceListQuery,
  EvidenceMetadata,
  LinkTarget,
} from '../../shared/contract/channels/evidence';
import {
  EvidenceImportSchema,
  EvidenceLinkInputSchema,
  EvidenceListQuerySchema,
  EvidenceUpdateSchema,
  TestimonySchema,
  type CorroborationSchema,
  type ImportedSchema,
  type ImportFailedSchema,
} from '../../shared/contract/channels/evidence';
import type { z } from 'zod';
import { Failure } from '../ipc/failure';
import { ftsMatchQuery, likePattern } from '../search/fts';
import { appendCustody, custodyLog, GENESIS } from '../vault/custody';
import { storageFailure, type Upload } from '../vault/vault';
import { getCase, requireOpenCase } from './case-service';
import type { ServiceContext } from './context';
import type { EvidenceContext } from './evidence-context';

export interface EvidenceRow {
  rowid: number;
  id: string;
  case_id: string;
  seq: number;
  kind: 'file' | 'testimony';
  title: string;
  description: string;
  original_name: string | null;
  media_type: string | null;
  size: number | null;
  sha256: string | null;
  obtained_at: string | null;
  obtained_how: string;
  source: string;
  collected_by: string;
  source_reliability: EvidenceItem['sourceReliability'];
  information_credibility: EvidenceItem['informationCredibility'];
  tags: string;
  notes: string;
  extraction_status: EvidenceItem['extraction']['status'];
  extraction_error: string | null;
  custody_count: number;
  custody_head: string;
  created_at: string;
  updated_at: string;
}

export const exhibitOf = (seq: number) => `E-${seq}`;

export type LinkCounts = EvidenceItem['linkCounts'];
const NO_LINKS: LinkCounts = { supporting: 0, contradicting: 0 };

export const toItem = (row: EvidenceRow, linkCounts: LinkCounts): EvidenceItem => ({
  id: row.id,
  caseId: row.case_id,
  exhibit: exhibitOf(row.seq),
  kind: row.kind,
  title: row.title,
  description: row.description,
  originalName: row.original_name,
  mediaType: row.media_type,
  size: row.size,
  sha256: row.sha256,
  obtainedAt: row.obtained_at,
  obtainedHow: row.obtained_how,
  source: row.source,
  collectedBy: row.collected_by,
  sourceReliability: row.source_reliability,
  informationCredibility: row.information_credibility,
  tags: JSON.parse(row.tags) as string[],
  notes: row.notes,
  extraction: row.extraction_error ? { status: row.extraction_status, error: row.extraction_error } : { status: row.extraction_status },
  custody: { count: row.custody_count, headHash: row.custody_head },
  linkCounts,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Items with their link counts (allegations and subjects together), gathered for all the rows in
 * one aggregate query over the links' primary key.
 */
export function toItems(ctx: ServiceContext, rows: readonly EvidenceRow[]): EvidenceItem[] {
  if (rows.length === 0) return [];
  const counts = ctx.db
    .prepare(
      `SELECT item_id, sum(stance = 'supporting') AS supporting, sum(stance = 'contradicting') AS contradicting
       FROM evidence_links WHERE item_id IN (SELECT value FROM json_each(?)) GROUP BY item_id`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as { item_id: string; supporting: number; contradicting: number }[];
  const byItem = new Map(counts.map((c) => [c.item_id, { supporting: c.supporting, contradicting: c.contradicting }]));
  return rows.map((row) => toItem(row, byItem.get(row.id) ?? NO_LINKS));
}

export function findEvidenceRow(ctx: ServiceContext, id: string): EvidenceRow {
  const row = ctx.db.prepare('SELECT rowid, * FROM evidence_items WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'No evidence item with this id exists in the workspace.');
  return row;
}

function subjectsTableExists(ctx: ServiceContext): boolean {
  return ctx.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'subjects'").get() !== undefined;
}

function targetReference(ctx: ServiceContext, target: LinkTarget): string | null {
  if (target.type === 'allegation') {
    const seq = ctx.db.prepare('SELECT seq FROM allegations WHERE id = ?').pluck().get(target.id) as number | undefined;
    return seq === undefined ? null : `A-${seq}`;
  }
  if (!subjectsTableExists(ctx)) return null;
  const name = ctx.db.prepare('SELECT display_name FROM subjects WHERE id = ?').pluck().get(target.id) as string | undefined;
  return name ?? null;
}

export function getEvidence(ctx: ServiceContext, id: string): EvidenceDetail {
  const row = findEvidenceRow(ctx, id);
  const links = ctx.db
    .prepare('SELECT target_type, target_id, stance, note, created_at FROM evidence_links WHERE item_id = ? ORDER BY created_at, target_id')
    .all(id) as { target_type: LinkTarget['type']; target_id: string; stance: 'supporting' | 'contradicting'; note: string; created_at: string }[];
  return {
    ...toItems(ctx, [row])[0]!,
    links: links.map((l) => {
      const target = { type: l.target_type, id: l.target_id };
      return { target, targetReference: targetReference(ctx, target), stance: l.stance, note: l.note, createdAt: l.created_at };
    }),
    custodyLog: custodyLog(ctx.db, id),
  };
}

export function listEvidence(ctx: ServiceContext, query: EvidenceListQuery): { total: number; items: EvidenceItem[] } {
  const q = EvidenceListQuerySchema.parse(query);
  getCase(ctx, q.caseId);
  const params = { caseId: q.caseId, limit: q.limit, offset: q.offset };
  let from = 'FROM evidence_items e WHERE e.case_id = @caseId';
  const match = q.search ? ftsMatchQuery(q.search) : null;
  const extra: Record<string, string> = {};
  if (match) {
    from += ' AND e.rowid IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH @match)';
    extra.match = match;
  } else if (q.search) {
    from += ` AND ('E-' || e.seq = @exact OR e.title LIKE @like ESCAPE '\\' OR e.description LIKE @like ESCAPE '\\'
      OR e.original_name LIKE @like ESCAPE '\\' OR e.tags LIKE @like ESCAPE '\\' OR e.notes LIKE @like ESCAPE '\\')`;
    extra.like = likePattern(q.search);
    extra.exact = q.search.toUpperCase();
  }
  const total = ctx.db.prepare(`SELECT count(*) ${from}`).pluck().get({ ...params, ...extra }) as number;
  const rows = ctx.db
    .prepare(`SELECT e.rowid, e.* ${from} ORDER BY e.seq LIMIT @limit OFFSET @offset`)
    .all({ ...params, ...extra }) as EvidenceRow[];
  return { total, items: toItems(ctx, rows) };
}

function nextExhibit(ctx: ServiceContext, caseId: string): number {
  return ctx.db
    .prepare(
      `INSERT INTO evidence_counters (case_id, last) VALUES (?, 1)
       ON CONFLICT (case_id) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .pluck()
    .get(caseId) as number;
}

const touchCase = (ctx: ServiceContext, caseId: string) =>
  ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(ctx.now(), caseId);

interface NewItem {
  caseId: string;
  kind: 'file' | 'testimony';
  metadata: Partial<EvidenceMetadata> & { title: string };
  file?: { originalName: string; mediaType: string; size: number; sha256: string };
}

/** Inserts an item and its first custody entry; call inside a transaction. */
function insertItem(ctx: ServiceContext, item: NewItem, firstEvent: { kind: 'imported' | 'recorded'; details: Record<string, unknown> }) {
  const id = uuidv7();
  const seq = nextExhibit(ctx, item.caseId);
  const now = ctx.now();
  const m = item.metadata;
  ctx.db
    .prepare(
      `INSERT INTO evidence_items (id, case_id, seq, kind, title, description, original_name, media_type, size, sha256,
         obtained_at, obtained_how, source, collected_by, source_reliability, information_credibility, tags, notes,
         extraction_status, custody_head, created_at, updated_at)
       VALUES (@id, @caseId, @seq, @kind, @title, @description, @originalName, @mediaType, @size, @sha256,
         @obtainedAt, @obtainedHow, @source, @collectedBy, @sourceReliability, @informationCredibility, @tags, @notes,
         @extraction, @genesis, @now, @now)`,
    )
    .run({
      id,
      caseId: item.caseId,
      seq,
      kind: item.kind,
      title: m.title,
      description: m.description ?? '',
      originalName: item.file?.originalName ?? null,
      mediaType: item.file?.mediaType ?? null,
      size: item.file?.size ?? null,
      sha256: item.file?.sha256 ?? null,
      obtainedAt: m.obtainedAt ?? null,
      obtainedHow: m.obtainedHow ?? '',
      source: m.source ?? '',
      collectedBy: m.collectedBy ?? '',
      sourceReliability: m.sourceReliability ?? null,
      informationCredibility: m.informationCredibility ?? null,
      tags: JSON.stringify(m.tags ?? []),
      notes: m.notes ?? '',
      extraction: 'none',
      genesis: GENESIS,
      now,
    });
  appendCustody(ctx.db, {
    itemId: id,
    at: now,
    actor: ctx.actor,
    kind: firstEvent.kind,
    details: firstEvent.details,
    hashBefore: null,
    hashAfter: item.file?.sha256 ?? null,
  });
  touchCase(ctx, item.caseId);
  return { id, seq };
}

/**
 * Turns uploads into items. Each file is first moved into the vault for good (durable), then one
 * transaction records the items and their 'imported' custody entries — so a crash leaves either
 * whole items or unreferenced files the start-up sweep removes. One transaction for the call, not
 * one a file: every commit rewrites the pages it touched (in an encrypted workspace, each one a
 * cipher operation). A file that cannot be moved (no longer waiting, disk full, its waiting copy
 * gone or damaged) is answered in `failed` with why, and discarded; the others are imported all the same, so that
 * the answer says exactly what was stored. Bytes already held by an item of the same case make no
 * new item: the answer names the existing one (`duplicate: true`).
 */
export function importUploads(
  ctx: EvidenceContext,
  raw: z.input<typeof EvidenceImportSchema>,
): { items: z.output<typeof ImportedSchema>[]; failed: z.output<typeof ImportFailedSchema>[] } {
  const input = EvidenceImportSchema.parse(raw);
  requireOpenCase(ctx, input.caseId);
  const claimed: { u: (typeof input.uploads)[number]; upload: Upload }[] = [];
  const failed: z.output<typeof ImportFailedSchema>[] = [];
  for (const u of input.uploads) {
    try {
      claimed.push({ u, upload: ctx.vault.claim(u.uploadId) });
    } catch (error) {
      const { code, message } = storageFailure(error);
      failed.push({ uploadId: u.uploadId, code, message });
      ctx.vault.discard(u.uploadId);
    }
  }
  const sameHash = ctx.db.prepare('SELECT id, seq FROM evidence_items WHERE case_id = ? AND sha256 = ? ORDER BY seq LIMIT 1');
  const d = input.defaults;
  const items = ctx.db
    .transaction(() => {
      requireOpenCase(ctx, input.caseId);
      return claimed.map(({ u, upload }) => {
        const existing = sameHash.get(input.caseId, upload.sha256) as { id: string; seq: number } | undefined;
        if (existing) return { uploadId: u.uploadId, id: existing.id, exhibit: exhibitOf(existing.seq), duplicate: true };
        const { id, seq } = insertItem(
          ctx,
          {
            caseId: input.caseId,
            kind: 'file',
            metadata: {
              title: u.originalName,
              obtainedAt: d.obtainedAt ?? null,
              obtainedHow: d.obtainedHow ?? '',
              source: d.source ?? '',
              collectedBy: d.collectedBy ?? '',
            },
            file: { originalName: u.originalName, mediaType: upload.mediaType, size: upload.size, sha256: upload.sha256 },
          },
          {
            kind: 'imported',
            details: {
              originalName: u.originalName,
              size: upload.size,
              mediaType: upload.mediaType,
              ...(u.lastModified ? { fileLastModified: u.lastModified } : {}),
            },
          },
        );
        return { uploadId: u.uploadId, id, exhibit: exhibitOf(seq), duplicate: false };
      });
    })
    .immediate();
  return { items, failed };
}

export function createTestimony(ctx: ServiceContext, raw: z.input<typeof TestimonySchema>): EvidenceDetail {
  const input = TestimonySchema.parse(raw);
  const { caseId, ...metadata } = input;
  const { id } = ctx.db
    .transaction(() => {
      requireOpenCase(ctx, caseId);
      return insertItem(ctx, { caseId, kind: 'testimony', metadata }, { kind: 'recorded', details: { title: metadata.title } });
    })
    .immediate();
  return getEvidence(ctx, id);
}

const METADATA_COLUMNS: Record<keyof EvidenceMetadata, string> = {
  title: 'title',
  description: 'description',
  obtainedAt: 'obtained_at',
  obtainedHow: 'obtained_how',
  source: 'source',
  collectedBy: 'collected_by',
  sourceReliability: 'source_reliability',
  informationCredibility: 'information_credibility',
  tags: 'tags',
  notes: 'notes',
};

/** Changes metadata (never the file); the custody log records each changed field, from and to. */
export function updateEvidence(ctx: ServiceContext, raw: z.input<typeof EvidenceUpdateSchema>): EvidenceDetail {
  const input = EvidenceUpdateSchema.parse(raw);
  ctx.db
    .transaction(() => {
      const row = findEvidenceRow(ctx, input.id);
      requireOpenCase(ctx, row.case_id);
      const before = toItem(row, NO_LINKS); // only its metadata is compared
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      const sets: string[] = [];
      const params: Record<string, unknown> = { id: input.id };
      for (const key of Object.keys(METADATA_COLUMNS) as (keyof EvidenceMetadata)[]) {
        const to = input[key];
        if (to === undefined) continue;
        const from = before[key];
        if (JSON.stringify(from) === JSON.stringify(to)) continue;
        changed[key] = { from, to };
        sets.push(`${METADATA_COLUMNS[key]} = @${key}`);
        params[key] = key === 'tags' ? JSON.stringify(to) : to;
      }
      if (sets.length === 0) return;
      const now = ctx.now();
      ctx.db.prepare(`UPDATE evidence_items SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run({ ...params, now });
      appendCustody(ctx.db, {
        itemId: input.id,
        at: now,
        actor: ctx.actor,
        kind: 'metadata_changed',
        reason: input.reason ?? null,
        details: { changed },
        hashBefore: row.sha256,
        hashAfter: row.sha256,
      });
      touchCase(ctx, row.case_id);
    })
    .immediate();
  return getEvidence(ctx, input.id);
}

function requireTarget(ctx: ServiceContext, caseId: string, target: LinkTarget): void {
  if (target.type === 'allegation') {
    const owner = ctx.db.prepare('SELECT case_id FROM allegations WHERE id = ?').pluck().get(target.id) as string | undefined;
    if (owner === undefined) throw new Failure('NOT_FOUND', 'No allegation with this id exists.', { 'target.id': { code: 'invalid' } });
    if (owner !== caseId) {
      throw new Failure('VALIDATION_FAILED', 'Evidence can only be linked to allegations of its own case.', { 'target.id': { code: 'invalid' } });
    }
    return;
  }
  const exists = subjectsTableExists(ctx) && ctx.db.prepare('SELECT 1 FROM subjects WHERE id = ?').get(target.id) !== undefined;
  if (!exists) throw new Failure('NOT_FOUND', 'No subject with this id exists.', { 'target.id': { code: 'invalid' } });
}

export function linkEvidence(ctx: ServiceContext, raw: z.input<typeof EvidenceLinkInputSchema>): EvidenceDetail {
  const input = EvidenceLinkInputSchema.parse(raw);
  ctx.db
    .transaction(() => {
      const row = findEvidenceRow(ctx, input.itemId);
      requireOpenCase(ctx, row.case_id);
      requireTarget(ctx, row.case_id, input.target);
      const previous = ctx.db
        .prepare('SELECT stance, note FROM evidence_links WHERE item_id = ? AND target_type = ? AND target_id = ?')
        .get(input.itemId, input.target.type, input.target.id) as { stance: string; note: string } | undefined;
      if (previous && previous.stance === input.stance && previous.note === input.note) return;
      const now = ctx.now();
      ctx.db
        .prepare(
          `INSERT INTO evidence_links (item_id, target_type, target_id, stance, note, created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (item_id, target_type, target_id) DO UPDATE SET stance = excluded.stance, note = excluded.note`,
        )
        .run(input.itemId, input.target.type, input.target.id, input.stance, input.note, now);
      appendCustody(ctx.db, {
        itemId: input.itemId,
        at: now,
        actor: ctx.actor,
        kind: 'linked',
        details: {
          target: input.target,
          targetReference: targetReference(ctx, input.target),
          stance: input.stance,
          note: input.note,
          ...(previous ? { previous } : {}),
        },
        hashBefore: row.sha256,
        hashAfter: row.sha256,
      });
      ctx.db.prepare('UPDATE evidence_items SET updated_at = ? WHERE id = ?').run(now, input.itemId);
    })
    .immediate();
  return getEvidence(ctx, input.itemId);
}

export function unlinkEvidence(ctx: ServiceContext, input: { itemId: string; target: LinkTarget; reason?: string }): EvidenceDetail {
  ctx.db
    .transaction(() => {
      const row = findEvidenceRow(ctx, input.itemId);
      requireOpenCase(ctx, row.case_id);
      const gone = ctx.db
        .prepare('DELETE FROM evidence_links WHERE item_id = ? AND target_type = ? AND target_id = ? RETURNING stance, note')
        .get(input.itemId, input.target.type, input.target.id) as { stance: string; note: string } | undefined;
      if (!gone) throw new Failure('NOT_FOUND', 'This item is not linked to that record.');
      const now = ctx.now();
      appendCustody(ctx.db, {
        itemId: input.itemId,
        at: now,
        actor: ctx.actor,
        kind: 'unlinked',
        reason: input.reason ?? null,
        details: { target: input.target, targetReference: targetReference(ctx, input.target), stance: gone.stance, note: gone.note },
        hashBefore: row.sha256,
        hashAfter: row.sha256,
      });
      ctx.db.prepare('UPDATE evidence_items SET updated_at = ? WHERE id = ?').run(now, input.itemId);
    })
    .immediate();
  return getEvidence(ctx, input.itemId);
}

/**
 * What supports and what contradicts an allegation, and from how many independent sources:
 * distinct non-empty `source` values among the supporting items (trimmed, case-insensitive).
 */
export function corroboration(ctx: ServiceContext, allegationId: string): z.output<typeof CorroborationSchema> {
  const exists = ctx.db.prepare('SELECT 1 FROM allegations WHERE id = ?').get(allegationId);
  if (!exists) throw new Failure('NOT_FOUND', 'No allegation with this id exists.');
  const linked = (stance: string) =>
    toItems(
      ctx,
      ctx.db
        .prepare(
          `SELECT e.rowid, e.* FROM evidence_links l JOIN evidence_items e ON e.id = l.item_id
           WHERE l.target_type = 'allegation' AND l.target_id = ? AND l.stance = ? ORDER BY e.seq`,
        )
        .all(allegationId, stance) as EvidenceRow[],
    );
  const supporting = linked('supporting');
  const seen = new Map<string, string>();
  for (const item of supporting) {
    const source = item.source.trim();
    if (source && !seen.has(source.toLowerCase())) seen.set(source.toLowerCase(), source);
  }
  return { supporting, contradicting: linked('contradicting'), independentSources: seen.size, sources: [...seen.values()] };
}
