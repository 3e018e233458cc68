import { useInfiniteQuery, useQueries, useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { invoke } from '../../api/client';
import { useAllegations } from '../allegations/queries';
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

export function useCorroboration(allegationId: string) {
  return useQuery({
    queryKey: evidenceKeys.corroboration(allegationId),
    queryFn: () => invoke('evidence.corroboration', { allegationId }),
  });
}

export interface LinkCounts {
  supporting: number;
  contradicting: number;
}

/**
 * How many allegations each item supports or contradicts, gathered from each allegation's
 * corroboration (the list channel does not carry link counts). Subject links are not counted here.
 */
export function useLinkCounts(caseId: string): Map<string, LinkCounts> {
  const allegations = useAllegations(caseId);
  const results = useQueries({
    queries: (allegations.data ?? []).map((a) => ({
      queryKey: evidenceKeys.corroboration(a.id),
      queryFn: () => invoke('evidence.corroboration', { allegationId: a.id }),
    })),
  });
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  return useMemo(() => {
    const counts = new Map<string, LinkCounts>();
    const bump = (id: string, stance: keyof LinkCounts) => {
      const entry = counts.get(id) ?? { supporting: 0, contradicting: 0 };
      entry[stance] += 1;
      counts.set(id, entry);
    };
    for (const r of results) {
      r.data?.supporting.forEach((item) => bump(item.id, 'supporting'));
      r.data?.contradicting.forEach((item) => bump(item.id, 'contradicting'));
    }
    return counts;
    // `stamp` changes exactly when any corroboration answer changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stamp]);
}

/** Items changed: the lists, the counts on the case, and every corroboration may have moved. */
export function refreshAfterEvidenceChange(queryClient: QueryClient, caseId: string, itemId?: string): void {
  void queryClient.invalidateQueries({ queryKey: evidenceKeys.lists(caseId) });
  void queryClient.invalidateQueries({ queryKey: evidenceKeys.corroborations });
  if (itemId) void queryClient.invalidateQueries({ queryKey: evidenceKeys.detail(itemId) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
}
