import type { Job } from '../../../../shared/contract';
import { ApiError, invoke } from '../../api/client';

/** How often a running bundle job is asked for its progress. */
const POLL_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls a bundle job (export or inspect) until it stops, reporting bytes done; a failed job
 * rejects with its error code, as a channel would.
 */
export async function waitForJob(jobId: string, onProgress: (done: number, total: number) => void): Promise<Job> {
  for (;;) {
    const job = await invoke('jobs.get', { jobId });
    if (job.state === 'done') return job;
    if (job.state === 'failed') throw new ApiError({ code: job.errorCode ?? 'INTERNAL', message: job.error ?? '' });
    if (job.state === 'cancelled') throw new ApiError({ code: 'BAD_REQUEST', message: 'Cancelled.' });
    onProgress(job.done, job.total);
    await sleep(POLL_MS);
  }
}

/** The browser host's exported bundle, saved through the browser's download. */
export function saveDownload(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
