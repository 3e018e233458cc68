import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type {
  BundleApplyResult,
  BundleExportResult,
  BundleExportSchema,
  BundlePlan,
  BundleChoicesSchema,
} from '../../../shared/contract/channels/bundles';
import { Failure } from '../../ipc/failure';
import { addColleague, fingerprint, listColleagues, ownCard, ownKeys, standingOf, type Colleague, type SignerStanding } from '../../keys';
import type { EvidenceContext } from '../../services/evidence-context';
import type { JobControl } from '../../vault/jobs';
import { readBundle, writeBundle, type OpenedBundle } from '../format';
import { applyPlan, checkFresh, type TransferInfo } from './apply';
import { CASE_BUNDLE_KIND, CASE_CONTENT_VERSION, EVIDENCE_PREFIX, entriesOf, incomingFrom, type CaseBundleMeta } from './content';
import { addExportEntries, recordExport, type ExportInfo } from './export-record';
import { makePlan, type CasePlan, type IncomingCase } from './plan';
import { takeSnapshot } from './snapshot';
import { newStagingDir } from './staging';

type ExportInput = z.output<typeof BundleExportSchema>;

/** The workspace folder: the vault lives in `<workspace>/vault`. */
const workspaceOf = (ctx: EvidenceContext) => path.dirname(ctx.vault.root);

/** Progress as the format reports it (done of total) onto a job's counters. */
function progressTo(control: JobControl) {
  let last = 0;
  return (done: number, total: number) => {
    control.setTotal(total);
    control.advance(done - last);
    last = done;
  };
}

function freeName(folder: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.casebundle` : `${base}-${n}.casebundle`;
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}

export interface PreparedExport {
  run(control: JobControl): Promise<BundleExportResult>;
}

/**
 * Checks what can be checked at once (the case, the colleagues, the folder), then hands back the
 * long part for a job: snapshot, write (to a temporary name; the format renames it when whole),
 * and the record of the export.
 */
export async function prepareExport(ctx: EvidenceContext, input: ExportInput, folder: string | null): Promise<PreparedExport> {
  const card = await ownCard(ctx);
  const keys = await ownKeys(ctx);
  let recipients: string[] | null = null;
  let to: ExportInfo['to'] = 'passphrase';
  if ('colleagueIds' in input.recipients) {
    const colleagues = listColleagues(ctx);
    const chosen = input.recipients.colleagueIds.map((id) => colleagues.find((c) => c.id === id));
    if (chosen.some((c) => !c)) throw new Failure('NOT_FOUND', 'A chosen colleague is no longer in your list of colleagues.');
    // The sender can open what they sent, too (to check it, or to import it elsewhere).
    recipients = [...new Set([...chosen.map((c) => c!.ageRecipient), keys.ageRecipient])];
    to = chosen.map((c) => ({ name: c!.name, organisation: c!.organisation, fingerprint: c!.fingerprint }));
  }
  const caseRow = ctx.db.prepare('SELECT reference, title FROM cases WHERE id = ?').get(input.caseId) as { reference: string; title: string } | undefined;
  if (!caseRow) throw new Failure('NOT_FOUND', 'No such case.');
  const downloadId = folder === null ? uuidv7() : null;
  const targetDir = folder ?? newStagingDir(workspaceOf(ctx), `out-${downloadId}-`);
  if (folder !== null && !fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Failure('EXPORT_FOLDER_UNWRITABLE', 'The chosen folder cannot be written to. Choose another folder. Nothing was written.');
  }
  fs.mkdirSync(targetDir, { recursive: true });

  return {
    async run(control) {
      const snapshot = takeSnapshot(ctx.db, {
        caseId: input.caseId,
        selection: input.selection,
        includeEvidence: input.includeEvidence,
        includeProtected: input.includeProtected,
      });
      const info: ExportInfo = { bundleId: uuidv7(), actor: ctx.actor, at: ctx.now(), to };
      addExportEntries(snapshot, info);
      const meta: CaseBundleMeta = {
        kind: CASE_BUNDLE_KIND,
        contentVersion: CASE_CONTENT_VERSION,
        bundleId: info.bundleId,
        createdAt: info.at,
        sender: card,
        recipients: to === 'passphrase' ? ['passphrase'] : to.map((c) => c.name),
        case: { id: input.caseId, reference: caseRow.reference, title: caseRow.title },
        includes: {
          wholeCase: snapshot.whole,
          allegations: snapshot.tables.allegations?.length ?? 0,
          subjects: snapshot.tables.subjects?.length ?? 0,
          evidenceItems: snapshot.tables.evidence_items?.length ?? 0,
          evidenceFiles: snapshot.includeEvidence,
        },
        protectedIdentitiesIncluded: snapshot.includeProtected,
        withheld: {},
      };
      const fileName = freeName(targetDir, `${caseRow.reference}-${info.at.slice(0, 10).replaceAll('-', '')}`);
      const written = await writeBundle({
        file: path.join(targetDir, fileName),
        entries: entriesOf(snapshot, ctx.vault),
        meta,
        encryption: recipients ? { recipients } : { passphrase: (input.recipients as { passphrase: string }).passphrase },
        signer: { privateKey: keys.signing.privateKey, publicKey: keys.signing.publicKey },
        onProgress: progressTo(control),
        signal: control.signal,
      });
      recordExport(ctx, snapshot, info, written.sha256);
      return { fileName, bundleSha256: written.sha256, bytes: written.bytes, downloadId };
    },
  };
}

/** The browser host's exported bundle, read once and removed. */
export function takeDownload(ctx: EvidenceContext, downloadId: string): { fileName: string; base64: string } {
  const root = path.dirname(newStagingDir(workspaceOf(ctx)));
  const dir = fs.readdirSync(root).find((d) => d.startsWith(`out-${downloadId}-`));
  const file = dir ? fs.readdirSync(path.join(root, dir)).find((f) => f.endsWith('.casebundle')) : undefined;
  if (!dir || !file) throw new Failure('NOT_FOUND', 'This exported bundle is no longer waiting to be downloaded; export it again.');
  const base64 = fs.readFileSync(path.join(root, dir, file)).toString('base64');
  fs.rmSync(path.join(root, dir), { recursive: true, force: true });
  return { fileName: file, base64 };
}

interface Pending {
  opened: OpenedBundle;
  meta: CaseBundleMeta;
  incoming: IncomingCase;
  digest: string;
  transfer: TransferInfo;
  uploadId: string;
}

const DISPLAY_MAX = 4000;
const display = (v: unknown): string => {
  const text = typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
  return text.length > DISPLAY_MAX ? `${text.slice(0, DISPLAY_MAX)}…` : text;
};

function planView(token: string, p: Pending, plan: CasePlan, standing: BundlePlan['standing'], vaultHas: (sha: string) => boolean): BundlePlan {
  const records = new Map(plan.records.map((r) => [`${r.spec.table}:${r.spec.key.map((k) => String(r.record.row[k])).join('|')}`, r]));
  return {
    token,
    bundleSha256: p.transfer.bundleSha256,
    sender: { ...p.meta.sender, fingerprint: p.transfer.sender.fingerprint },
    standing,
    case: { id: p.meta.case.id, reference: p.meta.case.reference, title: p.meta.case.title, isNew: plan.caseIsNew },
    createdAt: p.meta.createdAt,
    includes: p.meta.includes,
    protectedIdentitiesIncluded: p.meta.protectedIdentitiesIncluded,
    counts: plan.counts,
    changes: plan.changes.map((c) => ({
      ...c,
      fields: c.fields.map((f) => {
        // Rich text is shown as its words, not its JSON.
        const r = records.get(c.id);
        if (c.table === 'findings' && f.field === 'body' && r) {
          return { field: f.field, local: display(r.local?.row.plain_text), incoming: display(r.record.row.plain_text) };
        }
        return { field: f.field, local: display(f.local), incoming: display(f.incoming) };
      }),
    })),
    custody: {
      items: plan.custody.length,
      entriesAdded: plan.custody.reduce((n, c) => n + (c.kind === 'diverged' ? 0 : c.entries.length) + 1, 0),
      diverged: plan.custody.filter((c) => c.kind === 'diverged').map((c) => c.label),
    },
    evidence: {
      carried: p.incoming.carried.size,
      alreadyHeld: [...p.incoming.carried].filter((sha) => vaultHas(sha)).length,
    },
  };
}

/**
 * Opened bundles waiting for the user's choices, per workspace process. Their staging folders are
 * removed on apply, discard and close (and swept at the next open if the process dies).
 */
export class BundleImports {
  private readonly pending = new Map<string, Pending>();

  /** Opens an uploaded bundle into staging, checks who signed it and everything in it, and plans the merge. */
  async inspect(ctx: EvidenceContext, input: { uploadId: string; passphrase?: string | undefined }, control: JobControl): Promise<BundlePlan> {
    const file = ctx.vault.heldFile(input.uploadId);
    if (!file) throw new Failure('UPLOAD_GONE', 'The bundle is no longer waiting to be imported; choose the file again.');
    const keys = await ownKeys(ctx);
    const opened = await readBundle({
      file,
      identities: [keys.ageIdentity],
      ...(input.passphrase ? { passphrase: input.passphrase } : {}),
      stagingDir: newStagingDir(workspaceOf(ctx)),
      onProgress: progressTo(control),
      signal: control.signal,
    });
    try {
      const { meta, incoming } = incomingFrom(opened);
      if (meta.sender.signingKey !== opened.signer.publicKey) {
        throw new Failure('BUNDLE_SIGNATURE_INVALID', 'The bundle was signed with another key than its sender’s.');
      }
      const vaultHas = (sha: string) => ctx.vault.has(sha);
      const plan = makePlan(ctx.db, incoming, vaultHas);
      const token = uuidv7();
      const pending: Pending = {
        opened,
        meta,
        incoming,
        digest: plan.digest,
        uploadId: input.uploadId,
        transfer: {
          bundleId: meta.bundleId,
          bundleSha256: opened.bundleSha256,
          sender: { ...meta.sender, fingerprint: fingerprint(meta.sender) },
          recipients: meta.recipients,
        },
      };
      if (control.signal.aborted) throw new Failure('BAD_REQUEST', 'Cancelled.');
      this.pending.set(token, pending);
      ctx.vault.discard(input.uploadId); // its bytes are in staging now
      return planView(token, pending, plan, standingOf(ctx, meta.sender), vaultHas);
    } catch (error) {
      opened.dispose();
      throw error;
    }
  }

  /**
   * Writes the plan. Evidence files the vault lacks are moved in from staging first (a rename on
   * the same disk; a file the vault already holds is not copied again); if the transaction then
   * fails, they are unreferenced and the vault's start-up sweep removes them.
   */
  apply(ctx: EvidenceContext, input: { token: string; choices: z.output<typeof BundleChoicesSchema> }): BundleApplyResult {
    const p = this.pending.get(input.token);
    if (!p) throw new Failure('NOT_FOUND', 'This bundle preview is no longer open; import the bundle again.');
    const vaultHas = (sha: string) => ctx.vault.has(sha);
    checkFresh(ctx, p.incoming, p.digest, vaultHas);
    for (const sha of p.incoming.carried) {
      if (ctx.vault.has(sha)) continue;
      // Moved in from staging, or sealed in when the workspace is encrypted (vault.ts adopt).
      ctx.vault.adopt(sha, p.opened.pathOf(`${EVIDENCE_PREFIX}${sha}`));
    }
    const result = applyPlan(ctx, p.incoming, p.digest, input.choices, p.transfer, vaultHas);
    this.drop(input.token);
    const { transferId: _t, ...rest } = result;
    return rest;
  }

  /** The sender of an open preview, added to the colleagues once the user compared the fingerprint. */
  trustSender(ctx: EvidenceContext, input: { token: string; fingerprint: string }): { colleague: Colleague; standing: SignerStanding } {
    const p = this.pending.get(input.token);
    if (!p) throw new Failure('NOT_FOUND', 'This bundle preview is no longer open; import the bundle again.');
    if (p.transfer.sender.fingerprint !== input.fingerprint) {
      throw new Failure('BAD_REQUEST', 'The fingerprint confirmed is not this sender’s; nobody was added.');
    }
    const colleague = addColleague(ctx, p.meta.sender, 'bundle');
    return { colleague, standing: standingOf(ctx, p.meta.sender) };
  }

  discard(token: string): { token: string } {
    this.drop(token);
    return { token };
  }

  private drop(token: string): void {
    this.pending.get(token)?.opened.dispose();
    this.pending.delete(token);
  }

  close(): void {
    for (const token of [...this.pending.keys()]) this.drop(token);
  }
}
