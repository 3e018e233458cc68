import { MATCH_END, MATCH_START, type SearchHit } from '../../shared/contract/channels/search';
import type { SearchProvider } from './provider';
import { ftsMatchQuery, likePattern, likeSnippet } from './fts';

interface Row {
  id: string;
  seq: number;
  display_name: string;
  case_id: string | null;
  case_reference: string | null;
  text: string;
}

/**
 * Subjects by every name and alias in every script (the subject_names_fts trigram index of
 * migration 003): "アウン" finds ミン・アウン・フライン, "明山" finds 王明山, "fraine" finds
 * "Fraîne". One hit per subject, with the name that matched as its snippet. A subject belongs to
 * no case or to several: the hit names the first case it is in (or, with a case scope, that case).
 */
export const subjectSearchProvider: SearchProvider = {
  kind: 'subject',
  search(ctx, query) {
    const match = ftsMatchQuery(query.text);
    const caseJoin = query.caseId
      ? 'JOIN case_subjects cs ON cs.subject_id = s.id AND cs.case_id = @caseId'
      : 'LEFT JOIN case_subjects cs ON cs.subject_id = s.id AND cs.case_id = (SELECT min(case_id) FROM case_subjects WHERE subject_id = s.id)';
    const select = `SELECT s.id, s.seq, s.display_name, cs.case_id, c.reference AS case_reference`;
    const joins = `JOIN subjects s ON s.id = n.subject_id ${caseJoin} LEFT JOIN cases c ON c.id = cs.case_id`;
    const params = { caseId: query.caseId, start: MATCH_START, end: MATCH_END };
    let rows: Row[];
    if (match) {
      rows = ctx.db
        .prepare(
          `${select}, snippet(subject_names_fts, 0, @start, @end, '…', 16) AS text
           FROM subject_names_fts f JOIN subject_names n ON n.rowid = f.rowid ${joins}
           WHERE subject_names_fts MATCH @match ORDER BY rank`,
        )
        .all({ ...params, match }) as Row[];
    } else {
      rows = (
        ctx.db
          .prepare(`${select}, n.value AS text FROM subject_names n ${joins} WHERE n.value LIKE @like ESCAPE '\\' ORDER BY s.seq DESC`)
          .all({ ...params, like: likePattern(query.text) }) as Row[]
      ).map((r) => ({ ...r, text: likeSnippet(r.text, query.text) }));
    }
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      hits.push({
        kind: 'subject',
        id: r.id,
        caseId: r.case_id,
        caseReference: r.case_reference,
        reference: `S-${r.seq}`,
        title: r.display_name,
        snippet: r.text,
      });
    }
    return { total: hits.length, hits: hits.slice(0, query.limit) };
  },
};
