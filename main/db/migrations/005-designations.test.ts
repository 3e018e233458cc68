import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

function migrated(): Database.Database {
  const db = new Database(path.join(tempDir(), 'm.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, 4);
  migrate(db, 5);
  return db;
}

const insertList = (db: Database.Database, state: string, key: string | null) =>
  Number(
    db
      .prepare("INSERT INTO designation_lists (key, authority, format, state, files, imported_at, imported_by, keys_version) VALUES (?, 'UN', 'un_xml', ?, '[]', '', 'me', 1)")
      .run(key, state).lastInsertRowid,
  );

const insertEntry = (db: Database.Database, listId: number, ref: string) =>
  Number(
    db
      .prepare("INSERT INTO designation_entries (list_id, list_ref, authority, type, programmes, data) VALUES (?, ?, 'UN', 'person', '[]', '{}')")
      .run(listId, ref).lastInsertRowid,
  );

describe('migration 005 (designations)', () => {
  it('creates the store: lists, entries, names, identifiers, and the two views, empty', () => {
    const db = migrated();
    const names = db.prepare("SELECT type, name FROM sqlite_master WHERE name LIKE '%designation%' AND type IN ('table', 'view') ORDER BY name").all();
    expect(names).toEqual([
      { type: 'view', name: 'current_designation_entries' },
      { type: 'table', name: 'designation_entries' },
      { type: 'table', name: 'designation_identifiers' },
      { type: 'table', name: 'designation_lists' },
      { type: 'view', name: 'designation_name_keys' },
      { type: 'table', name: 'designation_names' },
    ]);
    expect(db.prepare('SELECT count(*) FROM designation_name_keys').pluck().get()).toBe(0);
    db.close();
  });

  it('allows one current version per key, and a current version must have a key', () => {
    const db = migrated();
    insertList(db, 'current', 'un-sc');
    insertList(db, 'importing', null);
    insertList(db, 'discarded', 'un-sc');
    expect(() => insertList(db, 'current', 'un-sc')).toThrow(/UNIQUE/);
    expect(() => insertList(db, 'current', null)).toThrow(/CHECK/);
    expect(() => insertList(db, 'half-done', 'x')).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a list reference twice in one version, and deletes names and identifiers with their entry', () => {
    const db = migrated();
    const list = insertList(db, 'current', 'un-sc');
    const entry = insertEntry(db, list, 'KPi.033');
    expect(() => insertEntry(db, list, 'KPi.033')).toThrow(/UNIQUE/);
    insertEntry(db, insertList(db, 'importing', null), 'KPi.033'); // another version may hold it
    db.prepare("INSERT INTO designation_names (entry_id, position, value, script, lang, strength) VALUES (?, 0, 'RI WON HO', 'latn', NULL, 'primary')").run(entry);
    db.prepare("INSERT INTO designation_identifiers (entry_id, position, value, type, country) VALUES (?, 0, '381310014', 'passport', 'KP')").run(entry);
    expect(db.prepare('SELECT count(*) FROM current_designation_entries').pluck().get()).toBe(1);
    expect(db.prepare('SELECT list_key FROM current_designation_entries').pluck().get()).toBe('un-sc');

    db.prepare('DELETE FROM designation_lists WHERE id = ?').run(list);
    for (const table of ['designation_names', 'designation_identifiers']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(db.prepare('SELECT count(*) FROM designation_entries').pluck().get()).toBe(1); // the other version's
    db.close();
  });
});
