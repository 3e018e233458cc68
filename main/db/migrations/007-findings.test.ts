import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

const BODY = JSON.stringify({ root: { type: 'root', children: [] } });

describe('migration 007 (findings)', () => {
  it('adds findings beside existing cases, one text per target and section, searchable by its words', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 6);
    db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-2026-0001', 't', '', '')").run();
    expect(migrate(db, 7)).toBe(7);
    expect(schemaVersion(db)).toBe(7);

    const insert = db.prepare(
      `INSERT INTO findings (id, case_id, target_type, target_id, section, outcome, body, plain_text, revision, created_at, updated_at, updated_by)
       VALUES (@id, 'c', @type, 't1', @section, @outcome, @body, @text, 1, '', '', 'tester')`,
    );
    const row = { id: 'f1', type: 'allegation', section: 'finding', outcome: 'met', body: BODY, text: '収容施設での拷問を認定する' };
    insert.run(row);
    // One finding per target; a statement of reasons only for subjects, and without an outcome.
    expect(() => insert.run({ ...row, id: 'f2' })).toThrow(/UNIQUE/);
    expect(() => insert.run({ ...row, id: 'f3', section: 'reasons', outcome: null })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, id: 'f4', type: 'subject', section: 'reasons' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, id: 'f5', type: 'subject', outcome: 'proven' })).toThrow(/CHECK/);
    expect(() => insert.run({ ...row, id: 'f6', type: 'subject', body: '{not json' })).toThrow(/CHECK/);
    insert.run({ ...row, id: 'f7', type: 'subject', section: 'reasons', outcome: null, text: 'Statement of reasons' });

    const count = (q: string) => db.prepare('SELECT count(*) FROM finding_text_fts WHERE finding_text_fts MATCH ?').pluck().get(q);
    expect(count('"拷問を"')).toBe(1);
    db.prepare("UPDATE findings SET plain_text = 'Reasonable grounds to suspect' WHERE id = 'f1'").run();
    expect(count('"拷問を"')).toBe(0);
    expect(count('"grounds"')).toBe(1);

    db.prepare("INSERT INTO finding_citations (finding_id, kind, target_id) VALUES ('f1', 'exhibit', 'e1'), ('f1', 'subject', 's1')").run();
    db.prepare("DELETE FROM findings WHERE id = 'f1'").run();
    expect(count('"grounds"')).toBe(0);
    expect(db.prepare('SELECT count(*) FROM finding_citations').pluck().get()).toBe(0);
    db.close();
  });
});
