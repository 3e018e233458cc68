import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorCode, ListImportResult, UploadResult } from '../../../../shared/contract';
import type { ListFileProblem } from '../../../../shared/domain/list-notes';
import { ApiError, invoke } from '../../api/client';
import { uploadFile, UploadAborted, type UploadHandle } from '../evidence/upload';
import { refreshAfterListChange } from './queries';

export type ImportStep =
  | { state: 'waiting' }
  | { state: 'uploading'; loaded: number }
  /** `read`: the share of the files read (null when the reader cannot say); `secondsLeft`: a guess from the pace so far. */
  | { state: 'reading'; entries: number; read: number | null; secondsLeft: number | null }
  | { state: 'done'; result: ListImportResult }
  /** `problem`: which file and what in it, for a list that cannot be read. */
  | { state: 'failed'; code: ErrorCode; problem: ListFileProblem | null }
  | { state: 'cancelled' };

/** One import: a single list file, or OFAC's legacy CSV set read together. */
export interface ImportGroup {
  files: { name: string; size: number }[];
  step: ImportStep;
}

/** How often a running import is asked for its progress. */
const POLL_MS = 300;

/**
 * The time left at the pace so far; null until the pace says something (a few seconds in, a few
 * percent read). The writer trails the reader by a few thousand entries: close enough for a guess.
 */
function secondsLeft(startedAt: number, read: number | null): number | null {
  const elapsed = (Date.now() - startedAt) / 1000;
  if (read === null || read < 0.02 || elapsed < 3) return null;
  return (elapsed * (1 - read)) / read;
}

/**
 * OFAC publishes its legacy list as several CSV files (sdn, alt, add, sdn_comments) that are read
 * together; every other format is one file. The service checks the set and names a wrong one.
 */
export function groupListFiles(files: File[]): File[][] {
  const csv = files.filter((f) => /\.csv$/i.test(f.name));
  const others = files.filter((f) => !/\.csv$/i.test(f.name));
  return [...(csv.length ? [csv] : []), ...others.map((f) => [f])];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const failed = (error: unknown): ImportStep => {
  if (!(error instanceof ApiError)) console.error(error);
  return error instanceof ApiError
    ? { state: 'failed', code: error.code, problem: error.listProblem ?? null }
    : { state: 'failed', code: 'INTERNAL', problem: null };
};

/**
 * Uploads list files and reads each list as a job, one list after another, polling the job for
 * progress. A failure leaves the list already imported in place (the service replaces a list only
 * once the new version is fully read), so it is reported and the next list goes on.
 */
export function useListImport() {
  const queryClient = useQueryClient();
  const [groups, setGroups] = useState<ImportGroup[]>([]);
  const [running, setRunning] = useState(false);
  const cancelled = useRef(false);
  const upload = useRef<UploadHandle | null>(null);
  const jobId = useRef<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const setStep = useCallback((index: number, step: ImportStep) => {
    if (!mounted.current) return;
    setGroups((all) => all.map((g, i) => (i === index ? { ...g, step } : g)));
  }, []);

  const importGroup = useCallback(
    async (index: number, files: File[]): Promise<ImportStep> => {
      const uploads: { uploadId: string; originalName: string }[] = [];
      let base = 0;
      for (const file of files) {
        setStep(index, { state: 'uploading', loaded: base });
        const handle = uploadFile(file, (loaded) => setStep(index, { state: 'uploading', loaded: base + Math.min(loaded, file.size) }));
        upload.current = handle;
        let stored: UploadResult;
        try {
          stored = await handle.done;
        } finally {
          upload.current = null;
        }
        uploads.push({ uploadId: stored.uploadId, originalName: file.name });
        base += file.size;
      }
      if (cancelled.current) return { state: 'cancelled' };
      setStep(index, { state: 'reading', entries: 0, read: null, secondsLeft: null });
      const startedAt = Date.now();
      const started = await invoke('lists.import', { uploads });
      jobId.current = started.jobId;
      try {
        for (;;) {
          const job = await invoke('jobs.get', { jobId: started.jobId });
          if (job.state === 'done' && job.listImport) return { state: 'done', result: job.listImport };
          if (job.state === 'cancelled') return { state: 'cancelled' };
          if (job.state === 'failed' || job.state === 'done') {
            return { state: 'failed', code: job.errorCode ?? 'INTERNAL', problem: job.listProblem ?? null };
          }
          const read = job.read ?? null;
          setStep(index, { state: 'reading', entries: job.done, read, secondsLeft: secondsLeft(startedAt, read) });
          await sleep(POLL_MS);
        }
      } finally {
        jobId.current = null;
      }
    },
    [setStep],
  );

  const start = useCallback(
    async (files: File[]) => {
      if (files.length === 0 || running) return;
      const sets = groupListFiles(files);
      cancelled.current = false;
      setRunning(true);
      setGroups(sets.map((set) => ({ files: set.map((f) => ({ name: f.name, size: f.size })), step: { state: 'waiting' } })));
      for (let i = 0; i < sets.length; i++) {
        if (cancelled.current) {
          setStep(i, { state: 'cancelled' });
          continue;
        }
        let outcome: ImportStep;
        try {
          outcome = await importGroup(i, sets[i]!);
        } catch (error) {
          outcome = error instanceof UploadAborted ? { state: 'cancelled' } : failed(error);
        }
        setStep(i, outcome);
        if (outcome.state === 'done') refreshAfterListChange(queryClient);
      }
      if (mounted.current) setRunning(false);
    },
    [importGroup, queryClient, running, setStep],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    upload.current?.abort();
    if (jobId.current) void invoke('jobs.cancel', { jobId: jobId.current }).catch(() => undefined);
  }, []);

  const dismiss = useCallback(() => {
    if (!running) setGroups([]);
  }, [running]);

  return { groups, running, start, cancel, dismiss };
}
