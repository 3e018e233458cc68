/**
 * UN Security Council Consolidated List, XML (https://scsanctions.un.org/resources/xml/en/consolidated.xml).
 * Streamed with saxes and read leniently: real files break the published XSD (element order,
 * STREET in places of birth), so elements are found by name, never by position.
 */
import type { DesignationEntry, DesignationName, IdentifierType } from '../../shared/domain/designations';
import { note } from '../../shared/domain/list-notes';
import {
  Collector,
  RecordProblem,
  lineAt,
  child,
  childText,
  children,
  clean,
  countryCode,
  detectScript,
  emptyEntry,
  fuzzy,
  partialDate,
  streamXml,
  type ParseOptions,
  type ParsedList,
  type XmlNode,
} from './common';
import { readAlias } from './alias-text';

export const UN_FILE_KIND = 'UN consolidated list XML';

const STRENGTH: Record<string, DesignationName['strength']> = {
  good: 'strong',
  'a.k.a.': 'strong',
  'f.k.a.': 'strong',
  low: 'weak',
};

const values = (node: XmlNode, name: string): string[] =>
  children(node, name).flatMap((n) => children(n, 'VALUE').map((v) => clean(v.text)).filter((v): v is string => v !== null));

function place(node: XmlNode): { text: string; country: ReturnType<typeof countryCode> } | null {
  const parts = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY'].map((n) => childText(node, n)).filter((v): v is string => v !== null);
  const note = childText(node, 'NOTE');
  if (parts.length === 0 && !note) return null;
  const text = parts.join(', ') + (note ? `${parts.length ? ' ' : ''}(${note})` : '');
  return { text, country: countryCode(childText(node, 'COUNTRY')) };
}

export function identifierType(label: string): IdentifierType {
  if (/pass(port|eport)|pasaporte/i.test(label)) return 'passport';
  if (/national|identi|\bid\b|tazkira/i.test(label)) return 'national_id';
  if (/tax/i.test(label)) return 'tax_id';
  if (/regist/i.test(label)) return 'registration';
  if (/\bIMO\b/.test(label)) return 'imo';
  return 'other';
}

function toEntry(node: XmlNode): DesignationEntry {
  const ref = childText(node, 'REFERENCE_NUMBER') ?? childText(node, 'DATAID');
  if (!ref) throw new RecordProblem(note('no_fields', { first: 'REFERENCE_NUMBER', second: 'DATAID' }));
  const person = node.name === 'INDIVIDUAL';
  const e = emptyEntry(ref, person ? 'person' : 'entity');
  const listType = childText(node, 'UN_LIST_TYPE');
  if (listType) e.programmes.push(listType);
  e.listedOn = partialDate(childText(node, 'LISTED_ON'));

  const numbered = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) => childText(node, n)).filter((v): v is string => v !== null);
  const titles = values(node, 'TITLE');
  if (numbered.length > 0) {
    const value = numbered.join(' ');
    e.names.push({
      value,
      script: detectScript(value),
      lang: null,
      strength: 'primary',
      parts: person ? { numbered, ...(titles.length ? { title: titles.join('; ') } : {}) } : undefined,
    });
  }
  const original = childText(node, 'NAME_ORIGINAL_SCRIPT');
  if (original) e.names.push({ value: original, script: detectScript(original), lang: null, strength: 'primary', note: 'original script' });
  for (const alias of children(node, person ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS')) {
    const value = childText(alias, 'ALIAS_NAME');
    if (!value) continue;
    const quality = childText(alias, 'QUALITY') ?? '';
    // "عبدالله السندي (Abdullah Sindhi)", "Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (…)".
    for (const name of readAlias(value, [quality, childText(alias, 'NOTE') ?? ''].filter(Boolean))) {
      if (e.names.some((n) => n.value === name.value)) continue; // JAMBS, given after each of three spellings
      e.names.push({
        value: name.value,
        script: detectScript(name.value),
        lang: null,
        strength: STRENGTH[quality.toLowerCase()] ?? 'strong',
        ...(name.notes.length ? { note: name.notes.join('; ') } : {}),
      });
    }
  }

  e.positions.push(...values(node, 'DESIGNATION'));
  for (const text of values(node, 'NATIONALITY')) e.nationalities.push({ country: countryCode(text), text });

  for (const dob of children(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const kind = (childText(dob, 'TYPE_OF_DATE') ?? 'EXACT').toUpperCase();
    const date = childText(dob, 'DATE');
    const year = childText(dob, 'YEAR');
    const fromYear = childText(dob, 'FROM_YEAR');
    const toYear = childText(dob, 'TO_YEAR');
    const note = childText(dob, 'NOTE');
    const circa = kind === 'APPROXIMATELY';
    let text: string;
    let value: DesignationEntry['datesOfBirth'][number]['value'] | null = null;
    if (kind === 'BETWEEN' && fromYear && toYear) {
      text = `BETWEEN ${fromYear} AND ${toYear}`;
      const from = partialDate(fromYear);
      const to = partialDate(toYear);
      if (from && to) value = { precision: 'range', from, to };
    } else {
      const raw = date ?? year;
      if (!raw) {
        if (note) e.remarks.push(`Date of birth: ${note}`);
        continue;
      }
      text = `${circa ? 'APPROXIMATELY ' : ''}${raw}`;
      const v = partialDate(raw);
      if (v) value = fuzzy(v);
    }
    if (note) text += ` (${note})`;
    e.datesOfBirth.push({ value: value ?? { precision: 'unknown' }, text, ...(circa ? { circa } : {}) });
  }
  for (const pob of children(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const p = place(pob);
    if (p) e.placesOfBirth.push(p);
  }
  for (const addr of children(node, person ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS')) {
    const p = place(addr);
    if (p) e.addresses.push(p);
  }
  for (const doc of children(node, 'INDIVIDUAL_DOCUMENT')) {
    const label = childText(doc, 'TYPE_OF_DOCUMENT') ?? '';
    const label2 = childText(doc, 'TYPE_OF_DOCUMENT2');
    const value = childText(doc, 'NUMBER') ?? label2;
    if (!value) continue;
    const issued = [childText(doc, 'DATE_OF_ISSUE') && `issued ${childText(doc, 'DATE_OF_ISSUE')}`, childText(doc, 'CITY_OF_ISSUE'), childText(doc, 'NOTE')];
    const note = [value === label2 ? null : label2, ...issued].filter(Boolean).join('; ');
    const countryText = childText(doc, 'ISSUING_COUNTRY') ?? childText(doc, 'COUNTRY_OF_ISSUE');
    e.identifiers.push({
      type: identifierType(`${label} ${label2 ?? ''}`),
      label: label || (label2 ?? ''),
      value,
      country: countryCode(countryText),
      note: note || (countryText && !countryCode(countryText) ? countryText : null),
    });
  }
  const comments = childText(node, 'COMMENTS1');
  if (comments) e.remarks.push(comments);
  const gender = childText(node, 'GENDER');
  if (gender) e.remarks.push(`Gender: ${gender}`);
  if (!child(node, 'REFERENCE_NUMBER')) e.remarks.push('No UN reference number; DATAID used');
  return e;
}

export async function parseUnXml(path: string, options: ParseOptions = {}): Promise<ParsedList> {
  const out = new Collector(options);
  let listDate: string | null = null;
  await streamXml({
    options,
    path,
    fileKind: UN_FILE_KIND,
    roots: ['CONSOLIDATED_LIST'],
    records: new Set(['INDIVIDUAL', 'ENTITY']),
    onRoot: (attrs) => {
      listDate = partialDate(attrs.dateGenerated);
    },
    onRecord: (node, line) => {
      const at = lineAt(line, `record ${childText(node, 'REFERENCE_NUMBER') ?? childText(node, 'DATAID') ?? '?'}`);
      out.record(at, () => toEntry(node));
    },
  });
  out.requireRecords(UN_FILE_KIND, note('no_records', { what: 'INDIVIDUAL or ENTITY' }));
  return {
    list: { key: 'un-sc', authority: 'UN', format: 'un_xml', listName: 'UN Security Council Consolidated List', listDate },
    entries: out.entries,
    report: out.report,
  };
}
