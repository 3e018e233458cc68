import { useQuery, type QueryClient } from '@tanstack/react-query';
import { invoke } from '../../api/client';
import { caseKeys } from '../cases/queries';

export const subjectKeys = {
  all: ['subjects'] as const,
  forCase: (caseId: string) => ['subjects', 'case', caseId] as const,
  relationships: (caseId: string) => ['subjects', 'relationships', caseId] as const,
  find: (text: string) => ['subjects', 'find', text] as const,
};

export function useCaseSubjects(caseId: string) {
  return useQuery({ queryKey: subjectKeys.forCase(caseId), queryFn: () => invoke('subjects.listForCase', { caseId }) });
}

export function useCaseRelationships(caseId: string) {
  return useQuery({ queryKey: subjectKeys.relationships(caseId), queryFn: () => invoke('subjects.relationships', { caseId }) });
}

/** A subject is shared between cases: refresh every subject view, and the case's history. */
export function refreshAfterSubjectChange(queryClient: QueryClient, caseId: string): void {
  void queryClient.invalidateQueries({ queryKey: subjectKeys.all });
  void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
}
