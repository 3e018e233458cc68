import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Finding } from '../../../../shared/contract/channels/findings';
import { invoke } from '../../api/client';

export const findingKeys = {
  list: (caseId: string) => ['findings', caseId] as const,
};

export function useFindings(caseId: string) {
  return useQuery({ queryKey: findingKeys.list(caseId), queryFn: () => invoke('findings.list', { caseId }) });
}

/** A save's answer goes straight into the list, so that the outcomes shown and a remounted editor are current. */
export function storeSavedFinding(queryClient: QueryClient, finding: Finding): void {
  queryClient.setQueryData<Finding[]>(findingKeys.list(finding.caseId), (list) =>
    list ? [...list.filter((f) => f.id !== finding.id), finding] : list,
  );
}

export const findingOf = (list: readonly Finding[] | undefined, type: Finding['target']['type'], id: string, section: Finding['section']) =>
  list?.find((f) => f.target.type === type && f.target.id === id && f.section === section);
