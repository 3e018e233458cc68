import {
  UPLOAD_FILENAME_HEADER,
  UPLOAD_PATH,
  type AppError,
  type Result,
  type UploadResult,
} from '../../../../shared/contract';
import { ApiError } from '../../api/client';

const TOKEN_KEY = 'casebench.hostToken';

export interface UploadHandle {
  /** Settles with the stored upload, or rejects with an ApiError (or UploadAborted). */
  done: Promise<UploadResult>;
  abort(): void;
}

/** Thrown (as the rejection) when the upload was aborted on purpose. */
export class UploadAborted extends Error {
  constructor() {
    super('The upload was cancelled.');
    this.name = 'UploadAborted';
  }
}

/**
 * Sends one file's raw bytes to the upload endpoint, reporting progress. XMLHttpRequest rather than
 * fetch: it is the one browser API that reports upload progress. The same relative path works in the
 * browser host (http://127.0.0.1) and in Electron (app://casebench); in the host the per-run token
 * goes along as with /api/invoke.
 */
export function uploadFile(file: File, onProgress: (loaded: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadResult>((resolve, reject) => {
    xhr.open('POST', UPLOAD_PATH);
    xhr.responseType = 'text';
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader(UPLOAD_FILENAME_HEADER, encodeURIComponent(file.name));
    const token = window.casebench ? '' : (sessionStorage.getItem(TOKEN_KEY) ?? '');
    if (token) {
      xhr.setRequestHeader('authorization', `Bearer ${token}`);
    }
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onabort = () => reject(new UploadAborted());
    xhr.onerror = () =>
      reject(new ApiError({ code: 'WORKSPACE_UNAVAILABLE', message: 'The upload did not reach the workbench.' }));
    xhr.onload = () => {
      let result: Result<UploadResult> | null = null;
      try {
        result = JSON.parse(xhr.responseText) as Result<UploadResult>;
      } catch {
        result = null;
      }
      if (result?.ok) {
        onProgress(file.size);
        resolve(result.value);
      } else {
        const error: AppError = result?.error ?? { code: 'INTERNAL', message: `Upload answered HTTP ${xhr.status}.` };
        reject(new ApiError(error));
      }
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
