import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 008 (workflow)', () => {
  it('adds transitions, waivers, review rounds with comments and decisions beside existing cases', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 7);
    db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-2026-0001', 't', '', '')").run();
    expect(migrate(db, 8)).toBe(8);
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare("SELECT stage FROM cases WHERE id = 'c'").pluck().get()).toBe('intake');

    const move = db.prepare(
      `INSERT INTO stage_transitions (id, case_id, at, actor, from_stage, to_stage, direction, reason, unmet_checks)
       VALUES (@id, 'c', '', 'A', @from, @to, @direction, @reason, @unmet)`,
    );
    const step = { id: 't1', from: 'intake', to: 'assessment', direction: 'advance', reason: null, unmet: '[]' };
    move.run(step);
    // Back needs a reason; forward past unmet checks needs one too; a move goes somewhere.
    expect(() => move.run({ ...step, id: 't2', direction: 'return' })).toThrow(/CHECK/);
    expect(() => move.run({ ...step, id: 't3', unmet: '["findings.identifiers"]' })).toThrow(/CHECK/);
    expect(() => move.run({ ...step, id: 't4', to: 'intake' })).toThrow(/CHECK/);
    expect(() => move.run({ ...step, id: 't5', direction: 'sideways', reason: 'x' })).toThrow(/CHECK/);

    const waive = db.prepare("INSERT INTO gate_waivers (case_id, check_id, reason, waived_by, waived_at) VALUES ('c', ?, ?, 'A', '')");
    waive.run('investigation.partner_check', 'No list covers this region');
    expect(() => waive.run('investigation.partner_check', 'again')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => waive.run('findings.identifiers', '  ')).toThrow(/CHECK/);

    const round = db.prepare(
      `INSERT INTO review_rounds (id, case_id, seq, submitted_by, submitted_at, status, reviewer, decided_at)
       VALUES (@id, 'c', @seq, 'A', '', @status, @reviewer, @decided)`,
    );
    round.run({ id: 'r1', seq: 1, status: 'returned', reviewer: 'B', decided: '2026' });
    // The reviewer is never the submitter; a decided round names its reviewer; a pending one has no decision time.
    expect(() => round.run({ id: 'r2', seq: 2, status: 'approved', reviewer: 'A', decided: '2026' })).toThrow(/CHECK/);
    expect(() => round.run({ id: 'r3', seq: 2, status: 'approved', reviewer: null, decided: '2026' })).toThrow(/CHECK/);
    expect(() => round.run({ id: 'r4', seq: 2, status: 'pending', reviewer: null, decided: '2026' })).toThrow(/CHECK/);
    expect(() => round.run({ id: 'r5', seq: 1, status: 'pending', reviewer: null, decided: null })).toThrow(/UNIQUE/);
    round.run({ id: 'r6', seq: 2, status: 'withdrawn', reviewer: null, decided: '2026' });

    const comment = db.prepare(
      "INSERT INTO review_comments (id, round_id, seq, anchor_type, anchor_id, body, author, at) VALUES (?, 'r1', ?, ?, 'x', ?, 'B', '')",
    );
    comment.run('k1', 1, 'finding', 'Cite the satellite images.');
    expect(() => comment.run('k2', 2, 'footnote', 'x')).toThrow(/CHECK/);
    expect(() => comment.run('k3', 3, 'allegation', ' ')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE review_comments SET resolved_by = 'A' WHERE id = 'k1'").run()).toThrow(/CHECK/);

    const decide = db.prepare(
      `INSERT INTO case_decisions (case_id, outcome, notice_date, notice_number, review_date, reasons, recorded_by, recorded_at)
       VALUES ('c', @outcome, @date, @number, @review, @reasons, 'A', '')`,
    );
    const designated = { outcome: 'designated', date: '2026-12-01', number: '財務省告示第三百号', review: '2027-12-01', reasons: '' };
    expect(() => decide.run({ ...designated, number: null })).toThrow(/CHECK/);
    expect(() => decide.run({ ...designated, review: null })).toThrow(/CHECK/);
    expect(() => decide.run({ ...designated, outcome: 'not_designated' })).toThrow(/CHECK/);
    decide.run(designated);
    expect(() => decide.run(designated)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO gate_waivers VALUES ('nope', 'x', 'r', 'A', '')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
