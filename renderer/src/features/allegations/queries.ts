import { useQuery, type QueryClient } from '@tanstack/react-query';
import { invoke } from '../../api/client';
import { caseKeys } from '../cases/queries';

export const allegationKeys = {
  list: (caseId: string) => ['allegations', caseId] as const,
};

export function useAllegations(caseId: string) {
  return useQuery({ queryKey: allegationKeys.list(caseId), queryFn: () => invoke('allegations.list', { caseId }) });
}

/** An allegation change also changes its case: count, history and last-changed date. */
export function refreshAfterAllegationChange(queryClient: QueryClient, caseId: string): void {
  void queryClient.invalidateQueries({ queryKey: allegationKeys.list(caseId) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
}
