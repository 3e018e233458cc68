import { z } from 'zod';
import { IdSchema } from '../records';
import { VerifyReportSchema } from './evidence';

/**
 * Long-running work (integrity verification) runs as a job the UI polls: started by its own
 * channel (e.g. 'evidence.verify.start'), then 'jobs.get' until the state is no longer 'running'.
 * Jobs live in memory only; a restart forgets them (their results that matter are in the custody log).
 */
export const JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;

export const JobSchema = z.object({
  jobId: IdSchema,
  kind: z.literal('evidence.verify'),
  state: z.enum(JOB_STATES),
  /** Progress in bytes hashed plus one per custody log walked, out of `total`. */
  done: z.number().int(),
  total: z.number().int(),
  /** Present when state is 'done'. */
  report: VerifyReportSchema.optional(),
  /** Plain-English reason when state is 'failed'. */
  error: z.string().optional(),
});
export type Job = z.infer<typeof JobSchema>;

export const jobChannels = {
  'jobs.get': { input: z.object({ jobId: IdSchema }), output: JobSchema },
  /** Asks a running job to stop; answers its state (a finished job stays as it was). */
  'jobs.cancel': { input: z.object({ jobId: IdSchema }), output: JobSchema },
} as const;
