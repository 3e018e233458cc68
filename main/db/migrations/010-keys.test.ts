import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../test-support/temp-dir';

const KEY = `${'A'.repeat(43)}=`;
const RECIPIENT = `age1${'q'.repeat(58)}`;

describe('migration 010 (keys)', () => {
  it('adds one own key pair and colleagues unique by signing key beside existing cases', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 9);
    db.prepare("INSERT INTO cases (id, reference, title, created_at, updated_at) VALUES ('c', 'HR-2026-0001', 't', '', '')").run();
    expect(migrate(db, 10)).toBe(10);
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);

    const own = db.prepare(
      `INSERT INTO own_keys (id, signing_public, signing_private, age_identity, age_recipient, created_at)
       VALUES (@id, @pub, 'MC4CAQ==', @identity, @recipient, '')`,
    );
    const mine = { id: 1, pub: KEY, identity: 'AGE-SECRET-KEY-1XYZ', recipient: RECIPIENT };
    own.run(mine);
    expect(() => own.run(mine)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => own.run({ ...mine, id: 2 })).toThrow(/CHECK/);
    db.prepare('DELETE FROM own_keys').run();
    expect(() => own.run({ ...mine, pub: 'short' })).toThrow(/CHECK/);
    expect(() => own.run({ ...mine, identity: 'not an identity' })).toThrow(/CHECK/);

    const colleague = db.prepare(
      `INSERT INTO colleagues (id, name, organisation, signing_key, age_recipient, fingerprint, added_at, added_from)
       VALUES (@id, @name, '', @key, @recipient, '1', '', @from)`,
    );
    const row = { id: 'k1', name: 'Ana', key: KEY, recipient: RECIPIENT, from: 'pasted' };
    colleague.run(row);
    colleague.run({ ...row, id: 'k2', key: `${'B'.repeat(43)}=`, from: 'bundle' }); // same name, other key: kept beside
    expect(() => colleague.run({ ...row, id: 'k3' })).toThrow(/UNIQUE/);
    expect(() => colleague.run({ ...row, id: 'k4', key: `${'C'.repeat(43)}=`, from: 'email' })).toThrow(/CHECK/);
    expect(() => colleague.run({ ...row, id: 'k5', key: `${'D'.repeat(43)}=`, name: '' })).toThrow(/CHECK/);
    expect(() => colleague.run({ ...row, id: 'k6', key: `${'E'.repeat(43)}=`, recipient: 'x' })).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM colleagues').pluck().get()).toBe(2);
    db.close();
  });
});
