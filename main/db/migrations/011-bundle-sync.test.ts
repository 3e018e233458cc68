import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

describe('migration 011 (bundle sync state)', () => {
  it('adds bundle transfers and per-record sync hashes beside existing data, one base per record', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 10);
    db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-2026-0001', 't', '', '')").run();
    expect(migrate(db, 11)).toBe(11);
    expect(schemaVersion(db)).toBe(11);

    const transfer = db.prepare(
      `INSERT INTO bundle_transfers (id, case_id, direction, bundle_sha256, counterpart, actor, at) VALUES (?, 'c', ?, ?, ?, 'tester', '')`,
    );
    transfer.run('t1', 'export', 'a'.repeat(64), '[]');
    expect(() => transfer.run('t2', 'sideways', 'a'.repeat(64), '[]')).toThrow(/CHECK/);
    expect(() => transfer.run('t3', 'import', 'short', '[]')).toThrow(/CHECK/);
    expect(() => transfer.run('t4', 'import', 'a'.repeat(64), 'not json')).toThrow(/CHECK/);

    const sync = db.prepare("INSERT INTO bundle_sync (record_key, case_id, hash, transfer_id) VALUES (?, 'c', ?, ?)");
    sync.run('allegations:x', 'b'.repeat(64), 't1');
    expect(() => sync.run('allegations:x', 'c'.repeat(64), 't1')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => sync.run('allegations:y', 'c'.repeat(64), 'no-such-transfer')).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT hash FROM bundle_sync').pluck().all()).toEqual(['b'.repeat(64)]);
    db.close();
  });
});
