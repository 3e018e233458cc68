import fs from 'node:fs';
import path from 'node:path';
import type { AppError, Result } from '../../shared/contract';
import type { UploadResult } from '../../shared/contract/channels/evidence';
import type { Workbench } from '../workbench';

/**
 * Imports a file the way the app does, through a workbench: the upload transport that
 * POST /api/upload (browser host) and app://casebench/api/upload (Electron) run, fed by a file
 * stream as the request body, then the 'evidence.import' channel (import, then text extraction).
 * Used by tests and by scripts/bench/evidence.ts.
 */
export async function invoke<T>(bench: Workbench, channel: string, input: unknown): Promise<T> {
  const result = (await bench.router.invoke({ channel, input })) as Result<T>;
  if (!result.ok) throw Object.assign(new Error(`${channel}: ${result.error.code}: ${result.error.message}`), { appError: result.error });
  return result.value;
}

export async function createCaseVia(bench: Workbench, title = 'Evidence case'): Promise<string> {
  return (await invoke<{ id: string }>(bench, 'cases.create', { title, country: null, situation: '', summary: '' })).id;
}

export async function uploadFile(bench: Workbench, file: string, chunkBytes = 1024 * 1024): Promise<{ status: number; body: Result<UploadResult> }> {
  return bench.evidence.upload(fs.createReadStream(file, { highWaterMark: chunkBytes }), {
    filename: encodeURIComponent(path.basename(file)),
    contentLength: String(fs.statSync(file).size),
  });
}

export interface Imported {
  id: string;
  exhibit: string;
  duplicate: boolean;
}

/** Uploads a file; throws with the refusal if the upload is refused. */
async function uploaded(bench: Workbench, file: string): Promise<UploadResult> {
  const { status, body } = await uploadFile(bench, file);
  if (!body.ok) throw Object.assign(new Error(`upload ${status}: ${body.error.code}: ${body.error.message}`), { appError: body.error });
  return body.value;
}

/** 'evidence.import' of uploads; throws with the first refusal if the vault took not every file. */
async function importViaChannel(bench: Workbench, caseId: string, uploads: { uploadId: string; originalName: string }[]): Promise<Imported[]> {
  const { items, failed } = await invoke<{ items: Imported[]; failed: AppError[] }>(bench, 'evidence.import', { caseId, uploads });
  const refused = failed[0];
  if (refused) throw Object.assign(new Error(`evidence.import: ${refused.code}: ${refused.message}`), { appError: refused });
  return items;
}

/** Upload then import; throws with the refusal if either step fails. */
export async function importFile(bench: Workbench, caseId: string, file: string): Promise<Imported & { upload: UploadResult }> {
  const upload = await uploaded(bench, file);
  const [item] = await importViaChannel(bench, caseId, [{ uploadId: upload.uploadId, originalName: path.basename(file) }]);
  return { ...item!, upload };
}

/**
 * Uploads each file, then imports them with one 'evidence.import' call, as the app's import queue
 * does (up to 20 files a batch, renderer/src/features/evidence/useImportQueue.ts).
 */
export async function importFiles(bench: Workbench, caseId: string, files: readonly string[]): Promise<Imported[]> {
  const uploads: { uploadId: string; originalName: string }[] = [];
  for (const file of files) uploads.push({ uploadId: (await uploaded(bench, file)).uploadId, originalName: path.basename(file) });
  return importViaChannel(bench, caseId, uploads);
}
