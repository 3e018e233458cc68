import { problemText } from '../../shared/domain/list-notes';
import fs from 'node:fs';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { DesignationEntry } from '../../shared/domain/designations';
import { ftmDates } from '../services/subject-ftm';
import { parseFtmJsonl, sanctionAuthority } from './ftm-jsonl';
import { FTM_AUTHORITIES, entryToFtmEntity, sanctionFtm, type FtmLineEntity } from './ftm-write';
import { parseOfacCsv } from './ofac-csv';
import { readList } from './read-list';
import { HTML_ERROR_PAGE, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';
import { parseUnXml } from './un-xml';

afterAll(removeTempFiles);

const jsonl = (entities: object[]) => entities.map((e) => JSON.stringify(e)).join('\n') + '\n';
const unique = <T>(values: T[]) => [...new Set(values)];

/**
 * The real UN list of March 2020 and the real OFAC SDN list of July 2021 as FtM entities; the
 * Sanctions of even-numbered entries come before their entity, the others after it. Min Aung Hlaing
 * (27225) and Soe Win (27226) also carry the UK's Global Human Rights sanction.
 */
async function realEntities() {
  const un = (await parseUnXml(fixture('un', 'un_consolidated_2020-03-20.xml'))).entries;
  const full = (f: string) => fixture('us-ofac-sdn', 'full-2021-07', f);
  const ofac = (await parseOfacCsv({ sdn: full('sdn.csv.gz'), alt: full('alt.csv'), add: full('add.csv'), comments: full('sdn_comments.csv') })).entries;
  const lines: FtmLineEntity[] = [];
  const write = (entries: DesignationEntry[], prefix: string, authority: keyof typeof FTM_AUTHORITIES) =>
    entries.forEach((entry, i) => {
      const id = `${prefix}-${entry.listId}`;
      const sanction = sanctionFtm(`${id}-sanction`, id, FTM_AUTHORITIES[authority], entry.programmes, entry.listedOn);
      const entity = entryToFtmEntity(entry, id);
      lines.push(...(i % 2 === 0 ? [sanction, entity] : [entity, sanction]));
    });
  write(un, 'un', 'UN');
  write(ofac, 'ofac', 'US');
  for (const ent of ['27225', '27226']) {
    lines.push(sanctionFtm(`ofac-${ent}-uk`, `ofac-${ent}`, FTM_AUTHORITIES.UK, ['Global Human Rights'], '2020-07-06'));
  }
  return { un, ofac, file: tempFile('real.ftm.json', jsonl(lines)), lineCount: lines.length };
}

/** What survives the trip through FtM of one entry, as the reader gives it back. */
function expected(entry: DesignationEntry) {
  const byStrength = (s: string) => entry.names.filter((n) => n.strength === s).map((n) => n.value);
  const names: [string, string][] = [];
  for (const s of ['primary', 'strong', 'weak']) for (const v of unique(byStrength(s))) if (!names.some(([n]) => n === v)) names.push([v, s]);
  return {
    type: entry.type === 'unknown' ? 'entity' : entry.type,
    names,
    programmes: unique(entry.programmes),
    listedOn: entry.listedOn,
    dob: unique(entry.datesOfBirth.flatMap((d) => ftmDates(d.value))),
    countries: unique(entry.nationalities.map((n) => n.country).filter((c) => c !== null)),
    // FtM keeps identifiers per property: their order across types is not kept.
    identifiers: unique(entry.identifiers.filter((i) => i.type !== 'other').map((i) => `${i.type}:${i.value}`)).sort(),
    addresses: unique(entry.addresses.map((a) => a.text)),
    places: entry.type === 'person' ? unique(entry.placesOfBirth.map((p) => p.text)) : [],
    positions: entry.type === 'person' ? unique(entry.positions) : [],
    remarks: unique(entry.remarks),
  };
}
function actual(entry: DesignationEntry) {
  return {
    type: entry.type,
    names: entry.names.map((n): [string, string] => [n.value, n.strength]),
    programmes: entry.programmes,
    listedOn: entry.listedOn,
    dob: entry.datesOfBirth.map((d) => d.text),
    countries: entry.nationalities.map((n) => n.country),
    identifiers: entry.identifiers.map((i) => `${i.type}:${i.value}`).sort(),
    addresses: entry.addresses.map((a) => a.text),
    places: entry.placesOfBirth.map((p) => p.text),
    positions: entry.positions,
    remarks: entry.remarks,
  };
}

describe('FollowTheMoney JSON lines', () => {
  const real = realEntities();
  const parsedReal = real.then((r) => parseFtmJsonl(r.file));

  it('reads back every real UN and OFAC entry written as FtM, field by field, with its authority', async () => {
    const { un, ofac, lineCount } = await real;
    const { list, entries, report } = await parsedReal;
    // 1,014 UN + 8,976 OFAC entities, and two more entries: the UK's for Min Aung Hlaing and Soe Win.
    expect(lineCount).toBe(2 * (1014 + 8976) + 2);
    expect(report.entries).toBe(1014 + 8976 + 2);
    expect(report.skipped).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.names).toBe(entries.reduce((n, e) => n + e.names.length, 0));
    expect(list).toEqual({ key: 'ftm-real', authority: null, format: 'ftm_jsonl', listName: 'FollowTheMoney entities (real.ftm.json)', listDate: null });

    const byId = new Map(entries.map((e) => [e.listId, e]));
    for (const [prefix, source, authority] of [['un', un, 'UN'], ['ofac', ofac, 'US']] as const) {
      for (const entry of source) {
        const id = `${prefix}-${entry.listId}`;
        const back = byId.get(id) ?? byId.get(`${id}#${authority}`);
        expect(back, id).toBeDefined();
        expect(back!.authority).toBe(authority);
        expect(actual(back!), id).toEqual(expected(entry));
      }
    }
  });

  it('splits an entity designated by two partners into one entry per authority (27225 Min Aung Hlaing)', async () => {
    const { entries } = await parsedReal;
    const hlaing = entries.filter((e) => e.listId.startsWith('ofac-27225'));
    expect(hlaing.map((e) => [e.listId, e.authority, e.programmes, e.listedOn])).toEqual([
      ['ofac-27225#US', 'US', ['GLOMAG', 'BURMA-EO14014'], null],
      ['ofac-27225#UK', 'UK', ['Global Human Rights'], '2020-07-06'],
    ]);
    expect(hlaing[0]).toMatchObject({
      type: 'person',
      names: [{ value: 'HLAING, Min Aung', script: 'latn', strength: 'primary', parts: { given: 'Min Aung', family: 'HLAING' } }],
      datesOfBirth: [{ value: { precision: 'day', value: '1956-07-03' }, text: '1956-07-03' }],
      placesOfBirth: [{ text: 'Dawei, Burma', country: 'MM' }],
    });
    expect(hlaing[1]!.names).toEqual(hlaing[0]!.names);
  });

  it('streams: onEntry with collect:false keeps nothing, and a gzipped file reads the same', async () => {
    const { file } = await real;
    let seen = 0;
    const streamed = await parseFtmJsonl(file, { onEntry: () => (seen += 1), collect: false });
    expect(streamed.entries).toEqual([]);
    expect(seen).toBe(1014 + 8976 + 2);
    const gz = tempFile('real.ftm.json.gz', zlib.gzipSync(fs.readFileSync(file)));
    const unzipped = await parseFtmJsonl(gz);
    expect(unzipped.report.entries).toBe(seen);
    expect(unzipped.list.key).toBe('ftm-real');
    // Recognised by its first line (an entity: schema and properties), gzipped or not.
    for (const [path, name] of [[file, 'entities.ftm.json'], [gz, 'entities.ftm.json.gz']]) {
      const read = await readList([{ path: path!, name: name! }]);
      expect([read.format, read.report.entries]).toEqual(['ftm_jsonl', seen]);
    }
  });

  describe('lines as OpenSanctions publishes them', () => {
    // The shape of entities.ftm.json (opensanctions/yente tests/fixtures/dataset/t1): caption,
    // referents, datasets, first_seen/last_seen/last_change, target; Sanctions as zavod's
    // make_sanction writes them (authority = publisher, country = publisher's country, none for the UN).
    // Names, dates of birth and places are those of the real fixture entries.
    const person = {
      id: 'NK-MinAungHlaing0000000001',
      caption: 'Min Aung Hlaing',
      schema: 'Person',
      properties: {
        name: ['HLAING, Min Aung', 'Min Aung Hlaing'],
        firstName: ['Min Aung'],
        lastName: ['HLAING'],
        weakAlias: ['ミン・アウン・フライン'],
        birthDate: ['1956-07-03'],
        birthPlace: ['Dawei, Burma'],
        nationality: ['mm'],
        gender: ['male'],
        position: ['Commander-in-Chief of the Burmese military forces'],
        topics: ['sanction'],
        address: ['Burma'],
      },
      referents: ['ofac-27225', 'gb-fcdo-ghr0001', 'eu-fsf-eu-7070-11'],
      datasets: ['us_ofac_sdn'],
      first_seen: '2021-07-01T10:00:00',
      last_seen: '2026-08-01T06:00:00',
      last_change: '2025-02-03T12:00:00',
      target: true,
    };
    const ofacSanction = (program: string, date: string) => ({
      id: `ofac-27225-${program.toLowerCase()}`,
      caption: 'Sanction',
      schema: 'Sanction',
      properties: {
        entity: ['NK-MinAungHlaing0000000001'],
        authority: ['Office of Foreign Assets Control'],
        country: ['us'],
        program: [program],
        programId: [`US-${program}`],
        listingDate: [date],
        sourceUrl: ['https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists'],
      },
      datasets: ['us_ofac_sdn'],
      first_seen: '2021-07-01T10:00:00',
      last_seen: '2026-08-01T06:00:00',
      target: false,
    });
    const vessel = {
      id: 'NK-MarAzul000000000000004238',
      caption: 'MAR AZUL',
      schema: 'Vessel',
      properties: { name: ['MAR AZUL'], callSign: ['CL2192'], type: ['Tug'], flag: ['cu'], topics: ['sanction'], imoNumber: ['IMO 7406784'] },
      datasets: ['us_ofac_sdn'],
      first_seen: '2021-07-01T10:00:00',
      last_seen: '2026-08-01T05:00:00',
      target: true,
    };
    const lines = [
      ofacSanction('BURMA-EO14014', '2021-02-11'),
      person,
      ofacSanction('GLOMAG', '2019-12-10'),
      { id: 'addr-0001', schema: 'Address', properties: { full: ['Burma'], country: ['mm'] }, datasets: ['us_ofac_sdn'], target: false },
      { id: 'NK-Relative', caption: 'Relative', schema: 'Person', properties: { name: ['A Relative'] }, datasets: ['us_ofac_sdn'], target: false },
      vessel,
      {
        id: 'ofac-4238-cuba',
        schema: 'Sanction',
        properties: { entity: [vessel.id], authority: ['Office of Foreign Assets Control'], country: ['us'], program: ['CUBA'], startDate: ['1996-01-01'] },
        datasets: ['us_ofac_sdn'],
        target: false,
      },
      { id: 'ofac-missing', schema: 'Sanction', properties: { entity: ['NK-NotInThisFile'], authority: ['Office of Foreign Assets Control'], country: ['us'] } },
    ];

    it('reads the person field by field, programmes and earliest listing date from both Sanctions', async () => {
      // CRLF line ends and a blank line, as files saved on Windows have them.
      const file = tempFile('opensanctions.ftm.json', lines.map((l) => JSON.stringify(l)).join('\r\n\r\n') + '\r\n');
      const { list, entries, report } = await parseFtmJsonl(file);
      expect(list).toEqual({ key: 'opensanctions-us-ofac-sdn', authority: 'US', format: 'ftm_jsonl', listName: 'OpenSanctions: us_ofac_sdn', listDate: '2026-08-01' });
      expect(entries[0]).toEqual({
        listId: 'NK-MinAungHlaing0000000001',
        authority: 'US',
        type: 'person',
        programmes: ['BURMA-EO14014', 'GLOMAG'],
        listedOn: '2019-12-10',
        names: [
          { value: 'Min Aung Hlaing', script: 'latn', lang: null, strength: 'primary', parts: { given: 'Min Aung', family: 'HLAING' } },
          { value: 'HLAING, Min Aung', script: 'latn', lang: null, strength: 'primary', parts: { given: 'Min Aung', family: 'HLAING' } },
          { value: 'ミン・アウン・フライン', script: 'jpan_kana', lang: null, strength: 'weak', note: 'weakAlias' },
        ],
        datesOfBirth: [{ value: { precision: 'day', value: '1956-07-03' }, text: '1956-07-03' }],
        placesOfBirth: [{ text: 'Dawei, Burma', country: 'MM' }],
        nationalities: [{ country: 'MM', text: 'mm' }],
        identifiers: [],
        addresses: [{ text: 'Burma', country: 'MM' }],
        positions: ['Commander-in-Chief of the Burmese military forces'],
        remarks: ['Gender: male'],
      });
      expect(entries[1]).toMatchObject({
        listId: vessel.id,
        authority: 'US',
        type: 'vessel',
        programmes: ['CUBA'],
        listedOn: '1996-01-01',
        nationalities: [{ country: 'CU', text: 'cu' }],
        identifiers: [
          { type: 'imo', label: 'imoNumber', value: '7406784', country: null, note: null },
          { type: 'other', label: 'callSign', value: 'CL2192', country: null, note: null },
        ],
      });
      expect(report.entries).toBe(2);
      expect(report.warnings).toEqual([
        { at: null, note: { code: 'ftm_unmatched_sanctions', values: { n: 1 } } },
        { at: null, note: { code: 'ftm_not_designated', values: { n: 1 } } },
        { at: null, note: { code: 'ftm_other_schemas', values: { list: '1 Address' } } },
      ]);
      expect(problemText(report.warnings[2]!)).toBe('not read as designations: 1 Address');
    });

    it('maps authorities: partners by country or name, the UN by name, others kept with their programme', async () => {
      expect(sanctionAuthority('Office of Foreign Assets Control', 'us')).toBe('US');
      expect(sanctionAuthority('HM Treasury', 'gb')).toBe('UK');
      expect(sanctionAuthority('Foreign, Commonwealth & Development Office', undefined)).toBe('UK');
      expect(sanctionAuthority('European Union', 'eu')).toBe('EU');
      expect(sanctionAuthority('Global Affairs Canada', 'ca')).toBe('CA');
      expect(sanctionAuthority('Department of Foreign Affairs and Trade', 'au')).toBe('AU');
      expect(sanctionAuthority('United Nations Security Council', undefined)).toBe('UN');
      expect(sanctionAuthority('Ministry of Finance', 'jp')).toBe('JP');
      expect(sanctionAuthority('Ministry of Finance', undefined)).toBeUndefined();
      expect(sanctionAuthority('State Secretariat for Economic Affairs', 'ch')).toBeUndefined();

      const seco = { ...ofacSanction('GLOMAG', '2019-12-10'), id: 'ch-seco-1', properties: { entity: [person.id], authority: ['State Secretariat for Economic Affairs'], country: ['ch'], program: ['Myanmar'], listingDate: ['2021-03'] } };
      const { list, entries } = await parseFtmJsonl(tempFile('seco.ftm.json', jsonl([person, seco])));
      expect(list.authority).toBeNull();
      expect(entries.map((e) => [e.listId, e.authority, e.programmes, e.listedOn])).toEqual([
        [person.id, undefined, ['State Secretariat for Economic Affairs: Myanmar'], '2021-03'], // a month, as the file gives it
      ]);
    });
  });

  describe('refuses bad input, naming the file kind and the line', () => {
    /** The first 40 lines of the real round trip: 20 real UN entries and their Sanctions. */
    const small = real.then(({ file }) => tempFile('small.ftm.json', fs.readFileSync(file, 'utf8').split('\n').slice(0, 40).join('\n') + '\n'));
    const good = async () => fs.readFileSync(await small, 'utf8').split('\n');

    it('(the small file itself reads: 20 entries)', async () => {
      expect((await parseFtmJsonl(await small)).report.entries).toBe(20);
    });

    it('a line that is not JSON (line 7), in the middle of the file', async () => {
      const lines = await good();
      lines[6] = 'Sanction; not json';
      const err = await failure(parseFtmJsonl(tempFile('bad-line.ftm.json', lines.join('\n'))));
      expect(err.code).toBe('malformed');
      expect(err.at).toEqual({ line: 7 });
      expect(err.message).toMatch(/^FollowTheMoney JSON lines: the line is not a JSON object \(at line 7\)$/);
      lines[6] = '{"id": "x", "schema": Person, "properties": {}}';
      const braces = await failure(parseFtmJsonl(tempFile('bad-json.ftm.json', lines.join('\n'))));
      expect(braces.code).toBe('malformed');
      expect(braces.at).toEqual({ line: 7 });
      expect(braces.message).toMatch(/not JSON: /);
    });

    it('a truncated last line, and the real file cut in half', async () => {
      const text = fs.readFileSync(await small, 'utf8');
      const cut = tempFile('cut.ftm.json', text.slice(0, text.length - 30));
      const err = await failure(parseFtmJsonl(cut));
      expect(err.code).toBe('truncated');
      expect(err.at).toEqual({ line: 40 });
      expect(err.message).toMatch(/the last line is cut short/);
      const { file } = await real;
      const half = truncatedCopy(file, 'real-half.ftm.json');
      const halfErr = await failure(parseFtmJsonl(half));
      expect(halfErr.code).toBe('truncated');
      expect(halfErr.at).toEqual({ line: fs.readFileSync(half, 'utf8').split('\n').length });
    });

    it('an HTML error page, XML and CSV lists, a pretty-printed JSON file, an empty file', async () => {
      const html = await failure(parseFtmJsonl(tempFile('entities.ftm.json', HTML_ERROR_PAGE)));
      expect(html.code).toBe('html_page');
      expect(html.message).toMatch(/^FollowTheMoney JSON lines: .*HTML page.*\(at line 1\)$/);
      const xml = await failure(parseFtmJsonl(fixture('un', 'un_consolidated_2026-02-27_excerpt.xml')));
      expect([xml.code, xml.at, xml.note.code]).toEqual(['wrong_kind', { line: 1 }, 'xml_not_jsonl']);
      const csv = await failure(parseFtmJsonl(fixture('us-ofac-sdn', 'watchman-ofactest', 'sdn.csv')));
      expect(csv.code).toBe('wrong_kind');
      const pretty = await failure(parseFtmJsonl(tempFile('pretty.json', JSON.stringify({ id: 'x', schema: 'Person', properties: {} }, null, 2))));
      expect([pretty.code, pretty.at]).toEqual(['wrong_kind', { line: 1 }]);
      const other = await failure(parseFtmJsonl(tempFile('other.jsonl', '{"name": "not an entity"}\n')));
      expect(other.message).toMatch(/not a FollowTheMoney entity/);
      expect((await failure(parseFtmJsonl(tempFile('empty.ftm.json', '')))).code).toBe('empty');
    });

    it('a file in Windows-1252 (a name with ü on line 12), and one in UTF-16', async () => {
      const lines = await good();
      const entity = JSON.parse(lines[11]!) as FtmLineEntity;
      (entity.properties.alias ??= []).push('Müller');
      lines[11] = JSON.stringify(entity);
      const err = await failure(parseFtmJsonl(tempFile('latin.ftm.json', iconv.encode(lines.join('\n'), 'win1252'))));
      expect(err.code).toBe('encoding');
      expect(err.at).toEqual({ line: 12 });
      expect(err.message).toMatch(/not valid UTF-8/);
      const utf16 = await failure(parseFtmJsonl(tempFile('utf16.ftm.json', iconv.encode(lines.join('\n'), 'utf16'))));
      expect([utf16.code, utf16.at]).toEqual(['encoding', { line: 1 }]);
    });
  });
});
