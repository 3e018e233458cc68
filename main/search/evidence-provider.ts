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
 * Above this many matches a query is "very common": it is neither counted nor ranked in full.
 * Counting stops here (the total reads MATCH_CAP then, meaning "this many or more"), and the hits
 * are the most recently added matching items instead of the best bm25 scores.
 */
export const MATCH_CAP = 1000;

/**
 * Evidence by exhibit, title, description, original name, tags, notes and the text extracted from
 * its file (evidence_fts, migration 002). Queries under 3 characters use LIKE over the metadata.
 *
 * Cost is bounded by MATCH_CAP for very common terms. bm25 (`ORDER BY rank`) reads the
 * position lists of every matching item, and first counts the matches of each term over the whole
 * index for its idf, so ranking a term found in most of 100,000 items takes seconds, as does an
 * exact count of a multi-trigram phrase. So: count matches newest first, stopping after the cap;
 * with at most MATCH_CAP matches in the whole workspace, rank all of them by bm25 and report the
 * exact total; beyond, show the newest matches and report MATCH_CAP as a lower bound.
 */
export const evidenceSearchProvider: SearchProvider = {
  kind: 'evidence',
  search(ctx, query) {
    const match = ftsMatchQuery(query.text);
    const scope = query.caseId ? 'AND e.case_id = @caseId' : '';
    const params = { caseId: query.caseId, limit: query.limit, start: MATCH_START, end: MATCH_END };
    const select = 'SELECT e.id, e.case_id, c.reference AS case_reference, e.seq, e.title';
    if (match) {
      const cap = { match, caseId: query.caseId, over: MATCH_CAP + 1 };
      // FTS5 walks its doclists newest first and stops at the LIMIT: a very common term stops early;
      // a term in ~1% of items (or a case holding few of the matches) still walks most of the index.
      const capped = (scoped: string) =>
        ctx.db
          .prepare(
            `SELECT count(*) FROM (SELECT f.rowid FROM evidence_fts f JOIN evidence_items e ON e.rowid = f.rowid
               WHERE evidence_fts MATCH @match ${scoped} ORDER BY f.rowid DESC LIMIT @over)`,
          )
          .pluck()
          .get(cap) as number;
      const found = capped(scope);
      // bm25's idf counts matches over the whole index, in or out of the case: rank only if those are few.
      const rankable = found <= MATCH_CAP && (!query.caseId || capped('') <= MATCH_CAP);
      const from = `FROM evidence_fts f JOIN evidence_items e ON e.rowid = f.rowid JOIN cases c ON c.id = e.case_id
        WHERE evidence_fts MATCH @match ${scope}`;
      const rows = ctx.db
        .prepare(
          `${select}, snippet(evidence_fts, -1, @start, @end, '…', 12) AS text ${from}
           ORDER BY ${rankable ? 'rank' : 'f.rowid DESC'} LIMIT @limit`,
        )
        .all({ ...params, match }) as Row[];
      return { total: Math.min(found, MATCH_CAP), capped: found > MATCH_CAP, hits: rows.map((r) => hit(r, r.text)) };
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
