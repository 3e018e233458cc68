import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorCode, FieldIssue, UploadResult } from '../../../../shared/contract';
import { ApiError, invoke } from '../../api/client';
import { refreshAfterEvidenceChange } from './queries';
import { uploadFile, UploadAborted, type UploadHandle } from './upload';

export type FileOutcome =
  | { status: 'imported'; exhibit: string; id: string }
  | { status: 'duplicate'; exhibit: string; id: string }
  | { status: 'failed'; code: ErrorCode; issue?: FieldIssue }
  | { status: 'not_imported' };

export interface FileRow {
  name: string;
  size: number;
  outcome: FileOutcome;
}

export interface ImportRun {
  total: number;
  /** Files with an outcome so far (imported, duplicate or failed). */
  done: number;
  bytesTotal: number;
  bytesDone: number;
  current: string | null;
  running: boolean;
  cancelled: boolean;
  /** One row per file that has an outcome, in the order the files were chosen. */
  rows: FileRow[];
}

/** Import at most this many uploads per call, and at least every this many milliseconds. */
const BATCH_FILES = 20;
const BATCH_MS = 1000;

interface Pending {
  index: number;
  file: File;
  upload: UploadResult;
}

const failure = (error: unknown): FileOutcome => ({
  status: 'failed',
  code: error instanceof ApiError ? error.code : 'INTERNAL',
});

/**
 * Uploads files one at a time and imports them in small batches, so a cancelled run keeps
 * everything imported so far. State is kept in a ref and published at most once a frame: thousands
 * of progress events must not mean thousands of renders.
 */
export function useImportQueue(caseId: string) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<ImportRun | null>(null);
  const state = useRef<ImportRun | null>(null);
  const outcomes = useRef<(FileRow | undefined)[]>([]);
  const current = useRef<UploadHandle | null>(null);
  const frame = useRef(0);

  const publish = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const s = state.current;
      if (s) setRun({ ...s, rows: outcomes.current.filter((r): r is FileRow => r !== undefined) });
    });
  }, []);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const settle = useCallback(
    (index: number, file: File, outcome: FileOutcome) => {
      outcomes.current[index] = { name: file.name, size: file.size, outcome };
      if (state.current) state.current.done += 1;
      publish();
    },
    [publish],
  );

  const importBatch = useCallback(
    async (batch: Pending[], retry = true): Promise<void> => {
      if (batch.length === 0) return;
      try {
        const { items, failed } = await invoke('evidence.import', {
          caseId,
          uploads: batch.map(({ file, upload }) => ({
            uploadId: upload.uploadId,
            originalName: file.name,
            ...(file.lastModified ? { lastModified: new Date(file.lastModified).toISOString() } : {}),
          })),
        });
        const byUpload = new Map(items.map((item) => [item.uploadId, item]));
        // A file the vault could not take (disk full, say) fails alone: the others were imported.
        const refused = new Map(failed.map((f) => [f.uploadId, f.code]));
        for (const p of batch) {
          const item = byUpload.get(p.upload.uploadId);
          settle(
            p.index,
            p.file,
            item
              ? { status: item.duplicate ? 'duplicate' : 'imported', exhibit: item.exhibit, id: item.id }
              : { status: 'failed', code: refused.get(p.upload.uploadId) ?? 'INTERNAL' },
          );
        }
      } catch (error) {
        // A field error names one upload ("uploads.3.originalName"): fail that file, import the rest.
        const bad = new Map<number, FieldIssue>();
        if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
          for (const [path, issue] of Object.entries(error.fields ?? {})) {
            const match = /^uploads\.(\d+)\b/.exec(path);
            if (match) bad.set(Number(match[1]), issue);
          }
        }
        if (bad.size > 0 && retry) {
          batch.forEach((p, i) => {
            const issue = bad.get(i);
            if (issue) settle(p.index, p.file, { status: 'failed', code: 'VALIDATION_FAILED', issue });
          });
          await importBatch(
            batch.filter((_, i) => !bad.has(i)),
            false,
          );
        } else {
          batch.forEach((p) => settle(p.index, p.file, failure(error)));
        }
      }
      refreshAfterEvidenceChange(queryClient, caseId);
    },
    [caseId, queryClient, settle],
  );

  const start = useCallback(
    async (files: File[]) => {
      if (files.length === 0 || state.current?.running) return;
      outcomes.current = [];
      const s: ImportRun = {
        total: files.length,
        done: 0,
        bytesTotal: files.reduce((n, f) => n + f.size, 0),
        bytesDone: 0,
        current: null,
        running: true,
        cancelled: false,
        rows: [],
      };
      state.current = s;
      publish();

      let pending: Pending[] = [];
      let lastFlush = Date.now();
      let base = 0;
      let next = 0;
      for (; next < files.length && !s.cancelled; next++) {
        const file = files[next]!;
        s.current = file.name;
        publish();
        const handle = uploadFile(file, (loaded) => {
          s.bytesDone = base + Math.min(loaded, file.size);
          publish();
        });
        current.current = handle;
        try {
          pending.push({ index: next, file, upload: await handle.done });
        } catch (error) {
          if (error instanceof UploadAborted) break;
          settle(next, file, failure(error));
        } finally {
          current.current = null;
        }
        base += file.size;
        s.bytesDone = base;
        if (pending.length >= BATCH_FILES || Date.now() - lastFlush >= BATCH_MS) {
          const batch = pending;
          pending = [];
          await importBatch(batch);
          lastFlush = Date.now();
        }
      }
      // Whatever finished uploading before a cancel is imported too: it is already safely stored.
      await importBatch(pending);
      for (let i = 0; i < files.length; i++) {
        if (!outcomes.current[i]) {
          const file = files[i]!;
          outcomes.current[i] = { name: file.name, size: file.size, outcome: { status: 'not_imported' } };
        }
      }
      s.current = null;
      s.running = false;
      publish();
    },
    [importBatch, publish, settle],
  );

  const cancel = useCallback(() => {
    if (!state.current?.running) return;
    state.current.cancelled = true;
    current.current?.abort();
    publish();
  }, [publish]);

  const dismiss = useCallback(() => {
    if (state.current?.running) return;
    state.current = null;
    outcomes.current = [];
    setRun(null);
  }, []);

  return { run, start, cancel, dismiss };
}
