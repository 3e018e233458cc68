import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 006 (screening)', () => {
  const fresh = () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 6);
    db.prepare("INSERT INTO subjects (id, seq, type, display_name, created_at, updated_at) VALUES ('s', 1, 'person', 'x', '', '')").run();
    return db;
  };
  const insert = (db: Database.Database, id: string, ref: string, extra: Record<string, unknown> = {}) =>
    db
      .prepare(
        `INSERT INTO screening_candidates (id, subject_id, list_key, list_ref, score, reasons, seen, current, decision, decided_at, first_found_at, screened_at)
         VALUES (@id, 's', 'us-ofac-sdn', @ref, @score, '{}', '{}', @current, @decision, @decided_at, 't', 't')`,
      )
      .run({ id, ref, score: 0.9, current: 1, decision: 'pending', decided_at: null, ...extra });

  it('keeps one candidate per subject and entry identity (list key, list reference)', () => {
    const db = fresh();
    insert(db, 'a', '29219');
    expect(() => insert(db, 'b', '29219')).toThrow(/UNIQUE/);
    insert(db, 'c', '27225');
    expect(db.prepare('SELECT count(*) FROM screening_candidates').pluck().get()).toBe(2);
    db.close();
  });

  it('refuses a decision without its time, a pending candidate no longer current, a score outside 0–1, a bad decision', () => {
    const db = fresh();
    expect(() => insert(db, 'a', '1', { decision: 'confirmed' })).toThrow(/CHECK/);
    expect(() => insert(db, 'b', '2', { current: 0 })).toThrow(/CHECK/);
    expect(() => insert(db, 'c', '3', { score: 1.2 })).toThrow(/CHECK/);
    expect(() => insert(db, 'd', '4', { decision: 'maybe', decided_at: 't' })).toThrow(/CHECK/);
    insert(db, 'e', '5', { decision: 'rejected', decided_at: 't', current: 0 });
    db.close();
  });

  it('records one run per subject and list, and forgets both with their subject', () => {
    const db = fresh();
    insert(db, 'a', '1');
    db.prepare("INSERT INTO screening_runs (subject_id, list_key, list_imported_at, screened_at) VALUES ('s', 'un-sc', 'i', 't')").run();
    expect(() => db.prepare("INSERT INTO screening_runs (subject_id, list_key, list_imported_at, screened_at) VALUES ('s', 'un-sc', 'j', 'u')").run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    db.prepare("DELETE FROM subjects WHERE id = 's'").run();
    expect(db.prepare('SELECT count(*) FROM screening_candidates').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM screening_runs').pluck().get()).toBe(0);
    db.close();
  });
});
