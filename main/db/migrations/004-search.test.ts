import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 004 (search)', () => {
  it('indexes the cases and allegations that existed before it, and keeps up afterwards', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, 3);
    db.prepare(
      "INSERT INTO cases (id, reference, title, summary, created_at, updated_at) VALUES ('c', 'HR-2026-0001', 't', '収容施設での拷問の証言', '', '')",
    ).run();
    db.prepare(
      `INSERT INTO allegations (id, case_id, seq, category, period, place, narrative, status, created_at, updated_at)
       VALUES ('a', 'c', 1, 'torture', '{}', 'Urumqi', 'Beatings during interrogation', 'alleged', '', '')`,
    ).run();
    migrate(db, 4);
    const count = (fts: string, q: string) => db.prepare(`SELECT count(*) FROM ${fts} WHERE ${fts} MATCH ?`).pluck().get(q);
    expect(count('case_text_fts', '"拷問の"')).toBe(1);
    expect(count('allegation_text_fts', '"interrogat"')).toBe(1);

    db.prepare("UPDATE allegations SET narrative = 'Sleep deprivation' WHERE id = 'a'").run();
    expect(count('allegation_text_fts', '"interrogat"')).toBe(0);
    expect(count('allegation_text_fts', '"deprivation"')).toBe(1);
    db.prepare("DELETE FROM allegations WHERE id = 'a'").run();
    expect(count('allegation_text_fts', '"deprivation"')).toBe(0);
    db.close();
  });
});
