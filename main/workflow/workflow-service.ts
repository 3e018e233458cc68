import type { WorkflowState } from '../../shared/contract/channels/workflow';
import { nextStage } from '../../shared/contract/channels/workflow';
import type { CaseStatus, Stage } from '../../shared/domain/workflow';
import { Failure } from '../ipc/failure';
import type { EvidenceContext } from '../services/evidence-context';
import { getDecision } from './decision';
import { evaluateGate } from './gates';
import { listRounds } from './review';
import { listTransitions } from './transitions';
import { listWaivers } from './waivers';

/** Everything the workflow view shows for a case, the gate into its next stage evaluated now. */
export async function workflowState(ctx: EvidenceContext, caseId: string): Promise<WorkflowState> {
  const row = ctx.db.prepare('SELECT stage, status FROM cases WHERE id = ?').get(caseId) as
    | { stage: Stage; status: CaseStatus }
    | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'No case with this id exists in the workspace.');
  const next = nextStage(row.stage);
  return {
    caseId,
    stage: row.stage,
    status: row.status,
    gate: next ? await evaluateGate(ctx, caseId, next as Exclude<Stage, 'intake'>) : null,
    waivers: listWaivers(ctx, caseId),
    rounds: listRounds(ctx, caseId),
    decision: getDecision(ctx, caseId),
    transitions: listTransitions(ctx, caseId),
  };
}
