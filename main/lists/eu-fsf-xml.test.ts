import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEuFsfXml } from './eu-fsf-xml';
import { HTML_ERROR_PAGE, countOccurrences, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';

const EU = fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml');

afterAll(removeTempFiles);

describe('EU financial sanctions list, FSF XML 1.1', () => {
  it('reads both sanctionEntity records of the 2026-08-05 excerpt and the generation date', async () => {
    expect(countOccurrences(EU, '<sanctionEntity ')).toBe(2);
    const { list, entries, report } = await parseEuFsfXml(EU);
    expect(list).toEqual({ key: 'eu-fsf', authority: 'EU', format: 'eu_fsf_xml', listName: 'EU Consolidated Financial Sanctions List', listDate: '2026-08-05' });
    expect(report).toEqual({ entries: 2, names: countOccurrences(EU, '<nameAlias '), skipped: [], removed: 0, warnings: [] });
    expect(entries.map((e) => e.listId)).toEqual(['EU.27.28', 'EU.3579.2']);
  });

  it('reads EU.27.28 Saddam Hussein Al-Tikriti field by field', async () => {
    const { entries } = await parseEuFsfXml(EU);
    expect(entries[0]).toEqual({
      listId: 'EU.27.28',
      type: 'person',
      programmes: ['IRQ'],
      listedOn: '2003-07-08', // publication of the listing regulation 1210/2003
      names: [
        { value: 'Saddam Hussein Al-Tikriti', script: 'latn', lang: null, strength: 'primary', parts: { given: 'Saddam', family: 'Hussein Al-Tikriti' } },
        { value: 'Abu Ali', script: 'latn', lang: null, strength: 'strong' },
        { value: 'Abou Ali', script: 'latn', lang: 'fr', strength: 'strong' },
      ],
      datesOfBirth: [{ value: { precision: 'day', value: '1937-04-28' }, text: '1937-04-28' }],
      placesOfBirth: [{ text: 'al-Awja, near Tikrit, IRAQ', country: 'IQ' }],
      nationalities: [{ country: 'IQ', text: 'IRAQ' }],
      identifiers: [],
      addresses: [],
      positions: [],
      remarks: ['UNSC RESOLUTION 1483'],
    });
  });

  it('reads EU.3579.2 Khalid Sheikh Mohammed: 7 aliases in 2 languages, the structured one primary; 2 DOBs; passport with country 00', async () => {
    const { entries } = await parseEuFsfXml(EU);
    const e = entries[1]!;
    expect(e.programmes).toEqual(['TERR']);
    expect(e.listedOn).toBeNull(); // only an amendment is cited: the first listing date is not in the record
    expect(e.names).toHaveLength(7);
    expect(e.names[0]).toEqual({ value: 'Khalid Sheikh MOHAMMED', script: 'latn', lang: 'en', strength: 'primary', parts: { given: 'Khalid Sheikh', family: 'MOHAMMED' } });
    expect(e.names.filter((n) => n.lang === 'fr').map((n) => n.value)).toEqual(['Bin Khalid Fahd Bin Adballah', 'Wadood Khalid Adbul']);
    expect(e.names.every((n) => n.strength !== 'weak')).toBe(true);
    expect(e.datesOfBirth.map((d) => d.value)).toEqual([
      { precision: 'day', value: '1965-04-14' },
      { precision: 'day', value: '1964-03-01' },
    ]);
    expect(e.placesOfBirth).toEqual([
      { text: 'PAKISTAN', country: 'PK' }, // city "-" dropped
      { text: 'PAKISTAN', country: 'PK' },
    ]);
    expect(e.identifiers).toEqual([{ type: 'passport', label: 'National passport', value: '488555', country: null, note: null }]);
  });

  it('reads strong="false" as weak, circa and year ranges (a copy with those attributes set)', async () => {
    const text = fs
      .readFileSync(EU, 'utf8')
      .replace('wholeName="Ali Salem" function="" gender="M" title="" nameLanguage="" strong="true"', 'wholeName="Ali Salem" function="" gender="M" title="" nameLanguage="" strong="false"')
      .replace('circa="false" calendarType="GREGORIAN" city="-" zipCode="" birthdate="1965-04-14" dayOfMonth="14" monthOfYear="4" year="1965"', 'circa="true" calendarType="GREGORIAN" city="-" zipCode="" birthdate="" dayOfMonth="" monthOfYear="" year="" yearRangeFrom="1963" yearRangeTo="1966"');
    const { entries } = await parseEuFsfXml(tempFile('eu-variants.xml', text));
    expect(entries[1]!.names.find((n) => n.value === 'Ali Salem')!.strength).toBe('weak');
    expect(entries[1]!.datesOfBirth[0]).toEqual({ value: { precision: 'range', from: '1963', to: '1966' }, text: '1963–1966', circa: true });
  });

  describe('refuses bad input, naming the file kind and where', () => {
    it('an HTML error page', async () => {
      const err = await failure(parseEuFsfXml(tempFile('eu.xml', HTML_ERROR_PAGE)));
      expect(err.code).toBe('html_page');
      expect(err.message).toMatch(/^EU financial sanctions list \(FSF XML\): this is an HTML page/);
    });
    it('a file of the wrong kind (the UN list)', async () => {
      const err = await failure(parseEuFsfXml(fixture('un', 'un_consolidated_2026-02-27_excerpt.xml')));
      expect(err.message).toBe('EU financial sanctions list (FSF XML): the root element is <CONSOLIDATED_LIST>, expected <export> (at line 2)');
    });
    it('a truncated download (cut in half)', async () => {
      const err = await failure(parseEuFsfXml(truncatedCopy(EU, 'eu-half.xml')));
      expect(err.code).toBe('truncated');
      expect(err.at).toEqual({ line: expect.any(Number) });
    });
    it('UTF-16 instead of UTF-8', async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(EU, 'utf8'), 'utf16le')]);
      expect((await failure(parseEuFsfXml(tempFile('eu16.xml', bytes)))).code).toBe('encoding');
    });
  });
});
