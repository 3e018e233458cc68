import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { LATEST_SCHEMA_VERSION } from './index';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 001 (initial)', () => {
  const fresh = () => new Database(path.join(tempDir(), 'm.sqlite'));

  it('creates the schema on an empty database and records version 1', () => {
    const db = fresh();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, 1)).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'cases_fts_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['allegations', 'case_events', 'cases', 'cases_fts', 'reference_counters', 'settings']);
    db.close();
  });

  it('keeps the case search index in step with inserts, updates and deletes', () => {
    const db = fresh();
    migrate(db, 1);
    const insert = db.prepare(
      "INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES (?, ?, ?, '2026', '2026')",
    );
    insert.run('a', 'HR-2026-0001', '新疆ウイグル自治区における強制労働');
    insert.run('b', 'HR-2026-0002', 'Café owners detained');
    const find = (q: string) =>
      db.prepare('SELECT c.id FROM cases_fts f JOIN cases c ON c.rowid = f.rowid WHERE cases_fts MATCH ?').pluck().all(q);
    expect(find('"ウイグル"')).toEqual(['a']);
    expect(find('"cafe"')).toEqual(['b']);
    db.prepare("UPDATE cases SET summary = 'not indexed for type-ahead' WHERE id = 'a'").run();
    expect(find('"indexed"')).toEqual([]);
    db.prepare("UPDATE cases SET title = 'Missing journalists' WHERE id = 'b'").run();
    expect(find('"cafe"')).toEqual([]);
    expect(find('"journalist"')).toEqual(['b']);
    db.prepare("DELETE FROM cases WHERE id = 'a'").run();
    expect(find('"ウイグル"')).toEqual([]);
    db.close();
  });

  it('is not applied twice', () => {
    const db = fresh();
    migrate(db);
    expect(() => migrate(db)).not.toThrow();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a status other than open or closed', () => {
    const db = fresh();
    migrate(db, 1);
    expect(() =>
      db
        .prepare("INSERT INTO cases (id, reference, title, status, created_at, updated_at) VALUES ('x', 'r', 't', 'gone', '', '')")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
