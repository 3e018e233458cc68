import { useQuery, type QueryClient } from '@tanstack/react-query';
import { invoke } from '../../api/client';
import { allegationKeys } from '../allegations/queries';
import { caseKeys } from '../cases/queries';

export const protectedKeys = {
  list: (caseId: string) => ['protected', caseId] as const,
};

/** Pseudonyms and roles only: identities are never cached; they are revealed one at a time and kept in the panel's state. */
export function useProtectedPersons(caseId: string) {
  // Fetched afresh whenever shown: "named in" follows allegation edits, which do not know of this list.
  return useQuery({ queryKey: protectedKeys.list(caseId), queryFn: () => invoke('protected.list', { caseId }), refetchOnMount: 'always' });
}

/** A change to a protected person also changes the case's history, and a renamed pseudonym its allegations. */
export function refreshAfterProtectedChange(queryClient: QueryClient, caseId: string): void {
  void queryClient.invalidateQueries({ queryKey: protectedKeys.list(caseId) });
  void queryClient.invalidateQueries({ queryKey: allegationKeys.list(caseId) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
}
