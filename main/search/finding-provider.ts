import { MATCH_END, MATCH_START } from '../../shared/contract/channels/search';
import type { SearchProvider } from './provider';
import { ftsMatchQuery, likePattern, likeSnippet } from './fts';

interface Row {
  id: string;
  case_id: string;
  case_reference: string;
  reference: string | null;
  title: string | null;
  text: string;
}

/**
 * Findings and statements of reasons by their words (plain text kept by the findings service,
 * exhibit references as "Exhibit E-12"). The hit is referenced by what the text is about: the
 * allegation (A-3, titled by its conduct category code, which the UI labels) or the subject (S-2,
 * titled by its name).
 */
export const findingSearchProvider: SearchProvider = {
  kind: 'finding',
  search(ctx, query) {
    const match = ftsMatchQuery(query.text);
    const scope = query.caseId ? 'AND f.case_id = @caseId' : '';
    const params = { caseId: query.caseId, limit: query.limit, start: MATCH_START, end: MATCH_END };
    const select = `SELECT f.id, f.case_id, c.reference AS case_reference,
      CASE f.target_type WHEN 'allegation' THEN 'A-' || a.seq ELSE 'S-' || s.seq END AS reference,
      CASE f.target_type WHEN 'allegation' THEN a.category ELSE s.display_name END AS title`;
    const joins = `JOIN cases c ON c.id = f.case_id
      LEFT JOIN allegations a ON f.target_type = 'allegation' AND a.id = f.target_id
      LEFT JOIN subjects s ON f.target_type = 'subject' AND s.id = f.target_id`;
    if (match) {
      const from = `FROM finding_text_fts x JOIN findings f ON f.rowid = x.rowid ${joins} WHERE finding_text_fts MATCH @match ${scope}`;
      const total = ctx.db.prepare(`SELECT count(*) ${from}`).pluck().get({ ...params, match }) as number;
      const rows = ctx.db
        .prepare(`${select}, snippet(finding_text_fts, 0, @start, @end, '…', 12) AS text ${from} ORDER BY rank LIMIT @limit`)
        .all({ ...params, match }) as Row[];
      return { total, hits: rows.map((r) => hit(r, r.text)) };
    }
    const from = `FROM findings f ${joins} WHERE f.plain_text LIKE @like ESCAPE '\\' ${scope}`;
    const like = likePattern(query.text);
    const total = ctx.db.prepare(`SELECT count(*) ${from}`).pluck().get({ ...params, like }) as number;
    const rows = ctx.db
      .prepare(`${select}, f.plain_text AS text ${from} ORDER BY f.updated_at DESC LIMIT @limit`)
      .all({ ...params, like }) as Row[];
    return { total, hits: rows.map((r) => hit(r, likeSnippet(r.text, query.text))) };
  },
};

const hit = (r: Row, snippet: string) => ({
  kind: 'finding' as const,
  id: r.id,
  caseId: r.case_id,
  caseReference: r.case_reference,
  reference: r.reference,
  title: r.title ?? '',
  snippet,
});
