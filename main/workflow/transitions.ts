import { v7 as uuidv7 } from 'uuid';
import { nextStage, stageIndex, type GateCheckId, type Transition } from '../../shared/contract/channels/workflow';
import type { Stage } from '../../shared/domain/workflow';
import { Failure } from '../ipc/failure';
import { recordEvent } from '../services/case-history';
import { requireOpenCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';
import type { EvidenceContext } from '../services/evidence-context';
import { evaluateGate } from './gates';
import { submitRound, withdrawPending } from './rounds';

interface TransitionRow {
  id: string;
  at: string;
  actor: string;
  from_stage: Stage;
  to_stage: Stage;
  direction: Transition['direction'];
  reason: string | null;
  unmet_checks: string;
}

export function listTransitions(ctx: ServiceContext, caseId: string): Transition[] {
  const rows = ctx.db.prepare('SELECT * FROM stage_transitions WHERE case_id = ? ORDER BY at, id').all(caseId) as TransitionRow[];
  return rows.map((r) => ({
    id: r.id,
    from: r.from_stage,
    to: r.to_stage,
    direction: r.direction,
    reason: r.reason,
    unmetChecks: JSON.parse(r.unmet_checks) as GateCheckId[],
    by: r.actor,
    at: r.at,
  }));
}

/** "3 → 4": a move between stages, by their numbers (1 intake … 7 decision). */
export const stageMove = (from: Stage, to: Stage) => `${stageIndex(from) + 1} → ${stageIndex(to) + 1}`;

/** The case's stage as stored, refusing a case that has moved since the user looked at it. */
function requireStage(ctx: ServiceContext, caseId: string, from: Stage): void {
  requireOpenCase(ctx, caseId);
  const stage = ctx.db.prepare('SELECT stage FROM cases WHERE id = ?').pluck().get(caseId) as Stage;
  if (stage !== from) {
    throw new Failure('STAGE_CHANGED', `This case is now at the ${stage} stage, not ${from}: it has moved since it was opened.`);
  }
}

/**
 * Moves the case and records the transition (who, when, from, to, why) in the transitions table and
 * the case history; call inside a transaction that has checked the case may move.
 */
export function moveStage(
  ctx: ServiceContext,
  t: { caseId: string; from: Stage; to: Stage; direction: Transition['direction']; reason: string | null; unmet: GateCheckId[] },
): void {
  const now = ctx.now();
  ctx.db.prepare('UPDATE cases SET stage = ?, updated_at = ? WHERE id = ?').run(t.to, now, t.caseId);
  ctx.db
    .prepare(
      `INSERT INTO stage_transitions (id, case_id, at, actor, from_stage, to_stage, direction, reason, unmet_checks)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(uuidv7(), t.caseId, now, ctx.actor, t.from, t.to, t.direction, t.reason, JSON.stringify(t.unmet));
  // The history line carries the unmet checks after the justification, so it reads on its own.
  const reason = t.unmet.length ? `${t.reason ?? ''}\n[${t.unmet.join(', ')}]` : t.reason;
  recordEvent(ctx, t.caseId, t.direction === 'advance' ? 'stage_advanced' : 'stage_returned', {
    // The stages' numbers as the stage bar shows them: short, and the same in every language.
    subject: stageMove(t.from, t.to),
    reason,
  });
  // Leaving review backwards withdraws a submission nobody has reviewed; entering it submits one.
  if (stageIndex(t.to) < stageIndex('review')) withdrawPending(ctx, t.caseId);
  if (t.to === 'review' && t.direction === 'advance') submitRound(ctx, t.caseId);
}

/**
 * Moves the case one stage forward. The gate into the next stage is evaluated now; with any check
 * unmet the move needs a justification (GATE_UNMET without one), which is recorded with the unmet
 * check ids. A binding check (a second person's approval before the decision) cannot be moved past.
 */
export async function advance(ctx: EvidenceContext, input: { caseId: string; from: Stage; justification: string | null }): Promise<void> {
  requireStage(ctx, input.caseId, input.from);
  const to = nextStage(input.from);
  if (!to) throw new Failure('BAD_REQUEST', 'A case at the decision stage has no further stage.');
  const gate = await evaluateGate(ctx, input.caseId, to as Exclude<Stage, 'intake'>, { fresh: true });
  const unmet = gate.checks.filter((c) => !c.met);
  const binding = unmet.filter((c) => !c.overridable);
  if (binding.length) {
    throw new Failure('GATE_UNMET', `The case cannot move to ${to} until these are met: ${binding.map((c) => c.id).join(', ')}.`);
  }
  const justification = input.justification?.trim() || null;
  if (unmet.length && !justification) {
    throw new Failure(
      'GATE_UNMET',
      `The gate into ${to} is not met (${unmet.map((c) => c.id).join(', ')}); moving on anyway needs a justification.`,
    );
  }
  ctx.db
    .transaction(() => {
      // Checked again inside the write: someone may have moved the case while the gate was evaluated.
      requireStage(ctx, input.caseId, input.from);
      moveStage(ctx, {
        caseId: input.caseId,
        from: input.from,
        to,
        direction: 'advance',
        reason: unmet.length ? justification : null,
        unmet: unmet.map((c) => c.id),
      });
    })
    .immediate();
}

/** Moves the case back to an earlier stage, with the reason. A case whose decision is recorded stays decided. */
export function returnTo(ctx: ServiceContext, input: { caseId: string; from: Stage; to: Stage; reason: string }): void {
  ctx.db
    .transaction(() => {
      requireStage(ctx, input.caseId, input.from);
      if (stageIndex(input.to) >= stageIndex(input.from)) {
        throw new Failure('VALIDATION_FAILED', 'A case can only be returned to an earlier stage.', { to: { code: 'invalid_choice' } });
      }
      if (ctx.db.prepare('SELECT 1 FROM case_decisions WHERE case_id = ?').get(input.caseId)) {
        throw new Failure('BAD_REQUEST', 'The decision on this case is recorded; it can no longer be returned to an earlier stage.');
      }
      moveStage(ctx, { caseId: input.caseId, from: input.from, to: input.to, direction: 'return', reason: input.reason.trim(), unmet: [] });
    })
    .immediate();
}
