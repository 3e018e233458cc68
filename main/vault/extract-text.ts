import fsp from 'node:fs/promises';
import type { EvidenceItem } from '../../shared/contract/channels/evidence';
import type { EvidenceContext } from '../services/evidence-context';
import type { EvidenceRow } from '../services/evidence-service';
import type { Vault } from './vault';

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

/** Where a file's bytes come from: a path, or the vault (which decrypts a sealed file as it reads). */
export interface ByteReader {
  /** Up to the first `n` bytes. */
  head(n: number): Promise<Buffer>;
  all(): Promise<Buffer>;
}

export const fileReader = (filePath: string): ByteReader => ({
  async head(n) {
    const handle = await fsp.open(filePath, 'r');
    try {
      const buffer = Buffer.alloc(n);
      const { bytesRead } = await handle.read(buffer, 0, n, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
  all: () => fsp.readFile(filePath),
});

export function vaultReader(vault: Vault, sha256: string): ByteReader {
  const collect = async (stream: AsyncIterable<Buffer>) => {
    const parts: Buffer[] = [];
    for await (const chunk of stream) parts.push(chunk);
    return Buffer.concat(parts);
  };
  return {
    head: (n) => (n === 0 ? Promise.resolve(Buffer.alloc(0)) : collect(vault.read(sha256, { start: 0, end: n - 1 }))),
    all: () => vault.readAll(sha256),
  };
}

async function pdfText(source: ByteReader): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(await source.all()));
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return unifyRadicals(text);
  } finally {
    await pdf.destroy();
  }
}

async function docxText(source: ByteReader): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  return (await mammoth.extractRawText({ buffer: await source.all() })).value;
}

/** Text formats the vault sniffs from UTF-8 bytes: their source is indexed as it stands, as plain text is. */
const TEXT_TYPES = new Set(['text/plain', 'text/html', 'application/json', 'application/xml', 'image/svg+xml', 'application/xhtml+xml']);

export async function extractText(file: string | ByteReader, mediaType: string, size: number): Promise<Extraction> {
  const source = typeof file === 'string' ? fileReader(file) : file;
  const type = mediaType.split(';')[0]?.trim() ?? '';
  const isText = TEXT_TYPES.has(type);
  const reader =
    isText
      ? async (s: ByteReader) => new TextDecoder('utf-8').decode(await s.head(Math.min(size, MAX_TEXT_CHARS * 4)))
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
    return { status: 'ok', text: clip(await reader(source)) };
  } catch (error) {
    // Parser messages describe the document ("Invalid PDF structure"), never our paths.
    const message = error instanceof Error ? error.message : 'unknown error';
    const reason = typeof file === 'string' ? message.replaceAll(file, '<file>') : message;
    return { status: 'failed', error: `The text could not be extracted: ${reason.slice(0, 300)}` };
  }
}

/** Extracts an item's text and records the outcome; never throws for a bad document. */
export async function extractAndStore(ctx: EvidenceContext, itemId: string): Promise<EvidenceItem['extraction']> {
  return (await extractAndStoreAll(ctx, [itemId]))[0]!;
}

/** Texts stored in one transaction, at most (a single text may be longer, up to MAX_TEXT_CHARS). */
const STORE_CHARS = 4_000_000;

/**
 * Extracts several items' texts (an import batch) and records them together, in one transaction
 * while they add up to under STORE_CHARS: FTS5 writes one index segment a transaction, and the
 * pages every commit rewrites (the index's structure, b-tree interiors) are written once for the
 * batch. In an encrypted workspace each page written costs a cipher operation, and later two more
 * at the checkpoint. Outcomes in the order of `itemIds`; 'none' for an item left pending because
 * the workspace closed while its text was read (the next open resumes it).
 */
export async function extractAndStoreAll(ctx: EvidenceContext, itemIds: readonly string[]): Promise<EvidenceItem['extraction'][]> {
  const find = ctx.db.prepare('SELECT * FROM evidence_items WHERE id = ?');
  const outcomes: EvidenceItem['extraction'][] = itemIds.map(() => ({ status: 'none' }));
  let batch: { at: number; itemId: string; result: Extraction }[] = [];
  let chars = 0;
  const store = () => {
    if (batch.length === 0 || !ctx.db.open) return;
    const texts = batch.flatMap(({ itemId, result }) => (result.status === 'ok' ? [itemId, result.text] : []));
    const status = ctx.db.prepare('UPDATE evidence_items SET extraction_status = ?, extraction_error = ? WHERE id = ?');
    ctx.db
      .transaction(() => {
        // One statement for all the texts: FTS5 writes out what it holds at each statement's start.
        if (texts.length > 0) {
          const rows = Array.from({ length: texts.length / 2 }, () => '(?, ?)').join(', ');
          ctx.db.prepare(`INSERT INTO evidence_text (item_id, text) VALUES ${rows} ON CONFLICT (item_id) DO UPDATE SET text = excluded.text`).run(...texts);
        }
        for (const { itemId, result } of batch) status.run(result.status, result.status === 'failed' ? result.error : null, itemId);
      })
      .immediate();
    for (const { at, result } of batch) outcomes[at] = result.status === 'failed' ? { status: 'failed', error: result.error } : { status: result.status };
    batch = [];
    chars = 0;
  };
  const first = new Map<string, number>();
  for (const [at, itemId] of itemIds.entries()) {
    // The workspace may have been closed while a text was read: what is not stored stays pending.
    if (!ctx.db.open) break;
    // An item asked for twice is read once (one statement cannot write its text twice).
    if (first.has(itemId)) continue;
    first.set(itemId, at);
    const row = find.get(itemId) as EvidenceRow | undefined;
    if (!row || row.kind !== 'file' || !row.sha256 || !row.media_type) continue;
    const result = await extractText(vaultReader(ctx.vault, row.sha256), row.media_type, row.size ?? 0);
    batch.push({ at, itemId, result });
    chars += result.status === 'ok' ? result.text.length : 0;
    if (chars >= STORE_CHARS) store();
  }
  store();
  return itemIds.map((itemId, at) => outcomes[first.get(itemId) ?? at]!);
}

/** Items resumed together: as many as the app imports in one batch. */
const RESUME_BATCH = 20;

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
  for (let from = 0; from < pending.length && ctx.db.open; from += RESUME_BATCH) {
    const outcomes = await extractAndStoreAll(ctx, pending.slice(from, from + RESUME_BATCH));
    done += outcomes.filter((o) => o.status !== 'none').length;
  }
  return done;
}
