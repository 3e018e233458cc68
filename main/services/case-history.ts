import { v7 as uuidv7 } from 'uuid';
import type { CaseEvent } from '../../shared/contract';
import type { ServiceContext } from './context';

type EventKind = CaseEvent['kind'];

/** Appends one line to a case's history; call inside the transaction that made the change. */
export function recordEvent(
  ctx: ServiceContext,
  caseId: string,
  kind: EventKind,
  details: { reason?: string | null; subject?: string | null } = {},
): void {
  ctx.db
    .prepare(
      'INSERT INTO case_events (id, case_id, at, actor, kind, reason, subject) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(uuidv7(), caseId, ctx.now(), ctx.actor, kind, details.reason ?? null, details.subject ?? null);
}

export function caseHistory(ctx: ServiceContext, caseId: string): CaseEvent[] {
  // UUIDv7 ids sort by creation time, so they order events recorded within the same millisecond.
  return ctx.db
    .prepare('SELECT id, at, actor, kind, reason, subject FROM case_events WHERE case_id = ? ORDER BY at, id')
    .all(caseId) as CaseEvent[];
}
