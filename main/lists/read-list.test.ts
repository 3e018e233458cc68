import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ListParseError } from './common';
import { detectFormat, type ListInput } from './detect';
import { FTM_AUTHORITIES, entryToFtmEntity, sanctionFtm } from './ftm-write';
import { prepareRead, readList } from './read-list';
import { HTML_ERROR_PAGE, fixture, removeTempFiles, tempFile } from './test-fixtures';

afterAll(removeTempFiles);

const real = (...parts: string[]): ListInput => ({ path: fixture(...parts), name: parts.at(-1)! });
/** A copy of a real file under another name (browsers add " (1)" to a second download). */
const renamed = (name: string, ...parts: string[]): ListInput => ({ path: tempFile(name, fs.readFileSync(fixture(...parts))), name });

/** The ListParseError a read rejects with. */
async function rejection(reading: Promise<unknown>): Promise<ListParseError> {
  const error = await reading.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ListParseError);
  return error as ListParseError;
}

/** The ListParseError a call throws (fails the test if it throws nothing or something else). */
function refusal(run: () => unknown): ListParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ListParseError);
    return error as ListParseError;
  }
  throw new Error('expected a ListParseError');
}

describe('recognising a list file', () => {
  it('knows every real list by its content: XML root, CSV shape, xlsx parts, gzip', () => {
    const cases: [ListInput[], string][] = [
      [[real('un', 'un_consolidated_2020-03-20.xml')], 'un_xml'],
      [[real('un', 'un_consolidated_2026-02-27_excerpt.xml')], 'un_xml'],
      [[real('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml')], 'eu_fsf_xml'],
      [[real('uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml')], 'uk_xml'],
      [[real('canada', 'sema-lmes_2020-04.xml')], 'ca_sema_xml'],
      [[real('jp-mof', 'shisantouketsu20260305.xlsx')], 'jp_mof_xlsx'],
      [[real('us-ofac-sdn', 'full-2021-07', 'sdn.csv.gz'), real('us-ofac-sdn', 'full-2021-07', 'alt.csv')], 'ofac_csv'],
      [['sdn', 'alt', 'add'].map((n) => real('us-ofac-sdn', 'excerpt-burma-xinjiang-2021-07', `${n}.csv`)), 'ofac_csv'],
    ];
    for (const [files, format] of cases) expect(detectFormat(files).format, files[0]!.name).toBe(format);
    // Renamed by the browser, or gzipped under another name: by the bytes alone.
    expect(detectFormat([renamed('UN list.XML', 'un', 'un_consolidated_2026-02-27_excerpt.xml')]).format).toBe('un_xml');
    expect(detectFormat([renamed('download', 'us-ofac-sdn', 'full-2021-07', 'sdn.csv.gz')]).format).toBe('ofac_csv');
  });

  it("tells OFAC's CSV files apart by name, or by their columns when renamed", async () => {
    const dir = ['us-ofac-sdn', 'watchman-ofactest'];
    const files = [
      renamed('sdn (1).csv', ...dir, 'sdn.csv'),
      renamed('alt (1).csv', ...dir, 'alt.csv'),
      renamed('add (1).csv', ...dir, 'add.csv'),
      renamed('comments (1).csv', ...dir, 'sdn_comments.csv'),
    ];
    const byName = await readList(['sdn', 'alt', 'add', 'sdn_comments'].map((n) => real(...dir, `${n}.csv`)));
    const byColumns = await readList(files.reverse());
    expect(byColumns.format).toBe('ofac_csv');
    expect(byColumns.report).toEqual(byName.report);
    expect(byColumns.entries).toEqual(byName.entries);
    expect(byName.report.entries).toBe(17);
  });

  it('refuses an HTML error page, an empty file, a PDF, the XML schema, a foreign CSV: each named', () => {
    const html = refusal(() => detectFormat([{ path: tempFile('consolidated.xml', HTML_ERROR_PAGE), name: 'consolidated.xml' }]));
    expect(html.code).toBe('html_page');
    expect(html.message).toBe('consolidated.xml: this is an HTML page (an error page saved instead of the list?), not a sanctions list file (at line 1)');
    // Even when the user says which format it is.
    expect(refusal(() => detectFormat([{ path: tempFile('sdn.csv', HTML_ERROR_PAGE), name: 'sdn.csv' }], 'ofac_csv')).code).toBe('html_page');

    expect(refusal(() => detectFormat([{ path: tempFile('empty.xml', ''), name: 'empty.xml' }])).message).toBe('empty.xml: the file is empty');
    expect(refusal(() => detectFormat([{ path: tempFile('list.pdf', '%PDF-1.7\n%âãÏÓ\n'), name: 'list.pdf' }])).message).toMatch(/^list\.pdf: this is a PDF document/);
    const schema = refusal(() => detectFormat([real('un', 'schema', 'sc-sanctions.xsd')]));
    expect(schema.code).toBe('wrong_kind');
    expect(schema.message).toBe("sc-sanctions.xsd: this XML file's root element is <schema>, which is not a sanctions list Casebench reads");
    const uk = refusal(() => detectFormat([{ path: tempFile('UK_Sanctions_List.csv', 'Last Updated,Unique ID,OFSI Group ID\r\n01/02/2026,RUS0001,1\r\n'), name: 'UK_Sanctions_List.csv' }]));
    expect(uk.message).toMatch(/^UK_Sanctions_List\.csv: this CSV file is not one Casebench reads/);
    const gzipped = refusal(() => detectFormat([{ path: tempFile('un.xml.gz', zlib.gzipSync(fs.readFileSync(fixture('un', 'un_consolidated_2026-02-27_excerpt.xml')))), name: 'un.xml.gz' }]));
    expect(gzipped.message).toMatch(/^un\.xml\.gz: this file is gzip-compressed: unpack it/);
  });

  it('refuses two lists at once, and a second file for a one-file format', () => {
    const mixed = refusal(() => detectFormat([real('un', 'un_consolidated_2026-02-27_excerpt.xml'), real('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml')]));
    expect(mixed.message).toMatch(/^eu_fsf_xml_1_1_excerpt_2026-08-05\.xml: this file is a different list format/);
    const two = refusal(() => detectFormat([real('un', 'un_consolidated_2026-02-27_excerpt.xml'), real('un', 'un_consolidated_2020-03-20.xml')]));
    expect(two.message).toMatch(/^un_consolidated_2020-03-20\.xml: this list \(un_xml\) is one file/);
  });

  it("names the user's file and the line when the parser fails, and which file of a set", async () => {
    const text = fs.readFileSync(fixture('un', 'un_consolidated_2026-02-27_excerpt.xml'), 'utf8');
    const cut = { path: tempFile('cut.xml', text.slice(0, Math.floor(text.length / 2))), name: 'consolidated (2).xml' };
    const error = await rejection(prepareRead([cut]).read({}));
    expect(error.message).toMatch(/^consolidated \(2\)\.xml: UN consolidated list XML: the file ends before the list does .* \(at line \d+\)$/);
    expect(error.message).not.toContain(path.dirname(cut.path));

    const dir = ['us-ofac-sdn', 'excerpt-burma-xinjiang-2021-07'];
    const alt = fs.readFileSync(fixture(...dir, 'alt.csv'));
    const brokenAlt = { path: tempFile('alt.csv', alt.subarray(0, alt.length - 7)), name: 'alt.csv' };
    const setError = await rejection(prepareRead([real(...dir, 'sdn.csv'), brokenAlt]).read({}));
    expect(setError.message).toMatch(/^alt\.csv: OFAC SDN legacy CSV \(alt\.csv\): .*cut short.* \(at line \d+\)$/);
  });

  it('reads a UTF-16 file as the list it is, and the parser says what is wrong with it', async () => {
    const text = fs.readFileSync(fixture('un', 'un_consolidated_2026-02-27_excerpt.xml'), 'utf8');
    const utf16 = { path: tempFile('utf16.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), name: 'utf16.xml' };
    const prepared = prepareRead([utf16]);
    expect(prepared.format).toBe('un_xml');
    await expect(prepared.read({})).rejects.toThrow('utf16.xml: UN consolidated list XML: the file is UTF-16; expected UTF-8 (at line 1)');
  });
});

/** The real OFAC SDN list of July 2021 as FollowTheMoney lines (each entity before its Sanction): some MiB. */
async function ftmOfOfac(): Promise<ListInput> {
  const full = (f: string) => real('us-ofac-sdn', 'full-2021-07', f);
  const { entries } = await readList([full('sdn.csv.gz'), full('alt.csv'), full('add.csv')]);
  const lines = entries.flatMap((entry) => {
    const id = `ofac-${entry.listId}`;
    return [entryToFtmEntity(entry, id), sanctionFtm(`${id}-s`, id, FTM_AUTHORITIES.US, entry.programmes, entry.listedOn)];
  });
  return { path: tempFile('ofac.ftm.json', lines.map((l) => JSON.stringify(l)).join('\n') + '\n'), name: 'ofac.ftm.json' };
}

describe('how far a list is read', () => {
  /** The share read as each entry arrives, and after the last. */
  async function shares(files: ListInput[]): Promise<(number | null)[]> {
    const read = prepareRead(files);
    const progress = read.newProgress();
    const seen: (number | null)[] = [];
    await read.read({ collect: false, progress, onEntry: () => seen.push(progress.fraction()) });
    seen.push(progress.fraction());
    return seen;
  }

  it('counts the bytes of every streamed format up to the whole, FollowTheMoney in its second pass; says nothing of a workbook', async () => {
    const full = (f: string) => real('us-ofac-sdn', 'full-2021-07', f);
    const streamed = [
      [real('un', 'un_consolidated_2020-03-20.xml')],
      [real('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml')],
      [full('sdn.csv.gz'), full('alt.csv'), full('add.csv')],
      [await ftmOfOfac()],
    ];
    for (const files of streamed) {
      const seen = await shares(files);
      expect(seen.every((s) => s !== null && s >= 0 && s <= 1), files[0]!.name).toBe(true);
      expect(seen).toEqual([...seen].sort((a, b) => a! - b!));
      expect(seen.at(-1), files[0]!.name).toBe(1);
    }
    // Two passes: the entities come in the second, which is what is counted; the first read the whole file.
    const ftm = await shares(streamed[3]!);
    expect(fs.statSync(streamed[3]![0]!.path).size).toBeGreaterThan(2 * 2 ** 20); // more than the reader's 1 MiB chunk
    expect(ftm[0]).toBeGreaterThan(0);
    expect(ftm[0]).toBeLessThan(0.5);
    const workbook = await shares([real('jp-mof', 'shisantouketsu20260305.xlsx')]);
    expect(new Set(workbook)).toEqual(new Set([null]));
  });
});
