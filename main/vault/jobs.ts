import { v7 as uuidv7 } from 'uuid';
import type { Job } from '../../shared/contract/channels/jobs';
import type { VerifyReport } from '../../shared/contract/channels/evidence';
import type { ListImportResult } from '../../shared/contract/channels/lists';
import type { BundleExportResult, BundlePlan } from '../../shared/contract/channels/bundles';
import { Failure } from '../ipc/failure';

export interface JobControl {
  signal: AbortSignal;
  setTotal(total: number): void;
  advance(n: number): void;
  /** lists.import: the share of the list's files read (Job.read). */
  setRead(fraction: number): void;
}

/** What each kind of job answers when done, and the field of the Job that carries it. */
interface JobResults {
  'evidence.verify': VerifyReport;
  'lists.import': ListImportResult;
  'bundles.export': BundleExportResult;
  'bundles.inspect': BundlePlan;
}
const RESULT_FIELD = { 'evidence.verify': 'report', 'lists.import': 'listImport', 'bundles.export': 'bundleExport', 'bundles.inspect': 'bundlePlan' } as const satisfies Record<Job['kind'], keyof Job>;

/**
 * Long work the UI polls (integrity verification, list imports). In memory only: a restart
 * forgets jobs, and what must outlive them (a clean verification, a list) the job itself stores.
 */
export class Jobs {
  private readonly jobs = new Map<string, { job: Job; abort: AbortController; finished: Promise<void> }>();

  start<K extends Job['kind']>(kind: K, run: (control: JobControl) => Promise<JobResults[K]>): string {
    const jobId = uuidv7();
    const abort = new AbortController();
    const job: Job = { jobId, kind, state: 'running', done: 0, total: 0 };
    const control: JobControl = {
      signal: abort.signal,
      setTotal: (total) => void (job.total = total),
      advance: (n) => void (job.done += n),
      setRead: (fraction) => void (job.read = fraction),
    };
    const finished = (async () => {
      await Promise.resolve(); // answer the start call before any work happens
      try {
        const result = await run(control);
        if (abort.signal.aborted) job.state = 'cancelled';
        else Object.assign(job, { state: 'done', [RESULT_FIELD[kind]]: result });
      } catch (error) {
        if (abort.signal.aborted) job.state = 'cancelled';
        else {
          if (!(error instanceof Failure)) console.error('[casebench] job failed:', error);
          const failure = error instanceof Failure ? error.toAppError() : null;
          Object.assign(job, {
            state: 'failed',
            error: failure?.message ?? 'The job stopped because of an internal error.',
            errorCode: failure?.code ?? 'INTERNAL',
            ...(failure?.listProblem && { listProblem: failure.listProblem }),
          });
        }
      }
    })();
    this.jobs.set(jobId, { job, abort, finished });
    return jobId;
  }

  get(jobId: string): Job {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new Failure('NOT_FOUND', 'No such job (jobs are forgotten when Casebench restarts).');
    return { ...entry.job };
  }

  cancel(jobId: string): Job {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new Failure('NOT_FOUND', 'No such job (jobs are forgotten when Casebench restarts).');
    if (entry.job.state === 'running') entry.abort.abort(new Failure('BAD_REQUEST', 'Cancelled.'));
    return { ...entry.job };
  }

  /** Resolves when the job has stopped (tests, shutdown). */
  async settled(jobId: string): Promise<Job> {
    await this.jobs.get(jobId)?.finished;
    return this.get(jobId);
  }

  cancelAll(): void {
    for (const { abort, job } of this.jobs.values()) if (job.state === 'running') abort.abort();
  }
}
