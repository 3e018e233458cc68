import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeReadOnly } from '../test-support/read-only-dir';
import { tempDir } from '../test-support/temp-dir';
import { createCaseVia, importFile, invoke, uploadFile } from '../test-support/workbench-import';
import { openWorkbench } from '../workbench';
import { DATABASE_FILE } from '../workspace/open-workspace';

/**
 * A vault that cannot take the file: the disk is full, or the folder is read-only. The import is
 * refused with a code the UI translates, and leaves no trace: no temp file, no item, no custody
 * entry, no other file or row changed.
 */
const MiB = 1024 * 1024;

/** Every file under `dir` with its hash (SQLite's own -wal/-shm and the lock excepted), and every row of every table. */
function snapshot(dir: string): { files: Record<string, string>; rows: Record<string, unknown[]> } {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.casebench.lock') walk(full);
      } else if (!/\.sqlite-(wal|shm)$/.test(e.name) && e.name !== DATABASE_FILE) {
        files[path.relative(dir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
      }
    }
  };
  walk(dir);
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
    return { files, rows };
  } finally {
    db.close();
  }
}

function mountTmpfs(dir: string, size: string): { umount(): void } | { unavailable: string } {
  if (process.getuid?.() !== 0) return { unavailable: 'mounting a small tmpfs needs root' };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return { unavailable: `cannot mount a tmpfs here (${String(error).split('\n')[0]})` };
  }
  return { umount: () => execFileSync('umount', [dir], { stdio: 'ignore' }) };
}

describe('a vault that cannot take the file', () => {
  it('refuses an import onto a full disk with DISK_FULL and changes nothing', async (context) => {
    const dir = tempDir('casebench-full-');
    const mount = mountTmpfs(dir, '2m');
    if ('unavailable' in mount) {
      console.warn(`full-disk test skipped: ${mount.unavailable}`);
      context.skip();
      return;
    }
    const sources = tempDir('casebench-full-src-');
    try {
      const workspace = path.join(dir, 'workspace');
      let bench = openWorkbench({ workspaceDir: workspace, appVersion: 'test', actor: 'tester' });
      const caseId = await createCaseVia(bench);
      const small = path.join(sources, 'small.txt');
      fs.writeFileSync(small, 'a witness statement that fits');
      const kept = await importFile(bench, caseId, small);
      bench.close(); // checkpoints the WAL: the snapshot sees the whole database
      bench = openWorkbench({ workspaceDir: workspace, appVersion: 'test', actor: 'tester' });
      const before = snapshot(workspace);

      const large = path.join(sources, 'large.bin');
      fs.writeFileSync(large, randomBytes(4 * MiB));
      const refused = await uploadFile(bench, large);
      expect(refused.status).toBe(507);
      expect(refused.body).toEqual({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/vault is full.*Nothing was stored/) } });
      expect(fs.readdirSync(path.join(workspace, 'vault', 'tmp'))).toEqual([]);
      expect(await invoke<{ total: number }>(bench, 'evidence.list', { caseId })).toMatchObject({ total: 1 });
      bench.close();
      expect(snapshot(workspace)).toEqual(before);

      // The space the partial file took was given back: the workspace keeps working.
      bench = openWorkbench({ workspaceDir: workspace, appVersion: 'test', actor: 'tester' });
      const another = path.join(sources, 'another.txt');
      fs.writeFileSync(another, 'one more statement');
      expect(await importFile(bench, caseId, another)).toMatchObject({ exhibit: 'E-2', duplicate: false });
      expect(kept.exhibit).toBe('E-1');
      bench.close();
    } finally {
      mount.umount();
    }
  });

  it('refuses an import into a read-only vault with WORKSPACE_READ_ONLY and changes nothing', async (context) => {
    const workspace = tempDir('casebench-ro-');
    const sources = tempDir('casebench-ro-src-');
    const bench = openWorkbench({ workspaceDir: workspace, appVersion: 'test', actor: 'tester' });
    let restore: (() => void) | null = null;
    try {
      const caseId = await createCaseVia(bench);
      const first = path.join(sources, 'first.txt');
      fs.writeFileSync(first, 'already in the vault');
      await importFile(bench, caseId, first);
      const before = snapshot(workspace);

      // The vault folder becomes read-only under the running app (a remounted disk, changed permissions).
      const readOnly = makeReadOnly(path.join(workspace, 'vault'));
      if ('unavailable' in readOnly) {
        console.warn(`read-only vault test skipped: ${readOnly.unavailable}`);
        context.skip();
        return;
      }
      restore = readOnly.restore;
      const file = path.join(sources, 'second.bin');
      fs.writeFileSync(file, randomBytes(4 * MiB));
      const refused = await uploadFile(bench, file);
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual({ ok: false, error: { code: 'WORKSPACE_READ_ONLY', message: expect.stringMatching(/cannot be written to.*Nothing was stored/) } });
      expect(fs.readdirSync(path.join(workspace, 'vault', 'tmp'))).toEqual([]);
      expect(await invoke<{ total: number }>(bench, 'evidence.list', { caseId })).toMatchObject({ total: 1 });
      expect(snapshot(workspace)).toEqual(before);
    } finally {
      restore?.();
      bench.close();
    }
  });
});
