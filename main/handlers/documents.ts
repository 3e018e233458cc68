import type { documentChannels } from '../../shared/contract/channels/documents';
import * as documents from '../documents/document-service';
import type { Handlers } from '../ipc/router';
import type { RunEvidenceService } from './evidence';

export const documentHandlers = (
  service: RunEvidenceService,
  deps: () => documents.DocumentDeps,
): Pick<Handlers, keyof typeof documentChannels> => ({
  'documents.preview': (input) => service((c) => documents.previewProposal(c, input, deps())),
  'documents.issue': (input) => service((c) => documents.issueProposal(c, input, deps())),
  'documents.list': (input) => service((c) => documents.listDocuments(c, input.caseId)),
  'documents.export': (input) => service((c) => documents.exportDocument(c, input, deps())),
  'documents.download': (input) => service((c) => documents.downloadDocument(c, input.id)),
});
