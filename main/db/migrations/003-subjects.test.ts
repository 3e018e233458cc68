import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 003 (subjects)', () => {
  const fresh = () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 3);
    return db;
  };

  it('creates the subject tables and keeps the name index in step', () => {
    const db = fresh();
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%subject%' AND name NOT LIKE '%fts_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'allegation_subjects',
      'case_subjects',
      'subject_facts',
      'subject_names',
      'subject_names_fts',
      'subject_relationships',
      'subjects',
    ]);
    db.prepare("INSERT INTO subjects (id, seq, type, display_name, created_at, updated_at) VALUES ('s', 1, 'person', 'x', '', '')").run();
    const name = db.prepare(
      "INSERT INTO subject_names (id, subject_id, kind, position, script, value, is_primary, strength) VALUES (?, 's', ?, 0, ?, ?, 0, ?)",
    );
    name.run('n1', 'name', 'jpan_kana', 'ミン・アウン・フライン', null);
    name.run('n2', 'alias', 'latn', 'Senior General', 'weak');
    const find = (q: string) =>
      db.prepare('SELECT n.id FROM subject_names_fts f JOIN subject_names n ON n.rowid = f.rowid WHERE subject_names_fts MATCH ?').pluck().all(q);
    expect(find('"アウン"')).toEqual(['n1']);
    expect(find('"general"')).toEqual(['n2']);
    db.prepare("UPDATE subject_names SET value = 'Commander-in-Chief' WHERE id = 'n2'").run();
    expect(find('"general"')).toEqual([]);
    db.prepare("DELETE FROM subject_names WHERE id = 'n1'").run();
    expect(find('"アウン"')).toEqual([]);
    db.close();
  });

  it('refuses an alias without strength, an unknown role, a relationship to itself', () => {
    const db = fresh();
    db.prepare("INSERT INTO subjects (id, seq, type, display_name, created_at, updated_at) VALUES ('s', 1, 'person', 'x', '', '')").run();
    expect(() =>
      db.prepare("INSERT INTO subject_names (id, subject_id, kind, position, script, value) VALUES ('a', 's', 'alias', 0, 'latn', 'x')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO subject_relationships (id, from_id, to_id, kind, period, created_at, updated_at) VALUES ('r', 's', 's', 'owns', '{}', '', '')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO subjects (id, seq, type, display_name, created_at, updated_at) VALUES ('t', 2, 'ghost', 'x', '', '')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('lets an allegation be removed: its subject roles go with it', () => {
    const db = fresh();
    db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-1', 't', '', '')").run();
    db.prepare(
      "INSERT INTO allegations (id, case_id, seq, category, period, status, created_at, updated_at) VALUES ('a', 'c', 1, 'torture', '{}', 'alleged', '', '')",
    ).run();
    db.prepare("INSERT INTO subjects (id, seq, type, display_name, created_at, updated_at) VALUES ('s', 1, 'person', 'x', '', '')").run();
    db.prepare("INSERT INTO allegation_subjects (allegation_id, subject_id, role) VALUES ('a', 's', 'commander')").run();
    db.prepare("DELETE FROM allegations WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) FROM allegation_subjects').pluck().get()).toBe(0);
    db.close();
  });
});
