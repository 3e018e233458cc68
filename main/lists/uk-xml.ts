/**
 * UK Sanctions List, XML (FCDO; replaced the OFSI Consolidated List in January 2026). Streamed
 * with saxes, one <Designation> at a time. Name1 is the given name, Name6 the surname or entity
 * name; dates are dd/mm/yyyy with dd or mm for an unknown day or month.
 */
import type { DesignationEntry, DesignationName } from '../../shared/domain/designations';
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
  parseDobText,
  partialDate,
  streamXml,
  type ParseOptions,
  type ParsedList,
  type XmlNode,
} from './common';

export const UK_FILE_KIND = 'UK Sanctions List XML';

const TYPES: Record<string, DesignationEntry['type']> = { individual: 'person', entity: 'entity', ship: 'vessel' };

/** Texts of all <leaf> under <group> under node, e.g. ('DOBs', 'DOB'). */
const list = (node: XmlNode | undefined, group: string, leaf: string): string[] =>
  node ? children(node, group).flatMap((g) => children(g, leaf).map((l) => clean(l.text)).filter((v): v is string => v !== null)) : [];

function descendants(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}

function toEntry(node: XmlNode): DesignationEntry {
  const id = childText(node, 'UniqueID');
  if (!id) throw new RecordProblem(note('no_field', { field: 'UniqueID' }));
  const kind = (childText(node, 'IndividualEntityShip') ?? '').toLowerCase();
  const e = emptyEntry(id, TYPES[kind] ?? 'unknown');
  const person = e.type === 'person';
  const regime = childText(node, 'RegimeName');
  if (regime) e.programmes.push(regime);
  e.listedOn = partialDate(childText(node, 'DateDesignated'));

  const titles = list(node, 'Titles', 'Title');
  const names: DesignationName[] = [];
  for (const n of descendants(node, 'Name')) {
    const numbered = [1, 2, 3, 4, 5, 6].map((i) => childText(n, `Name${i}`));
    const present = numbered.filter((v): v is string => v !== null);
    if (present.length === 0) continue;
    const value = present.join(' ');
    const type = (childText(n, 'NameType') ?? '').toLowerCase();
    const strengthText = childText(n, 'AliasStrength');
    const primary = type === 'primary name';
    const strength: DesignationName['strength'] = primary ? 'primary' : /^low/i.test(strengthText ?? '') ? 'weak' : 'strong';
    const middle = numbered.slice(1, 5).filter((v): v is string => v !== null).join(' ');
    const parts = person
      ? {
          ...(numbered[0] ? { given: numbered[0] } : {}),
          ...(middle ? { middle } : {}),
          ...(numbered[5] ? { family: numbered[5] } : {}),
          numbered: present,
          ...(primary && titles.length ? { title: titles.join('; ') } : {}),
        }
      : undefined;
    const note = primary ? undefined : (strengthText ?? childText(n, 'NameType') ?? undefined);
    const name: DesignationName = { value, script: detectScript(value), lang: null, strength, ...(parts ? { parts } : {}), ...(note ? { note } : {}) };
    if (primary) names.unshift(name);
    else names.push(name);
  }
  for (const nl of descendants(node, 'NonLatinName')) {
    const value = childText(nl, 'NameNonLatinScript');
    if (!value) continue;
    const lang = childText(nl, 'NonLatinScriptLanguage');
    const note = ['non-Latin script', childText(nl, 'NonLatinScriptType')].filter(Boolean).join('; ');
    names.push({ value, script: detectScript(value, lang), lang: lang ?? null, strength: 'primary', note });
  }
  e.names = names;

  for (const a of descendants(node, 'Address')) {
    const lines = a.children.filter((c) => /^AddressLine\d$|^AddressPostalCode$|^AddressCountry$/.test(c.name)).map((c) => clean(c.text)).filter((v): v is string => v !== null);
    if (lines.length) e.addresses.push({ text: lines.join(', '), country: countryCode(childText(a, 'AddressCountry')) });
  }

  const ind = child(child(node, 'IndividualDetails') ?? node, 'Individual');
  for (const text of new Set(list(ind, 'DOBs', 'DOB'))) {
    const dob = parseDobText(text);
    e.datesOfBirth.push({ value: dob?.value ?? { precision: 'unknown' }, text, ...(dob?.circa ? { circa: true } : {}) });
  }
  for (const text of list(ind, 'Nationalities', 'Nationality')) e.nationalities.push({ country: countryCode(text), text });
  e.positions.push(...list(ind, 'Positions', 'Position'));
  for (const loc of ind ? descendants(ind, 'Location') : []) {
    const parts = ['TownOfBirth', 'CountryOfBirth'].map((n) => childText(loc, n)).filter((v): v is string => v !== null);
    if (parts.length) e.placesOfBirth.push({ text: parts.join(', '), country: countryCode(childText(loc, 'CountryOfBirth')) });
  }
  for (const p of descendants(node, 'Passport')) {
    const value = childText(p, 'PassportNumber');
    if (value) e.identifiers.push({ type: 'passport', label: 'Passport', value, country: null, note: childText(p, 'PassportAdditionalInformation') });
  }
  for (const p of descendants(node, 'NationalIdentifier')) {
    const value = childText(p, 'NationalIdentifierNumber');
    if (value) e.identifiers.push({ type: 'national_id', label: 'National identifier', value, country: null, note: childText(p, 'NationalIdentifierAdditionalInformation') });
  }
  for (const imo of descendants(node, 'IMONumber')) {
    const value = clean(imo.text);
    if (value) e.identifiers.push({ type: 'imo', label: 'IMO number', value, country: null, note: null });
  }
  for (const reg of descendants(node, 'RegistrationNumber')) {
    const value = clean(reg.text);
    if (value) e.identifiers.push({ type: 'registration', label: 'Registration number', value, country: null, note: null });
  }

  const other = childText(node, 'OtherInformation');
  if (other) e.remarks.push(other);
  const reasons = childText(node, 'UKStatementofReasons');
  if (reasons) e.remarks.push(`Statement of reasons: ${reasons}`);
  const imposed = childText(node, 'SanctionsImposed');
  if (imposed) e.remarks.push(`Sanctions imposed: ${imposed.split('|').join(', ')}`);
  const group = childText(node, 'OFSIGroupID');
  if (group) e.remarks.push(`OFSI group ID: ${group}`);
  const un = childText(node, 'UNReferenceNumber');
  if (un) e.remarks.push(`UN reference: ${un}`);
  const entityTypes = descendants(node, 'TypeOfEntity').map((t) => clean(t.text)).filter(Boolean);
  if (entityTypes.length) e.remarks.push(`Type of entity: ${entityTypes.join(', ')}`);
  return e;
}

export async function parseUkXml(path: string, options: ParseOptions = {}): Promise<ParsedList> {
  const out = new Collector(options);
  let listDate: string | null = null;
  await streamXml({
    options,
    path,
    fileKind: UK_FILE_KIND,
    roots: ['Designations'],
    records: new Set(['Designation']),
    onRoot: (attrs) => {
      listDate = partialDate(attrs.dateGenerated);
    },
    onHeaderText: (name, text) => {
      if (name === 'DateGenerated') listDate = partialDate(text) ?? listDate;
    },
    onRecord: (node, line) => {
      const at = lineAt(line, `Designation ${childText(node, 'UniqueID') ?? '?'}`);
      out.record(at, () => toEntry(node));
    },
  });
  out.requireRecords(UK_FILE_KIND, note('no_records', { what: 'Designation' }));
  return {
    list: { key: 'uk-sanctions-list', authority: 'UK', format: 'uk_xml', listName: 'UK Sanctions List', listDate },
    entries: out.entries,
    report: out.report,
  };
}
