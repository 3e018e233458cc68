import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { HTML_ERROR_PAGE, countOccurrences, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';
import { parseUkXml } from './uk-xml';

const UK = fixture('uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml');

afterAll(removeTempFiles);

describe('UK Sanctions List XML', () => {
  it('reads the three Designations of the 2026-08-14 excerpt and the generation date', async () => {
    expect(countOccurrences(UK, '<Designation>')).toBe(3);
    const { list, entries, report } = await parseUkXml(UK);
    expect(list).toEqual({ key: 'uk-sanctions-list', authority: 'UK', format: 'uk_xml', listName: 'UK Sanctions List', listDate: '2026-08-14' });
    // Names: every <Name> and every <NameNonLatinScript>
    expect(report).toEqual({ entries: 3, names: countOccurrences(UK, '<Name>') + countOccurrences(UK, '<NameNonLatinScript>'), skipped: [], removed: 0, warnings: [] });
    expect(entries.map((e) => [e.listId, e.type])).toEqual([
      ['AFG0011', 'person'],
      ['AQD0128', 'person'],
      ['AQD0377', 'entity'],
    ]);
  });

  it('reads AFG0011 Abdul Latif MANSUR: parts Name1/Name2/Name6, title, Arabic name, partial DOB, passport with a leading space', async () => {
    const { entries } = await parseUkXml(UK);
    const e = entries[0]!;
    expect(e.programmes).toEqual(['The Afghanistan (Sanctions) (EU Exit) Regulations 2020']);
    expect(e.listedOn).toBe('2001-01-31');
    expect(e.names).toEqual([
      {
        value: 'ABDUL LATIF MANSUR',
        script: 'latn',
        lang: null,
        strength: 'primary',
        parts: { given: 'ABDUL', middle: 'LATIF', family: 'MANSUR', numbered: ['ABDUL', 'LATIF', 'MANSUR'], title: 'Maulavi' },
      },
      { value: 'Abdul Latif MANSOOR', script: 'latn', lang: null, strength: 'strong', parts: { given: 'Abdul', middle: 'Latif', family: 'MANSOOR', numbered: ['Abdul', 'Latif', 'MANSOOR'] }, note: 'Good quality a.k.a' },
      { value: 'Wali MOHAMMAD', script: 'latn', lang: null, strength: 'strong', parts: { given: 'Wali', family: 'MOHAMMAD', numbered: ['Wali', 'MOHAMMAD'] }, note: 'Good quality a.k.a' },
      { value: 'عبد اللطيف منصور', script: 'arab', lang: null, strength: 'primary', note: 'non-Latin script' },
    ]);
    // dd/mm/1968 is a year; 12/11/1967 is listed twice and kept once
    expect(e.datesOfBirth).toEqual([
      { value: { precision: 'year', value: '1968' }, text: 'dd/mm/1968' },
      { value: { precision: 'day', value: '1967-11-12' }, text: '12/11/1967' },
    ]);
    expect(e.placesOfBirth).toEqual([
      { text: 'Zurmat District, Paktia Province, Afghanistan', country: 'AF' },
      { text: 'Garda Saray District, Paktia Province, Afghanistan', country: 'AF' },
      { text: 'Afghanistan', country: 'AF' },
    ]);
    expect(e.nationalities).toEqual([{ country: 'AF', text: 'Afghanistan' }]);
    expect(e.identifiers.map((i) => [i.type, i.value])).toEqual([
      ['passport', 'D0009720'],
      ['passport', 'D0010442'],
    ]);
    expect(e.identifiers[1]!.note).toBe('Afghanistan diplomatic passport D0010442, issued on 13 Nov. 2024, expires 13 Nov. 2029');
    expect(e.addresses).toEqual([{ text: 'Darul Aman, Kabul, Afghanistan', country: 'AF' }]);
    expect(e.positions).toEqual(['Minister of Agriculture under the previous Taliban regime (1996-2001)']);
    expect(e.remarks.slice(1)).toEqual(['Sanctions imposed: Asset freeze, Travel Ban', 'OFSI group ID: 7270', 'UN reference: TAi.007']);
  });

  it('reads AQD0128: "Primary name" in lower case, weak (Low quality) aliases, DOBs dd/mm/1974, dd/09/1958, 1985', async () => {
    const { entries } = await parseUkXml(UK);
    const e = entries[1]!;
    expect(e.names[0]).toMatchObject({ value: 'AKRAM TURKI HISHAN AL-MAZIDIH', strength: 'primary' });
    expect(e.names.filter((n) => n.strength === 'weak').map((n) => n.value)).toEqual(['Abu Akram', 'Abu Jarrah']);
    expect(e.datesOfBirth.map((d) => d.value)).toEqual([
      { precision: 'year', value: '1974' },
      { precision: 'year', value: '1975' },
      { precision: 'year', value: '1979' },
      { precision: 'month', value: '1958-09' },
      { precision: 'year', value: '1985' },
    ]);
    expect(e.identifiers).toEqual([{ type: 'national_id', label: 'National identifier', value: '0075258', country: null, note: 'Ration card no.' }]);
    expect(e.addresses).toEqual([
      { text: 'Iraq', country: 'IQ' },
      { text: 'Deir ez-Zor Governorate, Syria', country: 'SY' },
    ]);
  });

  it('reads AQD0377, an entity with a Cyrillic name', async () => {
    const { entries } = await parseUkXml(UK);
    expect(entries[2]!.names.map((n) => [n.value, n.script, n.strength])).toEqual([
      ['Khatiba al-Tawhid wal-Jihad (KTJ)', 'latn', 'primary'],
      ["Jama'at al-Tawhid wal-Jihad", 'latn', 'strong'],
      ['Jannat Oshiklari', 'latn', 'strong'],
      ['Катиба ат-Таухид валь-Джихад', 'cyrl', 'primary'],
    ]);
    expect(entries[2]!.remarks).toContain('Type of entity: Terrorist Group');
  });

  describe('refuses bad input, naming the file kind and where', () => {
    it('an HTML error page', async () => {
      const err = await failure(parseUkXml(tempFile('uk.xml', HTML_ERROR_PAGE)));
      expect(err.code).toBe('html_page');
      expect(err.message).toMatch(/^UK Sanctions List XML: this is an HTML page/);
    });
    it('a file of the wrong kind (the EU list)', async () => {
      const err = await failure(parseUkXml(fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml')));
      expect(err.message).toBe('UK Sanctions List XML: the root element is <export>, expected <Designations> (at line 2)');
    });
    it('a truncated download (cut in half)', async () => {
      const err = await failure(parseUkXml(truncatedCopy(UK, 'uk-half.xml')));
      expect(err.code).toBe('truncated');
      expect(err.message).toMatch(/^UK Sanctions List XML: the file ends before the list does/);
    });
    it('UTF-16 instead of UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(UK, 'utf8'), 'utf16le')]);
      expect((await failure(parseUkXml(tempFile('uk16.xml', bytes)))).code).toBe('encoding');
    });
  });
});
