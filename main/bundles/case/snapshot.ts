import type { Database } from 'better-sqlite3';
import { Failure } from '../../ipc/failure';
import { canonicalJson } from '../../vault/canonical-json';
import { CUSTODY_TABLE, keyOf, TABLES, type Row } from './tables';

/** What part of a case goes into a bundle: everything (null), or chosen allegations, subjects and evidence items. */
export interface Selection {
  allegationIds: string[];
  subjectIds: string[];
  evidenceIds: string[];
}

export interface SnapshotOptions {
  caseId: string;
  selection: Selection | null;
  includeEvidence: boolean;
  includeProtected: boolean;
}

export interface Snapshot {
  caseId: string;
  whole: boolean;
  /** Rows per table (bundle tables, their children, and custody_events), in key order. */
  tables: Record<string, Row[]>;
  /** Vault files the records reference (evidence and issued documents), with their sizes. */
  files: { sha256: string; size: number }[];
  includeEvidence: boolean;
  /** Whether the protected-identity tables (real names of victims and witnesses) are in `tables`; left out whole otherwise. */
  includeProtected: boolean;
}

const ids = (db: Database, sql: string, caseId: string) => db.prepare(sql).pluck().all(caseId) as string[];

/** The ids a selection stands for; an id that is not in the case is refused (nothing is exported). */
function resolve(db: Database, caseId: string, selection: Selection | null) {
  const all = {
    allegations: ids(db, 'SELECT id FROM allegations WHERE case_id = ?', caseId),
    subjects: ids(db, 'SELECT subject_id FROM case_subjects WHERE case_id = ?', caseId),
    items: ids(db, 'SELECT id FROM evidence_items WHERE case_id = ?', caseId),
  };
  if (!selection) return all;
  const pick = (chosen: string[], have: string[], what: string) => {
    const known = new Set(have);
    const bad = chosen.find((id) => !known.has(id));
    if (bad) throw new Failure('NOT_FOUND', `A chosen ${what} is not part of this case.`);
    return [...new Set(chosen)];
  };
  return {
    allegations: pick(selection.allegationIds, all.allegations, 'allegation'),
    subjects: pick(selection.subjectIds, all.subjects, 'subject'),
    items: pick(selection.evidenceIds, all.items, 'evidence item'),
  };
}

/**
 * Reads the records of a case (or part of it) in one read transaction, so the bundle is one
 * consistent moment of the workspace.
 */
export function takeSnapshot(db: Database, o: SnapshotOptions): Snapshot {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(o.caseId)) throw new Failure('NOT_FOUND', 'No such case.');
    const sel = resolve(db, o.caseId, o.selection);
    const params = {
      caseId: o.caseId,
      allegations: JSON.stringify(sel.allegations),
      subjects: JSON.stringify(sel.subjects),
      items: JSON.stringify(sel.items),
      whole: o.selection ? 0 : 1,
    };
    const tables: Record<string, Row[]> = {};
    for (const spec of TABLES) {
      // Real identities stay home unless chosen: the whole table, so nothing of it is in the bundle.
      if (spec.protectedIdentities && !o.includeProtected) continue;
      const rows = (db.prepare(`SELECT * FROM ${spec.table} WHERE ${spec.where}`).all(params) as Row[]).sort((a, b) =>
        keyOf(spec, a) < keyOf(spec, b) ? -1 : 1,
      );
      tables[spec.table] = rows;
      for (const child of spec.children ?? []) {
        const parents = JSON.stringify(rows.map((r) => r.id));
        tables[child.table] = (
          db.prepare(`SELECT * FROM ${child.table} WHERE ${child.parent} IN (SELECT value FROM json_each(?))`).all(parents) as Row[]
        ).sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
      }
    }
    // Custody entries travel as written, so the receiver verifies every entry's hash.
    tables[CUSTODY_TABLE] = db
      .prepare('SELECT * FROM custody_events WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, seq')
      .all(params.items) as Row[];
    const sizes = new Map<string, number>();
    for (const item of tables.evidence_items ?? []) if (typeof item.sha256 === 'string') sizes.set(item.sha256, Number(item.size));
    for (const d of tables.issued_documents ?? []) {
      sizes.set(String(d.sha256), Number(d.size));
      // The HTML source's size is not recorded: the exporter stats the file.
      if (!sizes.has(String(d.source_sha256))) sizes.set(String(d.source_sha256), -1);
    }
    return {
      caseId: o.caseId,
      whole: !o.selection,
      tables,
      files: [...sizes].map(([sha256, size]) => ({ sha256, size })).sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)),
      includeEvidence: o.includeEvidence,
      includeProtected: o.includeProtected,
    };
  })();
}
