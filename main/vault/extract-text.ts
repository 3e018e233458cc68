import fsp from 'node:fs/promises';
import type { EvidenceItem } from '../../shared/contract/channels/evidence';
import type { EvidenceContext } from '../services/evidence-context';
import type { EvidenceRow } from '../services/evidence-service';

/**
 * Text for search, extracted from a stored file: a derived working copy kept in evidence_text,
 * never the evidence. Failures are recorded on the item (extraction.status 'failed' with a plain
 * reason) and never stop an import.
 */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** PDF and DOCX parsers read the whole file into memory; beyond this size we do not try. */
export const MAX_EXTRACT_BYTES = 200 * 1024 * 1024;
/** The search index keeps at most this much text per item. */
export const MAX_TEXT_CHARS = 5_000_000;

export type Extraction = { status: 'ok'; text: string } | { status: 'unsupported' } | { status: 'failed'; error: string };

const clip = (text: string) => (text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text);

/**
 * CJK fonts (Noto CJK, which Chromium and LibreOffice embed) share one glyph between an ideograph
 * and its Kangxi radical, and their ToUnicode maps often name the radical: 工 comes out of the PDF
 * as ⼯ (U+2F2F), 言 as ⾔ (U+2F94). Those code points are never what a document means and a search
 * for 工場 would not find them, so they become the ideographs they stand for (their NFKC form).
 */
const RADICALS = /[\u2e80-\u2fdf]/g;
export const unifyRadicals = (text: string) => text.replace(RADICALS, (c) => c.normalize('NFKC'));

async function pdfText(filePath: string): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(await fsp.readFile(filePath)));
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return unifyRadicals(text);
  } finally {
    await pdf.destroy();
  }
}

async function docxText(filePath: string): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  return (await mammoth.extractRawText({ path: filePath })).value;
}

/** Text formats the vault sniffs from UTF-8 bytes: their source is indexed as it stands, as plain text is. */
const TEXT_TYPES = new Set(['text/plain', 'text/html', 'application/json', 'application/xml', 'image/svg+xml', 'application/xhtml+xml']);

export async function extractText(filePath: string, mediaType: string, size: number): Promise<Extraction> {
  const type = mediaType.split(';')[0]?.trim() ?? '';
  const isText = TEXT_TYPES.has(type);
  const reader =
    isText
      ? async (p: string) => {
          const handle = await fsp.open(p, 'r');
          try {
            const buffer = Buffer.alloc(Math.min(size, MAX_TEXT_CHARS * 4));
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
            return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
          } finally {
            await handle.close();
          }
        }
      : type === 'application/pdf'
        ? pdfText
        : type === DOCX
          ? docxText
          : null;
  if (!reader) return { status: 'unsupported' };
  if (!isText && size > MAX_EXTRACT_BYTES) {
    return { status: 'failed', error: `The file is too large to extract text from (over ${MAX_EXTRACT_BYTES / 1024 / 1024} MiB).` };
  }
  try {
    return { status: 'ok', text: clip(await reader(filePath)) };
  } catch (error) {
    // Parser messages describe the document ("Invalid PDF structure"), never our paths.
    const reason = error instanceof Error ? error.message.replaceAll(filePath, '<file>') : 'unknown error';
    return { status: 'failed', error: `The text could not be extracted: ${reason.slice(0, 300)}` };
  }
}

/** Extracts an item's text and records the outcome; never throws for a bad document. */
export async function extractAndStore(ctx: EvidenceContext, itemId: string): Promise<EvidenceItem['extraction']> {
  const row = ctx.db.prepare('SELECT * FROM evidence_items WHERE id = ?').get(itemId) as EvidenceRow | undefined;
  if (!row || row.kind !== 'file' || !row.sha256 || !row.media_type) return { status: 'none' };
  const result = await extractText(ctx.vault.contentPath(row.sha256), row.media_type, row.size ?? 0);
  // The workspace may have been closed while the text was read: leave the item pending for next time.
  if (!ctx.db.open) return { status: 'none' };
  ctx.db
    .transaction(() => {
      if (result.status === 'ok') {
        ctx.db
          .prepare('INSERT INTO evidence_text (item_id, text) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET text = excluded.text')
          .run(itemId, result.text);
      }
      ctx.db
        .prepare('UPDATE evidence_items SET extraction_status = ?, extraction_error = ? WHERE id = ?')
        .run(result.status, result.status === 'failed' ? result.error : null, itemId);
    })
    .immediate();
  return result.status === 'failed' ? { status: 'failed', error: result.error } : { status: result.status };
}

/**
 * Extracts the text of file items that never got it: an import is committed before its text is
 * read, so an app killed in between leaves items pending. Runs after the workspace opens.
 */
export async function resumeExtraction(ctx: EvidenceContext): Promise<number> {
  const pending = ctx.db
    .prepare("SELECT id FROM evidence_items WHERE kind = 'file' AND extraction_status = 'none' ORDER BY rowid")
    .pluck()
    .all() as string[];
  let done = 0;
  for (const id of pending) {
    if (!ctx.db.open) break;
    await extractAndStore(ctx, id);
    done += 1;
  }
  return done;
}
