import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

const HASH = 'a'.repeat(64);

describe('migration 009 (documents)', () => {
  it('adds issued documents beside existing cases, one row per number, language and version, frozen once written', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 8);
    db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-2026-0001', 't', '', '')").run();
    expect(migrate(db, 9)).toBe(9);
    expect(schemaVersion(db)).toBe(9);

    const insert = db.prepare(
      `INSERT INTO issued_documents (id, case_id, number, version, language, measure, subject_ids, title, sha256, size,
         source_sha256, page_count, options, issued_at, issued_by)
       VALUES (@id, 'c', 'HR-2026-0001-AF-01', @version, @language, 'asset_freeze', @subjects, 'Proposal', @sha, 1000, @sha, 3, '{}', '', 'tester')`,
    );
    const row = { id: 'd1', version: 1, language: 'ja', subjects: '["s1"]', sha: HASH };
    insert.run(row);
    insert.run({ ...row, id: 'd2', language: 'en' });
    insert.run({ ...row, id: 'd3', version: 2 });
    expect(() => insert.run({ ...row, id: 'd4' })).toThrow(/UNIQUE/);
    expect(() => insert.run({ ...row, id: 'd5', version: 0 })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, id: 'd6', version: 3, language: 'fr' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, id: 'd7', version: 3, subjects: '[]' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, id: 'd8', version: 3, sha: 'short' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, id: 'd9', version: 3, language: 'en', subjects: 'not json' })).toThrow(/CHECK/);

    // Frozen: no column of an issued row changes, and no row goes away.
    expect(() => db.prepare("UPDATE issued_documents SET sha256 = ? WHERE id = 'd1'").run('b'.repeat(64))).toThrow(/frozen/);
    expect(() => db.prepare("UPDATE issued_documents SET title = 'x'").run()).toThrow(/frozen/);
    expect(() => db.prepare("DELETE FROM issued_documents WHERE id = 'd1'").run()).toThrow(/frozen/);
    expect(db.prepare("SELECT sha256, title FROM issued_documents WHERE id = 'd1'").get()).toEqual({ sha256: HASH, title: 'Proposal' });
    expect(db.prepare('SELECT count(*) FROM issued_documents').pluck().get()).toBe(3);
    db.close();
  });
});
