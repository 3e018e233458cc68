/**
 * OFAC's advanced XML. No real sdn_advanced.xml holding these people exists in any public repository
 * we could search (testdata/SOURCES.md): testdata/sdn_advanced_burma-xinjiang_2021-07.xml expresses
 * five REAL SDN entries of the July 2021 legacy CSV set, field for field, in the advanced format, with
 * the designation dates of the Treasury press releases. The tests check it against the CSV reader's
 * reading of the same real rows. Small XML written in a test (dates, scripts, lists) is marked so.
 */
import { problemText } from '../../shared/domain/list-notes';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import type { XmlNode } from './common';
import { parseOfacAdvancedXml, periodDate } from './ofac-advanced-xml';
import { parseOfacCsv } from './ofac-csv';
import { readList } from './read-list';
import { HTML_ERROR_PAGE, countOccurrences, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';

const ADVANCED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata', 'sdn_advanced_burma-xinjiang_2021-07.xml');
const excerpt = (f: string) => fixture('us-ofac-sdn', 'excerpt-burma-xinjiang-2021-07', f);

afterAll(removeTempFiles);

/** An XML fragment as the tree streamXml hands over (for periodDate). */
function tree(xml: string): XmlNode {
  const parser = new SaxesParser();
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on('opentag', (t) => {
    const node: XmlNode = { name: t.name, attrs: t.attributes as Record<string, string>, children: [], text: '' };
    if (stack.length) stack[stack.length - 1]!.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root!;
}
const day = (y: number, m: number, d: number) => `<Year>${y}</Year><Month>${m}</Month><Day>${d}</Day>`;
const period = (from: string, to: string, approximate = false) =>
  tree(`<DatePeriod><Start Approximate="${approximate}"><From>${from}</From><To>${from}</To></Start><End Approximate="${approximate}"><From>${to}</From><To>${to}</To></End></DatePeriod>`);

describe('OFAC SDN advanced XML', () => {
  const parsed = parseOfacAdvancedXml(ADVANCED);

  it('reads the five DistinctParty records; the same list as the CSV and classic XML', async () => {
    const { list, entries, report } = await parsed;
    expect(countOccurrences(ADVANCED, '<DistinctParty ')).toBe(5);
    expect(list).toEqual({
      key: 'us-ofac-sdn',
      authority: 'US',
      format: 'ofac_advanced_xml',
      listName: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)',
      listDate: null, // the file has no DateOfIssue (see its header)
    });
    expect(report).toEqual({ entries: 5, names: countOccurrences(ADVANCED, '<DocumentedName '), skipped: [], removed: 0, warnings: [] });
    expect(entries.map((e) => [e.listId, e.type, e.listedOn])).toEqual([
      ['27225', 'person', '2019-12-10'],
      ['29219', 'person', '2020-07-09'],
      ['29220', 'person', '2020-07-09'],
      ['29159', 'entity', '2020-07-09'],
      ['31516', 'entity', '2021-03-25'],
    ]);
  });

  it('reads 27225 HLAING, Min Aung field by field: designation date, both programmes, DOB to the day', async () => {
    const e = (await parsed).entries[0]!;
    expect(e).toEqual({
      listId: '27225',
      type: 'person',
      programmes: ['GLOMAG', 'BURMA-EO14014'],
      listedOn: '2019-12-10',
      names: [{ value: 'HLAING, Min Aung', script: 'latn', lang: null, strength: 'primary', parts: { given: 'Min Aung', family: 'HLAING' } }],
      datesOfBirth: [{ value: { precision: 'day', value: '1956-07-03' }, text: '1956-07-03' }],
      placesOfBirth: [{ text: 'Dawei, Burma', country: 'MM' }],
      nationalities: [],
      identifiers: [],
      addresses: [{ text: 'Burma', country: 'MM' }],
      positions: [],
      remarks: ['Gender: Male', 'Legal basis: EO13818'],
    });
  });

  it('reads 31516 MYANMAR ECONOMIC CORPORATION LIMITED: a.k.a., low-quality a.k.a. as weak, registration number, address', async () => {
    const e = (await parsed).entries.find((x) => x.listId === '31516')!;
    expect(e.names).toEqual([
      { value: 'MYANMAR ECONOMIC CORPORATION LIMITED', script: 'latn', lang: null, strength: 'primary' },
      { value: 'MYANMAR ECONOMIC CORPORATION', script: 'latn', lang: null, strength: 'strong', note: 'A.K.A.' },
      { value: 'MEC', script: 'latn', lang: null, strength: 'weak', note: 'A.K.A.; low quality' },
    ]);
    expect(e.identifiers).toEqual([{ type: 'registration', label: 'Registration Number', value: '105444192', country: 'MM', note: null }]);
    expect(e.addresses).toEqual([{ text: 'Corner of Ahlone Road & Kannar Road, Ahlone Township, Rangoon, Burma', country: 'MM' }]);
    expect(e.programmes).toEqual(['BURMA-EO14014']);
  });

  it('says what the legacy CSV says of the same real rows, and more precisely', async () => {
    const csv = (await parseOfacCsv({ sdn: excerpt('sdn.csv'), alt: excerpt('alt.csv'), add: excerpt('add.csv') })).entries;
    for (const adv of (await parsed).entries) {
      const old = csv.find((c) => c.listId === adv.listId)!;
      expect(adv.type, adv.listId).toBe(old.type);
      expect(adv.programmes, adv.listId).toEqual(old.programmes);
      expect(adv.names.map((n) => [n.value, n.strength]), adv.listId).toEqual(old.names.map((n) => [n.value, n.strength]));
      expect(adv.datesOfBirth.map((d) => d.value), adv.listId).toEqual(old.datesOfBirth.map((d) => d.value));
      expect(adv.placesOfBirth, adv.listId).toEqual(old.placesOfBirth);
      expect(adv.addresses, adv.listId).toEqual(old.addresses);
      expect(adv.identifiers, adv.listId).toEqual(old.identifiers);
      expect(old.listedOn).toBeNull(); // the CSV has no designation date; the advanced XML has one
      expect(adv.listedOn).not.toBeNull();
    }
  });

  it('reads date periods with their precision (constructed DatePeriods, as OFAC writes them)', () => {
    expect(periodDate(period(day(1955, 1, 1), day(1955, 12, 31)))).toEqual({ value: { precision: 'year', value: '1955' }, text: '1955', circa: false });
    expect(periodDate(period(day(1958, 2, 1), day(1958, 2, 28)))).toEqual({ value: { precision: 'month', value: '1958-02' }, text: '1958-02', circa: false });
    expect(periodDate(period(day(1960, 1, 1), day(1962, 12, 31), true))).toEqual({
      value: { precision: 'range', from: '1960', to: '1962' },
      text: 'circa 1960 to 1962',
      circa: true,
    });
    expect(periodDate(period(day(1975, 3, 2), day(1975, 4, 9)))?.value).toEqual({ precision: 'range', from: '1975-03-02', to: '1975-04-09' });
    expect(periodDate(tree('<DatePeriod/>'))).toBeNull();
  });

  it('reads names in every script with their script, the date of issue, and a consolidated file as its own list (constructed file)', async () => {
    // Constructed to exercise what the test file above cannot: a second script, DateOfIssue, a non-SDN list.
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Sanctions xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">
  <DateOfIssue CalendarTypeID="1"><Year>2026</Year><Month>5</Month><Day>21</Day></DateOfIssue>
  <ReferenceValueSets>
    <AliasTypeValues><AliasType ID="1403">Name</AliasType><AliasType ID="1401">F.K.A.</AliasType></AliasTypeValues>
    <ListValues><List ID="91243">Non-SDN Menu-Based Sanctions List</List></ListValues>
    <NamePartTypeValues><NamePartType ID="1520">Last Name</NamePartType><NamePartType ID="1521">First Name</NamePartType></NamePartTypeValues>
    <PartySubTypeValues><PartySubType ID="4" PartyTypeID="1">Unknown</PartySubType></PartySubTypeValues>
    <PartyTypeValues><PartyType ID="1">Individual</PartyType></PartyTypeValues>
    <ScriptValues><Script ID="215" ScriptCode="Latn">Latin</Script><Script ID="220" ScriptCode="Cyrl">Cyrillic</Script></ScriptValues>
  </ReferenceValueSets>
  <Locations/><IDRegDocuments/>
  <DistinctParties>
    <DistinctParty FixedRef="1"><Profile ID="1" PartySubTypeID="4"><Identity ID="1" FixedRef="1" Primary="true" False="false">
      <Alias FixedRef="1" AliasTypeID="1403" Primary="true" LowQuality="false">
        <DocumentedName ID="1" FixedRef="1" DocNameStatusID="1">
          <DocumentedNamePart><NamePartValue NamePartGroupID="11" ScriptID="215" ScriptStatusID="1" Acronym="false">IVANOV</NamePartValue></DocumentedNamePart>
          <DocumentedNamePart><NamePartValue NamePartGroupID="12" ScriptID="215" ScriptStatusID="1" Acronym="false">Ivan</NamePartValue></DocumentedNamePart>
        </DocumentedName>
        <DocumentedName ID="2" FixedRef="1" DocNameStatusID="1">
          <DocumentedNamePart><NamePartValue NamePartGroupID="11" ScriptID="220" ScriptStatusID="1" Acronym="false">ИВАНОВ</NamePartValue></DocumentedNamePart>
          <DocumentedNamePart><NamePartValue NamePartGroupID="12" ScriptID="220" ScriptStatusID="1" Acronym="false">Иван</NamePartValue></DocumentedNamePart>
        </DocumentedName>
      </Alias>
      <Alias FixedRef="1" AliasTypeID="1401" Primary="false" LowQuality="false">
        <DocumentedName ID="3" FixedRef="1" DocNameStatusID="2">
          <DocumentedNamePart><NamePartValue NamePartGroupID="11" ScriptID="215" ScriptStatusID="1" Acronym="false">PETROV</NamePartValue></DocumentedNamePart>
        </DocumentedName>
      </Alias>
      <NamePartGroups><MasterNamePartGroup><NamePartGroup ID="11" NamePartTypeID="1520"/></MasterNamePartGroup><MasterNamePartGroup><NamePartGroup ID="12" NamePartTypeID="1521"/></MasterNamePartGroup></NamePartGroups>
    </Identity></Profile></DistinctParty>
  </DistinctParties>
  <SanctionsEntries><SanctionsEntry ID="5" ProfileID="1" ListID="91243"><EntryEvent ID="6" EntryEventTypeID="1"><Date CalendarTypeID="1">${day(2024, 2, 23)}</Date></EntryEvent></SanctionsEntry>
  <SanctionsEntry ID="7" ProfileID="99" ListID="91243"><EntryEvent ID="8" EntryEventTypeID="1"><Date CalendarTypeID="1">${day(2024, 2, 23)}</Date></EntryEvent></SanctionsEntry></SanctionsEntries>
</Sanctions>`;
    const { list, entries, report } = await parseOfacAdvancedXml(tempFile('cons_advanced.xml', xml));
    expect(list).toMatchObject({ key: 'us-ofac-consolidated', listDate: '2026-05-21' });
    // No typed "created" event here: the earliest event the list records is its listing date.
    expect(entries[0]!.listedOn).toBe('2024-02-23');
    expect(entries[0]!.names).toEqual([
      { value: 'IVANOV, Ivan', script: 'latn', lang: null, strength: 'primary', parts: { given: 'Ivan', family: 'IVANOV' } },
      { value: 'ИВАНОВ Иван', script: 'cyrl', lang: null, strength: 'primary', parts: { given: 'Иван', family: 'ИВАНОВ' }, note: 'Cyrillic' },
      { value: 'PETROV', script: 'latn', lang: null, strength: 'strong', parts: { family: 'PETROV' }, note: 'F.K.A.' },
    ]);
    expect(report.warnings.map(problemText)).toEqual(['line 34: SanctionsEntry 7 is for profile 99, which is not in the file']);
  });

  it('is recognised by its root element and read through readList', async () => {
    const read = await readList([{ path: ADVANCED, name: 'sdn_advanced.xml' }]);
    expect(read.format).toBe('ofac_advanced_xml');
    expect(read.entries).toHaveLength(5);
  });

  it('refuses an HTML page, a file cut short and another XML, naming where', async () => {
    const html = await failure(parseOfacAdvancedXml(tempFile('sdn_advanced.xml', HTML_ERROR_PAGE)));
    expect(html.code).toBe('html_page');
    const cut = await failure(parseOfacAdvancedXml(truncatedCopy(ADVANCED, 'cut.xml')));
    expect(cut.code).toBe('truncated');
    expect(cut.message).toMatch(/^OFAC SDN advanced XML: .*\(at line \d+\)$/);
    const other = await failure(parseOfacAdvancedXml(fixture('us-ofac-sdn', 'sdn_xml_classic_sample_jaggeman.xml')));
    expect(other.code).toBe('wrong_kind');
    expect(other.message).toContain('expected <Sanctions>');
    const empty = await failure(parseOfacAdvancedXml(tempFile('none.xml', '<Sanctions><ReferenceValueSets/></Sanctions>')));
    expect(empty.message).toContain('no DistinctParty records found');
    expect(fs.existsSync(ADVANCED)).toBe(true);
  });
});
