import type { CoordinationMatrix, MatrixCell, MatrixRow, SeenEntry } from '../../shared/contract/channels/screening';
import { AUTHORITIES, type Authority } from '../../shared/domain/designations';
import { getCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';
import { subjectReference } from '../services/subject-service';
import { currentListRows, screeningState, type CurrentList } from './screening-service';

/**
 * The coordination matrix: subjects down, partners across. A cell holds the partner's confirmed
 * designations of the subject (regime, listing date, list), else says whether candidates await a
 * decision, the subject was not screened against the partner's current lists, no list of the
 * partner is loaded, or the partner has not designated the subject. The gap: designated by at
 * least one partner, not by Japan. A plain function of the workspace, for the UI, the proposal's
 * coordination section and the workflow's partner-check gate alike.
 */

interface Row {
  id: string;
  seq: number;
  type: MatrixRow['subject']['type'];
  display_name: string;
  updated_at: string;
}

interface CandidateRow {
  id: string;
  subject_id: string;
  list_key: string;
  list_ref: string;
  seen: string;
  decision: 'pending' | 'confirmed' | 'rejected';
}

/**
 * The authorities whose lists a current list covers: its own, or (a mixed file) those its entries
 * name, as its import recorded them (designation_lists.authorities: no scan of the entries).
 */
function listsByAuthority(ctx: ServiceContext, lists: CurrentList[]): Record<Authority, CurrentList[]> {
  const by = Object.fromEntries(AUTHORITIES.map((a) => [a, [] as CurrentList[]])) as Record<Authority, CurrentList[]>;
  const recorded = ctx.db.prepare('SELECT authorities FROM designation_lists WHERE id = ?').pluck();
  for (const list of lists) {
    const authorities = list.authority ? [list.authority] : (JSON.parse((recorded.get(list.id) as string | undefined) ?? '[]') as Authority[]);
    for (const a of authorities) by[a]?.push(list);
  }
  return by;
}

export function coordinationMatrix(ctx: ServiceContext, input: { caseId?: string | undefined } = {}): CoordinationMatrix {
  if (input.caseId) getCase(ctx, input.caseId);
  const subjects = (
    input.caseId
      ? ctx.db
          .prepare(
            `SELECT s.id, s.seq, s.type, s.display_name, s.updated_at FROM case_subjects cs JOIN subjects s ON s.id = cs.subject_id
             WHERE cs.case_id = ? ORDER BY s.seq`,
          )
          .all(input.caseId)
      : ctx.db.prepare('SELECT id, seq, type, display_name, updated_at FROM subjects ORDER BY seq').all()
  ) as Row[];
  const lists = currentListRows(ctx.db);
  const byAuthority = listsByAuthority(ctx, lists);
  const currentKeys = new Set(lists.map((l) => l.key));
  const listName = new Map(lists.map((l) => [l.key, l.listName]));
  // Only candidates the latest screening found on a list still loaded count: a delisted entry is not a designation.
  const casesOf = ctx.db.prepare(
    'SELECT c.id, c.reference FROM case_subjects cs JOIN cases c ON c.id = cs.case_id WHERE cs.subject_id = ? ORDER BY c.reference',
  );
  const candidatesOf = ctx.db.prepare(
    "SELECT id, subject_id, list_key, list_ref, seen, decision FROM screening_candidates WHERE subject_id = ? AND current = 1 AND decision <> 'rejected'",
  );

  const rows = subjects.map((subject): MatrixRow => {
    const { unscreenedLists } = screeningState(ctx.db, subject, lists);
    const unscreened = new Set(unscreenedLists);
    const candidates = (candidatesOf.all(subject.id) as CandidateRow[]).filter((c) => currentKeys.has(c.list_key));
    const cells = {} as Record<Authority, MatrixCell>;
    for (const authority of AUTHORITIES) {
      const own = candidates
        .map((c) => ({ c, seen: JSON.parse(c.seen) as SeenEntry }))
        .filter(({ seen }) => seen.authority === authority);
      const designations = own
        .filter(({ c }) => c.decision === 'confirmed')
        .map(({ c, seen }) => ({
          candidateId: c.id,
          listKey: c.list_key,
          listRef: c.list_ref,
          listName: listName.get(c.list_key) ?? seen.listName,
          programmes: seen.programmes,
          listedOn: seen.listedOn,
          name: seen.name,
        }))
        .sort((a, b) => (a.listedOn ?? '9999').localeCompare(b.listedOn ?? '9999'));
      const pending = own.filter(({ c }) => c.decision === 'pending').length;
      const loaded = byAuthority[authority];
      const state: MatrixCell['state'] =
        designations.length > 0
          ? 'designated'
          : loaded.length === 0
            ? 'list_not_loaded'
            : pending > 0
              ? 'pending'
              : loaded.some((l) => unscreened.has(l.key))
                ? 'not_screened'
                : 'not_designated';
      cells[authority] = { state, designations, pending };
    }
    const designatedBy = AUTHORITIES.filter((a) => a !== 'JP' && cells[a].state === 'designated');
    const dates = designatedBy.flatMap((a) => cells[a].designations.map((d) => d.listedOn)).filter((d): d is string => d !== null);
    return {
      subject: { id: subject.id, reference: subjectReference(subject.seq), type: subject.type, displayName: subject.display_name },
      cases: casesOf.all(subject.id) as MatrixRow['cases'],
      cells,
      designatedBy,
      gap: designatedBy.length > 0 && cells.JP.state !== 'designated',
      firstListedOn: dates.sort()[0] ?? null,
    };
  });

  return {
    authorities: [...AUTHORITIES],
    lists: Object.fromEntries(
      AUTHORITIES.map((a) => [a, byAuthority[a].map((l) => ({ key: l.key, listName: l.listName, listDate: l.listDate, importedAt: l.importedAt }))]),
    ) as CoordinationMatrix['lists'],
    rows,
  };
}
