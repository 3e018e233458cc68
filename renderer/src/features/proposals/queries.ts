import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ProposalRequest } from '../../../../shared/contract/channels/documents';
import { invoke } from '../../api/client';

export const documentKeys = {
  list: (caseId: string) => ['documents', caseId] as const,
  preview: (request: ProposalRequest) => ['documents', request.caseId, 'preview', request] as const,
};

export function useIssuedDocuments(caseId: string) {
  return useQuery({ queryKey: documentKeys.list(caseId), queryFn: () => invoke('documents.list', { caseId }) });
}

/**
 * The draft of the proposal as it would be issued now. It follows the case data: any change
 * elsewhere in the case refreshes it when the tab is shown again.
 */
export function useProposalPreview(request: ProposalRequest | null) {
  return useQuery({
    queryKey: request ? documentKeys.preview(request) : ['documents', 'preview', 'none'],
    queryFn: () => invoke('documents.preview', request!),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });
}
