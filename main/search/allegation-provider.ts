import { MATCH_END, MATCH_START } from '../../shared/contract/channels/search';
import type { SearchProvider } from './provider';
import { ftsMatchQuery, likePattern, likeSnippet } from './fts';

interface Row {
  id: string;
  case_id: string;
  case_reference: string;
  seq: number;
  category: string;
  text: string;
}

/** Allegations by place, narrative and victims' pseudonyms. The title is the conduct category code; the UI labels it. */
export const allegationSearchProvider: SearchProvider = {
  kind: 'allegation',
  search(ctx, query) {
    const match = ftsMatchQuery(query.text);
    const scope = query.caseId ? 'AND a.case_id = @caseId' : '';
    const params = { caseId: query.caseId, limit: query.limit, start: MATCH_START, end: MATCH_END };
    const select = 'SELECT a.id, a.case_id, c.reference AS case_reference, a.seq, a.category';
    if (match) {
      const from = `FROM allegation_text_fts f JOIN allegations a ON a.rowid = f.rowid JOIN cases c ON c.id = a.case_id
        WHERE allegation_text_fts MATCH @match ${scope}`;
      const total = ctx.db.prepare(`SELECT count(*) ${from}`).pluck().get({ ...params, match }) as number;
      const rows = ctx.db
        .prepare(`${select}, snippet(allegation_text_fts, -1, @start, @end, '…', 12) AS text ${from} ORDER BY rank LIMIT @limit`)
        .all({ ...params, match }) as Row[];
      return { total, hits: rows.map((r) => hit(r, r.text)) };
    }
    const like = likePattern(query.text);
    const from = `FROM allegations a JOIN cases c ON c.id = a.case_id
      WHERE (a.place LIKE @like ESCAPE '\\' OR a.narrative LIKE @like ESCAPE '\\' OR a.victims LIKE @like ESCAPE '\\') ${scope}`;
    const total = ctx.db.prepare(`SELECT count(*) ${from}`).pluck().get({ ...params, like }) as number;
    const rows = ctx.db
      .prepare(`${select}, a.place || ' ' || a.narrative AS text ${from} ORDER BY a.updated_at DESC LIMIT @limit`)
      .all({ ...params, like }) as Row[];
    return { total, hits: rows.map((r) => hit(r, likeSnippet(r.text, query.text))) };
  },
};

const hit = (r: Row, snippet: string) => ({
  kind: 'allegation' as const,
  id: r.id,
  caseId: r.case_id,
  caseReference: r.case_reference,
  reference: `A-${r.seq}`,
  title: r.category,
  snippet,
});
