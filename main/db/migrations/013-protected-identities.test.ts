import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 013 (protected identities)', () => {
  it('adds protected persons per case, one pseudonym each, with a row for every victim already named', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 12);
    const caseRow = db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES (?, ?, 't', '', '')");
    caseRow.run('c', 'HR-2026-0001');
    caseRow.run('d', 'HR-2026-0002');
    const allegation = db.prepare(
      `INSERT INTO allegations (id, case_id, seq, category, period, victims, status, created_at, updated_at)
       VALUES (?, ?, ?, 'torture', '{"precision":"unknown"}', ?, 'alleged', ?, ?)`,
    );
    const victims = (...p: string[]) => JSON.stringify(p.map((pseudonym) => ({ pseudonym })));
    allegation.run('a1', 'c', 1, victims('W-01', 'W-02'), '2026-01-02', '2026-01-02');
    allegation.run('a2', 'c', 2, victims('W-02', ' W-03 ', ''), '2026-01-01', '2026-01-01');
    allegation.run('a3', 'd', 1, victims('W-01'), '2026-02-01', '2026-02-01');
    allegation.run('a4', 'd', 2, 'not json', '2026-02-01', '2026-02-01');

    expect(migrate(db, 13)).toBe(13);
    expect(schemaVersion(db)).toBe(13);
    // Existing victims become protected persons without an identity; the allegations are untouched.
    expect(db.prepare('SELECT case_id, pseudonym, role, full_name, created_at FROM protected_persons ORDER BY case_id, pseudonym').all()).toEqual([
      { case_id: 'c', pseudonym: 'W-01', role: 'victim', full_name: '', created_at: '2026-01-02' },
      { case_id: 'c', pseudonym: 'W-02', role: 'victim', full_name: '', created_at: '2026-01-01' },
      { case_id: 'c', pseudonym: 'W-03', role: 'victim', full_name: '', created_at: '2026-01-01' },
      { case_id: 'd', pseudonym: 'W-01', role: 'victim', full_name: '', created_at: '2026-02-01' },
    ]);
    expect(db.prepare("SELECT victims FROM allegations WHERE id = 'a2'").pluck().get()).toBe(victims('W-02', ' W-03 ', ''));
    for (const id of db.prepare('SELECT id FROM protected_persons').pluck().all()) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);

    const insert = db.prepare(
      `INSERT INTO protected_persons (id, case_id, pseudonym, role, full_name, created_at, updated_at) VALUES (?, ?, ?, ?, 'Real Name', '', '')`,
    );
    insert.run('p1', 'd', 'S-01', 'source');
    expect(() => insert.run('p2', 'd', 'S-01', 'witness')).toThrow(/UNIQUE/);
    expect(() => insert.run('p3', 'd', 'S-02', 'perpetrator')).toThrow(/CHECK/);
    expect(() => insert.run('p4', 'd', '', 'witness')).toThrow(/CHECK/);
    expect(() => insert.run('p5', 'nope', 'S-03', 'witness')).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
