import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput, WorkflowState } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { caseKeys } from '../cases/queries';

/**
 * Under the case's detail key on purpose: every feature that changes a case (allegations, subjects,
 * findings …) invalidates `caseKeys.detail(id)`, and with it the gate evaluated from that data.
 */
export const workflowKey = (caseId: string) => [...caseKeys.detail(caseId), 'workflow'] as const;

export function useWorkflow(caseId: string) {
  return useQuery({ queryKey: workflowKey(caseId), queryFn: () => invoke('workflow.get', { caseId }) });
}

type WorkflowChannel = Extract<Channel, `workflow.${string}`>;
type Change = Exclude<WorkflowChannel, 'workflow.get'>;

/** One workflow change: its answer is the new workflow state; the case (stage, history) and lists refresh. */
export function useWorkflowChange<C extends Change>(channel: C, options: { onSuccess?: (state: WorkflowState) => void; onError?: (error: unknown) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => invoke(channel, input) as Promise<WorkflowState>,
    onSuccess: (state) => {
      // The case itself (stage, history); the workflow state is the answer, so it is not fetched again.
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(state.caseId), exact: true });
      queryClient.setQueryData(workflowKey(state.caseId), state);
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      options.onSuccess?.(state);
    },
    onError: (error, input) => {
      // The case may have moved or closed meanwhile: show it as it now is.
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail((input as { caseId: string }).caseId) });
      options.onError?.(error);
    },
  });
}
