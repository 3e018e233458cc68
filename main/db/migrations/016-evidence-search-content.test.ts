import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 016 (evidence search reads its text from evidence_text)', () => {
  const at = (version: number) => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, version);
    db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-1', 't', '', '')").run();
    return db;
  };
  const addItem = (db: Database.Database, id: string, seq: number, title: string) =>
    db
      .prepare(
        `INSERT INTO evidence_items (id, case_id, seq, kind, title, original_name, sha256, custody_head, created_at, updated_at)
         VALUES (?, 'c', ?, 'file', ?, 'statement.txt', ?, '0', '', '')`,
      )
      .run(id, seq, title, String(seq).repeat(64).slice(0, 64));
  const setText = (db: Database.Database, id: string, text: string) =>
    db
      .prepare('INSERT INTO evidence_text (item_id, text) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET text = excluded.text')
      .run(id, text);
  const find = (db: Database.Database, q: string) =>
    db.prepare('SELECT e.id FROM evidence_fts f JOIN evidence_items e ON e.rowid = f.rowid WHERE evidence_fts MATCH ? ORDER BY e.id').pluck().all(q);
  // FTS5's own check of the index against its content: a 'delete' with wrong old values fails it.
  const checkIndex = (db: Database.Database) => db.prepare("INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('integrity-check', 1)").run();

  it('keeps what a workspace had indexed and stops storing the text twice', () => {
    const db = at(15);
    addItem(db, 'e1', 1, '衛星写真 Kashgar');
    setText(db, 'e1', 'Guards moved the detainees at night.');
    addItem(db, 'e2', 2, 'Witness statement');
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'evidence_fts_content'").pluck().get()).toBe(1);

    expect(migrate(db, 16)).toBe(16);
    expect(schemaVersion(db)).toBe(16);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'evidence_fts_content'").pluck().get()).toBe(0);
    checkIndex(db);
    expect(find(db, '"detainees"')).toEqual(['e1']);
    expect(find(db, '"kashgar"')).toEqual(['e1']);
    expect(find(db, '"E-2"')).toEqual(['e2']);
    expect(find(db, '"statement.txt"')).toEqual(['e1', 'e2']);
    const snippet = db
      .prepare("SELECT snippet(evidence_fts, -1, '[', ']', '…', 64) FROM evidence_fts WHERE evidence_fts MATCH ?")
      .pluck()
      .get('"detainees"');
    expect(snippet).toContain('[detainees]');
    db.close();
  });

  it('stays in step through text added, replaced and removed, and metadata edited', () => {
    const db = at(16);
    addItem(db, 'e1', 1, 'Satellite image');
    addItem(db, 'e2', 2, 'Report');
    checkIndex(db);
    setText(db, 'e1', '強制労働の証言 and the camp quota');
    checkIndex(db);
    expect(find(db, '"強制労働"')).toEqual(['e1']);
    setText(db, 'e1', 'Transfer lists only');
    checkIndex(db);
    expect(find(db, '"強制労働"')).toEqual([]);
    expect(find(db, '"transfer"')).toEqual(['e1']);
    db.prepare("UPDATE evidence_items SET title = 'Renamed image', notes = 'from a witness', tags = '[\"camp\"]' WHERE id = 'e1'").run();
    checkIndex(db);
    expect(find(db, '"satellite"')).toEqual([]);
    expect(find(db, '"renamed"')).toEqual(['e1']);
    expect(find(db, '"transfer"')).toEqual(['e1']);
    expect(find(db, '"witness"')).toEqual(['e1']);
    db.prepare("DELETE FROM evidence_text WHERE item_id = 'e1'").run();
    checkIndex(db);
    expect(find(db, '"transfer"')).toEqual([]);
    expect(find(db, '"renamed"')).toEqual(['e1']);
    db.close();
  });

  it("an index that disagrees with its content fails FTS5's check (the check above can fail)", () => {
    const db = at(16);
    addItem(db, 'e1', 1, 'Satellite image');
    setText(db, 'e1', 'camp');
    // Changing the text behind the triggers' back leaves the index describing the old text.
    db.exec('DROP TRIGGER evidence_fts_text_update');
    setText(db, 'e1', 'something else');
    expect(() => checkIndex(db)).toThrow(/malformed|corrupt/i);
    db.close();
  });
});
