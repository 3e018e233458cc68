import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { createCaseVia, importFile, invoke } from '../test-support/workbench-import';
import { openWorkbench } from '../workbench';
import { DATABASE_FILE } from '../workspace/open-workspace';

describe('text extraction left pending by an interrupted import', () => {
  it('runs when the workspace is next opened, so the item becomes searchable', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'statement.txt');
    fs.writeFileSync(file, 'The witness saw the archaeopteryx convoy at dawn.');

    const first = openWorkbench({ workspaceDir: dir, appVersion: '1', actor: 'tester' });
    const caseId = await createCaseVia(first);
    const { id } = await importFile(first, caseId, file);
    first.close();

    // What an app killed between the import's commit and its extraction leaves behind.
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.prepare('DELETE FROM evidence_text WHERE item_id = ?').run(id);
    raw.prepare("UPDATE evidence_items SET extraction_status = 'none' WHERE id = ?").run(id);
    raw.close();

    const second = openWorkbench({ workspaceDir: dir, appVersion: '1', actor: 'tester' });
    try {
      expect(await second.extractionResumed()).toBe(1);
      const item = await invoke<{ extraction: { status: string } }>(second, 'evidence.get', { id });
      expect(item.extraction.status).toBe('ok');
      const found = await invoke<{ total: number }>(second, 'evidence.list', { caseId, search: 'archaeopteryx' });
      expect(found.total).toBe(1);
    } finally {
      second.close();
    }
  });
});
