import { problemText } from '../../shared/domain/list-notes';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOfacCsv } from './ofac-csv';
import { HTML_ERROR_PAGE, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';
import { parseUnXml } from './un-xml';

const FULL = (f: string) => fixture('us-ofac-sdn', 'full-2021-07', f);
const EXCERPT = (f: string) => fixture('us-ofac-sdn', 'excerpt-burma-xinjiang-2021-07', f);
const FULL_SET = { sdn: FULL('sdn.csv.gz'), alt: FULL('alt.csv'), add: FULL('add.csv'), comments: FULL('sdn_comments.csv') };

afterAll(removeTempFiles);

/** Records in a CRLF file: lines that end with CRLF (no field in these files spans lines). */
const crlfLines = (bytes: Buffer) => bytes.toString('latin1').split('\r\n').length - 1;

describe('OFAC SDN legacy CSV', () => {
  const full = parseOfacCsv(FULL_SET);

  it('reads all 8,976 entries of the July 2021 list from the gzipped sdn.csv, with every alias and address', async () => {
    const raw = zlib.gunzipSync(fs.readFileSync(FULL('sdn.csv.gz')));
    expect(raw.at(-1)).toBe(0x1a); // Ctrl-Z at the end, as OFAC publishes it
    expect(crlfLines(raw)).toBe(8976);
    const { list, entries, report } = await full;
    expect(list).toEqual({ key: 'us-ofac-sdn', authority: 'US', format: 'ofac_csv', listName: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)', listDate: null });
    expect(report.entries).toBe(8976);
    expect(report.skipped).toEqual([]);
    expect(report.warnings).toEqual([]);
    // Names: one primary per entry plus every alt.csv row plus the weak a.k.a.s in remarks.
    const altRows = crlfLines(fs.readFileSync(FULL('alt.csv')));
    const weak = entries.flatMap((e) => e.names).filter((n) => n.strength === 'weak').length;
    expect(report.names).toBe(8976 + altRows + weak);
    expect(entries.flatMap((e) => e.addresses)).toHaveLength(
      // add.csv rows that carry anything (rows of only -0- fields are not addresses)
      fs.readFileSync(FULL('add.csv'), 'latin1').split('\r\n').filter((l) => /^\d+,\d+,/.test(l) && !/^\d+,\d+,-0- ,-0- ,-0- ,-0- $/.test(l)).length,
    );
    expect(new Set(entries.map((e) => e.type))).toEqual(new Set(['person', 'entity', 'vessel', 'aircraft']));
  });

  it('reads Min Aung Hlaing (27225): two programmes, day DOB, place of birth in Burma', async () => {
    const { entries } = await full;
    expect(entries.find((e) => e.listId === '27225')).toEqual({
      listId: '27225',
      type: 'person',
      programmes: ['GLOMAG', 'BURMA-EO14014'],
      listedOn: null,
      names: [{ value: 'HLAING, Min Aung', script: 'latn', lang: null, strength: 'primary', parts: { family: 'HLAING', given: 'Min Aung' } }],
      datesOfBirth: [{ value: { precision: 'day', value: '1956-07-03' }, text: '03 Jul 1956' }],
      placesOfBirth: [{ text: 'Dawei, Burma', country: 'MM' }],
      nationalities: [],
      identifiers: [],
      addresses: [{ text: 'Burma', country: 'MM' }],
      positions: [],
      remarks: ['DOB 03 Jul 1956; POB Dawei, Burma; Gender Male.'],
    });
  });

  it('reads Zhu Hailun (29219, month DOB) and the Xinjiang Public Security Bureau (29159, four aliases)', async () => {
    const { entries } = await full;
    const zhu = entries.find((e) => e.listId === '29219')!;
    expect(zhu).toMatchObject({
      type: 'person',
      programmes: ['GLOMAG'],
      names: [{ value: 'ZHU, Hailun', strength: 'primary', parts: { family: 'ZHU', given: 'Hailun' } }],
      datesOfBirth: [{ value: { precision: 'month', value: '1958-01' }, text: 'Jan 1958' }],
      placesOfBirth: [{ text: 'Lianshui, Jiangsu, China', country: 'CN' }],
      addresses: [{ text: 'Xinjiang, China', country: 'CN' }],
    });
    const xpsb = entries.find((e) => e.listId === '29159')!;
    expect(xpsb.type).toBe('entity');
    expect(xpsb.names.map((n) => [n.value, n.strength, n.note])).toEqual([
      ['XINJIANG PUBLIC SECURITY BUREAU', 'primary', undefined],
      ['XINJIANG BUREAU OF PUBLIC SECURITY', 'strong', 'aka'],
      ['PUBLIC SECURITY DEPARTMENT OF XINJIANG UYGAR AUTONOMOUS REGION', 'strong', 'aka'],
      ['PUBLIC SECURITY DEPARTMENT OF XUAR', 'strong', 'aka'],
      ['PUBLIC SECURITY DEPARTMENT OF THE AUTONOMOUS REGION', 'strong', 'aka'],
    ]);
  });

  it('reads a ranged DOB (31773), a passport with dates and a national ID (31793), weak a.k.a.s (31516), 95 aliases (10923)', async () => {
    const { entries } = await full;
    const byId = (id: string) => entries.find((e) => e.listId === id)!;
    expect(byId('31773').datesOfBirth).toEqual([{ value: { precision: 'range', from: '1947-01-01', to: '1949-01-01' }, text: '01 Jan 1947 to 01 Jan 1949' }]);
    expect(byId('31773').positions).toEqual(['State Administrative Council Member']);
    expect(byId('31793').identifiers).toEqual([
      { type: 'passport', label: 'Passport', value: 'MA370433', country: 'MM', note: 'issued 08 Nov 2013 expires 07 Nov 2018' },
      { type: 'national_id', label: 'National ID No.', value: '12YAKANAN007001', country: 'MM', note: null },
    ]);
    expect(byId('31793').nationalities).toEqual([{ country: 'MM', text: 'Burma' }]); // "nationality Burma; citizen Burma" once
    expect(byId('31516').names).toEqual([
      { value: 'MYANMAR ECONOMIC CORPORATION LIMITED', script: 'latn', lang: null, strength: 'primary' },
      { value: 'MYANMAR ECONOMIC CORPORATION', script: 'latn', lang: null, strength: 'strong', note: 'aka' },
      { value: 'MEC', script: 'latn', lang: null, strength: 'weak', note: 'a.k.a.' },
    ]);
    expect(byId('31516').identifiers).toEqual([{ type: 'registration', label: 'Registration Number', value: '105444192', country: 'MM', note: null }]);
    expect(byId('10923').names).toHaveLength(96);
  });

  it('joins sdn_comments.csv to the remarks it continues (12300)', async () => {
    const { entries } = await full;
    const e = entries.find((x) => x.listId === '12300')!;
    expect(e.remarks[0]).toContain('Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA');
    expect(e.remarks[0]).toMatch(/Linked To: R D I S\.A\.$/);
  });

  it('reads the Burma/Xinjiang excerpt (plain CSV, no Ctrl-Z): 56 entries, 60 aliases, 64 addresses', async () => {
    const { entries, report } = await parseOfacCsv({ sdn: EXCERPT('sdn.csv'), alt: EXCERPT('alt.csv'), add: EXCERPT('add.csv') });
    expect(crlfLines(fs.readFileSync(EXCERPT('sdn.csv')))).toBe(56);
    expect(report.entries).toBe(56);
    expect(entries.flatMap((e) => e.names).filter((n) => n.strength === 'strong')).toHaveLength(60);
    expect(entries.flatMap((e) => e.addresses)).toHaveLength(64);
    expect(entries.filter((e) => e.programmes.includes('BURMA-EO14014')).length).toBeGreaterThan(40);
  });

  it('decodes Windows-1252 bytes (0xE9 is é)', async () => {
    const bytes = fs.readFileSync(EXCERPT('sdn.csv'));
    const copy = Buffer.from(bytes.toString('latin1').replace('"HLAING, Min Aung"', '"HLAING, Min Aung \xe9"'), 'latin1');
    const { entries } = await parseOfacCsv({ sdn: tempFile('sdn-1252.csv', copy) });
    expect(entries.find((e) => e.listId === '27225')!.names[0]!.value).toBe('HLAING, Min Aung é');
  });

  it('reports an alias whose entry is not in sdn.csv as skipped', async () => {
    const { report } = await parseOfacCsv({ sdn: EXCERPT('sdn.csv'), alt: FULL('alt.csv') });
    expect(report.skipped.length).toBeGreaterThan(11000);
    expect(report.skipped[0]).toEqual({ at: { file: 'alt.csv', line: 1 }, note: { code: 'alias_of_missing', values: { ref: '36' } } });
    expect(problemText(report.skipped[0]!)).toBe('alt.csv, line 1: alias of ent_num 36, which is not in sdn.csv');
  });

  describe('refuses bad input, naming the file kind and where', () => {
    it('an HTML error page saved as sdn.csv', async () => {
      const err = await failure(parseOfacCsv({ sdn: tempFile('sdn.csv', HTML_ERROR_PAGE) }));
      expect(err.code).toBe('html_page');
      expect(err.message).toMatch(/^OFAC SDN legacy CSV \(sdn\.csv\): this is an HTML page/);
    });

    it('a file of the wrong kind: alt.csv given as sdn.csv, the UN XML given as sdn.csv, sdn.csv given to the UN parser', async () => {
      const alt = await failure(parseOfacCsv({ sdn: EXCERPT('alt.csv') }));
      expect(alt.code).toBe('wrong_kind');
      expect(alt.message).toBe('OFAC SDN legacy CSV (sdn.csv): found 5 columns, a sdn.csv has 12 (at line 1)');
      const xml = await failure(parseOfacCsv({ sdn: fixture('un', 'un_consolidated_2026-02-27_excerpt.xml') }));
      expect(xml.code).toBe('wrong_kind');
      const swapped = await failure(parseOfacCsv({ sdn: EXCERPT('sdn.csv'), alt: EXCERPT('add.csv') }));
      expect(swapped.message).toBe('OFAC SDN legacy CSV (alt.csv): found 6 columns, a alt.csv has 5 (at line 1)');
      expect((await failure(parseUnXml(EXCERPT('sdn.csv')))).code).toBe('wrong_kind');
    });

    it('a truncated download: the gzipped full sdn.csv cut in half', async () => {
      const err = await failure(parseOfacCsv({ sdn: truncatedCopy(FULL('sdn.csv.gz'), 'sdn-half.csv.gz') }));
      expect(err.code).toBe('truncated');
      expect(err.message).toMatch(/^OFAC SDN legacy CSV \(sdn\.csv\): the gzip stream is cut short/);
    });

    it('a truncated download: the uncompressed sdn.csv and add.csv cut in half (line named)', async () => {
      const raw = zlib.gunzipSync(fs.readFileSync(FULL('sdn.csv.gz')));
      const half = raw.subarray(0, Math.floor(raw.length / 2));
      const err = await failure(parseOfacCsv({ sdn: tempFile('sdn-half.csv', half) }));
      expect(err.code).toBe('truncated');
      expect(err.at).toEqual({ line: crlfLines(half) + 1 });
      const add = await failure(parseOfacCsv({ sdn: EXCERPT('sdn.csv'), add: truncatedCopy(FULL('add.csv'), 'add-half.csv') }));
      expect(add.code).toBe('truncated');
      expect(add.message).toMatch(/^OFAC SDN legacy CSV \(add\.csv\)/);
    });

    it('an encoding other than Windows-1252: UTF-16, and UTF-8 (line named)', async () => {
      const text = fs.readFileSync(EXCERPT('sdn.csv'), 'latin1');
      const utf16 = await failure(parseOfacCsv({ sdn: tempFile('sdn16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])) }));
      expect(utf16.code).toBe('encoding');
      expect(utf16.message).toMatch(/UTF-16; expected Windows-1252/);
      const utf8 = text.replace('"SWE, Myint"', '"SWE, Myint é"');
      const lineNo = utf8.split('\r\n').findIndex((l) => l.includes('é')) + 1;
      const err = await failure(parseOfacCsv({ sdn: tempFile('sdn8.csv', Buffer.from(utf8, 'utf8')) }));
      expect(err.code).toBe('encoding');
      expect(err.message).toBe(`OFAC SDN legacy CSV (sdn.csv): the file is UTF-8; expected Windows-1252 (at line ${lineNo})`);
    });

    it('an empty file', async () => {
      expect((await failure(parseOfacCsv({ sdn: tempFile('empty.csv', '') }))).code).toBe('empty');
    });
  });
});
