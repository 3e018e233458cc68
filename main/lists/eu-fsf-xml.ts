/**
 * EU consolidated financial sanctions list, FSF XML 1.1 (namespace http://eu.europa.ec/fpi/fsd/export;
 * schema in fixtures/sanctions/eu/schema). Full files are 20+ MB: streamed with saxes, one
 * <sanctionEntity> at a time. Everything is in attributes; "" means absent and country "00" unknown.
 */
import type { DesignationEntry, DesignationName, IdentifierType } from '../../shared/domain/designations';
import { note } from '../../shared/domain/list-notes';
import {
  Collector,
  RecordProblem,
  lineAt,
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

export const EU_FILE_KIND = 'EU financial sanctions list (FSF XML)';

const attr = (node: XmlNode, name: string): string | null => clean(node.attrs[name]);
const country = (node: XmlNode) => {
  const iso = attr(node, 'countryIso2Code');
  return iso && iso !== '00' ? countryCode(iso) : null;
};
const join = (...parts: (string | null)[]) => parts.filter((p): p is string => p !== null && p !== '-').join(', ');

const TYPES: Record<string, DesignationEntry['type']> = { person: 'person', enterprise: 'entity' };

const ID_TYPES: Record<string, IdentifierType> = {
  passport: 'passport',
  id: 'national_id',
  fiscalcode: 'tax_id',
  regnumber: 'registration',
  imo: 'imo',
};

function toEntry(node: XmlNode): DesignationEntry {
  const ref = attr(node, 'euReferenceNumber') ?? attr(node, 'logicalId');
  if (!ref) throw new RecordProblem(note('no_fields', { first: 'euReferenceNumber', second: 'logicalId' }));
  const subject = children(node, 'subjectType')[0];
  const code = subject ? attr(subject, 'code') : null;
  const e = emptyEntry(ref, code ? (TYPES[code] ?? 'unknown') : 'unknown');
  const person = e.type === 'person';

  const regulations = children(node, 'regulation');
  e.programmes = [...new Set(regulations.map((r) => attr(r, 'programme')).filter((p): p is string => p !== null))];
  const listed = regulations
    .filter((r) => attr(r, 'regulationType') === 'regulation')
    .map((r) => partialDate(attr(r, 'publicationDate')))
    .filter((d): d is string => d !== null)
    .sort();
  e.listedOn = partialDate(attr(node, 'designationDate')) ?? listed[0] ?? null;

  const aliases = children(node, 'nameAlias');
  const structured = aliases.findIndex((a) => attr(a, 'strong') !== 'false' && (attr(a, 'lastName') || attr(a, 'firstName')));
  const primaryIndex = structured >= 0 ? structured : Math.max(0, aliases.findIndex((a) => attr(a, 'strong') !== 'false'));
  const names: DesignationName[] = [];
  aliases.forEach((a, i) => {
    const given = attr(a, 'firstName');
    const middle = attr(a, 'middleName');
    const family = attr(a, 'lastName');
    const title = attr(a, 'title');
    const value = attr(a, 'wholeName') ?? [given, middle, family].filter(Boolean).join(' ');
    if (!value) return;
    const lang = attr(a, 'nameLanguage')?.toLowerCase() ?? null;
    const parts = person && (given || middle || family || title)
      ? { ...(given ? { given } : {}), ...(middle ? { middle } : {}), ...(family ? { family } : {}), ...(title ? { title } : {}) }
      : undefined;
    const name: DesignationName = {
      value,
      script: detectScript(value, lang),
      lang,
      strength: i === primaryIndex ? 'primary' : attr(a, 'strong') === 'false' ? 'weak' : 'strong',
      ...(parts ? { parts } : {}),
    };
    if (i === primaryIndex) names.unshift(name);
    else names.push(name);
    const fn = attr(a, 'function');
    if (fn && !e.positions.includes(fn)) e.positions.push(fn);
  });
  e.names = names;

  for (const c of children(node, 'citizenship')) {
    const text = attr(c, 'countryDescription') ?? attr(c, 'region') ?? '';
    if (text || country(c)) e.nationalities.push({ country: country(c), text });
  }
  for (const b of children(node, 'birthdate')) {
    const circa = attr(b, 'circa') === 'true';
    const full = partialDate(attr(b, 'birthdate'));
    const y = attr(b, 'year');
    const m = attr(b, 'monthOfYear');
    const d = attr(b, 'dayOfMonth');
    const from = partialDate(attr(b, 'yearRangeFrom'));
    const to = partialDate(attr(b, 'yearRangeTo'));
    const composed = y ? partialDate(y + (m ? `-${m}` + (d ? `-${d}` : '') : '')) : null;
    const value = full ?? composed;
    const text = attr(b, 'birthdate') ?? (from && to ? `${from}–${to}` : [y, m, d].filter(Boolean).join('-'));
    if (value || (from && to)) {
      e.datesOfBirth.push({
        value: value ? fuzzy(value) : { precision: 'range', from: from!, to: to! },
        text,
        ...(circa ? { circa } : {}),
      });
    }
    const place = join(attr(b, 'place'), attr(b, 'city'), attr(b, 'region'), attr(b, 'countryDescription') === 'UNKNOWN' ? null : attr(b, 'countryDescription'));
    if (place) e.placesOfBirth.push({ text: place, country: country(b) });
  }
  for (const id of children(node, 'identification')) {
    const value = attr(id, 'number') ?? attr(id, 'latinNumber');
    if (!value) continue;
    const typeCode = attr(id, 'identificationTypeCode') ?? '';
    const flags = ['diplomatic', 'knownExpired', 'knownFalse', 'reportedLost', 'revokedByIssuer'].filter((f) => attr(id, f) === 'true');
    const note = [attr(id, 'issuedBy') && `issued by ${attr(id, 'issuedBy')}`, attr(id, 'nameOnDocument') && `name on document: ${attr(id, 'nameOnDocument')}`, attr(id, 'issueDate') && `issued ${attr(id, 'issueDate')}`, ...flags, ...children(id, 'remark').map((r) => clean(r.text))]
      .filter(Boolean)
      .join('; ');
    e.identifiers.push({
      type: ID_TYPES[typeCode] ?? 'other',
      label: attr(id, 'identificationTypeDescription') ?? typeCode,
      value,
      country: country(id),
      note: note || null,
    });
  }
  for (const a of children(node, 'address')) {
    const text = join(attr(a, 'street'), attr(a, 'poBox') && `PO Box ${attr(a, 'poBox')}`, attr(a, 'place'), attr(a, 'city'), attr(a, 'zipCode'), attr(a, 'region'), attr(a, 'countryDescription') === 'UNKNOWN' ? null : attr(a, 'countryDescription'));
    if (text) e.addresses.push({ text, country: country(a) });
  }
  e.remarks.push(...children(node, 'remark').map((r) => clean(r.text)).filter((r): r is string => r !== null));
  const un = attr(node, 'unitedNationId');
  if (un) e.remarks.push(`UN reference: ${un}`);
  const details = attr(node, 'designationDetails');
  if (details) e.remarks.push(details);
  return e;
}

export async function parseEuFsfXml(path: string, options: ParseOptions = {}): Promise<ParsedList> {
  const out = new Collector(options);
  let listDate: string | null = null;
  await streamXml({
    options,
    path,
    fileKind: EU_FILE_KIND,
    roots: ['export'],
    records: new Set(['sanctionEntity']),
    onRoot: (attrs) => {
      listDate = partialDate(attrs.generationDate);
    },
    onRecord: (node, line) => {
      const at = lineAt(line, `sanctionEntity ${attr(node, 'logicalId') ?? '?'}`);
      out.record(at, () => toEntry(node));
    },
  });
  out.requireRecords(EU_FILE_KIND, note('no_records', { what: 'sanctionEntity' }));
  return {
    list: { key: 'eu-fsf', authority: 'EU', format: 'eu_fsf_xml', listName: 'EU Consolidated Financial Sanctions List', listDate },
    entries: out.entries,
    report: out.report,
  };
}
