import { v7 as uuidv7 } from 'uuid';
import type { CaseDetail, CaseFields, CaseListQuery, CaseSummary, ChannelParsedInput } from '../../shared/contract';
import { CaseListQuerySchema } from '../../shared/contract';
import type { CountryCode } from '../../shared/domain/countries';
import { STAGE_RANK } from '../db/migrations/001-initial';
import { Failure } from '../ipc/failure';
import { ftsMatchQuery, likePattern } from '../search/fts';
import { caseHistory, recordEvent } from './case-history';
import { nextCaseReference } from './case-reference';
import type { ServiceContext } from './context';

type ListQuery = ChannelParsedInput<'cases.list'>;

interface CaseRow {
  id: string;
  reference: string;
  title: string;
  country: string | null;
  situation: string;
  summary: string;
  stage: CaseSummary['stage'];
  status: CaseSummary['status'];
  closed_reason: string | null;
  closed_at: string | null;
  allegation_count: number;
  demo: 0 | 1;
  created_at: string;
  updated_at: string;
}

const SELECT_CASE = `
  SELECT c.*, (SELECT count(*) FROM allegations a WHERE a.case_id = c.id) AS allegation_count
  FROM cases c`;

const toSummary = (row: CaseRow): CaseSummary => ({
  id: row.id,
  reference: row.reference,
  title: row.title,
  country: row.country as CountryCode | null,
  situation: row.situation,
  stage: row.stage,
  status: row.status,
  allegationCount: row.allegation_count,
  demo: row.demo === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

function findRow(ctx: ServiceContext, id: string): CaseRow {
  const row = ctx.db.prepare(`${SELECT_CASE} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'No case with this id exists in the workspace.');
  return row;
}

/** Refuses changes to a closed case: closed cases stay readable, never silently edited. */
export function requireOpenCase(ctx: ServiceContext, id: string): void {
  if (findRow(ctx, id).status === 'closed') {
    throw new Failure('CASE_CLOSED', 'This case is closed. Reopen it, with a reason, before changing it.');
  }
}

export function getCase(ctx: ServiceContext, id: string): CaseDetail {
  const row = findRow(ctx, id);
  return {
    ...toSummary(row),
    summary: row.summary,
    closedReason: row.closed_reason,
    closedAt: row.closed_at,
    history: caseHistory(ctx, id),
  };
}

/** `demo`: built by Casebench from public sources (main/demo), marked as such wherever the case shows. */
export function createCase(ctx: ServiceContext, fields: CaseFields, options: { demo?: boolean } = {}): CaseDetail {
  const id = uuidv7();
  ctx.db.transaction(() => {
    const now = ctx.now();
    const reference = nextCaseReference(ctx, new Date(now).getFullYear());
    ctx.db
      .prepare(
        `INSERT INTO cases (id, reference, title, country, situation, summary, demo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, reference, fields.title, fields.country, fields.situation, fields.summary, options.demo ? 1 : 0, now, now);
    recordEvent(ctx, id, 'created');
  }).immediate();
  return getCase(ctx, id);
}

export function updateCase(ctx: ServiceContext, input: CaseFields & { id: string }): CaseDetail {
  ctx.db.transaction(() => {
    requireOpenCase(ctx, input.id);
    ctx.db
      .prepare('UPDATE cases SET title = ?, country = ?, situation = ?, summary = ?, updated_at = ? WHERE id = ?')
      .run(input.title, input.country, input.situation, input.summary, ctx.now(), input.id);
    recordEvent(ctx, input.id, 'updated');
  }).immediate();
  return getCase(ctx, input.id);
}

export function closeCase(ctx: ServiceContext, input: { id: string; reason: string }): CaseDetail {
  ctx.db.transaction(() => {
    requireOpenCase(ctx, input.id);
    const now = ctx.now();
    ctx.db
      .prepare("UPDATE cases SET status = 'closed', closed_reason = ?, closed_at = ?, updated_at = ? WHERE id = ?")
      .run(input.reason, now, now, input.id);
    recordEvent(ctx, input.id, 'closed', { reason: input.reason });
  }).immediate();
  return getCase(ctx, input.id);
}

export function reopenCase(ctx: ServiceContext, input: { id: string; reason: string }): CaseDetail {
  ctx.db.transaction(() => {
    if (findRow(ctx, input.id).status !== 'closed') {
      throw new Failure('BAD_REQUEST', 'This case is already open.');
    }
    ctx.db
      .prepare("UPDATE cases SET status = 'open', closed_reason = NULL, closed_at = NULL, updated_at = ? WHERE id = ?")
      .run(ctx.now(), input.id);
    recordEvent(ctx, input.id, 'reopened', { reason: input.reason });
  }).immediate();
  return getCase(ctx, input.id);
}

const SORT_COLUMNS: Record<ListQuery['sort'], string> = {
  reference: 'reference',
  title: 'title COLLATE NOCASE',
  country: 'country',
  stage: `(${STAGE_RANK})`,
  updatedAt: 'updated_at',
};


/** Accepts a partial query (defaults filled from the contract), so callers name only what they filter. */
export function listCases(ctx: ServiceContext, input: CaseListQuery): { total: number; items: CaseSummary[] } {
  const query = CaseListQuerySchema.parse(input);
  const where: string[] = [];
  const params: unknown[] = [];
  const search = query.search.trim();
  const match = ftsMatchQuery(search);
  if (match) {
    where.push('c.rowid IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)');
    params.push(match);
  } else if (search) {
    // Trigrams need three characters; one- and two-character queries (often a kanji or two) scan.
    where.push("(c.reference LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\')");
    params.push(likePattern(search), likePattern(search));
  }
  if (query.stages.length) {
    where.push(`c.stage IN (${query.stages.map(() => '?').join(', ')})`);
    params.push(...query.stages);
  }
  if (query.countries.length) {
    where.push(`c.country IN (${query.countries.map(() => '?').join(', ')})`);
    params.push(...query.countries);
  }
  if (query.status !== 'all') {
    where.push('c.status = ?');
    params.push(query.status);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM cases c ${whereSql}`).get(...params) as { n: number }).n;
  // Page through ids on the sort index first, then load only that page's rows: with a large offset,
  // loading (and counting allegations for) every skipped row would dominate.
  const ids = ctx.db
    .prepare(
      `SELECT c.id FROM cases c ${whereSql}
       ORDER BY ${SORT_COLUMNS[query.sort]} ${direction}, reference ${direction}
       LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(...params, query.limit, query.offset) as string[];
  if (ids.length === 0) return { total, items: [] };
  const rows = ctx.db
    .prepare(`${SELECT_CASE} WHERE c.id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as CaseRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { total, items: ids.map((id) => toSummary(byId.get(id) as CaseRow)) };
}

export function listCaseCountries(ctx: ServiceContext): CountryCode[] {
  return (
    ctx.db.prepare('SELECT DISTINCT country FROM cases WHERE country IS NOT NULL ORDER BY country').all() as {
      country: CountryCode;
    }[]
  ).map((row) => row.country);
}
