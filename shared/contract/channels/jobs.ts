import { z } from 'zod';
import { ListFileProblemSchema } from '../../domain/list-notes';
import { ERROR_CODES } from '../errors';
import { IdSchema } from '../records';
import { VerifyReportSchema } from './evidence';
import { ListImportResultSchema } from './lists';
import { BundleExportResultSchema, BundlePlanSchema } from './bundles';

/**
 * Long-running work (integrity verification) runs as a job the UI polls: started by its own
 * channel (e.g. 'evidence.verify.start'), then 'jobs.get' until the state is no longer 'running'.
 * Jobs live in memory only; a restart forgets them (their results that matter are in the custody log).
 */
export const JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export const JOB_KINDS = ['evidence.verify', 'lists.import', 'bundles.export', 'bundles.inspect'] as const;

export const JobSchema = z.object({
  jobId: IdSchema,
  kind: z.enum(JOB_KINDS),
  state: z.enum(JOB_STATES),
  /**
   * Progress out of `total`. evidence.verify: bytes hashed plus one per custody log walked.
   * lists.import: entries stored; `total` is 0 until the end (a list's size is known once read).
   */
  done: z.number().int(),
  total: z.number().int(),
  /**
   * lists.import: the share of the list's files read so far (0 to 1), when the reader can say (a
   * workbook is read whole, so the MOF list says nothing until it is stored).
   */
  read: z.number().min(0).max(1).optional(),
  /** Present when state is 'done' (evidence.verify). */
  report: VerifyReportSchema.optional(),
  /** Present when state is 'done' (lists.import). */
  listImport: ListImportResultSchema.optional(),
  /** Present when state is 'done' (bundles.export; progress in bytes written). */
  bundleExport: BundleExportResultSchema.optional(),
  /** Present when state is 'done' (bundles.inspect; progress in bytes read): the plan, nothing written yet. */
  bundlePlan: BundlePlanSchema.optional(),
  /** Plain-English reason when state is 'failed'. */
  error: z.string().optional(),
  /** The error's code when state is 'failed' (the UI translates it). */
  errorCode: z.enum(ERROR_CODES).optional(),
  /** With LIST_UNREADABLE: the file and what in it cannot be read. */
  listProblem: ListFileProblemSchema.optional(),
});
export type Job = z.infer<typeof JobSchema>;

export const jobChannels = {
  'jobs.get': { input: z.object({ jobId: IdSchema }), output: JobSchema },
  /** Asks a running job to stop; answers its state (a finished job stays as it was). */
  'jobs.cancel': { input: z.object({ jobId: IdSchema }), output: JobSchema },
} as const;
