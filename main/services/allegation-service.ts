import { v7 as uuidv7 } from 'uuid';
import type { Allegation, AllegationFields } from '../../shared/contract';
import { fuzzyDateBounds, type FuzzyDate } from '../../shared/domain/fuzzy-date';
import { Failure } from '../ipc/failure';
import { recordEvent } from './case-history';
import { getCase, requireOpenCase } from './case-service';
import type { ServiceContext } from './context';

interface AllegationRow {
  id: string;
  case_id: string;
  seq: number;
  category: Allegation['category'];
  period: string;
  place: string;
  narrative: string;
  victims: string;
  status: Allegation['status'];
  created_at: string;
  updated_at: string;
}

const reference = (seq: number) => `A-${seq}`;

const toAllegation = (row: AllegationRow): Allegation => ({
  id: row.id,
  caseId: row.case_id,
  reference: reference(row.seq),
  category: row.category,
  period: JSON.parse(row.period) as FuzzyDate,
  place: row.place,
  narrative: row.narrative,
  victims: JSON.parse(row.victims) as Allegation['victims'],
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function findRow(ctx: ServiceContext, id: string): AllegationRow {
  const row = ctx.db.prepare('SELECT * FROM allegations WHERE id = ?').get(id) as AllegationRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'No allegation with this id exists in the workspace.');
  return row;
}

/** The stored columns of the editable fields; period bounds are kept for sorting and overlap. */
function columns(fields: AllegationFields) {
  const bounds = fuzzyDateBounds(fields.period);
  return {
    category: fields.category,
    period: JSON.stringify(fields.period),
    period_first: bounds?.first ?? null,
    period_last: bounds?.last ?? null,
    place: fields.place,
    narrative: fields.narrative,
    victims: JSON.stringify(fields.victims),
    status: fields.status,
  };
}

const touchCase = (ctx: ServiceContext, caseId: string) =>
  ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(ctx.now(), caseId);

export function listAllegations(ctx: ServiceContext, caseId: string): Allegation[] {
  getCase(ctx, caseId);
  return (ctx.db.prepare('SELECT * FROM allegations WHERE case_id = ? ORDER BY seq').all(caseId) as AllegationRow[]).map(
    toAllegation,
  );
}

export function createAllegation(ctx: ServiceContext, input: AllegationFields & { caseId: string }): Allegation {
  const id = uuidv7();
  ctx.db.transaction(() => {
    requireOpenCase(ctx, input.caseId);
    const { seq } = ctx.db
      .prepare('UPDATE cases SET allegation_seq = allegation_seq + 1 WHERE id = ? RETURNING allegation_seq AS seq')
      .get(input.caseId) as { seq: number };
    const now = ctx.now();
    ctx.db
      .prepare(
        `INSERT INTO allegations (id, case_id, seq, category, period, period_first, period_last, place, narrative,
           victims, status, created_at, updated_at)
         VALUES (@id, @case_id, @seq, @category, @period, @period_first, @period_last, @place, @narrative,
           @victims, @status, @now, @now)`,
      )
      .run({ id, case_id: input.caseId, seq, now, ...columns(input) });
    touchCase(ctx, input.caseId);
    recordEvent(ctx, input.caseId, 'allegation_added', { subject: reference(seq) });
  }).immediate();
  return toAllegation(findRow(ctx, id));
}

export function updateAllegation(ctx: ServiceContext, input: AllegationFields & { id: string }): Allegation {
  ctx.db.transaction(() => {
    const row = findRow(ctx, input.id);
    requireOpenCase(ctx, row.case_id);
    ctx.db
      .prepare(
        `UPDATE allegations SET category = @category, period = @period, period_first = @period_first,
           period_last = @period_last, place = @place, narrative = @narrative, victims = @victims,
           status = @status, updated_at = @now
         WHERE id = @id`,
      )
      .run({ id: input.id, now: ctx.now(), ...columns(input) });
    touchCase(ctx, row.case_id);
    recordEvent(ctx, row.case_id, 'allegation_updated', { subject: reference(row.seq) });
  }).immediate();
  return toAllegation(findRow(ctx, input.id));
}

export function deleteAllegation(ctx: ServiceContext, input: { id: string; reason?: string }): { id: string } {
  ctx.db.transaction(() => {
    const row = findRow(ctx, input.id);
    requireOpenCase(ctx, row.case_id);
    ctx.db.prepare('DELETE FROM allegations WHERE id = ?').run(input.id);
    touchCase(ctx, row.case_id);
    recordEvent(ctx, row.case_id, 'allegation_removed', { subject: reference(row.seq), reason: input.reason ?? null });
  }).immediate();
  return { id: input.id };
}
