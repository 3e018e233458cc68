import type { evidenceChannels } from '../../shared/contract/channels/evidence';
import type { jobChannels } from '../../shared/contract/channels/jobs';
import type { Handlers } from '../ipc/router';
import type { EvidenceContext } from '../services/evidence-context';
import * as evidence from '../services/evidence-service';
import { extractAndStoreAll } from '../vault/extract-text';
import type { Jobs } from '../vault/jobs';
import { verifyEvidence } from '../vault/verify';

/** Runs a service with the open workspace's context and its vault, or fails WORKSPACE_UNAVAILABLE. */
export type RunEvidenceService = <T>(run: (ctx: EvidenceContext) => T) => T;

export const evidenceHandlers = (
  service: RunEvidenceService,
  jobs: Jobs,
): Pick<Handlers, keyof typeof evidenceChannels | keyof typeof jobChannels> => ({
  'evidence.list': (input) => service((c) => evidence.listEvidence(c, input)),
  'evidence.get': (input) => service((c) => evidence.getEvidence(c, input.id)),
  // Items are committed first; text extraction follows and records its own outcome on each item.
  'evidence.import': (input) =>
    service(async (c) => {
      const result = evidence.importUploads(c, input);
      await extractAndStoreAll(
        c,
        result.items.filter((item) => !item.duplicate).map((item) => item.id),
      );
      return result;
    }),
  'evidence.createTestimony': (input) => service((c) => evidence.createTestimony(c, input)),
  'evidence.update': (input) => service((c) => evidence.updateEvidence(c, input)),
  'evidence.link': (input) => service((c) => evidence.linkEvidence(c, input)),
  'evidence.unlink': (input) => service((c) => evidence.unlinkEvidence(c, input)),
  'evidence.corroboration': (input) => service((c) => evidence.corroboration(c, input.allegationId)),
  'evidence.verify.start': (input) =>
    service((c) => {
      if (input.caseId) evidence.listEvidence(c, { caseId: input.caseId, limit: 1 }); // NOT_FOUND for an unknown case
      return { jobId: jobs.start('evidence.verify', (control) => verifyEvidence(c, input.caseId, control)) };
    }),
  'jobs.get': (input) => jobs.get(input.jobId),
  'jobs.cancel': (input) => jobs.cancel(input.jobId),
});
