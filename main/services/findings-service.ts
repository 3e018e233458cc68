import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  FindingSaveSchema,
  type Finding,
  type FindingOutcome,
  type FindingSection,
  type FindingTarget,
} from '../../shared/contract/channels/findings';
import { checkRichText, richTextReferences } from '../../shared/richtext/validate';
import { Failure } from '../ipc/failure';
import { richTextContext } from '../richtext/context';
import { richTextToText } from '../richtext/text';
import { recordEvent } from './case-history';
import { getCase, requireOpenCase } from './case-service';
import type { ServiceContext } from './context';
import { getLanguage } from './settings-service';
import { subjectReference } from './subject-service';

interface FindingRow {
  id: string;
  case_id: string;
  target_type: FindingTarget['type'];
  target_id: string;
  section: FindingSection;
  outcome: FindingOutcome | null;
  body: string;
  revision: number;
  updated_at: string;
  updated_by: string;
}

/** What a text cites that no longer exists, from its citations (kept beside it on every save). */
function brokenOf(ctx: ServiceContext, findingId: string): Finding['broken'] {
  const missing = (kind: 'exhibit' | 'subject', table: string) =>
    ctx.db
      .prepare(
        `SELECT c.target_id FROM finding_citations c
         WHERE c.finding_id = ? AND c.kind = ? AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = c.target_id)
         ORDER BY c.target_id`,
      )
      .pluck()
      .all(findingId, kind) as string[];
  return { itemIds: missing('exhibit', 'evidence_items'), subjectIds: missing('subject', 'subjects') };
}

const toFinding = (ctx: ServiceContext, row: FindingRow): Finding => ({
  id: row.id,
  caseId: row.case_id,
  target: { type: row.target_type, id: row.target_id },
  section: row.section,
  outcome: row.outcome,
  body: JSON.parse(row.body) as unknown,
  revision: row.revision,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  broken: brokenOf(ctx, row.id),
});

/**
 * The stored texts of a case: the findings on its allegations and the findings and statements of
 * reasons of the subjects now in it (a subject taken out of the case keeps its texts, hidden until
 * it is added back).
 */
export function listFindings(ctx: ServiceContext, caseId: string): Finding[] {
  getCase(ctx, caseId);
  const rows = ctx.db
    .prepare(
      `SELECT f.* FROM findings f
       WHERE f.case_id = @caseId AND (
         (f.target_type = 'allegation' AND EXISTS (SELECT 1 FROM allegations a WHERE a.id = f.target_id AND a.case_id = @caseId))
         OR (f.target_type = 'subject' AND EXISTS (SELECT 1 FROM case_subjects cs WHERE cs.subject_id = f.target_id AND cs.case_id = @caseId)))
       ORDER BY f.created_at, f.id`,
    )
    .all({ caseId }) as FindingRow[];
  return rows.map((row) => toFinding(ctx, row));
}

function requireTarget(ctx: ServiceContext, caseId: string, target: FindingTarget): void {
  const found =
    target.type === 'allegation'
      ? ctx.db.prepare('SELECT 1 FROM allegations WHERE id = ? AND case_id = ?').get(target.id, caseId)
      : ctx.db.prepare('SELECT 1 FROM case_subjects WHERE subject_id = ? AND case_id = ?').get(target.id, caseId);
  if (!found) {
    throw new Failure(
      'NOT_FOUND',
      target.type === 'allegation' ? 'No such allegation in this case.' : 'This subject is not part of this case.',
      { 'target.id': { code: 'invalid' } },
    );
  }
}

/** The body, validated: only node types the editor supports, in the shapes it writes, within the limits. */
function requireValidBody(body: unknown): void {
  const check = checkRichText(body);
  if (check.ok) return;
  const { issue } = check;
  if (issue.code === 'too_large') {
    throw new Failure('RICH_TEXT_TOO_LARGE', issue.message, { body: { code: 'too_long', max: issue.limit } });
  }
  throw new Failure('RICH_TEXT_INVALID', issue.message, { body: { code: 'invalid' } });
}

/** Cited exhibits must be items of this case; an id that is no longer anywhere is kept and shown as broken. */
function requireOwnExhibits(ctx: ServiceContext, caseId: string, itemIds: readonly string[]): void {
  if (itemIds.length === 0) return;
  const foreign = ctx.db
    .prepare('SELECT id FROM evidence_items WHERE id IN (SELECT value FROM json_each(?)) AND case_id <> ?')
    .pluck()
    .get(JSON.stringify(itemIds), caseId) as string | undefined;
  if (foreign) {
    throw new Failure('RICH_TEXT_INVALID', 'The text cites an evidence item of another case; cite only this case\'s exhibits.', {
      body: { code: 'invalid' },
    });
  }
}

/** "A-2", or "S-3 Zhu Hailun" as the subject's other history lines name it. */
function targetLabel(ctx: ServiceContext, target: FindingTarget): string {
  if (target.type === 'allegation') {
    return `A-${ctx.db.prepare('SELECT seq FROM allegations WHERE id = ?').pluck().get(target.id) as number}`;
  }
  const row = ctx.db.prepare('SELECT seq, display_name FROM subjects WHERE id = ?').get(target.id) as { seq: number; display_name: string };
  return `${subjectReference(row.seq)} ${row.display_name}`.slice(0, 200);
}

/**
 * Records a save in the case history. Autosave writes a text every few seconds while it is typed,
 * so one line stands for a stretch of editing: a save is not recorded again when the case's last
 * event is this same text saved by the same person and the outcome has not changed.
 */
function recordSave(ctx: ServiceContext, input: z.output<typeof FindingSaveSchema>, previousOutcome: FindingOutcome | null | undefined): void {
  const kind =
    input.target.type === 'allegation' ? 'allegation_finding_saved' : input.section === 'reasons' ? 'subject_reasons_saved' : 'subject_finding_saved';
  const subject = targetLabel(ctx, input.target);
  const last = ctx.db
    .prepare('SELECT kind, subject, actor FROM case_events WHERE case_id = ? ORDER BY at DESC, id DESC LIMIT 1')
    .get(input.caseId) as { kind: string; subject: string | null; actor: string } | undefined;
  const sameStretch = last?.kind === kind && last.subject === subject && last.actor === ctx.actor && previousOutcome === input.outcome;
  if (!sameStretch) recordEvent(ctx, input.caseId, kind, { subject });
}

/**
 * Saves one finding or statement of reasons. `revision` is the revision the edit started from (0
 * for a text never saved): if the stored text has moved on since, nothing is written and the save
 * fails REVISION_CONFLICT. A save that changes nothing returns the stored text as it is.
 */
export function saveFinding(ctx: ServiceContext, raw: z.input<typeof FindingSaveSchema>): Finding {
  const input = FindingSaveSchema.parse(raw);
  requireValidBody(input.body);
  const body = JSON.stringify(input.body);
  const refs = richTextReferences(input.body);
  const language = getLanguage(ctx) ?? 'en';
  const id = ctx.db
    .transaction(() => {
      requireOpenCase(ctx, input.caseId);
      requireTarget(ctx, input.caseId, input.target);
      requireOwnExhibits(ctx, input.caseId, refs.itemIds);
      const stored = ctx.db
        .prepare('SELECT * FROM findings WHERE case_id = ? AND target_type = ? AND target_id = ? AND section = ?')
        .get(input.caseId, input.target.type, input.target.id, input.section) as FindingRow | undefined;
      const storedRevision = stored?.revision ?? 0;
      if (storedRevision !== input.revision) {
        throw new Failure(
          'REVISION_CONFLICT',
          stored
            ? `This text was saved by ${stored.updated_by} at ${stored.updated_at} (revision ${stored.revision}) after revision ${input.revision} was read; nothing was overwritten.`
            : 'This text no longer exists as it was read; nothing was saved.',
        );
      }
      if (stored && stored.body === body && stored.outcome === input.outcome) return stored.id;
      const now = ctx.now();
      const plainText = richTextToText(input.body, richTextContext(ctx, language));
      const row = {
        id: stored?.id ?? uuidv7(),
        caseId: input.caseId,
        targetType: input.target.type,
        targetId: input.target.id,
        section: input.section,
        outcome: input.outcome,
        body,
        plainText,
        revision: storedRevision + 1,
        now,
        actor: ctx.actor,
      };
      if (stored) {
        ctx.db
          .prepare(
            `UPDATE findings SET outcome = @outcome, body = @body, plain_text = @plainText, revision = @revision,
               updated_at = @now, updated_by = @actor WHERE id = @id`,
          )
          .run(row);
      } else {
        ctx.db
          .prepare(
            `INSERT INTO findings (id, case_id, target_type, target_id, section, outcome, body, plain_text, revision,
               created_at, updated_at, updated_by)
             VALUES (@id, @caseId, @targetType, @targetId, @section, @outcome, @body, @plainText, @revision, @now, @now, @actor)`,
          )
          .run(row);
      }
      ctx.db.prepare('DELETE FROM finding_citations WHERE finding_id = ?').run(row.id);
      const cite = ctx.db.prepare('INSERT INTO finding_citations (finding_id, kind, target_id) VALUES (?, ?, ?)');
      for (const itemId of refs.itemIds) cite.run(row.id, 'exhibit', itemId);
      for (const subjectId of refs.subjectIds) cite.run(row.id, 'subject', subjectId);
      ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(now, input.caseId);
      recordSave(ctx, input, stored?.outcome);
      return row.id;
    })
    .immediate();
  return toFinding(ctx, ctx.db.prepare('SELECT * FROM findings WHERE id = ?').get(id) as FindingRow);
}
