import { Readable } from 'node:stream';
import type { EvidenceContext } from '../services/evidence-context';
import { createCase } from '../services/case-service';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import { afterEach } from 'vitest';
import { tempDir } from './temp-dir';

const open: Workspace[] = [];
afterEach(() => {
  for (const workspace of open.splice(0)) workspace.close();
});

/** A real workspace with its vault, a context for evidence services, and one open case. */
export function evidenceContext(dir = tempDir()): EvidenceContext & { dir: string; workspace: Workspace; caseId: string; reopen(): void } {
  const workspace = openWorkspace(dir);
  open.push(workspace);
  const ctx = {
    dir,
    workspace,
    db: workspace.db,
    vault: workspace.vault,
    actor: 'tester',
    now: () => '2026-11-27T09:00:00.000Z',
    caseId: '',
    reopen() {
      ctx.workspace.close();
      const again = openWorkspace(dir);
      open.push(again);
      Object.assign(ctx, { workspace: again, db: again.db, vault: again.vault });
    },
  };
  ctx.caseId = createCase(ctx, { title: 'Test case', country: null, situation: '', summary: '' }).id;
  return ctx;
}

export const bytes = (content: string | Uint8Array) => Readable.from([Buffer.from(content)]);
