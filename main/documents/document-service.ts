import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import {
  ProposalRequestSchema,
  type DocumentProblem,
  type IssuedDocument,
  type ProposalPreview,
  type ProposalRequest,
  type ProposalRequestParsed,
} from '../../shared/contract/channels/documents';
import type { CoordinationMatrix } from '../../shared/contract/channels/screening';
import { Failure } from '../ipc/failure';
import { errnoCode } from '../fs/errno';
import { recordEvent } from '../services/case-history';
import { getCase, requireOpenCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';
import type { EvidenceContext } from '../services/evidence-context';
import { hashFile } from '../vault/vault';
import { listRounds } from '../workflow/review';
import { assembleProposal, estimatePages, numberAndVersion } from './assemble';
import type { FontLibrary } from './fonts/font-library';
import type { ProposalModel } from './model';
import { outlineOf, finishPdf } from './pdf-finish';
import type { PdfPrinter } from './printer';
import { FINGERPRINT_ID, FINGERPRINT_PLACEHOLDER, FINGERPRINT_SLOT } from './html/sections/fingerprint';
import { proposalHtml, TOC_MIN_PAGES } from './html/proposal-html';
import { tocPageId, type TocEntry } from './html/sections/toc';

/** What the document service needs besides a workspace: fonts, a printer, and the partner-designation matrix. */
export interface DocumentDeps {
  fonts: FontLibrary;
  printer: PdfPrinter;
  /** The case's coordination matrix (main/screening); null when the check is not available or not run. */
  matrix(ctx: ServiceContext, caseId: string): CoordinationMatrix | null;
  /** "Casebench 0.1.0", the PDF's creator. */
  creator: string;
  /** The desktop app's folder chooser for exports; absent in the browser host (which downloads). */
  chooseFolder?: () => Promise<string | null>;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The reviewer who approved the case's latest approved review round (main/workflow), if any. */
function approvedReview(ctx: ServiceContext, caseId: string): { reviewer: string; decidedAt: string } | null {
  const round = listRounds(ctx, caseId)
    .filter((r) => r.status === 'approved' && r.reviewer && r.decidedAt)
    .at(-1);
  return round ? { reviewer: round.reviewer!, decidedAt: round.decidedAt! } : null;
}

function assemble(ctx: EvidenceContext, request: ProposalRequestParsed, deps: DocumentDeps, draft: boolean) {
  const detail = getCase(ctx, request.caseId);
  const issue = { ...numberAndVersion(ctx, request.caseId, detail.reference, request), draft };
  return assembleProposal(
    ctx,
    request,
    { matrix: deps.matrix(ctx, request.caseId), review: approvedReview(ctx, request.caseId), vault: ctx.vault, fonts: deps.fonts },
    issue,
  );
}

/** Rough length of the printed document, to decide whether it needs a table of contents. */
function estimatedLength(m: ProposalModel): number {
  const words = [
    ...m.allegations.map((a) => `${a.narrative} ${a.finding?.body.html ?? ''}`),
    ...m.subjects.map((s) => `${s.reasons?.html ?? ''} ${s.finding?.body.html ?? ''}`),
  ]
    .join(' ')
    .replace(/<[^>]+>/g, '');
  const factor = m.language === 'bilingual' ? 1.6 : 1;
  // Fixed parts (heading, basis, scope, signatures) ≈ 3 pages; a subject ≈ 1; 40 exhibits a page.
  return Math.ceil((3 + m.subjects.length + m.allegations.length * 0.5 + m.exhibits.length / 40 + m.exculpatory.length / 20) * factor + estimatePages(words));
}

/** The problems as one message, for the failure that refuses to issue (the UI lists them from the preview). */
const problemsMessage = (problems: readonly DocumentProblem[]) =>
  `The proposal cannot be issued yet: ${problems.map((p) => p.message).join(' ')}`;

/** Validates a request with field errors, as the router would (services are also called directly). */
function parseRequest(raw: ProposalRequest): ProposalRequestParsed {
  return ProposalRequestSchema.parse(raw);
}

/** The document as it would be issued now: a draft (marked so, no fingerprint), with what keeps it from being issued. */
export function previewProposal(ctx: EvidenceContext, raw: ProposalRequest, deps: DocumentDeps): ProposalPreview {
  const request = parseRequest(raw);
  const { model, problems } = assemble(ctx, request, deps, true);
  const { html } = proposalHtml(model, deps.fonts, { toc: estimatedLength(model) >= TOC_MIN_PAGES });
  return { html, number: model.number, version: model.version, problems };
}

export interface PrintedProposal {
  pdf: Uint8Array;
  /** The HTML source with the fingerprint as zeros: what the printed fingerprint is the SHA-256 of. */
  source: string;
  sourceSha256: string;
  pageCount: number;
  title: string;
}

/**
 * Prints a proposal: a first printing finds the page of each heading when the document is long
 * enough for a table of contents (read back from the PDF's outline), the second prints it with
 * those pages and the fingerprint filled in. Text the fonts cannot print is refused before any
 * printing: a document comes out right or not at all.
 */
export async function printProposal(model: ProposalModel, deps: Pick<DocumentDeps, 'fonts' | 'printer' | 'creator'>): Promise<PrintedProposal> {
  const withToc = estimatedLength(model) >= TOC_MIN_PAGES;
  const rendered = proposalHtml(model, deps.fonts, { toc: withToc });
  const missing = deps.fonts.unprintable(rendered.html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ''));
  if (missing.length > 0) {
    throw new Failure(
      'DOCUMENT_INCOMPLETE',
      `The document contains characters the document fonts cannot print (${missing.slice(0, 12).join('')}); nothing was issued.`,
    );
  }
  // The source: the HTML as printed, the fingerprint written as zeros; the fingerprint is its SHA-256.
  let source = rendered.html;
  const fingerprint = (html: string): Record<string, string> => (model.draft ? {} : { [FINGERPRINT_ID]: sha256(html) });
  const fill = (html: string) => (model.draft ? html : html.replace(FINGERPRINT_SLOT, FINGERPRINT_SLOT.replace(FINGERPRINT_PLACEHOLDER, sha256(html))));
  const toc = rendered.toc;
  const raw = toc
    ? await deps.printer.printToPdf(source, {
        outline: true,
        // The first printing tells each heading's page; the same page, its table of contents filled in, is printed again.
        revise: async (first) => {
          const pages = tocPages(toc, await outlineOf(first));
          source = proposalHtml(model, deps.fonts, { toc: true, tocPages: pages }).html;
          return { ...Object.fromEntries(pages.map((page, i) => [tocPageId(i), page === null ? '–' : String(page)])), ...fingerprint(source) };
        },
      })
    : await deps.printer.printToPdf(fill(source), { outline: true });
  const sourceSha256 = sha256(source);
  const subjects = model.subjects.map((s) => `${s.reference} ${s.displayName}`);
  const { bytes, pageCount } = await finishPdf(raw, {
    title: `${rendered.title} — ${model.number} v${model.version}`,
    author: model.author,
    subject: `${model.case.reference}: ${subjects.join('; ')}`,
    keywords: [model.case.reference, model.number, `v${model.version}`, model.measure, model.language, ...subjects, ...(model.draft ? [] : [`source-sha256:${sourceSha256}`])],
    creationDate: new Date(`${model.day}T00:00:00+09:00`),
    language: model.language === 'en' ? 'en' : 'ja',
    creator: deps.creator,
  });
  return { pdf: bytes, source, sourceSha256, pageCount, title: rendered.title };
}

/** Each entry's page: the first outline entry, after the previous one's, whose title reads like the entry's heading. */
function tocPages(entries: readonly TocEntry[], outline: readonly { title: string; page: number }[]): (number | null)[] {
  const norm = (s: string) => s.replace(/\s+/g, '');
  let from = 0;
  return entries.map((entry) => {
    const want = norm(entry.heading);
    const at = outline.findIndex((o, i) => i >= from && norm(o.title).startsWith(want));
    if (at === -1) return null;
    from = at + 1;
    return outline[at]!.page;
  });
}

interface DocumentRow {
  id: string;
  case_id: string;
  number: string;
  version: number;
  language: IssuedDocument['language'];
  measure: IssuedDocument['measure'];
  subject_ids: string;
  title: string;
  sha256: string;
  size: number;
  source_sha256: string;
  page_count: number;
  issued_at: string;
  issued_by: string;
}

const fileNameOf = (row: Pick<DocumentRow, 'number' | 'version' | 'language'>) => `${row.number}_v${row.version}_${row.language}.pdf`;

function toDocument(ctx: ServiceContext, row: DocumentRow): IssuedDocument {
  const ids = JSON.parse(row.subject_ids) as string[];
  const subject = ctx.db.prepare('SELECT id, seq, type, display_name FROM subjects WHERE id = ?');
  const subjects = ids
    .map((id) => subject.get(id) as { id: string; seq: number; type: IssuedDocument['subjects'][number]['type']; display_name: string } | undefined)
    .filter((s) => s !== undefined)
    .sort((a, b) => a.seq - b.seq)
    .map((s) => ({ id: s.id, reference: `S-${s.seq}`, type: s.type, displayName: s.display_name }));
  return {
    id: row.id,
    caseId: row.case_id,
    number: row.number,
    version: row.version,
    language: row.language,
    measure: row.measure,
    subjects,
    title: row.title,
    sha256: row.sha256,
    size: row.size,
    sourceSha256: row.source_sha256,
    pageCount: row.page_count,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    fileName: fileNameOf(row),
  };
}

async function store(ctx: EvidenceContext, bytes: Uint8Array): Promise<string> {
  const upload = await ctx.vault.receive(Readable.from([Buffer.from(bytes)]), { expectedSize: bytes.byteLength });
  return ctx.vault.claim(upload.uploadId).sha256;
}

/**
 * Issues a proposal: prints it, stores the PDF and its HTML source in the vault (before the
 * database knows of them: a crash in between leaves only files the start-up sweep removes), then
 * records the frozen row and a 'document_issued' line in the case history with the PDF's hash.
 * Refused while any problem remains, and on a closed case.
 */
export async function issueProposal(ctx: EvidenceContext, raw: ProposalRequest, deps: DocumentDeps): Promise<IssuedDocument> {
  const request = parseRequest(raw);
  requireOpenCase(ctx, request.caseId);
  const { model, problems } = assemble(ctx, request, deps, false);
  if (problems.length > 0) throw new Failure('DOCUMENT_INCOMPLETE', problemsMessage(problems));
  const printed = await printProposal(model, deps);
  const pdfSha = await store(ctx, printed.pdf);
  const sourceSha = await store(ctx, Buffer.from(printed.source, 'utf8'));
  if (sourceSha !== printed.sourceSha256) throw new Failure('INTERNAL', 'The document source was not stored as printed. Nothing was issued.');
  const row: DocumentRow = {
    id: uuidv7(),
    case_id: request.caseId,
    number: model.number,
    version: model.version,
    language: request.language,
    measure: request.measure,
    subject_ids: JSON.stringify([...request.subjectIds].sort()),
    title: printed.title,
    sha256: pdfSha,
    size: printed.pdf.byteLength,
    source_sha256: sourceSha,
    page_count: printed.pageCount,
    issued_at: ctx.now(),
    issued_by: ctx.actor,
  };
  const options = {
    classification: request.classification,
    addressee: request.addressee,
    reviewer: model.reviewer,
    standard: request.standard,
    proposedDate: request.proposedDate,
    reviewDate: model.reviewDate,
    scopeNote: request.scopeNote,
  };
  try {
    ctx.db
      .transaction(() => {
        requireOpenCase(ctx, request.caseId);
        ctx.db
          .prepare(
            `INSERT INTO issued_documents (id, case_id, number, version, language, measure, subject_ids, title, sha256, size,
               source_sha256, page_count, options, issued_at, issued_by)
             VALUES (@id, @case_id, @number, @version, @language, @measure, @subject_ids, @title, @sha256, @size,
               @source_sha256, @page_count, @options, @issued_at, @issued_by)`,
          )
          .run({ ...row, options: JSON.stringify(options) });
        recordEvent(ctx, request.caseId, 'document_issued', {
          subject: `${row.number} v${row.version} (${row.language})`,
          reason: `PDF SHA-256 ${row.sha256}`,
        });
        ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(row.issued_at, request.caseId);
      })
      .immediate();
  } catch (error) {
    if (error instanceof Error && /UNIQUE/.test(error.message)) {
      throw new Failure('REVISION_CONFLICT', `Version ${row.version} of ${row.number} was issued by someone else meanwhile; issue again to make the next version.`);
    }
    throw error;
  }
  return toDocument(ctx, row);
}

export function listDocuments(ctx: ServiceContext, caseId: string): IssuedDocument[] {
  getCase(ctx, caseId);
  const rows = ctx.db.prepare('SELECT * FROM issued_documents WHERE case_id = ? ORDER BY issued_at DESC, id DESC').all(caseId) as DocumentRow[];
  return rows.map((row) => toDocument(ctx, row));
}

function requireDocument(ctx: ServiceContext, id: string): DocumentRow {
  const row = ctx.db.prepare('SELECT * FROM issued_documents WHERE id = ?').get(id) as DocumentRow | undefined;
  if (!row) throw new Failure('NOT_FOUND', 'No issued document with this id exists in the workspace.');
  return row;
}

/**
 * The stored PDF's bytes (read through the vault: decrypted in an encrypted workspace), checked
 * against its recorded hash: a changed, damaged or missing file is never handed out.
 */
async function storedPdf(ctx: EvidenceContext, row: DocumentRow): Promise<Buffer> {
  const bytes = ctx.vault.has(row.sha256) ? await ctx.vault.readAll(row.sha256).catch(() => null) : null;
  if (!bytes || sha256(bytes) !== row.sha256) {
    throw new Failure('NOT_FOUND', `The stored PDF of ${row.number} v${row.version} is missing or has changed. Run Verify integrity.`);
  }
  return bytes;
}

export async function downloadDocument(ctx: EvidenceContext, id: string): Promise<{ fileName: string; base64: string }> {
  const row = requireDocument(ctx, id);
  const bytes = await storedPdf(ctx, row);
  return { fileName: fileNameOf(row), base64: bytes.toString('base64') };
}

const unwritable = () =>
  new Failure('EXPORT_FOLDER_UNWRITABLE', 'The chosen folder cannot be written to. Choose another folder. Nothing was written.');

/**
 * Writes a copy of an issued PDF into a folder: to a temporary name first, renamed when complete
 * and checked, so that the folder never holds a partial copy under the document's name. A folder
 * that cannot be written leaves nothing behind.
 */
export async function exportDocument(
  ctx: EvidenceContext,
  input: { id: string; folder?: string | undefined },
  deps: Pick<DocumentDeps, 'chooseFolder'>,
): Promise<{ fileName: string | null }> {
  const row = requireDocument(ctx, input.id);
  let folder = input.folder;
  if (folder === undefined) {
    if (!deps.chooseFolder) throw new Failure('BAD_REQUEST', 'Say which folder to export to.');
    folder = (await deps.chooseFolder()) ?? undefined;
    if (folder === undefined) return { fileName: null };
  }
  const bytes = await storedPdf(ctx, row);
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw unwritable();
  const name = fileNameOf(row);
  const target = path.join(folder, name);
  const partial = path.join(folder, `.${name}.${uuidv7()}.part`);
  try {
    fs.writeFileSync(partial, bytes, { flag: 'wx' });
    if ((await hashFile(partial)) !== row.sha256) throw new Error('copy differs');
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    const code = errnoCode(error);
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new Failure('DISK_FULL', 'The folder’s disk is full. Nothing was written.');
    if (['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR'].includes(code)) throw unwritable();
    console.error('[casebench] export failed:', error);
    throw new Failure('INTERNAL', 'The copy could not be written. Nothing was written.');
  }
  return { fileName: name };
}
