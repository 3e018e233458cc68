import { isUtf8 } from 'node:buffer';
import fsp from 'node:fs/promises';
import { fileTypeFromBlob, fileTypeFromFile } from 'file-type';

export const OCTET_STREAM = 'application/octet-stream';
export const PLAIN_TEXT = 'text/plain; charset=utf-8';
export const HTML = 'text/html';
export const SVG = 'image/svg+xml';
export const XHTML = 'application/xhtml+xml';
export const XML = 'application/xml';
export const JSON_TYPE = 'application/json';

/** How much of a text file is read to recognise markup. */
const HEAD_BYTES = 8 * 1024;
/** JSON larger than this is called plain text: parsing it whole to be sure would cost too much. */
export const JSON_LIMIT = 16 * 1024 * 1024;

/**
 * Follows a stream chunk by chunk and says whether the whole of it is valid UTF-8 without NUL
 * bytes (what we call plain text). Bounded memory: only an incomplete trailing sequence (≤ 3
 * bytes) is carried between chunks; once it fails it stops looking.
 */
export class Utf8Watch {
  private carry: Buffer = Buffer.alloc(0);
  private ok = true;
  private seen = 0;

  push(chunk: Buffer): void {
    if (!this.ok) return;
    this.seen += chunk.length;
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    // Keep back the start of a multi-byte sequence cut by the chunk boundary.
    let cut = data.length;
    for (let back = 1; back <= 3 && back <= data.length; back++) {
      const byte = data[data.length - back] as number;
      if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      if (need > back) cut = data.length - back;
      break;
    }
    const whole = data.subarray(0, cut);
    if (whole.includes(0) || !isUtf8(whole)) this.ok = false;
    this.carry = Buffer.from(data.subarray(cut));
  }

  /** True when everything pushed was UTF-8 text (an empty stream is not called text). */
  isText(): boolean {
    return this.ok && this.seen > 0 && (this.carry.length === 0 || isUtf8(this.carry));
  }
}

/** Whitespace, comments and processing instructions (not the XML declaration), as they may come before the root. */
const MISC = /^(?:\s+|<!--[\s\S]*?-->|<\?(?!xml[\s?])[\s\S]*?\?>)/i;
const XML_DECLARATION = /^<\?xml[\s?][\s\S]*?\?>/i;
/** A doctype, its name captured; an internal subset in brackets is allowed. */
const DOCTYPE = /^<!doctype\s+([^\s>[]+)[^>[]*(?:\[[\s\S]*?\])?\s*>/i;
/** The root element's local name (a namespace prefix dropped). */
const ROOT = /^<(?:[a-z_][\w.-]*:)?([a-z_][\w.-]*)(?=[\s>/]|$)/i;

function skipMisc(text: string): string {
  let rest = text;
  for (let m = MISC.exec(rest); m && m[0].length > 0; m = MISC.exec(rest)) rest = rest.slice(m[0].length);
  return rest;
}

/**
 * The markup type of the start of a text, or null for none. After a BOM, whitespace and comments:
 * `<!doctype html` or an <html> root is HTML (XHTML after an XML declaration); an <svg> root (or
 * an svg doctype) is SVG, with or without an XML declaration before it; any other text starting
 * with an XML declaration is XML.
 */
export function markupType(head: string): string | null {
  let rest = head.replace(/^\uFEFF/, '').trimStart();
  const declared = XML_DECLARATION.exec(rest);
  if (declared) rest = rest.slice(declared[0].length);
  rest = skipMisc(rest);
  const doctype = DOCTYPE.exec(rest);
  if (doctype) rest = skipMisc(rest.slice(doctype[0].length));
  const names = [doctype?.[1], ROOT.exec(rest)?.[1]].map((n) => n?.toLowerCase());
  if (names.includes('svg')) return SVG;
  if (names.includes('html')) return declared ? XHTML : HTML;
  return declared ? XML : null;
}

/** Random access to bytes that are not a plain file (a sealed vault file, decrypted as it is read). */
export interface RandomAccessBytes {
  readonly size: number;
  /** Up to `length` bytes from `start` (fewer at the end). */
  read(start: number, length: number): Buffer;
}

/**
 * file-type reads a Blob only by `size` and `slice(start, end).arrayBuffer()` (its BlobTokenizer):
 * lending bytes that shape lets its public `fileTypeFromBlob` sniff a sealed file with random
 * access, as `fileTypeFromFile` does a plain one, without a plaintext copy on disk.
 */
function blobOver(source: RandomAccessBytes, start = 0, end = source.size): Blob {
  const blob = {
    size: end - start,
    type: '',
    slice: (from = 0, to = end - start) => blobOver(source, start + from, start + Math.min(to, end - start)),
    arrayBuffer: async () => {
      const bytes = source.read(start, end - start);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    },
  };
  return blob as unknown as Blob;
}

const fileBytes = (filePath: string) => ({
  async head(n: number): Promise<Buffer> {
    const file = await fsp.open(filePath, 'r');
    try {
      const buffer = Buffer.alloc(n);
      const { bytesRead } = await file.read(buffer, 0, n, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  },
  size: async () => (await fsp.stat(filePath)).size,
  all: () => fsp.readFile(filePath),
});

const sourceBytes = (source: RandomAccessBytes) => ({
  head: async (n: number) => source.read(0, n),
  size: async () => source.size,
  all: async () => source.read(0, source.size),
});

type Bytes = ReturnType<typeof sourceBytes>;

/** The first `HEAD_BYTES` of a file as text; a multi-byte character cut at the end is dropped. */
async function readHead(bytes: Bytes): Promise<string> {
  return new TextDecoder('utf-8').decode(await bytes.head(HEAD_BYTES), { stream: true });
}

/** A JSON object or array of at most `JSON_LIMIT` bytes, parsed whole to be sure. */
async function isJson(bytes: Bytes, head: string): Promise<boolean> {
  if (!/^[{[]/.test(head.replace(/^\uFEFF/, '').trimStart())) return false;
  if ((await bytes.size()) > JSON_LIMIT) return false;
  try {
    const value: unknown = JSON.parse((await bytes.all()).toString('utf8').replace(/^\uFEFF/, ''));
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/**
 * The media type of a stored file, from its bytes only (the `file-type` signatures), never its
 * name: a PNG called "notes.txt" is image/png. Unknown binaries are application/octet-stream.
 * `file-type` knows almost no text formats, so valid UTF-8 without NULs is looked at from its start:
 * HTML, SVG, XHTML and XML by their markup (see `markupType`), a JSON object or array that
 * parses, and everything else text/plain.
 */
export async function sniffMediaType(file: string | RandomAccessBytes, looksLikeText: boolean): Promise<string> {
  const bytes = typeof file === 'string' ? fileBytes(file) : sourceBytes(file);
  const detected = await (typeof file === 'string' ? fileTypeFromFile(file) : fileTypeFromBlob(blobOver(file))).catch(() => undefined);
  // file-type calls anything with an XML declaration application/xml: SVG and XHTML are told apart here.
  const genericXml = detected?.mime === XML || detected?.mime === 'text/xml';
  if (detected && !(genericXml && looksLikeText)) return detected.mime;
  if (!looksLikeText) return OCTET_STREAM;
  const head = await readHead(bytes).catch(() => '');
  const markup = markupType(head);
  if (markup) return markup;
  if (detected) return detected.mime;
  if (await isJson(bytes, head).catch(() => false)) return JSON_TYPE;
  return PLAIN_TEXT;
}
