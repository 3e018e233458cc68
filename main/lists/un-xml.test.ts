import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { HTML_ERROR_PAGE, countOccurrences, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';
import { parseUnXml } from './un-xml';

const FULL = fixture('un', 'un_consolidated_2020-03-20.xml');
const EXCERPT = fixture('un', 'un_consolidated_2026-02-27_excerpt.xml');

afterAll(removeTempFiles);

describe('UN consolidated list XML', () => {
  it('reads every record of the complete March 2020 file (709 individuals + 305 entities)', async () => {
    // The independent count: opening tags in the file itself (SOURCES.md says 709 and 305).
    const individuals = countOccurrences(FULL, '<INDIVIDUAL>');
    const entities = countOccurrences(FULL, '<ENTITY>');
    expect([individuals, entities]).toEqual([709, 305]);
    const { list, entries, report } = await parseUnXml(FULL);
    expect(list).toEqual({ key: 'un-sc', authority: 'UN', format: 'un_xml', listName: 'UN Security Council Consolidated List', listDate: '2020-03-20' });
    expect(report.entries).toBe(individuals + entities);
    expect(entries).toHaveLength(1014);
    expect(entries.filter((e) => e.type === 'person')).toHaveLength(709);
    expect(report.skipped).toEqual([]);
    expect(report.names).toBe(entries.reduce((n, e) => n + e.names.length, 0));
    // Every reference is unique, as the list promises.
    expect(new Set(entries.map((e) => e.listId)).size).toBe(1014);
    // Ranged dates of birth (TYPE_OF_DATE BETWEEN) are all read as ranges: 32 in the file.
    expect(entries.flatMap((e) => e.datesOfBirth).filter((d) => d.value.precision === 'range')).toHaveLength(
      countOccurrences(FULL, '<TYPE_OF_DATE>BETWEEN'),
    );
  });

  it('reads KPi.033 RI WON HO (first record, padded name parts, passport number with a leading space)', async () => {
    const { entries } = await parseUnXml(FULL);
    const e = entries.find((x) => x.listId === 'KPi.033')!;
    expect(e).toMatchObject({
      type: 'person',
      programmes: ['DPRK'],
      listedOn: '2016-11-30',
      names: [{ value: 'RI WON HO', script: 'latn', strength: 'primary', parts: { numbered: ['RI', 'WON HO'] } }],
      datesOfBirth: [{ value: { precision: 'day', value: '1964-07-17' }, text: '1964-07-17' }],
      nationalities: [{ country: 'KP', text: "Democratic People's Republic of Korea" }],
      identifiers: [{ type: 'passport', label: 'Passport', value: '381310014', country: null, note: null }],
      positions: ['DPRK Ministry of State Security Official'],
      remarks: ['Ri Won Ho is a DPRK Ministry of State Security Official stationed in Syria supporting KOMID.'],
    });
  });

  it('reads the 2026 excerpt (4 individuals, 3 entities) with its generation date', async () => {
    const { list, entries, report } = await parseUnXml(EXCERPT);
    expect(list.listDate).toBe('2026-02-27');
    expect(countOccurrences(EXCERPT, '<INDIVIDUAL>') + countOccurrences(EXCERPT, '<ENTITY>')).toBe(7);
    expect(report).toEqual({ entries: 7, names: entries.reduce((n, e) => n + e.names.length, 0), skipped: [], removed: 0, warnings: [] });
    expect(entries.map((e) => e.listId)).toEqual(['CDi.001', 'TAi.165', 'KPi.006', 'TAi.005', 'QDe.002', 'QDe.003', 'KPe.001']);
  });

  it('reads TAi.165: Arabic-script name, BETWEEN date of birth, two places of birth, ID documents without a NUMBER', async () => {
    const { entries } = await parseUnXml(EXCERPT);
    const e = entries.find((x) => x.listId === 'TAi.165')!;
    expect(e.names).toEqual([
      {
        value: 'MOHAMMED QASIM MIR WALI KHUDAI RAHIM',
        script: 'latn',
        lang: null,
        strength: 'primary',
        parts: { numbered: ['MOHAMMED QASIM', 'MIR WALI', 'KHUDAI RAHIM'], title: 'Haji' },
      },
      { value: 'محمد قاسم میر ولی خدايرحيم', script: 'arab', lang: null, strength: 'primary', note: 'original script' },
      { value: 'Muhammad Qasim', script: 'latn', lang: null, strength: 'strong', note: 'Good' },
      { value: 'Abdul Salam', script: 'latn', lang: null, strength: 'strong', note: 'Good' },
    ]);
    expect(e.datesOfBirth).toEqual([{ value: { precision: 'range', from: '1975', to: '1976' }, text: 'BETWEEN 1975 AND 1976' }]);
    expect(e.placesOfBirth).toEqual([
      { text: 'Minar village, Garmser District, Helmand Province, Afghanistan', country: 'AF' },
      { text: 'Darweshan Village, Garmser District, Helmand Province, Afghanistan', country: 'AF' },
    ]);
    expect(e.nationalities).toEqual([{ country: 'AF', text: 'Afghanistan' }]);
    expect(e.identifiers[0]).toEqual({
      type: 'national_id',
      label: 'National Identification Number',
      value: 'Afghan national identification card (tazkira) number 57388',
      country: null,
      note: 'issued in Lashkar Gah District, Helmand Province, Afghanistan',
    });
    expect(e.addresses).toHaveLength(3);
    expect(e.addresses[2]).toEqual({ text: 'Room number 33, 5th Floor Sarafi Market, Kandahar City, Kandahar Province, Afghanistan', country: 'AF' });
    expect(e.remarks[0]).toMatch(/^Owner of Rahat Ltd\. \(TAe\.013\)/);
  });

  it('reads TAi.005: APPROXIMATELY date of birth and a Low-quality alias as weak; KPe.001: entity with 4 a.k.a.s', async () => {
    const { entries } = await parseUnXml(EXCERPT);
    const anwari = entries.find((x) => x.listId === 'TAi.005')!;
    expect(anwari.datesOfBirth).toEqual([{ value: { precision: 'year', value: '1961' }, text: 'APPROXIMATELY 1961', circa: true }]);
    expect(anwari.names.find((n) => n.value === 'Haji Mudir')).toMatchObject({ strength: 'weak', note: 'Low' });
    expect(anwari.positions).toEqual(['a) Director of Administrative Affairs under the Taliban regime', 'Minister of Finance under the Taliban regime']);
    const komid = entries.find((x) => x.listId === 'KPe.001')!;
    expect(komid.type).toBe('entity');
    expect(komid.names.map((n) => [n.value, n.strength])).toEqual([
      ['KOREA MINING DEVELOPMENT TRADING CORPORATION', 'primary'],
      ['CHANGGWANG SINYONG CORPORATION', 'strong'],
      ['EXTERNAL TECHNOLOGY GENERAL CORPORATION', 'strong'],
      ['DPRKN MINING DEVELOPMENT TRADING COOPERATION', 'strong'],
      ['KOMID', 'strong'], // written "KOMID", in quotes
    ]);
    expect(komid.addresses).toEqual([{ text: "Central District, Pyongyang, Democratic People's Republic of Korea", country: 'KP' }]);
  });

  it('reads an alias that gives the name in another script, or a fact, in brackets as names and notes (2020 file)', async () => {
    const { entries } = await parseUnXml(FULL);
    const names = (ref: string) => entries.find((x) => x.listId === ref)!.names.filter((n) => n.strength !== 'primary');
    // "عبدالله السندي (Abdullah Sindhi)": one name in Arabic, one in Latin letters
    expect(names('QDi.309').map((n) => [n.value, n.script, n.note])).toEqual(
      expect.arrayContaining([
        ['عبدالله السندي', 'arab', 'Good'],
        ['Abdullah Sindhi', 'latn', 'Good'],
      ]),
    );
    // "Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport no.03825239, …)"
    expect(names('LYi.019')).toContainEqual(
      expect.objectContaining({ value: 'Safia Farkash Mohammed Al-Hadad', script: 'latn', note: expect.stringMatching(/^Good; born 1 Jan\. 1953 \(Oman passport no\.03825239/) }),
    );
  });

  it('streams: onEntry with collect:false keeps nothing in memory', async () => {
    const seen: string[] = [];
    const { entries, report } = await parseUnXml(EXCERPT, { onEntry: (e) => seen.push(e.listId), collect: false });
    expect(entries).toEqual([]);
    expect(seen).toHaveLength(report.entries);
  });

  describe('refuses bad input, naming the file kind and where', () => {
    it('an HTML error page saved as .xml', async () => {
      const err = await failure(parseUnXml(tempFile('consolidated.xml', HTML_ERROR_PAGE)));
      expect(err.code).toBe('html_page');
      expect(err.message).toMatch(/^UN consolidated list XML: .*HTML page.*\(at line 1\)$/);
    });

    it('a file of the wrong kind: the EU list, and an OFAC CSV', async () => {
      const eu = await failure(parseUnXml(fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml')));
      expect(eu.code).toBe('wrong_kind');
      expect(eu.message).toMatch(/UN consolidated list XML: the root element is <export>.*expected <CONSOLIDATED_LIST>/);
      expect(eu.at).toEqual({ line: 2 });
      const csv = await failure(parseUnXml(fixture('us-ofac-sdn', 'excerpt-burma-xinjiang-2021-07', 'sdn.csv')));
      expect(csv.code).toBe('wrong_kind');
    });

    it('a truncated download (the real file cut in half)', async () => {
      const half = truncatedCopy(FULL, 'consolidated-half.xml');
      const err = await failure(parseUnXml(half));
      expect(err.code).toBe('truncated');
      expect(err.message).toMatch(/^UN consolidated list XML: the file ends before the list does/);
      expect(err.at).toEqual({ line: expect.any(Number) });
      // The cut falls in the middle of the file.
      const lines = fs.readFileSync(half, 'utf8').split('\n').length;
      expect(err.at).toEqual({ line: lines });
    });

    it('an encoding other than UTF-8: UTF-16, and Windows-1252 bytes (line of the first bad byte)', async () => {
      const text = fs.readFileSync(EXCERPT, 'utf8');
      const utf16 = await failure(parseUnXml(tempFile('un-utf16.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))));
      expect(utf16.code).toBe('encoding');
      expect(utf16.message).toMatch(/UTF-16; expected UTF-8/);
      const cp1252 = await failure(parseUnXml(tempFile('un-1252.xml', iconv.encode(text, 'win1252'))));
      expect(cp1252.code).toBe('encoding');
      // Arabic becomes "?" in Windows-1252; the first byte that is not UTF-8 is the é of "Numéro".
      const firstAccent = text.split('\n').findIndex((l) => l.includes('Numéro'));
      expect(cp1252.at).toEqual({ line: firstAccent + 1 });
      expect(cp1252.message).toMatch(/^UN consolidated list XML: the file is not valid UTF-8/);
    });

    it('a declared encoding other than UTF-8', async () => {
      const text = fs.readFileSync(EXCERPT, 'utf8').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
      const err = await failure(parseUnXml(tempFile('un-latin1.xml', text)));
      expect(err.code).toBe('encoding');
      expect(err.message).toMatch(/declares encoding ISO-8859-1/);
    });

    it('malformed XML in the middle names line and column', async () => {
      const text = fs.readFileSync(EXCERPT, 'utf8').replace('<FIRST_NAME>ERIC</FIRST_NAME>', '<FIRST_NAME>ERIC</FIRST_NAM>');
      const err = await failure(parseUnXml(tempFile('un-bad.xml', text)));
      expect(err.code).toBe('malformed');
      expect(err.at).toEqual({ line: 7, column: expect.any(Number) });
    });

    it('an empty file', async () => {
      const err = await failure(parseUnXml(tempFile('empty.xml', '')));
      expect(err.code).toBe('empty');
    });
  });
});
