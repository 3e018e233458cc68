import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { invoke } from '../../api/client';
import { caseKeys } from '../cases/queries';

export const EVIDENCE_PAGE_SIZE = 200;

export const evidenceKeys = {
  all: ['evidence'] as const,
  lists: (caseId: string) => ['evidence', 'list', caseId] as const,
  list: (caseId: string, search: string) => ['evidence', 'list', caseId, search] as const,
  detail: (id: string) => ['evidence', 'detail', id] as const,
  corroborations: ['evidence', 'corroboration'] as const,
  corroboration: (allegationId: string) => ['evidence', 'corroboration', allegationId] as const,
};

/** The case's items page by page as the table scrolls; `search` is matched by the service. */
export function useEvidenceList(caseId: string, search: string) {
  return useInfiniteQuery({
    queryKey: evidenceKeys.list(caseId, search),
    queryFn: ({ pageParam }) =>
      invoke('evidence.list', { caseId, search, offset: pageParam, limit: EVIDENCE_PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: (previous) => previous,
  });
}

export function useEvidenceItem(id: string | null) {
  return useQuery({
    queryKey: evidenceKeys.detail(id ?? ''),
    queryFn: () => invoke('evidence.get', { id: id ?? '' }),
    enabled: id !== null,
  });
}

/**
 * The case's items as choices for a picker ("E-3 · title"), up to the list channel's page limit.
 * Its key sits under the case's lists (so every evidence change refreshes it) but never equals an
 * infinite list's key.
 */
export function useEvidenceChoices(caseId: string) {
  return useQuery({
    queryKey: [...evidenceKeys.lists(caseId), '', 'choices'],
    queryFn: () => invoke('evidence.list', { caseId, limit: 500 }),
    select: (page) => page.items.map((item) => ({ id: item.id, exhibit: item.exhibit, title: item.title })),
  });
}

export function useCorroboration(allegationId: string) {
  return useQuery({
    queryKey: evidenceKeys.corroboration(allegationId),
    queryFn: () => invoke('evidence.corroboration', { allegationId }),
  });
}

/** Items changed: the lists, the counts on the case, and every corroboration may have moved. */
export function refreshAfterEvidenceChange(queryClient: QueryClient, caseId: string, itemId?: string): void {
  void queryClient.invalidateQueries({ queryKey: evidenceKeys.lists(caseId) });
  void queryClient.invalidateQueries({ queryKey: evidenceKeys.corroborations });
  if (itemId) void queryClient.invalidateQueries({ queryKey: evidenceKeys.detail(itemId) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
}
