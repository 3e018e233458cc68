import type { Database } from 'better-sqlite3';
import { canonicalJson, sha256Hex } from '../../vault/canonical-json';
import { columnsOf, type Row, type TableSpec } from './tables';

/**
 * One record as a merge sees it: a row of a bundle table and, for subjects and findings, the rows
 * that belong to it (names and facts; citations), whose own ids are remade on every save.
 */
export interface CaseRecord {
  row: Row;
  children: Record<string, Row[]>;
}

/** Columns never compared: the key, local numbering, derived columns, and what the bundle withheld. */
export function omittedColumns(spec: TableSpec, withheld: readonly string[]): Set<string> {
  return new Set([...spec.key, ...(spec.numbering ?? []), ...(spec.ignored ?? []), ...withheld]);
}

function childRows(rows: Row[], child: { parent: string; order: readonly string[] }): Row[] {
  const stripped = rows.map((r) => {
    const { id: _id, [child.parent]: _parent, ...rest } = r;
    return rest;
  });
  return stripped
    .map((r) => ({ r, sortKey: [...child.order.map((c) => String(r[c])), canonicalJson(r)].join('\u0000') }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map((x) => x.r);
}

/** The compared content of a record, field by field (children as one field each). */
export function fieldsOf(spec: TableSpec, record: CaseRecord, withheld: readonly string[]): Record<string, unknown> {
  const omit = omittedColumns(spec, withheld);
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record.row)) if (!omit.has(k)) fields[k] = v;
  for (const child of spec.children ?? []) fields[child.field] = childRows(record.children[child.table] ?? [], child);
  return fields;
}

/** The content hash the merge compares and bundle_sync keeps. */
export const recordHash = (spec: TableSpec, record: CaseRecord, withheld: readonly string[]): string =>
  sha256Hex(canonicalJson({ table: spec.table, key: spec.key.map((k) => record.row[k]), fields: fieldsOf(spec, record, withheld) }));

/** The local record with these key values, or (for tables with a natural key) the one in the same place. */
export function findLocal(db: Database, spec: TableSpec, incoming: Row): CaseRecord | null {
  const byKey = db
    .prepare(`SELECT * FROM ${spec.table} WHERE ${spec.key.map((k) => `${k} = ?`).join(' AND ')}`)
    .get(...spec.key.map((k) => incoming[k])) as Row | undefined;
  let row = byKey;
  if (!row && spec.natural) {
    row = db
      .prepare(`SELECT * FROM ${spec.table} WHERE ${spec.natural.map((k) => `${k} = ?`).join(' AND ')}`)
      .get(...spec.natural.map((k) => incoming[k])) as Row | undefined;
  }
  if (!row) return null;
  return { row, children: childrenOf(db, spec, row) };
}

export function childrenOf(db: Database, spec: TableSpec, row: Row): Record<string, Row[]> {
  const children: Record<string, Row[]> = {};
  for (const child of spec.children ?? []) {
    children[child.table] = db.prepare(`SELECT * FROM ${child.table} WHERE ${child.parent} = ?`).all(row.id) as Row[];
  }
  return children;
}

/** Groups a bundle's child table rows under their parents' records. */
export function assemble(spec: TableSpec, rows: Row[], tables: Record<string, Row[]>): CaseRecord[] {
  const byParent = new Map<string, Record<string, Row[]>>();
  for (const child of spec.children ?? []) {
    for (const c of tables[child.table] ?? []) {
      const parent = String(c[child.parent]);
      const slot = byParent.get(parent) ?? {};
      (slot[child.table] ??= []).push(c);
      byParent.set(parent, slot);
    }
  }
  return rows.map((row) => {
    const children: Record<string, Row[]> = {};
    for (const child of spec.children ?? []) children[child.table] = byParent.get(String(row.id))?.[child.table] ?? [];
    return { row, children };
  });
}

/** Only the schema's columns of a row from a bundle, in the schema's order (extra members are ignored). */
export function schemaRow(db: Database, table: string, row: Row): Row {
  const out: Row = {};
  for (const c of columnsOf(db, table)) out[c] = row[c] ?? null;
  return out;
}
