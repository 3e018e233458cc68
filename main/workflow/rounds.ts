import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../services/context';

/** Review rounds as the stage transitions open and close them (review.ts has the reviewer's side). */

export const roundReference = (seq: number) => `R-${seq}`;

/** Opens a round submitted by whoever acts now; call inside the transaction that moves the case into review. */
export function submitRound(ctx: ServiceContext, caseId: string): string {
  const seq = (ctx.db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM review_rounds WHERE case_id = ?').pluck().get(caseId) as number);
  ctx.db
    .prepare('INSERT INTO review_rounds (id, case_id, seq, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?)')
    .run(uuidv7(), caseId, seq, ctx.actor, ctx.now());
  return roundReference(seq);
}

/** A submission nobody reviewed is withdrawn when the case leaves review backwards; call inside that transaction. */
export function withdrawPending(ctx: ServiceContext, caseId: string): void {
  ctx.db
    .prepare("UPDATE review_rounds SET status = 'withdrawn', decided_at = ? WHERE case_id = ? AND status = 'pending'")
    .run(ctx.now(), caseId);
}
