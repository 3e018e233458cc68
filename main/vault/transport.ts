import type { Database } from 'better-sqlite3';
import type { Readable } from 'node:stream';
import type { AppError, Result } from '../../shared/contract';
import type { UploadResult } from '../../shared/contract/channels/evidence';
import { Failure } from '../ipc/failure';
import type { ByteSource, Vault } from './vault';

/**
 * The two byte paths between the renderer and the vault, written once and used by both shells
 * (main/host over loopback HTTP, main/app's app:// protocol): POST /api/upload streams a file
 * into the vault; GET /vault/<sha256> streams one back, with Range for seeking.
 */
export interface EvidenceTransport {
  upload(body: ByteSource | null, headers: { filename: string | null; contentLength: string | null }, signal?: AbortSignal): Promise<{
    status: number;
    body: Result<UploadResult>;
  }>;
  file(sha256: string, method: string, range: string | null): VaultFileResponse;
}

export interface VaultFileResponse {
  status: number;
  headers: Record<string, string>;
  /** null for HEAD and for errors (then `text` is the plain-text body). */
  body: Readable | null;
  text?: string;
}

/**
 * Evidence is shown, never executed: a sandbox CSP with nothing allowed, no sniffing, and types a
 * browser would run or render actively (HTML, SVG, XML, scripts) sent as plain text.
 */
export const VAULT_FILE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': "sandbox; default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'private, no-cache',
});

const ACTIVE = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|[a-z]+\/[a-z.+-]*\+xml|text\/javascript|application\/javascript|application\/ecmascript|text\/ecmascript|application\/x-javascript)\b/i;

/** The Content-Type a stored file is served with. */
export function servedContentType(mediaType: string | null): string {
  const type = mediaType?.trim() || 'application/octet-stream';
  if (ACTIVE.test(type)) return 'text/plain; charset=utf-8';
  return type;
}

/** One byte range from a Range header, or 'unsatisfiable', or null (serve the whole file). Multiple ranges are served whole. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match as unknown as [string, string, string];
  if (from === '' && to === '') return null;
  let start: number;
  let end: number;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

const plain = (status: number, text: string): VaultFileResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', ...VAULT_FILE_HEADERS },
  body: null,
  text,
});

const refusal = (error: AppError): Result<never> => ({ ok: false, error });

/** Status code for a refused upload. */
const statusOf = (code: AppError['code']) =>
  code === 'WORKSPACE_UNAVAILABLE' || code === 'WORKSPACE_READ_ONLY'
    ? 503
    : code === 'DISK_FULL'
      ? 507
      : code === 'INTERNAL'
        ? 500
        : code === 'BAD_REQUEST'
          ? 400
          : 422;

export function createEvidenceTransport(open: () => { vault: Vault; db: Database } | null): EvidenceTransport {
  return {
    async upload(body, headers, signal) {
      const workspace = open();
      if (!workspace) return { status: 503, body: refusal({ code: 'WORKSPACE_UNAVAILABLE', message: 'The workspace is not open.' }) };
      if (!body) return { status: 400, body: refusal({ code: 'BAD_REQUEST', message: 'The upload has no body.' }) };
      let name: string | null = null;
      if (headers.filename !== null) {
        try {
          name = decodeURIComponent(headers.filename);
        } catch {
          return { status: 400, body: refusal({ code: 'BAD_REQUEST', message: 'The file name header is not valid percent-encoding.' }) };
        }
      }
      const expected = headers.contentLength === null ? undefined : Number(headers.contentLength);
      if (expected !== undefined && !(Number.isSafeInteger(expected) && expected >= 0)) {
        return { status: 400, body: refusal({ code: 'BAD_REQUEST', message: 'The content length is not a number.' }) };
      }
      try {
        const upload = await workspace.vault.receive(body, { name, ...(expected !== undefined ? { expectedSize: expected } : {}), ...(signal ? { signal } : {}) });
        return { status: 200, body: { ok: true, value: { uploadId: upload.uploadId, sha256: upload.sha256, size: upload.size, mediaType: upload.mediaType } } };
      } catch (error) {
        const failure = error instanceof Failure ? error : new Failure('INTERNAL', 'The upload failed. Nothing was stored.');
        if (!(error instanceof Failure)) console.error('[casebench] upload failed:', error);
        return { status: statusOf(failure.code), body: refusal(failure.toAppError()) };
      }
    },

    file(sha256, method, range) {
      const workspace = open();
      if (!workspace) return plain(503, 'The workspace is not open.');
      if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');
      if (!/^[0-9a-f]{64}$/.test(sha256)) return plain(400, 'Not a SHA-256 hash.');
      // Only files the database calls evidence are served; the vault may hold a not-yet-swept orphan.
      const row = workspace.db.prepare('SELECT media_type FROM evidence_items WHERE sha256 = ? ORDER BY seq LIMIT 1').get(sha256) as
        | { media_type: string | null }
        | undefined;
      if (!row) return plain(404, 'No such evidence file.');
      const stat = workspace.vault.stat(sha256);
      if (!stat) return plain(404, 'The stored file is missing; run Verify integrity.');
      if (stat.size < 0) return plain(500, 'The stored file is damaged; run Verify integrity.');
      const headers: Record<string, string> = {
        'Content-Type': servedContentType(row.media_type),
        'Accept-Ranges': 'bytes',
        ...VAULT_FILE_HEADERS,
      };
      const wanted = parseRange(range, stat.size);
      if (wanted === 'unsatisfiable') {
        return { ...plain(416, 'Range not satisfiable'), headers: { ...plain(416, '').headers, 'Content-Range': `bytes */${stat.size}` } };
      }
      const { start, end } = wanted ?? { start: 0, end: stat.size - 1 };
      headers['Content-Length'] = String(stat.size === 0 ? 0 : end - start + 1);
      if (wanted) headers['Content-Range'] = `bytes ${start}-${end}/${stat.size}`;
      // Plaintext through the vault (a sealed vault decrypts only the chunks the range covers).
      const body = method === 'HEAD' || stat.size === 0 ? null : workspace.vault.read(sha256, { start, end });
      return { status: wanted ? 206 : 200, headers, body };
    },
  };
}
