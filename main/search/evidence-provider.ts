import { MATCH_END, MATCH_START } from '../../shared/contract/channels/search';
import type { SearchProvider } from './provider';
import { ftsMatchQuery, likePattern, likeSnippet } from './fts';

interface Row {
  id: string;
  case_id: string;
  case_reference: string;
  seq: number;
  title: string;
  text: string;
}

/**
 * Evidence by exhibit, title, description, original name, tags, notes and the text extracted from
 * its file (evidence_fts, migration 002). Queries under 3 characters use LIKE over the metadata.
 */
export const evidenceSearchProvider: SearchProvider = {
  kind: 'evidence',
  search(ctx, query) {
    const match = ftsMatchQuery(query.text);
    const scope = query.caseId ? 'AND e.case_id = @caseId' : '';
    const params = { caseId: query.caseId, limit: query.limit, start: MATCH_START, end: MATCH_END };
    const select = 'SELECT e.id, e.case_id, c.reference AS case_reference, e.seq, e.title';
    if (match) {
      const from = `FROM evidence_fts f JOIN evidence_items e ON e.rowid = f.rowid JOIN cases c ON c.id = e.case_id
        WHERE evidence_fts MATCH @match ${scope}`;
      const total = ctx.db.prepare(`SELECT count(*) ${from}`).pluck().get({ ...params, match }) as number;
      const rows = ctx.db
        .prepare(`${select}, snippet(evidence_fts, -1, @start, @end, '…', 12) AS text ${from} ORDER BY rank LIMIT @limit`)
        .all({ ...params, match }) as Row[];
      return { total, hits: rows.map((r) => hit(r, r.text)) };
    }
    const like = likePattern(query.text);
    const fields = ['e.title', 'e.description', 'e.original_name', 'e.tags', 'e.notes'];
    const from = `FROM evidence_items e JOIN cases c ON c.id = e.case_id
      WHERE (${fields.map((f) => `${f} LIKE @like ESCAPE '\\'`).join(' OR ')}) ${scope}`;
    const total = ctx.db.prepare(`SELECT count(*) ${from}`).pluck().get({ ...params, like }) as number;
    const rows = ctx.db
      .prepare(
        `${select}, e.title || ' ' || coalesce(e.original_name, '') || ' ' || e.description || ' ' || e.notes AS text
         ${from} ORDER BY e.updated_at DESC LIMIT @limit`,
      )
      .all({ ...params, like }) as Row[];
    return { total, hits: rows.map((r) => hit(r, likeSnippet(r.text, query.text))) };
  },
};

const hit = (r: Row, snippet: string) => ({
  kind: 'evidence' as const,
  id: r.id,
  caseId: r.case_id,
  caseReference: r.case_reference,
  reference: `E-${r.seq}`,
  title: r.title,
  snippet,
});
