import type { Waiver, WaivableCheckId } from '../../shared/contract/channels/workflow';
import { Failure } from '../ipc/failure';
import { recordEvent } from '../services/case-history';
import { requireOpenCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';

export function listWaivers(ctx: ServiceContext, caseId: string): Waiver[] {
  return ctx.db
    .prepare('SELECT check_id AS "check", reason, waived_by AS "by", waived_at AS "at" FROM gate_waivers WHERE case_id = ? ORDER BY waived_at, check_id')
    .all(caseId) as Waiver[];
}

/**
 * Sets a waivable check aside for the case, with the reason, who and when; recorded in the case
 * history. A waiver stands once given: the reason is part of the record the proposal rests on.
 */
export function waiveCheck(ctx: ServiceContext, input: { caseId: string; check: WaivableCheckId; reason: string }): void {
  ctx.db
    .transaction(() => {
      requireOpenCase(ctx, input.caseId);
      const reason = input.reason.trim();
      const inserted = ctx.db
        .prepare(
          `INSERT INTO gate_waivers (case_id, check_id, reason, waived_by, waived_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
        )
        .run(input.caseId, input.check, reason, ctx.actor, ctx.now());
      if (inserted.changes === 0) throw new Failure('BAD_REQUEST', 'This check is already waived for this case.');
      ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(ctx.now(), input.caseId);
      // The check's id after the reason, as an advance past unmet checks lists them.
      recordEvent(ctx, input.caseId, 'gate_waived', { reason: `${reason}\n[${input.check}]` });
    })
    .immediate();
}
