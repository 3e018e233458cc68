import fs from 'node:fs';
import path from 'node:path';
import type { evidenceContext } from '../../test-support/evidence-context';
import { applyPlan, type Choices, type TransferInfo } from './apply';
import { incomingFromSnapshot } from './content';
import { addExportEntries, recordExport } from './export-record';
import { makePlan } from './plan';
import { takeSnapshot, type Selection } from './snapshot';

/**
 * A case sent between two test workspaces without the file format (its own tests cover that):
 * snapshot and export record on one side; the files moved into the other's vault, plan and apply
 * on the other, as main/bundles/case/bundle-service.ts does around the bundle.
 */
export type Ctx = ReturnType<typeof evidenceContext>;

let sent = 0;

export const SENDER: TransferInfo['sender'] = {
  name: 'Aiko Tanaka',
  organisation: 'Human Rights Now',
  signingKey: 'A'.repeat(43) + '=',
  ageRecipient: 'age1' + 'q'.repeat(58),
  fingerprint: '00000 00000',
};

/** The same context acting as another person (the reviewer must not be the submitter). */
export const as = (ctx: Ctx, actor: string): Ctx => Object.assign(Object.create(Object.getPrototypeOf(ctx) as object) as Ctx, ctx, { actor });

export function send(
  from: Ctx,
  to: Ctx,
  caseId: string,
  o: { evidence?: boolean; protectedIds?: boolean; selection?: Selection | null } = {},
) {
  const n = ++sent;
  const snapshot = takeSnapshot(from.db, {
    caseId,
    selection: o.selection ?? null,
    includeEvidence: o.evidence ?? true,
    includeProtected: o.protectedIds ?? true,
  });
  const info = { bundleId: `t-${n}`, actor: from.actor, at: from.now(), to: [{ name: to.actor, organisation: 'HRN', fingerprint: '1' }] };
  addExportEntries(snapshot, info);
  recordExport(from, snapshot, info, String(n % 10).repeat(64));
  const incoming = incomingFromSnapshot(snapshot);
  const plan = makePlan(to.db, incoming, (sha) => to.vault.has(sha));
  const apply = (choices: Choices = {}) => {
    // Copies stored files byte for byte: only between plain vaults (bundle-service adopts into sealed ones).
    if (from.vault.sealed || to.vault.sealed) throw new Error('test-transfer copies between plain vaults only');
    for (const sha of incoming.carried) {
      if (to.vault.has(sha)) continue;
      fs.mkdirSync(path.dirname(to.vault.contentPath(sha)), { recursive: true });
      fs.copyFileSync(from.vault.contentPath(sha), to.vault.contentPath(sha));
    }
    const transfer: TransferInfo = { bundleId: info.bundleId, bundleSha256: String(n % 10).repeat(64), sender: { ...SENDER, name: from.actor }, recipients: [to.actor] };
    return applyPlan(to, incoming, plan.digest, choices, transfer, (sha) => to.vault.has(sha));
  };
  return { snapshot, incoming, plan, apply };
}

/** The plan's changes, as [kind, table, label] (history lines left out: each side's arrive as new). */
export const changesOf = (plan: { changes: { kind: string; table: string; label: string }[] }) =>
  plan.changes.filter((c) => c.table !== 'case_events').map((c) => [c.kind, c.table, c.label]);
