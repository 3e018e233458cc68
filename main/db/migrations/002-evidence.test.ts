import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 002 (evidence)', () => {
  const at2 = () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, 2);
    db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-1', 't', '', '')").run();
    return db;
  };
  const insert = (db: Database.Database, id: string, fields: Record<string, unknown>) =>
    db
      .prepare(
        `INSERT INTO evidence_items (id, case_id, seq, kind, title, sha256, notes, custody_head, created_at, updated_at)
         VALUES (@id, 'c', @seq, @kind, @title, @sha256, @notes, '0', '', '')`,
      )
      .run({ id, seq: 1, kind: 'file', title: 't', sha256: 'a'.repeat(64), notes: '', ...fields });

  it('creates the evidence tables on top of 001', () => {
    const db = at2();
    expect(schemaVersion(db)).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts_%' AND name LIKE '%evidence%' OR name = 'custody_events' ORDER BY name").pluck().all();
    expect(tables).toEqual(['custody_events', 'evidence_counters', 'evidence_fts', 'evidence_items', 'evidence_links', 'evidence_text']);
    db.close();
  });

  it('keeps the search index in step with item metadata and extracted text', () => {
    const db = at2();
    insert(db, 'e1', { title: '衛星写真 Kashgar' });
    const find = (q: string) =>
      db.prepare('SELECT e.id FROM evidence_fts f JOIN evidence_items e ON e.rowid = f.rowid WHERE evidence_fts MATCH ?').pluck().all(q);
    expect(find('"kashgar"')).toEqual(['e1']);
    db.prepare("INSERT INTO evidence_text (item_id, text) VALUES ('e1', 'Détention camp')").run();
    expect(find('"detention"')).toEqual(['e1']);
    db.prepare("UPDATE evidence_items SET title = 'renamed' WHERE id = 'e1'").run();
    expect(find('"kashgar"')).toEqual([]);
    expect(find('"detention"')).toEqual(['e1']);
    db.close();
  });

  it('refuses a file item without a hash, a testimony with one, and grades off the scale', () => {
    const db = at2();
    expect(() => insert(db, 'x', { sha256: null })).toThrow(/CHECK/);
    expect(() => insert(db, 'y', { kind: 'testimony' })).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE evidence_items SET source_reliability = 'G'").run()).not.toThrow(); // no rows yet
    insert(db, 'z', {});
    expect(() => db.prepare("UPDATE evidence_items SET source_reliability = 'G'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE evidence_items SET information_credibility = 7').run()).toThrow(/CHECK/);
    db.close();
  });
});
