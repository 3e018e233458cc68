import { describe, expect, it } from 'vitest';
import { note } from '../../shared/domain/list-notes';
import { ListParseError, StrictUtf8 } from './common';

/** Decodes the chunks in turn, then the end; the text, or the error thrown. */
function decode(chunks: Buffer[], why?: ReturnType<typeof note>): string | ListParseError {
  const utf8 = new StrictUtf8('Test list', why);
  try {
    return chunks.map((c) => utf8.decode(c)).join('') + utf8.end();
  } catch (e) {
    return e as ListParseError;
  }
}

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('StrictUtf8: a list file decoded chunk by chunk', () => {
  it('decodes characters split between chunks, and counts the lines it has seen', () => {
    const whole = bytes('line 1\n朱海仑\nline 3\n');
    const utf8 = new StrictUtf8('Test list');
    // Split inside 海 (three bytes): 7 + 4 leaves two of them for the next chunk.
    const text = utf8.decode(whole.subarray(0, 11)) + utf8.decode(whole.subarray(11)) + utf8.end();
    expect(text).toBe('line 1\n朱海仑\nline 3\n');
    expect(utf8.newlines).toBe(3);
    expect(utf8.endsWithNewline()).toBe(true);
  });

  it('names the line of a byte that is not UTF-8, counting the lines of the chunks before', () => {
    // Mansûr saved as Windows-1252: û is 0xfb.
    const err = decode([bytes('a\nb\n'), bytes('c\nMans', [0xfb], 'r\n')]);
    expect(err).toBeInstanceOf(ListParseError);
    expect(err).toMatchObject({ code: 'encoding', at: { line: 4 }, note: { code: 'not_utf8' } });
  });

  it('names the line where a character begun at the end of one chunk goes wrong at the start of the next', () => {
    // 0xe6 opens a three-byte character; the next chunk carries on with a line break instead.
    const err = decode([bytes('a\nb\nc', [0xe6]), bytes('\nd\ne\n')]);
    expect(err).toMatchObject({ code: 'encoding', at: { line: 3 } });
  });

  it("gives the reader's own note, and fails a file that ends inside a character as cut short", () => {
    expect(decode([bytes('a\n', [0x96], '\n')], note('not_utf8_resaved'))).toMatchObject({ note: { code: 'not_utf8_resaved' } });
    const cut = decode([bytes('a\nb\n朱'), bytes('海').subarray(0, 2)]);
    expect(cut).toMatchObject({ code: 'truncated', at: { line: 3 }, note: { code: 'cut_in_character' } });
  });
});
