import { MATCH_END, MATCH_START } from '../../shared/contract/channels/search';
import type { SearchProvider } from './provider';
import { ftsMatchQuery, likePattern, likeSnippet } from './fts';

interface Row {
  id: string;
  reference: string;
  title: string;
  text: string;
}

/** Cases by reference, title, situation and summary. */
export const caseSearchProvider: SearchProvider = {
  kind: 'case',
  search(ctx, query) {
    const match = ftsMatchQuery(query.text);
    const scope = query.caseId ? 'AND c.id = @caseId' : '';
    const params = { caseId: query.caseId, limit: query.limit, start: MATCH_START, end: MATCH_END };
    if (match) {
      const from = `FROM case_text_fts f JOIN cases c ON c.rowid = f.rowid WHERE case_text_fts MATCH @match ${scope}`;
      const total = ctx.db.prepare(`SELECT count(*) ${from}`).pluck().get({ ...params, match }) as number;
      const rows = ctx.db
        .prepare(
          `SELECT c.id, c.reference, c.title, snippet(case_text_fts, -1, @start, @end, '…', 12) AS text
           ${from} ORDER BY rank LIMIT @limit`,
        )
        .all({ ...params, match }) as Row[];
      return { total, hits: rows.map((r) => hit(r, r.text)) };
    }
    const like = likePattern(query.text);
    const where = `WHERE (c.reference LIKE @like ESCAPE '\\' OR c.title LIKE @like ESCAPE '\\'
      OR c.situation LIKE @like ESCAPE '\\' OR c.summary LIKE @like ESCAPE '\\') ${scope}`;
    const total = ctx.db.prepare(`SELECT count(*) FROM cases c ${where}`).pluck().get({ ...params, like }) as number;
    const rows = ctx.db
      .prepare(
        `SELECT c.id, c.reference, c.title, c.title || ' ' || c.situation || ' ' || c.summary AS text
         FROM cases c ${where} ORDER BY c.updated_at DESC LIMIT @limit`,
      )
      .all({ ...params, like }) as Row[];
    return { total, hits: rows.map((r) => hit(r, likeSnippet(r.text, query.text))) };
  },
};

const hit = (r: Row, snippet: string) => ({
  kind: 'case' as const,
  id: r.id,
  caseId: r.id,
  caseReference: r.reference,
  reference: r.reference,
  title: r.title,
  snippet,
});
