/**
 * Canada, Consolidated Canadian Autonomous Sanctions List (SEMA + JVCFOA), XML
 * (https://www.international.gc.ca/…/sema-lmes.xml). A flat <data-set> of <record>s with no
 * identifier of its own: a record is named by its regulation ("Country"), schedule and item,
 * which is how the regulations themselves cite it. Newer files rename Entity, DateOfBirth and
 * Title to EntityOrShip, DateOfBirthOrShipBuildDate and TitleOrShip, and add ShipIMONumber and
 * DateOfListing; both spellings are read.
 */
import type { DesignationEntry, DesignationName } from '../../shared/domain/designations';
import { note } from '../../shared/domain/list-notes';
import {
  Collector,
  RecordProblem,
  lineAt,
  childText,
  clean,
  detectScript,
  emptyEntry,
  parseDobText,
  partialDate,
  streamXml,
  type ParseOptions,
  type ParsedList,
  type XmlNode,
} from './common';

export const CA_FILE_KIND = 'Canada consolidated autonomous sanctions list XML';

const first = (node: XmlNode, ...names: string[]) => names.map((n) => childText(node, n)).find((v) => v !== null) ?? null;

function toEntry(node: XmlNode): DesignationEntry {
  const regulation = childText(node, 'Country');
  const item = childText(node, 'Item');
  if (!regulation || !item) throw new RecordProblem(note('no_fields', { first: 'Country', second: 'Item' }));
  const schedule = childText(node, 'Schedule');
  const short = clean(regulation.split(' / ')[0]) ?? regulation;
  const listId = `${short}, ${schedule ? `Schedule ${schedule}, ` : ''}item ${item}`;
  const entityName = first(node, 'Entity', 'EntityOrShip');
  const family = childText(node, 'LastName');
  const given = childText(node, 'GivenName');
  const imo = childText(node, 'ShipIMONumber');
  const type: DesignationEntry['type'] = family || given ? 'person' : imo ? 'vessel' : entityName ? 'entity' : 'unknown';
  const e = emptyEntry(listId, type);
  e.programmes.push(regulation);
  e.listedOn = partialDate(childText(node, 'DateOfListing'));
  const person = type === 'person';

  const primary = person ? [given, family].filter(Boolean).join(' ') : entityName;
  if (primary) {
    const name: DesignationName = { value: primary, script: detectScript(primary), lang: null, strength: 'primary' };
    if (person) name.parts = { ...(given ? { given } : {}), ...(family ? { family } : {}) };
    e.names.push(name);
  }
  if (person && entityName) e.names.push({ value: entityName, script: detectScript(entityName), lang: null, strength: 'strong' });
  const aliases = childText(node, 'Aliases');
  if (aliases) {
    // The list separates aliases with ", " — but company names carry ", Ltd." etc.: keep those whole.
    const parts = aliases.split(/,\s+(?!(?:Ltd|Limited|Inc|LLC|Co|S\.A|JSC|OJSC|PJSC|CJSC|LLP|Pte)\b)/);
    for (const value of parts.map((p) => p.trim()).filter(Boolean)) {
      e.names.push({ value, script: detectScript(value), lang: null, strength: 'strong' });
    }
  }
  const dobText = first(node, 'DateOfBirth', 'DateOfBirthOrShipBuildDate');
  if (dobText && type !== 'vessel') {
    for (const text of dobText.split(/\s+or\s+/)) {
      const dob = parseDobText(text);
      e.datesOfBirth.push({ value: dob?.value ?? { precision: 'unknown' }, text, ...(dob?.circa ? { circa: true } : {}) });
    }
  } else if (dobText) {
    e.remarks.push(`Ship build date: ${dobText}`);
  }
  const title = first(node, 'Title', 'TitleOrShip');
  if (title) e.positions.push(title);
  if (imo) e.identifiers.push({ type: 'imo', label: 'IMO number', value: imo, country: null, note: null });
  return e;
}

export async function parseCaSemaXml(path: string, options: ParseOptions = {}): Promise<ParsedList> {
  const out = new Collector(options);
  let index = 0;
  await streamXml({
    options,
    path,
    fileKind: CA_FILE_KIND,
    roots: ['data-set'],
    records: new Set(['record']),
    onRecord: (node, line) => {
      index += 1;
      out.record(lineAt(line, `record ${index}`), () => toEntry(node));
    },
  });
  out.requireRecords(CA_FILE_KIND, note('no_records', { what: 'record' }));
  return {
    list: { key: 'ca-sema', authority: 'CA', format: 'ca_sema_xml', listName: 'Consolidated Canadian Autonomous Sanctions List', listDate: null },
    entries: out.entries,
    report: out.report,
  };
}
