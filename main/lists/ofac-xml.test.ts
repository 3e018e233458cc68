import { problemText } from '../../shared/domain/list-notes';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOfacXml } from './ofac-xml';
import { readList } from './read-list';
import { HTML_ERROR_PAGE, countOccurrences, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';

const SAMPLE = fixture('us-ofac-sdn', 'sdn_xml_classic_sample_jaggeman.xml');

afterAll(removeTempFiles);

describe('OFAC SDN classic XML', () => {
  const sample = parseOfacXml(SAMPLE);

  it('reads all five sdnEntry records of the sample, and its US-style publish date', async () => {
    expect(countOccurrences(SAMPLE, '<sdnEntry>')).toBe(5);
    const { list, entries, report } = await sample;
    expect(list).toEqual({
      key: 'us-ofac-sdn', // the same list as the legacy CSV set: one replaces the other
      authority: 'US',
      format: 'ofac_xml',
      listName: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)',
      listDate: '2026-08-07', // <Publish_Date>08/07/2026</Publish_Date> is MM/DD/YYYY
    });
    // Record_Count says 5 and 5 were read: no warning.
    expect(report).toEqual({ entries: 5, names: 5 + countOccurrences(SAMPLE, '<aka>'), skipped: [], removed: 0, warnings: [] });
    expect(entries.map((e) => [e.listId, e.type])).toEqual([
      ['36', 'entity'],
      ['2674', 'person'],
      ['4238', 'vessel'],
      ['9758', 'person'],
      ['6944', 'person'],
    ]);
  });

  it('reads 9758 IBRAHIM, Dawood field by field: nationality and citizenship merged, passport with issue date', async () => {
    const { entries } = await sample;
    expect(entries.find((e) => e.listId === '9758')).toEqual({
      listId: '9758',
      type: 'person',
      programmes: ['SDNTK', 'SDGT'],
      listedOn: null,
      names: [
        { value: 'IBRAHIM, Dawood', script: 'latn', lang: null, strength: 'primary', parts: { family: 'IBRAHIM', given: 'Dawood' } },
        { value: 'EBRAHIM, Dawood', script: 'latn', lang: null, strength: 'strong', parts: { family: 'EBRAHIM', given: 'Dawood' }, note: 'a.k.a.' },
      ],
      datesOfBirth: [{ value: { precision: 'day', value: '1955-12-26' }, text: '26 Dec 1955' }],
      placesOfBirth: [{ text: 'Ratnagiri, Maharashtra, India', country: 'IN' }],
      // India is both nationality and citizenship in the file: listed once.
      nationalities: [
        { country: 'IN', text: 'India' },
        { country: 'PK', text: 'Pakistan' },
        { country: 'AE', text: 'United Arab Emirates' },
      ],
      identifiers: [{ type: 'passport', label: 'Passport', value: 'M-110522', country: 'IN', note: 'issued 13 Nov 1978' }],
      addresses: [{ text: '617 CP Berar Society, Block 7-8, Karachi, Pakistan', country: 'PK' }],
      positions: [],
      remarks: [],
    });
  });

  it('reads 2674 ABBAS, Abu: title as position, a secondary-sanctions note kept as a remark, not an identifier', async () => {
    const { entries } = await sample;
    expect(entries.find((e) => e.listId === '2674')).toEqual({
      listId: '2674',
      type: 'person',
      programmes: ['SDGT'],
      listedOn: null,
      names: [
        { value: 'ABBAS, Abu', script: 'latn', lang: null, strength: 'primary', parts: { family: 'ABBAS', given: 'Abu' } },
        { value: 'ZAYDAN, Muhammad', script: 'latn', lang: null, strength: 'strong', parts: { family: 'ZAYDAN', given: 'Muhammad' }, note: 'a.k.a.' },
      ],
      datesOfBirth: [{ value: { precision: 'day', value: '1948-12-10' }, text: '10 Dec 1948' }],
      placesOfBirth: [],
      nationalities: [],
      identifiers: [],
      addresses: [],
      positions: ['Director of PALESTINE LIBERATION FRONT - ABU ABBAS FACTION'],
      remarks: ['Secondary sanctions risk: section 1(b) of Executive Order 13224'],
    });
  });

  it('reads the entity 36, the vessel 4238 and 6944 (year-only DOB, nationality without citizenship)', async () => {
    const { entries } = await sample;
    const byId = (id: string) => entries.find((e) => e.listId === id)!;
    expect(byId('36')).toMatchObject({
      programmes: ['CUBA'],
      names: [
        { value: 'AEROCARIBBEAN AIRLINES', strength: 'primary' },
        { value: 'AERO-CARIBBEAN', strength: 'strong', note: 'a.k.a.' },
      ],
      addresses: [{ text: 'Havana, Cuba', country: 'CU' }],
    });
    expect(byId('36').names[0]).not.toHaveProperty('parts');
    expect(byId('4238')).toMatchObject({
      type: 'vessel',
      names: [{ value: 'MAR AZUL', strength: 'primary' }],
      identifiers: [{ type: 'other', label: 'Call Sign', value: 'CL2192', country: null, note: null }],
      remarks: ['Call Sign: CL2192; Vessel type: Tug; Flag: Cuba'],
    });
    expect(byId('6944')).toMatchObject({
      names: [{ value: "AL-SHARIF, Sa'd Abdullah Hussein", parts: { family: 'AL-SHARIF', given: "Sa'd Abdullah Hussein" } }],
      datesOfBirth: [{ value: { precision: 'year', value: '1969' }, text: '1969' }],
      placesOfBirth: [{ text: 'Al-Medinah, Saudi Arabia', country: 'SA' }],
      nationalities: [{ country: 'SA', text: 'Saudi Arabia' }],
    });
  });

  it('is recognised by its root element <sdnList> and read through readList', async () => {
    const { format, list, entries } = await readList([{ path: SAMPLE, name: 'sdn.xml' }]);
    expect(format).toBe('ofac_xml');
    expect(list.key).toBe('us-ofac-sdn');
    expect(entries).toHaveLength(5);
  });

  it('streams: onEntry with collect:false keeps nothing in memory', async () => {
    const seen: string[] = [];
    const { entries, report } = await parseOfacXml(SAMPLE, { onEntry: (e) => seen.push(e.listId), collect: false });
    expect(entries).toEqual([]);
    expect(seen).toEqual(['36', '2674', '4238', '9758', '6944']);
    expect(report.entries).toBe(5);
  });

  it('skips an entry without a uid, with where and why, and warns when Record_Count disagrees', async () => {
    const text = fs.readFileSync(SAMPLE, 'utf8').replace('<uid>4238</uid>', '');
    const { entries, report } = await parseOfacXml(tempFile('sdn-no-uid.xml', text));
    expect(entries).toHaveLength(4);
    expect(report.skipped).toEqual([{ at: { line: expect.any(Number) as number, record: 'sdnEntry ?' }, note: { code: 'no_field', values: { field: 'uid' } } }]);
    expect(report.warnings).toEqual([]);
    const fewer = fs.readFileSync(SAMPLE, 'utf8').replace('<Record_Count>5</Record_Count>', '<Record_Count>6</Record_Count>');
    expect((await parseOfacXml(tempFile('sdn-count.xml', fewer))).report.warnings.map(problemText)).toEqual(['the file says it holds 6 records; 5 were found']);
  });

  describe('refuses bad input, naming the file kind and where', () => {
    it('an HTML error page saved as sdn.xml', async () => {
      const err = await failure(parseOfacXml(tempFile('sdn.xml', HTML_ERROR_PAGE)));
      expect(err.code).toBe('html_page');
      expect(err.message).toMatch(/^OFAC SDN classic XML: .*HTML page.*\(at line 1\)$/);
    });

    it('a file of the wrong kind: the UN list and an OFAC CSV', async () => {
      const un = await failure(parseOfacXml(fixture('un', 'un_consolidated_2026-02-27_excerpt.xml')));
      expect(un.code).toBe('wrong_kind');
      expect(un.message).toMatch(/the root element is <CONSOLIDATED_LIST>, expected <sdnList>/);
      const csv = await failure(parseOfacXml(fixture('us-ofac-sdn', 'watchman-ofactest', 'sdn.csv')));
      expect(csv.code).toBe('wrong_kind');
    });

    it('a truncated download (the sample cut in half)', async () => {
      const half = truncatedCopy(SAMPLE, 'sdn-half.xml');
      const err = await failure(parseOfacXml(half));
      expect(err.code).toBe('truncated');
      expect(err.at).toEqual({ line: fs.readFileSync(half, 'utf8').split('\n').length });
    });

    it('the sample re-encoded as Windows-1252 with a non-ASCII name', async () => {
      const text = fs.readFileSync(SAMPLE, 'utf8').replace('<lastName>MAR AZUL</lastName>', '<lastName>MAR AZÚL</lastName>');
      const line = text.slice(0, text.indexOf('AZÚL')).split('\n').length;
      const err = await failure(parseOfacXml(tempFile('sdn-1252.xml', iconv.encode(text, 'win1252'))));
      expect(err.code).toBe('encoding');
      expect(err.at).toEqual({ line });
    });
  });
});
