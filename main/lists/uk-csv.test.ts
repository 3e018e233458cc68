/**
 * UK Sanctions List CSV. No real FCDO CSV was found in any public repository we could search
 * (testdata/SOURCES.md): testdata/uk-sanctions-list_2026-08-14_from-xml-excerpt.csv expresses the three
 * REAL designations of the real UK XML excerpt (fixtures uk/), field for field, in the CSV layout the
 * FCDO publishes (a "Report Date:" line, the 58-column header, one row per name or other variant).
 * So the CSV reader must give exactly what the XML reader gives for the same designations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat } from './detect';
import { readList } from './read-list';
import { HTML_ERROR_PAGE, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';
import { parseUkCsv } from './uk-csv';
import { parseUkXml } from './uk-xml';

const CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata', 'uk-sanctions-list_2026-08-14_from-xml-excerpt.csv');
const XML = fixture('uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml');
const text = () => fs.readFileSync(CSV, 'utf8');
const [REPORT_LINE, HEADER, ...ROWS] = text().split('\r\n').filter((l) => l !== '');

afterAll(removeTempFiles);

describe('UK Sanctions List CSV', () => {
  it('reads the three designations, merging their rows, and the report date', async () => {
    const { list, entries, report } = await parseUkCsv(CSV);
    expect(REPORT_LINE).toBe('Report Date: 14-Aug-2026');
    expect(ROWS).toHaveLength(13);
    expect(list).toEqual({ key: 'uk-sanctions-list', authority: 'UK', format: 'uk_csv', listName: 'UK Sanctions List', listDate: '2026-08-14' });
    expect(report).toEqual({ entries: 3, names: 13, skipped: [], removed: 0, warnings: [] });
    expect(entries.map((e) => [e.listId, e.type, e.listedOn])).toEqual([
      ['AFG0011', 'person', '2001-01-31'],
      ['AQD0128', 'person', '2010-03-11'],
      ['AQD0377', 'entity', '2022-03-07'],
    ]);
  });

  it('gives, field for field, the entries the XML reader gives for the same designations', async () => {
    const [csv, xml] = await Promise.all([parseUkCsv(CSV), parseUkXml(XML)]);
    expect(csv.entries).toEqual(xml.entries);
    // Spot checks, so that a change to both readers does not pass unseen.
    const afg = csv.entries[0]!;
    expect(afg.names[0]).toEqual({
      value: 'ABDUL LATIF MANSUR',
      script: 'latn',
      lang: null,
      strength: 'primary',
      parts: { given: 'ABDUL', middle: 'LATIF', family: 'MANSUR', numbered: ['ABDUL', 'LATIF', 'MANSUR'], title: 'Maulavi' },
    });
    expect(afg.names.at(-1)).toEqual({ value: 'عبد اللطيف منصور', script: 'arab', lang: null, strength: 'primary', note: 'non-Latin script' });
    expect(afg.datesOfBirth.map((d) => d.text)).toEqual(['dd/mm/1968', '12/11/1967']);
    expect(afg.identifiers.map((i) => i.value)).toEqual(['D0009720', 'D0010442']); // the XML's leading space trimmed
    expect(csv.entries[1]!.names.filter((n) => n.strength === 'weak').map((n) => n.value)).toEqual(['Abu Akram', 'Abu Jarrah']);
  });

  it('finds columns by their header, in any order, and merges the rows of a designation wherever they are', async () => {
    // The same data with the columns reversed and the rows interleaved.
    const reorder = (line: string) => (parseCsv(line) as string[][])[0]!.reverse().map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
    const rows = [...ROWS.filter((_, i) => i % 2 === 0), ...ROWS.filter((_, i) => i % 2 === 1)];
    const moved = tempFile('UK-Sanctions-List.csv', [REPORT_LINE, reorder(HEADER!), ...rows.map(reorder)].join('\n') + '\n');
    const [shuffled, original] = await Promise.all([parseUkCsv(moved), parseUkCsv(CSV)]);
    const byId = (l: typeof original) => Object.fromEntries(l.entries.map((e) => [e.listId, e]));
    // Values are kept in the order first seen, so only the order within a field may differ.
    const sorted = (e: object) => JSON.parse(JSON.stringify(e, (_k, v: unknown) => (Array.isArray(v) ? [...v].map((x) => JSON.stringify(x)).sort() : v)));
    expect(sorted(byId(shuffled))).toEqual(sorted(byId(original)));
  });

  it('is recognised by its header (with or without the report line or a byte-order mark) and read through readList', async () => {
    expect(detectFormat([{ path: CSV, name: 'UK-Sanctions-List.csv' }]).format).toBe('uk_csv');
    const bare = tempFile('uk.csv', '\ufeff' + [HEADER, ...ROWS].join('\r\n') + '\r\n');
    const read = await readList([{ path: bare, name: 'uk.csv' }]);
    expect(read.format).toBe('uk_csv');
    expect(read.list.listDate).toBeNull();
    expect(read.entries).toHaveLength(3);
  });

  it("refuses OFSI's retired ConList.csv with what to import instead", () => {
    const conList = tempFile('ConList.csv', 'Last Updated,03/06/2026\nName 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Country,Group Type,Alias Type,Regime,Listed On,Group ID\n');
    expect(() => detectFormat([{ path: conList, name: 'ConList.csv' }])).toThrow(/ConList\.csv.*retired in January 2026.*UK Sanctions List/);
  });

  it('refuses a file re-saved as Windows-1252 or UTF-16, an HTML page, a cut download, and a CSV without the header, naming the line', async () => {
    const latin = tempFile('latin.csv', iconv.encode(text().replace('عبد اللطيف منصور', 'Abdul Latif Mansûr'), 'win1252'));
    const encoding = await failure(parseUkCsv(latin));
    expect(encoding.code).toBe('encoding');
    expect(encoding.message).toMatch(/^UK Sanctions List CSV: the file is not UTF-8.*\(at line 6\)$/);
    const utf16 = await failure(parseUkCsv(tempFile('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(), 'utf16le')]))));
    expect(utf16.code).toBe('encoding');
    expect((await failure(parseUkCsv(tempFile('page.csv', HTML_ERROR_PAGE)))).code).toBe('html_page');
    const cut = await failure(parseUkCsv(truncatedCopy(CSV, 'cut.csv')));
    expect(cut.code).toBe('truncated');
    expect(cut.at).toEqual({ line: expect.any(Number) });
    // Cut inside the Arabic name of line 6: the last character is half there.
    const whole = fs.readFileSync(CSV);
    const inName = whole.indexOf(Buffer.from('عبد اللطيف', 'utf8')) + 1;
    const halfCharacter = await failure(parseUkCsv(tempFile('cut-in-character.csv', whole.subarray(0, inName))));
    expect(halfCharacter).toMatchObject({ code: 'truncated', at: { line: 6 }, note: { code: 'cut_in_character' } });
    const noHeader = await failure(parseUkCsv(tempFile('other.csv', 'a,b,c\n1,2,3\n4,5,6\n')));
    expect(noHeader).toMatchObject({ code: 'wrong_kind', at: { line: 3 }, note: { code: 'uk_csv_no_header' } });
    expect((await failure(parseUkCsv(tempFile('empty.csv', '')))).code).toBe('empty');
  });

  it('skips a row without a Unique ID, with why, and keeps the rest', async () => {
    const blank = ROWS[0]!.replace(',AFG0011,', ',,');
    const { entries, report } = await parseUkCsv(tempFile('gap.csv', [REPORT_LINE, HEADER, blank, ...ROWS].join('\n') + '\n'));
    expect(entries).toHaveLength(3);
    expect(report.skipped).toEqual([{ at: { line: 3 }, note: { code: 'no_field', values: { field: 'Unique ID' } } }]);
  });
});
