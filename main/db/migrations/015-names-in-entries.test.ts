import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 015 (names in entries)', () => {
  it('drops designation_names and keeps every entry, whose names are in its data', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 14);
    db.prepare(
      `INSERT INTO designation_lists (id, key, authority, format, state, files, imported_at, imported_by, keys_version)
       VALUES (1, 'un-sc', 'UN', 'un_xml', 'current', '[]', '2026-01-01', 'me', 1)`,
    ).run();
    const data = JSON.stringify({ listId: 'KPi.001', names: [{ value: 'RI WON HO', script: 'latn', lang: null, strength: 'primary' }] });
    db.prepare("INSERT INTO designation_entries (id, list_id, list_ref, authority, type, programmes, data) VALUES (7, 1, 'KPi.001', 'UN', 'person', '[]', ?)").run(data);
    db.prepare("INSERT INTO designation_names (entry_id, position, value, script, lang, strength) VALUES (7, 0, 'RI WON HO', 'latn', NULL, 'primary')").run();

    expect(migrate(db, 15)).toBe(15);
    expect(schemaVersion(db)).toBe(15);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'designation_names'").pluck().get()).toBe(0);
    // What screening now reads instead.
    expect(db.prepare("SELECT n.value ->> 'value' AS value, n.value ->> 'strength' AS strength FROM designation_entries e, json_each(e.data, '$.names') n").all()).toEqual([
      { value: 'RI WON HO', strength: 'primary' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
