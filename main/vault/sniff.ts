import { isUtf8 } from 'node:buffer';
import { fileTypeFromFile } from 'file-type';

export const OCTET_STREAM = 'application/octet-stream';
export const PLAIN_TEXT = 'text/plain; charset=utf-8';

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

/**
 * The media type of a stored file, from its bytes only (the `file-type` signatures), never its
 * name: a PNG called "notes.txt" is image/png. Unknown binaries are application/octet-stream;
 * valid UTF-8 without NULs is text/plain.
 */
export async function sniffMediaType(filePath: string, looksLikeText: boolean): Promise<string> {
  const detected = await fileTypeFromFile(filePath).catch(() => undefined);
  if (detected) return detected.mime;
  return looksLikeText ? PLAIN_TEXT : OCTET_STREAM;
}
