import type { workflowChannels } from '../../shared/contract/channels/workflow';
import type { Handlers } from '../ipc/router';
import type { EvidenceContext } from '../services/evidence-context';
import { recordDecision } from '../workflow/decision';
import { decideReview, resolveComment } from '../workflow/review';
import { advance, returnTo } from '../workflow/transitions';
import { waiveCheck } from '../workflow/waivers';
import { workflowState } from '../workflow/workflow-service';
import type { RunEvidenceService } from './evidence';

/** Every workflow call answers with the case's workflow as it now stands. */
export const workflowHandlers = (service: RunEvidenceService): Pick<Handlers, keyof typeof workflowChannels> => {
  const then = (change: (c: EvidenceContext) => void | Promise<void>, caseId: string) =>
    service(async (c) => {
      await change(c);
      return workflowState(c, caseId);
    });
  return {
    'workflow.get': (input) => service((c) => workflowState(c, input.caseId)),
    'workflow.advance': (input) => then((c) => advance(c, input), input.caseId),
    'workflow.return': (input) => then((c) => returnTo(c, input), input.caseId),
    'workflow.waive': (input) => then((c) => waiveCheck(c, input), input.caseId),
    'workflow.review.decide': (input) => then((c) => decideReview(c, input), input.caseId),
    'workflow.review.resolve': (input) => then((c) => resolveComment(c, input), input.caseId),
    'workflow.decide': (input) => then((c) => recordDecision(c, input), input.caseId),
  };
};
