import { v7 as uuidv7 } from 'uuid';
import type {
  CaseSubject,
  FieldIssue,
  Relationship,
  RelationshipFields,
  Subject,
  SubjectFields,
  SubjectMatch,
} from '../../shared/contract';
import { MATCH_END, MATCH_START } from '../../shared/contract/channels/search';
import { fuzzyDateBounds, type FuzzyDate } from '../../shared/domain/fuzzy-date';
import type { SubjectRole } from '../../shared/domain/subjects';
import { Failure } from '../ipc/failure';
import { ftsMatchQuery, likePattern, likeSnippet } from '../search/fts';
import { recordEvent } from './case-history';
import { getCase, requireOpenCase } from './case-service';
import type { ServiceContext } from './context';

interface SubjectRow {
  id: string;
  seq: number;
  type: Subject['type'];
  display_name: string;
  notes: string;
  created_at: string;
  updated_at: string;
}
interface NameRow {
  id: string;
  kind: 'name' | 'alias';
  script: Subject['names'][number]['script'];
  value: string;
  is_primary: number;
  strength: 'strong' | 'weak' | null;
  evidence_ids: string;
}
interface FactRow {
  id: string;
  kind: FactKind;
  data: string;
  evidence_ids: string;
}
interface RelationshipRow {
  id: string;
  from_id: string;
  to_id: string;
  kind: Relationship['kind'];
  period: string;
  note: string;
  evidence_ids: string;
  created_at: string;
  updated_at: string;
}

/** Which list of SubjectFields each fact kind stores, in the order the lists are shown. */
const FACT_LISTS = {
  birth_date: 'birthDates',
  birth_place: 'birthPlaces',
  nationality: 'nationalities',
  document: 'documents',
  position: 'positions',
  address: 'addresses',
} as const;
type FactKind = keyof typeof FACT_LISTS;

export const subjectReference = (seq: number) => `S-${seq}`;

/** The one-line name: the primary Latin name, else the first primary name, else the first name. */
export function displayNameOf(names: readonly { script: string; value: string; primary: boolean }[]): string {
  const latin = names.find((n) => n.primary && n.script === 'latn') ?? names.find((n) => n.script === 'latn');
  return (latin ?? names.find((n) => n.primary) ?? names[0])?.value ?? '';
}

const parseIds = (json: string) => JSON.parse(json) as string[];

function findRow(ctx: ServiceContext, id: string): SubjectRow {
  const row = ctx.db.prepare('SELECT * FROM subjects WHERE id = ?').get(id) as SubjectRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'No subject with this id exists in the workspace.');
  return row;
}

const hasTable = (ctx: ServiceContext, name: string) =>
  ctx.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** "E-3" for each cited evidence item the vault knows; empty before the vault exists. */
function exhibitsOf(ctx: ServiceContext, ids: readonly string[]): Record<string, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || !hasTable(ctx, 'evidence_items')) return {};
  const rows = ctx.db
    .prepare('SELECT id, seq FROM evidence_items WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(unique)) as { id: string; seq: number }[];
  return Object.fromEntries(rows.map((r) => [r.id, `E-${r.seq}`]));
}

/**
 * Refuses citations of evidence items that do not exist, each at its own field path
 * ("names.2.evidenceIds"). Before the evidence vault exists there is nothing to check against.
 */
function checkCitations(ctx: ServiceContext, cited: { path: string; ids: readonly string[] }[]): void {
  if (!cited.some((c) => c.ids.length) || !hasTable(ctx, 'evidence_items')) return;
  const exists = ctx.db.prepare('SELECT 1 FROM evidence_items WHERE id = ?');
  const fields: Record<string, FieldIssue> = {};
  for (const { path, ids } of cited) {
    if (ids.some((id) => exists.get(id) === undefined)) fields[path] = { code: 'invalid_choice' };
  }
  if (Object.keys(fields).length) throw new Failure('VALIDATION_FAILED', 'Some cited evidence does not exist.', fields);
}

function citationsOf(fields: SubjectFields): { path: string; ids: readonly string[] }[] {
  const lists = ['names', 'aliases', ...Object.values(FACT_LISTS)] as const;
  return lists.flatMap((list) =>
    (fields[list] as readonly { evidenceIds: string[] }[]).map((row, i) => ({ path: `${list}.${i}.evidenceIds`, ids: row.evidenceIds })),
  );
}

export function getSubject(ctx: ServiceContext, id: string): Subject {
  const row = findRow(ctx, id);
  const names = ctx.db
    .prepare('SELECT * FROM subject_names WHERE subject_id = ? ORDER BY kind, position')
    .all(id) as NameRow[];
  const facts = ctx.db
    .prepare('SELECT id, kind, data, evidence_ids FROM subject_facts WHERE subject_id = ? ORDER BY kind, position')
    .all(id) as FactRow[];
  const factsOf = <K extends FactKind>(kind: K) =>
    facts
      .filter((f) => f.kind === kind)
      .map((f) => ({ id: f.id, ...(JSON.parse(f.data) as object), evidenceIds: parseIds(f.evidence_ids) }));
  const subject: Omit<Subject, 'exhibits'> = {
    id: row.id,
    reference: subjectReference(row.seq),
    type: row.type,
    displayName: row.display_name,
    names: names
      .filter((n) => n.kind === 'name')
      .map((n) => ({ id: n.id, script: n.script, value: n.value, primary: n.is_primary === 1, evidenceIds: parseIds(n.evidence_ids) })),
    aliases: names
      .filter((n) => n.kind === 'alias')
      .map((n) => ({ id: n.id, script: n.script, value: n.value, strength: n.strength ?? 'strong', evidenceIds: parseIds(n.evidence_ids) })),
    birthDates: factsOf('birth_date') as Subject['birthDates'],
    birthPlaces: factsOf('birth_place') as Subject['birthPlaces'],
    nationalities: factsOf('nationality') as Subject['nationalities'],
    documents: factsOf('document') as Subject['documents'],
    positions: factsOf('position') as Subject['positions'],
    addresses: factsOf('address') as Subject['addresses'],
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  const cited = [...names.map((n) => n.evidence_ids), ...facts.map((f) => f.evidence_ids)].flatMap(parseIds);
  return { ...subject, exhibits: exhibitsOf(ctx, cited) };
}

/** Each script's primary name: the one marked, else the script's first name. */
function withPrimaries(names: SubjectFields['names']) {
  const marked = new Set(names.filter((n) => n.primary).map((n) => n.script));
  const seen = new Set<string>();
  return names.map((n) => {
    const primary = n.primary || (!marked.has(n.script) && !seen.has(n.script));
    seen.add(n.script);
    return { ...n, primary };
  });
}

/** Replaces every name and fact row of a subject, keeping the ids the input carries. */
function writeFacts(ctx: ServiceContext, subjectId: string, fields: SubjectFields, names: ReturnType<typeof withPrimaries>) {
  // Ids are kept only when they were this subject's before: an id cannot move a row from another subject.
  const own = new Set(
    ctx.db
      .prepare('SELECT id FROM subject_names WHERE subject_id = ? UNION ALL SELECT id FROM subject_facts WHERE subject_id = ?')
      .pluck()
      .all(subjectId, subjectId) as string[],
  );
  const idFor = (id: string | undefined) => (id && own.has(id) ? id : uuidv7());
  ctx.db.prepare('DELETE FROM subject_names WHERE subject_id = ?').run(subjectId);
  ctx.db.prepare('DELETE FROM subject_facts WHERE subject_id = ?').run(subjectId);
  const insertName = ctx.db.prepare(
    `INSERT INTO subject_names (id, subject_id, kind, position, script, value, is_primary, strength, evidence_ids)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  names.forEach((n, i) =>
    insertName.run(idFor(n.id), subjectId, 'name', i, n.script, n.value, n.primary ? 1 : 0, null, JSON.stringify(n.evidenceIds)),
  );
  fields.aliases.forEach((a, i) =>
    insertName.run(idFor(a.id), subjectId, 'alias', i, a.script, a.value, 0, a.strength, JSON.stringify(a.evidenceIds)),
  );
  const insertFact = ctx.db.prepare(
    'INSERT INTO subject_facts (id, subject_id, kind, position, data, evidence_ids) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [kind, list] of Object.entries(FACT_LISTS)) {
    (fields[list] as readonly { id?: string; evidenceIds: string[] }[]).forEach(({ id, evidenceIds, ...data }, i) =>
      insertFact.run(idFor(id), subjectId, kind, i, JSON.stringify(data), JSON.stringify(evidenceIds)),
    );
  }
}

export function createSubject(ctx: ServiceContext, input: SubjectFields & { caseId?: string | null }): Subject {
  const id = uuidv7();
  checkCitations(ctx, citationsOf(input));
  ctx.db.transaction(() => {
    if (input.caseId) requireOpenCase(ctx, input.caseId);
    const seq = (ctx.db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM subjects').pluck().get() as number);
    const names = withPrimaries(input.names);
    const now = ctx.now();
    ctx.db
      .prepare(
        'INSERT INTO subjects (id, seq, type, display_name, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, seq, input.type, displayNameOf(names), input.notes, now, now);
    writeFacts(ctx, id, input, names);
    if (input.caseId) linkToCase(ctx, input.caseId, id);
  }).immediate();
  return getSubject(ctx, id);
}

export function updateSubject(ctx: ServiceContext, input: SubjectFields & { id: string }): Subject {
  checkCitations(ctx, citationsOf(input));
  ctx.db.transaction(() => {
    findRow(ctx, input.id);
    const names = withPrimaries(input.names);
    ctx.db
      .prepare('UPDATE subjects SET type = ?, display_name = ?, notes = ?, updated_at = ? WHERE id = ?')
      .run(input.type, displayNameOf(names), input.notes, ctx.now(), input.id);
    writeFacts(ctx, input.id, input, names);
  }).immediate();
  return getSubject(ctx, input.id);
}

const historyLabel = (row: SubjectRow) => `${subjectReference(row.seq)} ${row.display_name}`.slice(0, 200);

const touchCase = (ctx: ServiceContext, caseId: string) =>
  ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(ctx.now(), caseId);

function linkToCase(ctx: ServiceContext, caseId: string, subjectId: string): void {
  const row = findRow(ctx, subjectId);
  const added = ctx.db
    .prepare('INSERT INTO case_subjects (case_id, subject_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
    .run(caseId, subjectId, ctx.now());
  if (added.changes === 0) return;
  touchCase(ctx, caseId);
  recordEvent(ctx, caseId, 'subject_added', { subject: historyLabel(row) });
}

export function addSubjectToCase(ctx: ServiceContext, input: { caseId: string; subjectId: string }) {
  ctx.db.transaction(() => {
    requireOpenCase(ctx, input.caseId);
    linkToCase(ctx, input.caseId, input.subjectId);
  }).immediate();
  return input;
}

function requireInCase(ctx: ServiceContext, caseId: string, subjectId: string): SubjectRow {
  const row = findRow(ctx, subjectId);
  const linked = ctx.db.prepare('SELECT 1 FROM case_subjects WHERE case_id = ? AND subject_id = ?').get(caseId, subjectId);
  if (!linked) throw new Failure('NOT_FOUND', 'This subject is not part of this case.');
  return row;
}

export function removeSubjectFromCase(ctx: ServiceContext, input: { caseId: string; subjectId: string; reason?: string }) {
  ctx.db.transaction(() => {
    requireOpenCase(ctx, input.caseId);
    const row = requireInCase(ctx, input.caseId, input.subjectId);
    ctx.db
      .prepare(
        'DELETE FROM allegation_subjects WHERE subject_id = ? AND allegation_id IN (SELECT id FROM allegations WHERE case_id = ?)',
      )
      .run(input.subjectId, input.caseId);
    ctx.db.prepare('DELETE FROM case_subjects WHERE case_id = ? AND subject_id = ?').run(input.caseId, input.subjectId);
    touchCase(ctx, input.caseId);
    recordEvent(ctx, input.caseId, 'subject_removed', { subject: historyLabel(row), reason: input.reason ?? null });
  }).immediate();
  return { caseId: input.caseId, subjectId: input.subjectId };
}

export function setSubjectRoles(
  ctx: ServiceContext,
  input: { caseId: string; subjectId: string; roles: { allegationId: string; role: SubjectRole }[] },
): CaseSubject {
  ctx.db.transaction(() => {
    requireOpenCase(ctx, input.caseId);
    const row = requireInCase(ctx, input.caseId, input.subjectId);
    const inCase = ctx.db.prepare('SELECT 1 FROM allegations WHERE id = ? AND case_id = ?');
    const fields: Record<string, FieldIssue> = {};
    input.roles.forEach((r, i) => {
      if (!inCase.get(r.allegationId, input.caseId)) fields[`roles.${i}.allegationId`] = { code: 'invalid_choice' };
    });
    if (Object.keys(fields).length) throw new Failure('VALIDATION_FAILED', 'An allegation is not part of this case.', fields);
    ctx.db
      .prepare(
        'DELETE FROM allegation_subjects WHERE subject_id = ? AND allegation_id IN (SELECT id FROM allegations WHERE case_id = ?)',
      )
      .run(input.subjectId, input.caseId);
    const insert = ctx.db.prepare(
      'INSERT INTO allegation_subjects (allegation_id, subject_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (const r of input.roles) insert.run(r.allegationId, input.subjectId, r.role);
    touchCase(ctx, input.caseId);
    recordEvent(ctx, input.caseId, 'subject_roles_updated', { subject: historyLabel(row) });
  }).immediate();
  const found = listCaseSubjects(ctx, input.caseId).find((s) => s.subject.id === input.subjectId);
  if (!found) throw new Failure('NOT_FOUND', 'This subject is not part of this case.');
  return found;
}

export function listCaseSubjects(ctx: ServiceContext, caseId: string): CaseSubject[] {
  getCase(ctx, caseId);
  const links = ctx.db
    .prepare(
      `SELECT cs.subject_id, cs.added_at FROM case_subjects cs JOIN subjects s ON s.id = cs.subject_id
       WHERE cs.case_id = ? ORDER BY s.seq`,
    )
    .all(caseId) as { subject_id: string; added_at: string }[];
  const roles = ctx.db
    .prepare(
      `SELECT x.subject_id, x.allegation_id, x.role, a.seq FROM allegation_subjects x
       JOIN allegations a ON a.id = x.allegation_id WHERE a.case_id = ? ORDER BY a.seq, x.role`,
    )
    .all(caseId) as { subject_id: string; allegation_id: string; role: SubjectRole; seq: number }[];
  const otherCases = ctx.db.prepare(
    `SELECT c.reference FROM case_subjects cs JOIN cases c ON c.id = cs.case_id
     WHERE cs.subject_id = ? AND cs.case_id <> ? ORDER BY c.reference`,
  );
  return links.map((link) => ({
    subject: getSubject(ctx, link.subject_id),
    roles: roles
      .filter((r) => r.subject_id === link.subject_id)
      .map((r) => ({ allegationId: r.allegation_id, role: r.role, allegationReference: `A-${r.seq}` })),
    otherCases: otherCases.pluck().all(link.subject_id, caseId) as string[],
    addedAt: link.added_at,
  }));
}

/**
 * Subjects by any name or alias in any script, best match first, one row per subject with the name
 * that matched. Trigram FTS for 3+ characters; LIKE below that.
 */
export function findSubjects(ctx: ServiceContext, input: { text: string; limit: number }): SubjectMatch[] {
  const match = ftsMatchQuery(input.text);
  const rows = match
    ? (ctx.db
        .prepare(
          `SELECT s.id, s.seq, s.type, s.display_name, snippet(subject_names_fts, 0, @start, @end, '…', 16) AS snippet
           FROM subject_names_fts f JOIN subject_names n ON n.rowid = f.rowid JOIN subjects s ON s.id = n.subject_id
           WHERE subject_names_fts MATCH @match ORDER BY rank`,
        )
        .all({ match, start: MATCH_START, end: MATCH_END }) as MatchRow[])
    : (ctx.db
        .prepare(
          `SELECT s.id, s.seq, s.type, s.display_name, n.value AS snippet
           FROM subject_names n JOIN subjects s ON s.id = n.subject_id
           WHERE n.value LIKE ? ESCAPE '\\' ORDER BY s.seq DESC`,
        )
        .all(likePattern(input.text)) as MatchRow[]).map((r) => ({ ...r, snippet: likeSnippet(r.snippet, input.text) }));
  const seen = new Set<string>();
  const result: SubjectMatch[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    result.push({ id: r.id, reference: subjectReference(r.seq), type: r.type, displayName: r.display_name, snippet: r.snippet });
    if (result.length >= input.limit) break;
  }
  return result;
}
interface MatchRow {
  id: string;
  seq: number;
  type: Subject['type'];
  display_name: string;
  snippet: string;
}

// Relationships ------------------------------------------------------------------------------------

const toRelationship = (r: RelationshipRow): Relationship => ({
  id: r.id,
  fromId: r.from_id,
  toId: r.to_id,
  kind: r.kind,
  period: JSON.parse(r.period) as FuzzyDate,
  note: r.note,
  evidenceIds: parseIds(r.evidence_ids),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function findRelationship(ctx: ServiceContext, id: string): RelationshipRow {
  const row = ctx.db.prepare('SELECT * FROM subject_relationships WHERE id = ?').get(id) as RelationshipRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'No relationship with this id exists in the workspace.');
  return row;
}

function relationshipColumns(fields: RelationshipFields) {
  const bounds = fuzzyDateBounds(fields.period);
  return {
    from_id: fields.fromId,
    to_id: fields.toId,
    kind: fields.kind,
    period: JSON.stringify(fields.period),
    period_first: bounds?.first ?? null,
    period_last: bounds?.last ?? null,
    note: fields.note,
    evidence_ids: JSON.stringify(fields.evidenceIds),
  };
}

function checkEnds(ctx: ServiceContext, fields: RelationshipFields) {
  const exists = ctx.db.prepare('SELECT 1 FROM subjects WHERE id = ?');
  const issues: Record<string, FieldIssue> = {};
  if (!exists.get(fields.fromId)) issues['fromId'] = { code: 'invalid_choice' };
  if (!exists.get(fields.toId)) issues['toId'] = { code: 'invalid_choice' };
  if (Object.keys(issues).length) throw new Failure('VALIDATION_FAILED', 'A subject of this relationship does not exist.', issues);
  checkCitations(ctx, [{ path: 'evidenceIds', ids: fields.evidenceIds }]);
}

export function createRelationship(ctx: ServiceContext, fields: RelationshipFields): Relationship {
  const id = uuidv7();
  ctx.db.transaction(() => {
    checkEnds(ctx, fields);
    const now = ctx.now();
    ctx.db
      .prepare(
        `INSERT INTO subject_relationships (id, from_id, to_id, kind, period, period_first, period_last, note, evidence_ids, created_at, updated_at)
         VALUES (@id, @from_id, @to_id, @kind, @period, @period_first, @period_last, @note, @evidence_ids, @now, @now)`,
      )
      .run({ id, now, ...relationshipColumns(fields) });
  }).immediate();
  return toRelationship(findRelationship(ctx, id));
}

export function updateRelationship(ctx: ServiceContext, input: RelationshipFields & { id: string }): Relationship {
  ctx.db.transaction(() => {
    findRelationship(ctx, input.id);
    checkEnds(ctx, input);
    ctx.db
      .prepare(
        `UPDATE subject_relationships SET from_id = @from_id, to_id = @to_id, kind = @kind, period = @period,
           period_first = @period_first, period_last = @period_last, note = @note, evidence_ids = @evidence_ids, updated_at = @now
         WHERE id = @id`,
      )
      .run({ id: input.id, now: ctx.now(), ...relationshipColumns(input) });
  }).immediate();
  return toRelationship(findRelationship(ctx, input.id));
}

export function deleteRelationship(ctx: ServiceContext, input: { id: string }): { id: string } {
  findRelationship(ctx, input.id);
  ctx.db.prepare('DELETE FROM subject_relationships WHERE id = ?').run(input.id);
  return { id: input.id };
}

/** Relationships touching any of the case's subjects, and every subject at either end. */
export function caseRelationships(ctx: ServiceContext, caseId: string) {
  getCase(ctx, caseId);
  const rows = ctx.db
    .prepare(
      `SELECT r.* FROM subject_relationships r
       WHERE r.from_id IN (SELECT subject_id FROM case_subjects WHERE case_id = @caseId)
          OR r.to_id IN (SELECT subject_id FROM case_subjects WHERE case_id = @caseId)
       ORDER BY r.created_at, r.id`,
    )
    .all({ caseId }) as RelationshipRow[];
  const members = ctx.db.prepare('SELECT subject_id FROM case_subjects WHERE case_id = ?').pluck().all(caseId) as string[];
  const ids = [...new Set([...members, ...rows.flatMap((r) => [r.from_id, r.to_id])])];
  const subjects = ctx.db
    .prepare(
      `SELECT s.id, s.seq, s.type, s.display_name,
         EXISTS (SELECT 1 FROM case_subjects cs WHERE cs.case_id = ? AND cs.subject_id = s.id) AS in_case
       FROM subjects s WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.seq`,
    )
    .all(caseId, JSON.stringify(ids)) as { id: string; seq: number; type: Subject['type']; display_name: string; in_case: number }[];
  return {
    relationships: rows.map(toRelationship),
    subjects: subjects.map((s) => ({
      id: s.id,
      reference: subjectReference(s.seq),
      type: s.type,
      displayName: s.display_name,
      inCase: s.in_case === 1,
    })),
  };
}

/** Every relationship with the subject at either end (for the FollowTheMoney export). */
export function relationshipsOf(ctx: ServiceContext, subjectId: string): Relationship[] {
  return (
    ctx.db
      .prepare('SELECT * FROM subject_relationships WHERE from_id = ? OR to_id = ? ORDER BY created_at, id')
      .all(subjectId, subjectId) as RelationshipRow[]
  ).map(toRelationship);
}
