import { useQuery, type QueryClient } from '@tanstack/react-query';
import { invoke } from '../../api/client';

export const listKeys = {
  all: ['lists'] as const,
  current: ['lists', 'current'] as const,
  entry: (entryId: number) => ['lists', 'entry', entryId] as const,
  report: (key: string) => ['lists', 'report', key] as const,
};

export function useLists() {
  return useQuery({ queryKey: listKeys.current, queryFn: () => invoke('lists.list', {}) });
}

/** One designation entry as its list states it; entry ids change when the list is replaced. */
export function useListEntry(entryId: number | null) {
  return useQuery({
    queryKey: listKeys.entry(entryId ?? 0),
    queryFn: () => invoke('lists.entry', { entryId: entryId ?? 0 }),
    enabled: entryId !== null,
  });
}

/** The report of the import that brought in the current list with this key. */
export function useListReport(key: string) {
  return useQuery({ queryKey: listKeys.report(key), queryFn: () => invoke('lists.report', { key }) });
}

/**
 * A list was imported or removed: the lists, their entries, and everything screened against them
 * (candidates and the coordination matrix) may have changed.
 */
export function refreshAfterListChange(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: listKeys.all });
  void queryClient.invalidateQueries({ queryKey: ['screening'] });
}
