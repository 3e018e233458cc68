import type { Database } from 'better-sqlite3';
import { OneAtATime } from '../db/one-at-a-time';
import { v7 as uuidv7 } from 'uuid';
import type {
  DesignatedPerson,
  ScreeningCandidate,
  ScreeningReasons,
  ScreeningRunResult,
  SeenEntry,
  SubjectScreening,
} from '../../shared/contract/channels/screening';
import type { Authority, DesignationEntry } from '../../shared/domain/designations';
import type { SubjectType } from '../../shared/domain/subjects';
import { Failure } from '../ipc/failure';
import { entryByRef, rekeyStaleLists } from '../lists/designation-store';
import { recordEvent } from '../services/case-history';
import { getCase, requireOpenCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';
import { subjectReference } from '../services/subject-service';
import { CandidateSearch } from './candidate-search';
import { subjectProfile } from './profile';
import { groupSamePerson } from './same-person';

/**
 * Screening runs, candidates and decisions (docs/screening.md). A run screens subjects against the
 * current version of every list; what it finds is written per subject in one transaction, keyed by
 * (subject, list key, list reference), so that decisions survive re-imports and re-runs.
 */

interface CandidateRow {
  id: string;
  subject_id: string;
  list_key: string;
  list_ref: string;
  score: number;
  reasons: string;
  seen: string;
  current: number;
  decision: ScreeningCandidate['decision'];
  note: string;
  decided_by: string | null;
  decided_at: string | null;
  first_found_at: string;
  screened_at: string;
}

interface SubjectRow {
  id: string;
  seq: number;
  type: SubjectType;
  display_name: string;
  updated_at: string;
}

export interface CurrentList {
  id: number;
  key: string;
  authority: Authority | null;
  listName: string;
  listDate: string | null;
  importedAt: string;
}

export function currentListRows(db: Database): CurrentList[] {
  return (
    db
      .prepare("SELECT id, key, authority, list_name, list_date, imported_at FROM designation_lists WHERE state = 'current' ORDER BY key")
      .all() as { id: number; key: string; authority: Authority | null; list_name: string; list_date: string | null; imported_at: string }[]
  ).map((r) => ({ id: r.id, key: r.key, authority: r.authority, listName: r.list_name, listDate: r.list_date, importedAt: r.imported_at }));
}

function subjectRow(ctx: ServiceContext, id: string): SubjectRow {
  const row = ctx.db.prepare('SELECT id, seq, type, display_name, updated_at FROM subjects WHERE id = ?').get(id) as SubjectRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'No subject with this id exists in the workspace.');
  return row;
}

const subjectRef = (row: SubjectRow) => ({ id: row.id, reference: subjectReference(row.seq), type: row.type, displayName: row.display_name });

function subjectsInScope(ctx: ServiceContext, scope: { scope: 'subject'; subjectId: string } | { scope: 'case'; caseId: string } | { scope: 'workspace' }): string[] {
  if (scope.scope === 'subject') return [subjectRow(ctx, scope.subjectId).id];
  if (scope.scope === 'case') {
    getCase(ctx, scope.caseId);
    return ctx.db
      .prepare('SELECT s.id FROM case_subjects cs JOIN subjects s ON s.id = cs.subject_id WHERE cs.case_id = ? ORDER BY s.seq')
      .pluck()
      .all(scope.caseId) as string[];
  }
  return ctx.db.prepare('SELECT id FROM subjects ORDER BY seq').pluck().all() as string[];
}

/**
 * Writes subjects' runs: upserts what was found, drops pending candidates no longer found, keeps
 * decided ones as not current (their decision is history), and notes which version of each list
 * was screened. Statements are prepared once per run; call it inside a transaction.
 */
function runWriter(ctx: ServiceContext) {
  const upsert = ctx.db.prepare(
    `INSERT INTO screening_candidates (id, subject_id, list_key, list_ref, score, reasons, seen, current, first_found_at, screened_at)
     VALUES (@id, @subject, @key, @ref, @score, @reasons, @seen, 1, @at, @at)
     ON CONFLICT (subject_id, list_key, list_ref) DO UPDATE SET
       score = excluded.score, reasons = excluded.reasons, seen = excluded.seen, current = 1, screened_at = excluded.screened_at`,
  );
  const before = ctx.db.prepare('SELECT id, list_key, list_ref, decision FROM screening_candidates WHERE subject_id = ?');
  const drop = ctx.db.prepare('DELETE FROM screening_candidates WHERE id = ?');
  const retire = ctx.db.prepare('UPDATE screening_candidates SET current = 0 WHERE id = ?');
  const forgetRuns = ctx.db.prepare('DELETE FROM screening_runs WHERE subject_id = ?');
  const addRun = ctx.db.prepare('INSERT INTO screening_runs (subject_id, list_key, list_imported_at, screened_at) VALUES (?, ?, ?, ?)');
  const keyOf = (listKey: string, listRef: string) => `${listKey}\u0000${listRef}`;

  return (subjectId: string, found: ReturnType<CandidateSearch['find']>, lists: CurrentList[], at: string): { candidates: number; added: number } => {
    const existing = before.all(subjectId) as Pick<CandidateRow, 'id' | 'list_key' | 'list_ref' | 'decision'>[];
    const known = new Set(existing.map((row) => keyOf(row.list_key, row.list_ref)));
    const foundKeys = new Set(found.map((c) => keyOf(c.listKey, c.listRef)));
    let added = 0;
    for (const c of found) {
      if (!known.has(keyOf(c.listKey, c.listRef))) added++;
      upsert.run({ id: uuidv7(), subject: subjectId, key: c.listKey, ref: c.listRef, score: c.score, reasons: JSON.stringify(c.reasons), seen: JSON.stringify(c.seen), at });
    }
    for (const row of existing) {
      if (foundKeys.has(keyOf(row.list_key, row.list_ref))) continue;
      if (row.decision === 'pending') drop.run(row.id);
      else retire.run(row.id);
    }
    forgetRuns.run(subjectId);
    for (const list of lists) addRun.run(subjectId, list.key, list.importedAt, at);
    return { candidates: found.length, added };
  };
}

/** Subjects screened and written per transaction, the event loop free in between. */
const RUN_BATCH = 50;

/** One run at a time per workspace: a second waits for the first. */
const running = new OneAtATime();

/**
 * Screens the subjects in scope against every current list. Lists indexed by an older matcher
 * are re-indexed first. Subjects are screened one by one, the event loop free in between.
 */
export async function runScreening(
  ctx: ServiceContext,
  scope: Parameters<typeof subjectsInScope>[1],
): Promise<ScreeningRunResult> {
  return running.run(ctx.db, () => runNow(ctx, scope));
}

async function runNow(ctx: ServiceContext, scope: Parameters<typeof subjectsInScope>[1]): Promise<ScreeningRunResult> {
  const subjectIds = subjectsInScope(ctx, scope);
  if (currentListRows(ctx.db).length === 0) {
    throw new Failure('NO_LISTS_LOADED', 'No sanctions list has been imported yet: import the partners’ lists before screening.');
  }
  // Keys made by an older matcher would miss candidates silently: re-made first (the store's work).
  const reindexedLists = await rekeyStaleLists(ctx.db);
  const screenedAt = ctx.now();
  let candidates = 0;
  let newCandidates = 0;
  let lists = currentListRows(ctx.db);
  for (let start = 0; start < subjectIds.length; start += RUN_BATCH) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    // Each batch in one transaction, reading and writing: a list replaced between batches is
    // screened in the version then current, and recorded as such.
    ctx.db
      .transaction(() => {
        lists = currentListRows(ctx.db);
        const search = new CandidateSearch(ctx.db);
        const recordRun = runWriter(ctx);
        for (const subjectId of subjectIds.slice(start, start + RUN_BATCH)) {
          // A subject removed meanwhile is simply not screened.
          if (!ctx.db.prepare('SELECT 1 FROM subjects WHERE id = ?').get(subjectId)) continue;
          const found = search.find(subjectProfile(ctx, subjectId));
          const result = recordRun(subjectId, found, lists, screenedAt);
          candidates += result.candidates;
          newCandidates += result.added;
        }
      })
      .immediate();
  }
  return {
    subjects: subjectIds.length,
    lists: lists.map((l) => ({ key: l.key, authority: l.authority, listName: l.listName })),
    candidates,
    newCandidates,
    reindexedLists,
    screenedAt,
  };
}

function toCandidate(db: Database, row: CandidateRow): ScreeningCandidate {
  const detail = row.current === 1 || row.decision !== 'pending' ? entryByRef(db, row.list_key, row.list_ref) : null;
  return {
    id: row.id,
    subjectId: row.subject_id,
    listKey: row.list_key,
    listRef: row.list_ref,
    score: row.score,
    reasons: JSON.parse(row.reasons) as ScreeningReasons,
    decision: row.decision,
    note: row.note,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    current: row.current === 1,
    seen: JSON.parse(row.seen) as SeenEntry,
    entry: detail?.entry ?? null,
    firstFoundAt: row.first_found_at,
    screenedAt: row.screened_at,
  };
}

/** Candidates of one subject, best first, as designated persons (an entry listed several times is one person). */
function personsOf(db: Database, subjectId: string): DesignatedPerson[] {
  const rows = db
    .prepare('SELECT * FROM screening_candidates WHERE subject_id = ? ORDER BY score DESC, list_key, list_ref')
    .all(subjectId) as CandidateRow[];
  const candidates = rows.map((r) => toCandidate(db, r));
  const items = candidates.map((candidate) => ({ candidate, entry: candidate.entry ?? stubEntry(candidate) }));
  return groupSamePerson(items)
    .map((group) => {
      const members = group.members.map((m) => m.candidate);
      const best = members[0]!;
      return {
        key: best.id,
        name: best.seen.name,
        authorities: [...new Set(members.map((m) => m.seen.authority))],
        bestScore: best.score,
        linkedBy: group.linkedBy,
        candidates: members,
      };
    })
    .sort((a, b) => b.bestScore - a.bestScore);
}

/** An entry no longer listed is grouped by the name it had. */
function stubEntry(c: ScreeningCandidate): DesignationEntry {
  return {
    listId: c.listRef,
    type: c.seen.type,
    programmes: c.seen.programmes,
    listedOn: c.seen.listedOn,
    names: [{ value: c.seen.name, script: null, lang: null, strength: 'primary' }],
    datesOfBirth: [],
    placesOfBirth: [],
    nationalities: [],
    identifiers: [],
    addresses: [],
    positions: [],
    remarks: [],
  };
}

/**
 * Lists (keys) whose current version the subject has not been screened against, or not since the
 * subject was edited; and when it was last screened against all of them (null if it has not been).
 */
export function screeningState(db: Database, subject: SubjectRow, lists: CurrentList[]): { screenedAt: string | null; unscreenedLists: string[] } {
  const runs = new Map(
    (db.prepare('SELECT list_key, list_imported_at, screened_at FROM screening_runs WHERE subject_id = ?').all(subject.id) as {
      list_key: string;
      list_imported_at: string;
      screened_at: string;
    }[]).map((r) => [r.list_key, r]),
  );
  const unscreenedLists = lists
    .filter((l) => {
      const run = runs.get(l.key);
      return !run || run.list_imported_at !== l.importedAt || run.screened_at < subject.updated_at;
    })
    .map((l) => l.key);
  const times = lists.map((l) => runs.get(l.key)?.screened_at).filter((t): t is string => t !== undefined);
  const screenedAt = lists.length > 0 && unscreenedLists.length === 0 ? times.sort()[0]! : null;
  return { screenedAt, unscreenedLists };
}

export function listCandidates(ctx: ServiceContext, input: { subjectId: string } | { caseId: string }): SubjectScreening[] {
  const ids = 'subjectId' in input ? subjectsInScope(ctx, { scope: 'subject', subjectId: input.subjectId }) : subjectsInScope(ctx, { scope: 'case', caseId: input.caseId });
  const lists = currentListRows(ctx.db);
  return ids.map((id) => {
    const row = subjectRow(ctx, id);
    return { subject: subjectRef(row), ...screeningState(ctx.db, row, lists), persons: personsOf(ctx.db, id) };
  });
}

export function getCandidate(ctx: ServiceContext, id: string): ScreeningCandidate {
  const row = ctx.db.prepare('SELECT * FROM screening_candidates WHERE id = ?').get(id) as CandidateRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'This screening candidate no longer exists; screen the subject again.');
  return toCandidate(ctx.db, row);
}

/**
 * Records the investigator's decision on a candidate and stamps it in the case history: of the
 * case given (which must be open and hold the subject), else of every open case the subject is in.
 */
export function decideCandidate(
  ctx: ServiceContext,
  input: { candidateId: string; decision: 'confirmed' | 'rejected'; note: string; caseId?: string | undefined },
): ScreeningCandidate {
  ctx.db
    .transaction(() => {
      const row = ctx.db.prepare('SELECT * FROM screening_candidates WHERE id = ?').get(input.candidateId) as CandidateRow | undefined;
      if (!row) throw new Failure('NOT_FOUND', 'This screening candidate no longer exists; screen the subject again.');
      const subject = subjectRow(ctx, row.subject_id);
      let cases: string[];
      if (input.caseId) {
        requireOpenCase(ctx, input.caseId);
        const linked = ctx.db.prepare('SELECT 1 FROM case_subjects WHERE case_id = ? AND subject_id = ?').get(input.caseId, subject.id);
        if (!linked) throw new Failure('NOT_FOUND', 'This subject is not part of this case.');
        cases = [input.caseId];
      } else {
        cases = ctx.db
          .prepare("SELECT c.id FROM case_subjects cs JOIN cases c ON c.id = cs.case_id WHERE cs.subject_id = ? AND c.status <> 'closed'")
          .pluck()
          .all(subject.id) as string[];
      }
      const now = ctx.now();
      ctx.db
        .prepare('UPDATE screening_candidates SET decision = ?, note = ?, decided_by = ?, decided_at = ? WHERE id = ?')
        .run(input.decision, input.note, ctx.actor, now, row.id);
      const seen = JSON.parse(row.seen) as SeenEntry;
      const label = `${subjectReference(subject.seq)} ${subject.display_name} — ${seen.authority} ${row.list_ref} ${seen.name}`.slice(0, 200);
      for (const caseId of cases) {
        ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(now, caseId);
        recordEvent(ctx, caseId, input.decision === 'confirmed' ? 'screening_confirmed' : 'screening_rejected', {
          subject: label,
          reason: input.note.trim() === '' ? null : input.note,
        });
      }
    })
    .immediate();
  return getCandidate(ctx, input.candidateId);
}
