import type { VerifyProblem, VerifyReport } from '../../shared/contract/channels/evidence';
import { integrityNote } from '../../shared/domain/integrity-notes';
import type { EvidenceContext } from '../services/evidence-context';
import { exhibitOf, type EvidenceRow } from '../services/evidence-service';
import { appendCustody, verifyCustodyLog } from './custody';
import type { JobControl } from './jobs';
import { SealedFileDamaged } from './sealed-file';

/**
 * Integrity verification: re-hashes every stored file (streaming) and walks every custody log,
 * of one case or the whole workspace, and reports exactly what is wrong per item. Never repairs.
 * Each item found intact gets a 'verified' custody entry.
 */
export async function verifyEvidence(ctx: EvidenceContext, caseId: string | null, control: JobControl): Promise<VerifyReport> {
  const startedAt = ctx.now();
  const rows = ctx.db
    .prepare(`SELECT rowid, * FROM evidence_items ${caseId ? 'WHERE case_id = ?' : ''} ORDER BY case_id, seq`)
    .all(...(caseId ? [caseId] : [])) as EvidenceRow[];
  control.setTotal(rows.reduce((sum, r) => sum + (r.size ?? 0) + 1, 0));
  const problems: VerifyProblem[] = [];
  let filesChecked = 0;
  let bytesHashed = 0;
  let itemsChecked = 0;
  const lastHashAfter = ctx.db.prepare('SELECT hash_after FROM custody_events WHERE item_id = ? ORDER BY seq DESC LIMIT 1').pluck();

  for (const row of rows) {
    if (control.signal.aborted) break;
    const found: VerifyProblem[] = [];
    const add = (p: Omit<VerifyProblem, 'itemId' | 'caseId' | 'exhibit'>) =>
      found.push({ itemId: row.id, caseId: row.case_id, exhibit: exhibitOf(row.seq), ...p });

    for (const p of verifyCustodyLog(ctx.db, row)) add(p);
    if (row.kind === 'file' && row.sha256) {
      const logged = lastHashAfter.get(row.id) as string | null | undefined;
      if (logged !== undefined && logged !== row.sha256) {
        add({ kind: 'changed_file', expected: logged ?? '', actual: row.sha256, ...integrityNote('hash_differs_from_log') });
      }
      const stat = ctx.vault.stat(row.sha256);
      if (!stat) {
        add({ kind: 'missing_file', expected: row.sha256, ...integrityNote('file_missing') });
        control.advance(row.size ?? 0);
      } else {
        if (stat.size !== row.size) {
          add({ kind: 'size_mismatch', expected: String(row.size), actual: String(stat.size), ...integrityNote('size_differs') });
        }
        let hashed = 0;
        let actual: string | null = null;
        try {
          actual = await ctx.vault.hash(row.sha256, (n) => {
            hashed += n;
            control.advance(n);
          }, control.signal);
        } catch (error) {
          if (!(error instanceof SealedFileDamaged)) throw error;
          // A sealed file whose chunk fails authentication: damaged; never repaired, never re-sealed.
          add({ kind: 'changed_file', expected: row.sha256, actual: '', ...error.note });
        }
        bytesHashed += hashed;
        control.advance(Math.max(0, (row.size ?? 0) - hashed));
        filesChecked++;
        if (actual !== null && actual !== row.sha256) {
          add({ kind: 'changed_file', expected: row.sha256, actual, ...integrityNote('file_changed') });
        }
      }
    }
    control.advance(1);
    itemsChecked++;
    problems.push(...found);
    if (found.length === 0 && !control.signal.aborted) {
      ctx.db
        .transaction(() =>
          appendCustody(ctx.db, {
            itemId: row.id,
            at: ctx.now(),
            actor: ctx.actor,
            kind: 'verified',
            details: { result: 'intact', custodyEntries: row.custody_count, ...(row.sha256 ? { fileHash: row.sha256 } : {}) },
            hashBefore: row.sha256,
            hashAfter: row.sha256,
          }),
        )
        .immediate();
    }
  }
  return {
    caseId,
    itemsChecked,
    filesChecked,
    bytesHashed,
    problems,
    clean: problems.length === 0 && itemsChecked === rows.length,
    startedAt,
    finishedAt: ctx.now(),
  };
}
