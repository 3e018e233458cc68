import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCaSemaXml } from './ca-sema-xml';
import { HTML_ERROR_PAGE, countOccurrences, fixture, removeTempFiles, tempFile, truncatedCopy, failure } from './test-fixtures';

const CA = fixture('canada', 'sema-lmes_2020-04.xml');

afterAll(removeTempFiles);

describe('Canada consolidated autonomous sanctions list XML (SEMA + JVCFOA)', () => {
  const parsed = parseCaSemaXml(CA);

  it('reads all 1,369 records of the April 2020 file, each with a unique regulation/schedule/item reference', async () => {
    expect(countOccurrences(CA, '<record>')).toBe(1369);
    const { list, entries, report } = await parsed;
    expect(list).toEqual({ key: 'ca-sema', authority: 'CA', format: 'ca_sema_xml', listName: 'Consolidated Canadian Autonomous Sanctions List', listDate: null });
    expect(report.entries).toBe(1369);
    expect(report.skipped).toEqual([]);
    expect(new Set(entries.map((e) => e.listId)).size).toBe(1369);
    // Persons are the records with a <LastName> (985) — the rest are <Entity> records (384)
    expect(entries.filter((e) => e.type === 'person')).toHaveLength(countOccurrences(CA, '<LastName>'));
    expect(entries.filter((e) => e.type === 'entity')).toHaveLength(countOccurrences(CA, '<Entity>'));
    expect(entries.filter((e) => e.programmes[0] === 'Burma / Birmanie')).toHaveLength(89);
  });

  it('reads Maung Maung Soe twice: Burma schedule 2 item 40, and JVCFOR item 53 with DOB 1964-03 (month)', async () => {
    const { entries } = await parsed;
    const soe = entries.filter((e) => e.names[0]!.value === 'Maung Maung Soe');
    expect(soe).toEqual([
      {
        listId: 'Burma, Schedule 2, item 40',
        type: 'person',
        programmes: ['Burma / Birmanie'],
        listedOn: null,
        names: [{ value: 'Maung Maung Soe', script: 'latn', lang: null, strength: 'primary', parts: { given: 'Maung Maung', family: 'Soe' } }],
        datesOfBirth: [],
        placesOfBirth: [],
        nationalities: [],
        identifiers: [],
        addresses: [],
        positions: [],
        remarks: [],
      },
      expect.objectContaining({
        listId: 'Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR), Schedule 1, item 53',
        // the no-break space of the file is whitespace, collapsed
        programmes: ['Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR) / Règlement relatif à la justice pour les victimes de dirigeants étrangers corrompus (RJVDEC)'],
        datesOfBirth: [{ value: { precision: 'month', value: '1964-03' }, text: '1964-03' }],
      }),
    ]);
  });

  it('reads Than Shwe (day DOB), Htoo Furniture (4 aliases, "Pte. Limited" kept whole), a DOB "A or B", and 12 aliases of IAMI', async () => {
    const { entries } = await parsed;
    const byName = (v: string) => entries.find((e) => e.names[0]!.value === v)!;
    expect(byName('Than Shwe')).toMatchObject({ listId: 'Burma, Schedule 2, item 1', datesOfBirth: [{ value: { precision: 'day', value: '1933-02-02' }, text: '1933-02-02' }] });
    expect(byName('Htoo Furniture').names.map((n) => [n.value, n.strength])).toEqual([
      ['Htoo Furniture', 'primary'],
      ['Htoo Wood', 'strong'],
      ['Htoo Wood Products', 'strong'],
      ['Htoo Wood Products Pte. Limited', 'strong'],
      ['Htoo Wood-Based Industry', 'strong'],
    ]);
    expect(byName('Mansour Othman ABAHUSSAIN').datesOfBirth).toEqual([
      { value: { precision: 'day', value: '1972-08-10' }, text: '1972-08-10' },
      { value: { precision: 'day', value: '1972-08-11' }, text: '1972-08-11' },
    ]);
    expect(byName('Iran Aircraft Manufacturing Industries').names).toHaveLength(13);
  });

  describe('refuses bad input, naming the file kind and where', () => {
    it('an HTML error page', async () => {
      const err = await failure(parseCaSemaXml(tempFile('sema.xml', HTML_ERROR_PAGE)));
      expect(err.code).toBe('html_page');
      expect(err.message).toMatch(/^Canada consolidated autonomous sanctions list XML: this is an HTML page/);
    });
    it('a file of the wrong kind (the UK list)', async () => {
      const err = await failure(parseCaSemaXml(fixture('uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml')));
      expect(err.code).toBe('wrong_kind');
      expect(err.at).toEqual({ line: 2 });
    });
    it('a truncated download (the real file cut in half)', async () => {
      const half = truncatedCopy(CA, 'sema-half.xml');
      const err = await failure(parseCaSemaXml(half));
      expect(err.code).toBe('truncated');
      expect(err.at).toEqual({ line: fs.readFileSync(half, 'utf8').split('\n').length });
    });
    it('Windows-1252 instead of UTF-8: the line of the first "è"', async () => {
      const text = fs.readFileSync(CA, 'utf8');
      const err = await failure(parseCaSemaXml(tempFile('sema-latin1.xml', Buffer.from(text, 'latin1'))));
      expect(err.code).toBe('encoding');
      expect(err.at).toEqual({ line: text.split("\n").findIndex((l) => [...l].some((c) => c.charCodeAt(0) > 127)) + 1 });
    });
  });
});
