import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { caseKeys } from '../cases/queries';

export const screeningKeys = {
  all: ['screening'] as const,
  candidates: (caseId: string) => ['screening', 'candidates', caseId] as const,
  matrices: ['screening', 'matrix'] as const,
  /** caseId '' is the workspace's matrix. */
  matrix: (caseId: string) => ['screening', 'matrix', caseId] as const,
};

/** Every subject of the case with its candidates, grouped by designated person. */
export function useCaseCandidates(caseId: string) {
  return useQuery({ queryKey: screeningKeys.candidates(caseId), queryFn: () => invoke('screening.candidates', { caseId }) });
}

/** The coordination matrix of a case, or of the whole workspace (no caseId). */
export function useMatrix(caseId: string | null) {
  return useQuery({
    queryKey: screeningKeys.matrix(caseId ?? ''),
    queryFn: () => invoke('screening.matrix', caseId ? { caseId } : {}),
  });
}

/**
 * A screening or a decision changed candidates: every view of them, and the histories of the cases
 * that stamp decisions.
 */
export function refreshAfterScreening(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: screeningKeys.all });
  void queryClient.invalidateQueries({ queryKey: caseKeys.all });
}

/** Runs a screening (a subject, a case or the workspace) and says what it found. */
export function useRunScreening() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'screening.run'>) => invoke('screening.run', input),
    onSuccess: (result) => {
      refreshAfterScreening(queryClient);
      notifySuccess((t) =>
        t('screening.run.done', {
          count: result.subjects,
          lists: result.lists.length,
          candidates: result.candidates,
          newCandidates: result.newCandidates,
        }),
      );
    },
    onError: notifyFailure,
  });
}
