import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 014 (list authorities)', () => {
  it('gives every list version the distinct authorities of its entries, and checks the column is JSON', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 13);
    const list = db.prepare(
      `INSERT INTO designation_lists (id, key, authority, format, state, files, imported_at, imported_by, keys_version)
       VALUES (?, ?, ?, ?, ?, '[]', '2026-01-01', 'me', 1)`,
    );
    list.run(1, 'opensanctions', null, 'ftm_jsonl', 'current');
    list.run(2, 'uk-sanctions-list', 'UK', 'uk_xml', 'current');
    list.run(3, null, null, 'un_xml', 'importing'); // no entries yet
    const entry = db.prepare(
      `INSERT INTO designation_entries (list_id, list_ref, authority, type, programmes, data) VALUES (?, ?, ?, 'person', '[]', '{}')`,
    );
    entry.run(1, 'a', 'US');
    entry.run(1, 'b', 'UK');
    entry.run(1, 'c', 'US');
    entry.run(1, 'd', 'EU');
    entry.run(2, 'AFG0011', 'UK');

    expect(migrate(db, 14)).toBe(14);
    expect(schemaVersion(db)).toBe(14);
    const authorities = () => db.prepare('SELECT id, authorities FROM designation_lists ORDER BY id').all();
    expect(authorities()).toEqual([
      { id: 1, authorities: '["EU","UK","US"]' },
      { id: 2, authorities: '["UK"]' },
      { id: 3, authorities: '[]' },
    ]);
    // A version imported later starts empty (the import writes it), and only JSON goes in.
    list.run(4, 'un-sc', 'UN', 'un_xml', 'importing');
    expect(db.prepare('SELECT authorities FROM designation_lists WHERE id = 4').pluck().get()).toBe('[]');
    expect(() => db.prepare("UPDATE designation_lists SET authorities = 'UN' WHERE id = 4").run()).toThrow(/CHECK/);
    db.close();
  });
});
