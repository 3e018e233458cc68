import type { Database } from 'better-sqlite3';

/**
 * Which tables a case bundle carries, how a row is named across workspaces, and which of its
 * columns take part in a merge. Columns themselves are read from the schema (PRAGMA table_info),
 * so a column added by a later migration travels without a change here.
 *
 * Order matters: parents before the rows that reference them (inserts run in this order).
 */
export interface ChildSpec {
  table: string;
  /** The column naming the parent row's id. */
  parent: string;
  /** The order children are compared in (their ids are remade on every save, so ids are not compared). */
  order: readonly string[];
  /** Shown as one field of the parent in a plan. */
  field: string;
}

export interface TableSpec {
  table: string;
  /** Columns that name one record; the same in every workspace (UUIDv7 ids, or ids of a link). */
  key: readonly string[];
  /** Human numbering local to a workspace (E-3, A-2, HR-2026-0001): kept when free, renumbered when taken, never compared. */
  numbering?: readonly string[];
  /** Derived or bookkeeping columns: not compared, not shown. */
  ignored?: readonly string[];
  /** Unique columns that name the same record when two workspaces made it separately (then the local id stays). */
  natural?: readonly string[];
  /** Inserted when new, never updated (history). */
  appendOnly?: boolean;
  children?: readonly ChildSpec[];
  /** Victims' and witnesses' real identities: the table travels only when the sender includes protected identities. */
  protectedIdentities?: boolean;
  /** The rows of this table in the selection (named parameters: caseId, allegations, subjects, items, whole). */
  where: string;
}

const IN = (param: string) => `(SELECT value FROM json_each(@${param}))`;

export const TABLES: readonly TableSpec[] = [
  { table: 'cases', key: ['id'], numbering: ['reference', 'allegation_seq'], ignored: ['updated_at'], where: 'id = @caseId' },
  {
    table: 'subjects',
    key: ['id'],
    numbering: ['seq'],
    ignored: ['updated_at'],
    children: [
      { table: 'subject_names', parent: 'subject_id', order: ['kind', 'position'], field: 'names' },
      { table: 'subject_facts', parent: 'subject_id', order: ['kind', 'position'], field: 'facts' },
    ],
    where: `id IN ${IN('subjects')}`,
  },
  { table: 'case_subjects', key: ['case_id', 'subject_id'], where: `case_id = @caseId AND subject_id IN ${IN('subjects')}` },
  {
    // Two workspaces that each recorded "W-01" hold the same person (the local id stays).
    table: 'protected_persons',
    key: ['id'],
    natural: ['case_id', 'pseudonym'],
    ignored: ['updated_at'],
    protectedIdentities: true,
    // The whole case's, or those a chosen allegation names among its victims.
    where: `case_id = @caseId AND (@whole = 1 OR pseudonym IN (SELECT json_extract(v.value, '$.pseudonym')
      FROM allegations a, json_each(a.victims) v WHERE a.id IN ${IN('allegations')} AND json_valid(a.victims)))`,
  },
  { table: 'allegations', key: ['id'], numbering: ['seq'], ignored: ['updated_at'], where: `case_id = @caseId AND id IN ${IN('allegations')}` },
  {
    table: 'allegation_subjects',
    key: ['allegation_id', 'subject_id', 'role'],
    where: `allegation_id IN ${IN('allegations')} AND subject_id IN ${IN('subjects')}`,
  },
  {
    table: 'subject_relationships',
    key: ['id'],
    ignored: ['updated_at'],
    where: `from_id IN ${IN('subjects')} AND to_id IN ${IN('subjects')}`,
  },
  {
    table: 'evidence_items',
    key: ['id'],
    numbering: ['seq'],
    // The custody columns follow the log (merged on its own); extraction is this machine's derived text.
    ignored: ['updated_at', 'custody_count', 'custody_head', 'extraction_status', 'extraction_error'],
    where: `case_id = @caseId AND id IN ${IN('items')}`,
  },
  {
    table: 'evidence_links',
    key: ['item_id', 'target_type', 'target_id'],
    where: `item_id IN ${IN('items')} AND ((target_type = 'allegation' AND target_id IN ${IN('allegations')})
      OR (target_type = 'subject' AND target_id IN ${IN('subjects')}))`,
  },
  {
    table: 'findings',
    key: ['id'],
    natural: ['case_id', 'target_type', 'target_id', 'section'],
    // plain_text and the citations follow the body; revision is this workspace's edit counter.
    ignored: ['updated_at', 'updated_by', 'revision', 'plain_text'],
    children: [{ table: 'finding_citations', parent: 'finding_id', order: ['kind', 'target_id'], field: 'citations' }],
    where: `case_id = @caseId AND ((target_type = 'allegation' AND target_id IN ${IN('allegations')})
      OR (target_type = 'subject' AND target_id IN ${IN('subjects')}))`,
  },
  { table: 'stage_transitions', key: ['id'], appendOnly: true, where: 'case_id = @caseId' },
  { table: 'gate_waivers', key: ['case_id', 'check_id'], where: 'case_id = @caseId' },
  { table: 'review_rounds', key: ['id'], numbering: ['seq'], where: 'case_id = @caseId' },
  {
    table: 'review_comments',
    key: ['id'],
    numbering: ['seq'],
    where: 'round_id IN (SELECT id FROM review_rounds WHERE case_id = @caseId)',
  },
  { table: 'case_decisions', key: ['case_id'], where: 'case_id = @caseId' },
  // Issued documents are frozen (migration 009): only ever inserted, and only with the whole case.
  { table: 'issued_documents', key: ['id'], appendOnly: true, where: 'case_id = @caseId AND @whole = 1' },
  { table: 'case_events', key: ['id'], appendOnly: true, where: 'case_id = @caseId' },
];

export const CUSTODY_TABLE = 'custody_events';

export const specOf = (table: string): TableSpec => {
  const spec = TABLES.find((t) => t.table === table);
  if (!spec) throw new Error(`not a bundle table: ${table}`);
  return spec;
};

const columnCache = new WeakMap<Database, Map<string, string[]>>();

/** The table's columns as the schema has them. */
export function columnsOf(db: Database, table: string): string[] {
  let perDb = columnCache.get(db);
  if (!perDb) columnCache.set(db, (perDb = new Map()));
  let cols = perDb.get(table);
  if (!cols) {
    cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
    perDb.set(table, cols);
  }
  return cols;
}

export type Row = Record<string, string | number | null>;

export const keyOf = (spec: Pick<TableSpec, 'key'>, row: Row): string => spec.key.map((k) => String(row[k])).join('|');
export const recordKey = (table: string, key: string) => `${table}:${key}`;
