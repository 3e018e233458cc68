import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Failure } from '../ipc/failure';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { makeReadOnly } from '../test-support/read-only-dir';
import { tempDir } from '../test-support/temp-dir';
import { DATABASE_FILE, openWorkspace } from './open-workspace';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function failureOf(run: () => unknown): Failure {
  try {
    run();
  } catch (error) {
    if (error instanceof Failure) return error;
    throw error;
  }
  throw new Error('expected a Failure');
}

describe('openWorkspace', () => {
  it('creates the folder and a migrated database, and finds the data again after reopening', () => {
    const dir = path.join(tempDir(), 'nested', 'workspace');
    const first = openWorkspace(dir);
    expect(first.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('k', '\"v\"')").run();
    first.close();

    const second = openWorkspace(dir);
    expect(second.db.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('"v"');
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(second.db.pragma('foreign_keys', { simple: true })).toBe(1);
    second.close();
  });

  it('refuses a second opening while the first holds the workspace, and allows it after', () => {
    const dir = tempDir();
    const first = openWorkspace(dir);
    expect(failureOf(() => openWorkspace(dir)).code).toBe('WORKSPACE_LOCKED');
    first.close();
    openWorkspace(dir).close();
  });

  it('refuses a database written by a newer version and leaves it byte for byte as it was', () => {
    const dir = tempDir();
    openWorkspace(dir).close();
    const file = path.join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha256(file);

    const failure = failureOf(() => openWorkspace(dir));
    expect(failure.code).toBe('WORKSPACE_TOO_NEW');
    expect(failure.message).toMatch(/newer Casebench/);
    expect(failure.message).not.toContain(dir);
    expect(sha256(file)).toBe(before);
    // The lock is released, so the user can open the workspace with a newer Casebench.
    expect(fs.existsSync(path.join(dir, '.casebench.lock'))).toBe(false);
  });

  it('refuses a corrupt database and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, Buffer.from('This is not an SQLite database, it is a text file. '.repeat(200)));
    const before = sha256(file);
    expect(failureOf(() => openWorkspace(dir)).code).toBe('WORKSPACE_CORRUPT');
    expect(sha256(file)).toBe(before);
  });

  it('opens a database damaged beyond its first pages quickly, and the damage is reported when read', async () => {
    const dir = tempDir();
    const ws = openWorkspace(dir);
    const insert = ws.db.prepare(
      "INSERT INTO cases (id, reference, title, summary, created_at, updated_at) VALUES (?, ?, 't', ?, '', '')",
    );
    for (let i = 0; i < 2000; i++) insert.run(`id-${i}`, `HR-2026-${i}`, 'x'.repeat(400));
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    const file = path.join(dir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    // Damage the middle third: table and index pages, never the header or the schema.
    bytes.fill(0xff, pageSize * Math.floor(pages / 3), pageSize * Math.floor((2 * pages) / 3));
    fs.writeFileSync(file, bytes);
    const before = sha256(file);

    const { openWorkbench } = await import('../workbench');
    const bench = openWorkbench({ workspaceDir: dir, appVersion: '1', actor: 't' });
    try {
      expect(await bench.router.invoke({ channel: 'app.status', input: {} })).toMatchObject({ ok: true });
      const read = await bench.router.invoke({ channel: 'cases.list', input: { limit: 500 } });
      expect(read).toMatchObject({ ok: false, error: { code: 'WORKSPACE_CORRUPT' } });
    } finally {
      bench.close();
    }
    expect(sha256(file)).toBe(before);
  });

  it('refuses a read-only workspace folder with a clear message and changes nothing', (ctx) => {
    const dir = tempDir();
    const ws = openWorkspace(dir);
    ws.db.prepare("INSERT INTO settings (key, value) VALUES ('kept', '1')").run();
    ws.db.pragma('wal_checkpoint(TRUNCATE)');
    ws.close();
    const readOnly = makeReadOnly(dir);
    if ('unavailable' in readOnly) {
      ctx.skip(readOnly.unavailable);
      return;
    }
    try {
      const failure = failureOf(() => openWorkspace(dir));
      expect(failure.code).toBe('WORKSPACE_READ_ONLY');
      expect(failure.message).toMatch(/cannot be written/);
    } finally {
      readOnly.restore();
    }
    const again = openWorkspace(dir);
    expect(again.db.prepare("SELECT value FROM settings WHERE key = 'kept'").pluck().get()).toBe('1');
    again.close();
  });
});

describe('a lock left by a Casebench that was killed', () => {
  it('is taken over at once, while a live owner keeps it', async () => {
    const { spawn } = await import('node:child_process');
    const dir = tempDir();
    // A live process that is not us holds the lock (as a second Casebench would).
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const first = openWorkspace(dir);
      first.db.close(); // keep the lock directory, as a killed process would
      fs.writeFileSync(path.join(dir, '.casebench.owner'), JSON.stringify({ pid: holder.pid, host: (await import('node:os')).hostname() }));
      expect(failureOf(() => openWorkspace(dir)).code).toBe('WORKSPACE_LOCKED');
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
      const again = openWorkspace(dir);
      again.close();
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
