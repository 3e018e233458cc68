/**
 * OFAC SDN list, classic XML (sdn.xml: <sdnList> of <sdnEntry>, in OFAC's namespace). Streamed
 * with saxes, one <sdnEntry> at a time; elements are found by name, never by position. Names are
 * written "LAST, First" for individuals, as the legacy CSV writes them, so both formats of the same
 * list give the same names. Publish_Date is US-style MM/DD/YYYY.
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
  parseDobText,
  partialDate,
  streamXml,
  type ParseOptions,
  type ParsedList,
  type XmlNode,
} from './common';
import { identifierType } from './un-xml';

export const OFAC_XML_FILE_KIND = 'OFAC SDN classic XML';

const TYPES: Record<string, DesignationEntry['type']> = {
  individual: 'person',
  entity: 'entity',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** Items of <group>/<item> under node. */
const items = (node: XmlNode, group: string, item: string): XmlNode[] => children(node, group).flatMap((g) => children(g, item));

/**
 * <idList> holds more than identity documents: OFAC files gender, websites, e-mail, "Linked To",
 * secondary-sanctions notes and directive dates there too. Those are kept as remarks.
 */
const NOT_IDENTIFIERS =
  /^(Secondary sanctions risk|Gender|Website|Email Address|Linked To|Additional Sanctions Information|Organization Established Date|Organization Type|Transactions Prohibited|Effective Date|Listing Date|Executive Order|Phone Number|Fax|Target Type|Vessel Year of Build|Other Vessel|Nationality of Registration|Former Vessel Flag|Aircraft Construction|Aircraft Manufacture Date|Aircraft Model|Aircraft Operator|Previous Aircraft|IFCA Determination|CAATSA|PEESA|Issuer Name|Location|Title|Related To|Digital Currency Address|Sanctions Program)/i;

/** OFAC's identity-document labels (the same in the classic and the advanced XML) to our types. */
export function idType(label: string, value: string): IdentifierType {
  if (/^Vessel Registration Identification/i.test(label)) return /^IMO /i.test(value) ? 'imo' : 'registration';
  if (/\bIMO\b/.test(label)) return 'imo';
  if (/^(Cedula|C\.U\.R\.P\.|Personal ID|Kenyan ID|Citizen's Card|UAE Identification|Identification Card|Stateless|Refugee|Birth Certificate|Residency)/i.test(label)) return 'national_id';
  if (/^(R\.F\.C\.|NIT #|Tax ID|V\.A\.T\.|SSN|Unified Social Credit)/i.test(label)) return 'tax_id';
  if (/^(Company Number|Registration|Business|Trade License|Legal Entity|D-U-N-S)/i.test(label)) return 'registration';
  return identifierType(label);
}

function nameOf(first: string | null, last: string, person: boolean, strength: DesignationName['strength'], note?: string): DesignationName {
  const value = first ? (person ? `${last}, ${first}` : `${last} ${first}`) : last;
  const parts = person && first ? { family: last, given: first } : undefined;
  return { value, script: detectScript(value), lang: null, strength, ...(parts ? { parts } : {}), ...(note ? { note } : {}) };
}

function toEntry(node: XmlNode): DesignationEntry {
  const uid = childText(node, 'uid');
  if (!uid) throw new RecordProblem(note('no_field', { field: 'uid' }));
  const sdnType = (childText(node, 'sdnType') ?? '').toLowerCase();
  const e = emptyEntry(uid, TYPES[sdnType] ?? 'unknown');
  const person = e.type === 'person';

  const last = childText(node, 'lastName');
  if (last) e.names.push(nameOf(childText(node, 'firstName'), last, person, 'primary'));
  for (const aka of items(node, 'akaList', 'aka')) {
    const akaLast = childText(aka, 'lastName');
    if (!akaLast) continue;
    const category = (childText(aka, 'category') ?? '').toLowerCase();
    e.names.push(nameOf(childText(aka, 'firstName'), akaLast, person, category === 'weak' ? 'weak' : 'strong', childText(aka, 'type') ?? undefined));
  }

  for (const p of items(node, 'programList', 'program')) {
    const v = clean(p.text);
    if (v) e.programmes.push(v);
  }
  const title = childText(node, 'title');
  if (title) e.positions.push(title);

  for (const dob of items(node, 'dateOfBirthList', 'dateOfBirthItem')) {
    const text = childText(dob, 'dateOfBirth');
    if (!text) continue;
    const parsed = parseDobText(text);
    e.datesOfBirth.push({ value: parsed?.value ?? { precision: 'unknown' }, text, ...(parsed?.circa ? { circa: true } : {}) });
  }
  for (const pob of items(node, 'placeOfBirthList', 'placeOfBirthItem')) {
    const text = childText(pob, 'placeOfBirth');
    if (!text) continue;
    const parts = text.split(',');
    e.placesOfBirth.push({ text, country: countryCode(parts[parts.length - 1]) });
  }
  // The same country is often both nationality and citizenship: listed once.
  for (const n of [...items(node, 'nationalityList', 'nationality'), ...items(node, 'citizenshipList', 'citizenship')]) {
    const text = childText(n, 'country');
    if (text && !e.nationalities.some((x) => x.text === text)) e.nationalities.push({ country: countryCode(text), text });
  }

  for (const id of items(node, 'idList', 'id')) {
    const label = childText(id, 'idType') ?? '';
    const value = childText(id, 'idNumber');
    if (!value) continue;
    if (NOT_IDENTIFIERS.test(label)) {
      e.remarks.push(`${label} ${value}`);
      continue;
    }
    const countryText = childText(id, 'idCountry');
    const country = countryCode(countryText);
    const issued = childText(id, 'issueDate');
    const expires = childText(id, 'expirationDate');
    const dates = [issued && `issued ${issued}`, expires && `expires ${expires}`].filter(Boolean).join(' ');
    const type = idType(label, value);
    e.identifiers.push({
      type,
      label,
      value: type === 'imo' ? value.replace(/^IMO /i, '') : value,
      country,
      note: [countryText && !country ? countryText : null, dates || null].filter(Boolean).join('; ') || null,
    });
  }

  for (const a of items(node, 'addressList', 'address')) {
    const parts = ['address1', 'address2', 'address3', 'city', 'stateOrProvince', 'postalCode', 'country']
      .map((n) => childText(a, n))
      .filter((v): v is string => v !== null);
    if (parts.length) e.addresses.push({ text: parts.join(', '), country: countryCode(childText(a, 'country')) });
  }

  const vessel = child(node, 'vesselInfo');
  if (vessel) {
    const fields = (
      [
        ['Call Sign', 'callSign'],
        ['Vessel type', 'vesselType'],
        ['Tonnage', 'tonnage'],
        ['GRT', 'grossRegisteredTonnage'],
        ['Flag', 'vesselFlag'],
        ['Owner', 'vesselOwner'],
      ] as const
    )
      .map(([label, name]) => [label, childText(vessel, name)] as const)
      .filter(([, v]) => v !== null);
    if (fields.length) e.remarks.push(fields.map(([l, v]) => `${l}: ${v}`).join('; '));
    const callSign = childText(vessel, 'callSign');
    if (callSign) e.identifiers.push({ type: 'other', label: 'Call Sign', value: callSign, country: null, note: null });
  }
  const remarks = childText(node, 'remarks');
  if (remarks) e.remarks.unshift(remarks);
  return e;
}

/** MM/DD/YYYY (OFAC's Publish_Date) to YYYY-MM-DD. */
function usDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? partialDate(`${m[3]}-${m[1]}-${m[2]}`) : partialDate(text);
}

export async function parseOfacXml(path: string, options: ParseOptions = {}): Promise<ParsedList> {
  const out = new Collector(options);
  let listDate: string | null = null;
  let recordCount: number | null = null;
  await streamXml({
    options,
    path,
    fileKind: OFAC_XML_FILE_KIND,
    roots: ['sdnList'],
    records: new Set(['sdnEntry']),
    onHeaderText: (name, text) => {
      if (name === 'Publish_Date') listDate = usDate(text);
      if (name === 'Record_Count' && /^\d+$/.test(text)) recordCount = Number(text);
    },
    onRecord: (node, line) => {
      out.record(lineAt(line, `sdnEntry ${childText(node, 'uid') ?? '?'}`), () => toEntry(node));
    },
  });
  out.requireRecords(OFAC_XML_FILE_KIND, note('no_records', { what: 'sdnEntry' }));
  const read = out.report.entries + out.report.skipped.length;
  if (recordCount !== null && recordCount !== read) {
    out.warn(null, note('record_count_differs', { stated: recordCount, found: read }));
  }
  return {
    list: { key: 'us-ofac-sdn', authority: 'US', format: 'ofac_xml', listName: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)', listDate },
    entries: out.entries,
    report: out.report,
  };
}
