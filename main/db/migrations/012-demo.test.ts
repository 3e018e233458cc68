import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 012 (demo cases)', () => {
  it('adds a demo flag to cases: existing cases are not demos, the flag is 0 or 1 only', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 11);
    db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-2026-0001', 'Existing', '', '')").run();
    expect(migrate(db, 12)).toBe(12);
    expect(schemaVersion(db)).toBe(12);
    expect(db.prepare("SELECT demo, title FROM cases WHERE id = 'c'").get()).toEqual({ demo: 0, title: 'Existing' });

    const insert = db.prepare("INSERT INTO cases (id, reference, title, demo, created_at, updated_at) VALUES (?, ?, 'Demo', ?, '', '')");
    insert.run('d', 'HR-2026-0002', 1);
    expect(() => insert.run('e', 'HR-2026-0003', 2)).toThrow(/CHECK/);
    expect(() => insert.run('f', 'HR-2026-0004', null)).toThrow(/NOT NULL/);
    expect(db.prepare("SELECT id FROM cases WHERE demo = 1 AND status = 'open'").pluck().all()).toEqual(['d']);
    // The lookup of the open demo case uses the partial index, not a scan of every case.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM cases WHERE demo = 1 AND status = 'open'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/cases_demo/);
    db.close();
  });
});
