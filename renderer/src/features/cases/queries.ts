import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CaseListQuery } from '../../../../shared/contract';
import { invoke } from '../../api/client';

export const PAGE_SIZE = 100;

export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (query: CaseListQuery) => ['cases', 'list', query] as const,
  countries: ['cases', 'countries'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
};

/** Cases page by page as the table scrolls; `query` holds everything but offset and limit. */
export function useCaseList(query: Omit<CaseListQuery, 'offset' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ pageParam }) => invoke('cases.list', { ...query, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    // Keep the rows on screen while a new search runs, instead of flashing an empty table.
    placeholderData: (previous) => previous,
  });
}

/** The countries that cases actually use: the only ones worth offering as a filter. */
export function useCaseCountries() {
  return useQuery({ queryKey: caseKeys.countries, queryFn: () => invoke('cases.countries', {}) });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => invoke('cases.get', { id }) });
}
