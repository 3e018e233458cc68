import { useQuery, type QueryClient } from '@tanstack/react-query';
import { invoke } from '../../api/client';

export const keyQueryKeys = {
  all: ['keys'] as const,
  own: ['keys', 'own'] as const,
  colleagues: ['keys', 'colleagues'] as const,
};

/** My card: the key pair is made on the first call; the name on it follows the identity, so it is read afresh on each visit. */
export function useOwnKey() {
  return useQuery({ queryKey: keyQueryKeys.own, queryFn: () => invoke('keys.own', {}), staleTime: 0 });
}

/** Read afresh on each mount: a bundle import may have added its sender since (a cheap query). */
export function useColleagues() {
  return useQuery({ queryKey: keyQueryKeys.colleagues, queryFn: () => invoke('keys.colleagues', {}), staleTime: 0 });
}

/** After anything that adds or removes a colleague (here, or trusting a bundle's sender). */
export function refreshColleagues(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: keyQueryKeys.colleagues });
}
