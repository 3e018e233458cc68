import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, evidenceContext } from '../test-support/evidence-context';
import { tempDir } from '../test-support/temp-dir';
import { extractText } from './extract-text';
import { HTML, JSON_LIMIT, JSON_TYPE, markupType, OCTET_STREAM, PLAIN_TEXT, sniffMediaType, SVG, XHTML, XML } from './sniff';

/** Sniffs bytes written to a real file, as the vault does (text or not decided by the caller's UTF-8 watch). */
async function sniff(content: string | Buffer, looksLikeText = true) {
  const file = path.join(tempDir(), 'file');
  fs.writeFileSync(file, content);
  return sniffMediaType(file, looksLikeText);
}

describe('sniffing text formats that file-type does not know', () => {
  it.each([
    ['<!doctype html><html><body><script>alert(1)</script></body></html>', HTML],
    ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">\n<html>', HTML],
    ['\uFEFF  \n<html lang="ja"><head><title>報告</title></head></html>', HTML],
    ['<!-- saved from url=(0014)about:internet -->\n<HTML>\n<body>x</body>', HTML],
    ['<!doctype html>\n<p>no html element at all</p>', HTML],
    ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>', SVG],
    ['<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', SVG],
    [
      '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>',
      SVG,
    ],
    ['<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', XHTML],
    ['<?xml version="1.0"?><feed><entry>Arrests</entry></feed>', XML],
    ['\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE note [<!ENTITY w "witness">]>\n<note>&w;</note>', XML],
    ['{"camera":"unknown","taken":"2021-03-04"}', JSON_TYPE],
    ['\uFEFF\n  [1, 2, {"名前": "証人"}]\n', JSON_TYPE],
  ])('%j is %s', async (content, expected) => {
    expect(await sniff(content)).toBe(expected);
  });

  it.each([
    ['Interview notes, W-02.\n拘禁の状況について証言。\n'],
    ['<script>alert(1)</script><p>a fragment, not a document</p>'],
    ['<htmlish> is not a tag we know'],
    ['<svgfoo/>'],
    ['{"unterminated": '],
    ['"just a string"'],
    ['42'],
    ['[1, 2,]'],
    ['pseudonym,date\nW-01,2021-03-03\n'],
    ['   '],
  ])('%j is plain text', async (content) => {
    expect(await sniff(content)).toBe(PLAIN_TEXT);
  });

  it('looks only at the start: markup later in a text does not count', async () => {
    expect(await sniff(`Notes\n${'x'.repeat(100)}\n<html><script>alert(1)</script></html>`)).toBe(PLAIN_TEXT);
  });

  it('calls JSON over the size limit plain text rather than parse it', async () => {
    const big = `[${'"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",'.repeat(Math.ceil(JSON_LIMIT / 48))}1]`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(JSON_LIMIT);
    expect(await sniff(big)).toBe(PLAIN_TEXT);
  });

  it('leaves binary signatures and non-text bytes as they were', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    expect(await sniff(png)).toBe('image/png');
    // Markup bytes the UTF-8 watch refused (e.g. a NUL further on) are not text at all.
    expect(await sniff('<html>\0</html>', false)).toBe(OCTET_STREAM);
  });

  it('markupType reads only the start it is given', () => {
    expect(markupType('')).toBeNull();
    expect(markupType('<?xml version="1.0"?>')).toBe(XML);
    expect(markupType('<!-- unterminated comment <html>')).toBeNull();
  });

  it('keeps the sniffed text formats searchable: their source is extracted as text', async () => {
    const file = path.join(tempDir(), 'page');
    fs.writeFileSync(file, '<!doctype html><h1>拘禁命令</h1>');
    expect(await extractText(file, HTML, fs.statSync(file).size)).toEqual({ status: 'ok', text: '<!doctype html><h1>拘禁命令</h1>' });
    expect(await extractText(file, JSON_TYPE, fs.statSync(file).size)).toMatchObject({ status: 'ok' });
  });

  it('is what an imported item records, and the name plays no part', async () => {
    const ctx = evidenceContext();
    const received = await Promise.all(
      [
        ['<!doctype html><h1>Leaked order</h1>', 'order.txt'],
        ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'map.png'],
        ['{"a":1}', 'data.txt'],
        ['<html>', 'x.json'],
      ].map(async ([content]) => (await ctx.vault.receive(bytes(content!))).mediaType),
    );
    expect(received).toEqual([HTML, SVG, JSON_TYPE, HTML]);
  });
});
