import type { z } from 'zod';
import type { Decision, RecordDecisionSchema } from '../../shared/contract/channels/workflow';
import { Failure } from '../ipc/failure';
import { recordEvent } from '../services/case-history';
import { requireOpenCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';

interface DecisionRow {
  outcome: Decision['outcome'];
  notice_date: string | null;
  notice_number: string | null;
  review_date: string | null;
  reasons: string;
  recorded_by: string;
  recorded_at: string;
}

export function getDecision(ctx: ServiceContext, caseId: string): Decision | null {
  const row = ctx.db.prepare('SELECT * FROM case_decisions WHERE case_id = ?').get(caseId) as DecisionRow | undefined;
  return row
    ? {
        outcome: row.outcome,
        noticeDate: row.notice_date,
        noticeNumber: row.notice_number,
        reviewDate: row.review_date,
        reasons: row.reasons,
        recordedBy: row.recorded_by,
        recordedAt: row.recorded_at,
      }
    : null;
}

/**
 * Records the outcome at the decision stage: designated, with the public notice's date and number
 * and the date the designation is to be reviewed; or not designated, with the reasons. Recorded
 * once; delisting is a later step of its own.
 */
export function recordDecision(ctx: ServiceContext, input: z.output<typeof RecordDecisionSchema>): void {
  ctx.db
    .transaction(() => {
      requireOpenCase(ctx, input.caseId);
      const stage = ctx.db.prepare('SELECT stage FROM cases WHERE id = ?').pluck().get(input.caseId) as string;
      if (stage !== 'decision') {
        throw new Failure('STAGE_CHANGED', 'A decision is recorded at the decision stage; this case is not there.');
      }
      if (getDecision(ctx, input.caseId)) throw new Failure('BAD_REQUEST', 'The decision on this case is already recorded.');
      const designated = input.outcome === 'designated';
      const reasons = input.reasons.trim();
      ctx.db
        .prepare(
          `INSERT INTO case_decisions (case_id, outcome, notice_date, notice_number, review_date, reasons, recorded_by, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.caseId,
          input.outcome,
          designated ? input.noticeDate : null,
          designated ? input.noticeNumber : null,
          designated ? input.reviewDate : null,
          reasons,
          ctx.actor,
          ctx.now(),
        );
      ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(ctx.now(), input.caseId);
      recordEvent(ctx, input.caseId, 'decision_recorded', {
        subject: designated ? input.noticeNumber : null,
        reason: reasons || null,
      });
    })
    .immediate();
}
