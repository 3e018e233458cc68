/**
 * OFAC SDN list, advanced XML (sdn_advanced.xml; schema: us-ofac-sdn/schema/sdn_advanced.xsd). Streamed
 * with saxes. The file is a small relational database: every label is an ID into the
 * <ReferenceValueSets> at its start, places are <Location>s and identity documents <IDRegDocument>s
 * before the parties, and the programmes and designation dates are <SanctionsEntry>s after them.
 * The schema fixes that order, so each party is built when it is read (references, places and
 * documents known) and completed from its SanctionsEntry at the end; entries are handed over then.
 *
 * What the legacy CSV and classic XML do not carry and this does: the designation date (EntryEvent),
 * names in every script with their parts, dates of birth as periods with their precision.
 * Names are written "LAST, First" for individuals, as the other OFAC formats write them.
 */
import type { DesignationEntry, DesignationName } from '../../shared/domain/designations';
import type { FuzzyDate } from '../../shared/domain/fuzzy-date';
import type { NameScriptCode } from '../../shared/domain/subjects';
import { note, type ListPlace } from '../../shared/domain/list-notes';
import {
  Collector,
  RecordProblem,
  lineAt,
  recordNote,
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
import { idType } from './ofac-xml';

export const OFAC_ADVANCED_FILE_KIND = 'OFAC SDN advanced XML';

/** A reference value: its text and attributes (ISO2 of a Country, PartyTypeID of a PartySubType …). */
interface RefValue {
  text: string;
  attrs: Record<string, string>;
}
type Refs = Map<string, Map<string, RefValue>>;

/** <ReferenceValueSets><AliasTypeValues><AliasType ID="1403">Name</AliasType>… as refs.AliasType['1403']. */
function readRefs(node: XmlNode): Refs {
  const refs: Refs = new Map();
  for (const set of node.children) {
    const kind = set.name.replace(/Values$/, '');
    const values = new Map<string, RefValue>();
    for (const v of set.children) if (v.attrs.ID !== undefined) values.set(v.attrs.ID, { text: clean(v.text) ?? '', attrs: v.attrs });
    refs.set(kind, values);
  }
  return refs;
}

const ref = (refs: Refs, kind: string, id: string | undefined): RefValue | undefined => (id === undefined ? undefined : refs.get(kind)?.get(id));
const refText = (refs: Refs, kind: string, id: string | undefined): string => ref(refs, kind, id)?.text ?? '';

// ---------------------------------------------------------------------------------------------
// Dates

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

interface Day {
  y: number;
  m: number;
  d: number;
}
function dayOf(node: XmlNode | undefined): Day | null {
  if (!node) return null;
  const [y, m, d] = ['Year', 'Month', 'Day'].map((n) => Number(childText(node, n)));
  return y && m && d ? { y, m, d } : null;
}
const iso = (d: Day) => `${d.y}-${pad(d.m)}-${pad(d.d)}`;

/**
 * A <DatePeriod> as the date it stands for. OFAC writes "1955" as 1955-01-01 … 1955-12-31, "Jan 1958"
 * as the month's first to last day, "1960 to 1962" as 1960-01-01 … 1962-12-31, and a day as itself;
 * Approximate="true" is circa.
 */
export function periodDate(period: XmlNode): { value: FuzzyDate; text: string; circa: boolean } | null {
  const start = child(period, 'Start');
  const end = child(period, 'End');
  const from = dayOf(child(start ?? period, 'From')) ?? dayOf(child(start ?? period, 'To'));
  const to = dayOf(child(end ?? period, 'To')) ?? dayOf(child(end ?? period, 'From')) ?? (start ? dayOf(child(start, 'To')) : null) ?? from;
  if (!from || !to) return null;
  const circa = start?.attrs.Approximate === 'true' || end?.attrs.Approximate === 'true';
  const wholeYears = from.m === 1 && from.d === 1 && to.m === 12 && to.d === 31;
  const wholeMonths = from.d === 1 && to.d === daysIn(to.y, to.m);
  let value: FuzzyDate;
  if (iso(from) === iso(to)) value = fuzzy(iso(from));
  else if (wholeYears) value = from.y === to.y ? fuzzy(String(from.y)) : { precision: 'range', from: String(from.y), to: String(to.y) };
  else if (wholeMonths) {
    const [a, b] = [`${from.y}-${pad(from.m)}`, `${to.y}-${pad(to.m)}`];
    value = a === b ? fuzzy(a) : { precision: 'range', from: a, to: b };
  } else value = { precision: 'range', from: iso(from), to: iso(to) };
  // The advanced XML has no text for a date: the text is the date as read.
  const text = (circa ? 'circa ' : '') + (value.precision === 'range' ? `${value.from} to ${value.to}` : value.precision === 'unknown' ? '' : value.value);
  return { value, text, circa };
}

// ---------------------------------------------------------------------------------------------
// Names

/** ISO 15924 codes (<Script ScriptCode>) to ours; null when the code says nothing we keep. */
function scriptOf(code: string | undefined, value: string): NameScriptCode | null {
  switch ((code ?? '').toLowerCase()) {
    case 'latn':
      return 'latn';
    case 'cyrl':
      return 'cyrl';
    case 'arab':
      return 'arab';
    case 'hans':
      return 'hans';
    case 'hant':
      return 'hant';
    case 'mymr':
      return 'mymr';
    case 'kore':
    case 'hang':
      return 'kore';
    case 'jpan':
      return detectScript(value, 'ja');
    default:
      return detectScript(value);
  }
}

interface PartyContext {
  refs: Refs;
  locations: Map<string, XmlNode>;
  documents: Map<string, XmlNode[]>;
}

function names(identity: XmlNode, person: boolean, refs: Refs): DesignationName[] {
  // NamePartGroup ID → its type ("Last Name", "First Name", "Entity Name" …)
  const partType = new Map<string, string>();
  for (const master of children(child(identity, 'NamePartGroups') ?? identity, 'MasterNamePartGroup')) {
    for (const g of children(master, 'NamePartGroup')) partType.set(g.attrs.ID ?? '', refText(refs, 'NamePartType', g.attrs.NamePartTypeID));
  }
  const out: DesignationName[] = [];
  for (const alias of children(identity, 'Alias')) {
    const aliasType = refText(refs, 'AliasType', alias.attrs.AliasTypeID);
    const primary = alias.attrs.Primary === 'true';
    const weak = alias.attrs.LowQuality === 'true';
    const strength: DesignationName['strength'] = primary ? 'primary' : weak ? 'weak' : 'strong';
    for (const documented of children(alias, 'DocumentedName')) {
      const parts = children(documented, 'DocumentedNamePart')
        .map((p) => child(p, 'NamePartValue'))
        .filter((v): v is XmlNode => v !== undefined && clean(v.text) !== null)
        .map((v) => ({ value: clean(v.text)!, type: partType.get(v.attrs.NamePartGroupID ?? '') ?? '', script: ref(refs, 'Script', v.attrs.ScriptID) }));
      if (parts.length === 0) continue;
      const scriptRef = parts[0]!.script;
      const joined = parts.map((p) => p.value).join(/^(hans|hant|hani|jpan)$/i.test(scriptRef?.attrs.ScriptCode ?? '') ? '' : ' ');
      const script = scriptOf(scriptRef?.attrs.ScriptCode, joined);
      const of = (type: RegExp) => parts.filter((p) => type.test(p.type)).map((p) => p.value).join(' ') || undefined;
      const family = of(/^Last Name$/i);
      const given = of(/^First Name$/i);
      const middle = of(/^Middle Name$/i);
      const latin = script === 'latn';
      const rest = parts.filter((p) => !/^Last Name$/i.test(p.type)).map((p) => p.value).join(' ');
      const value = person && latin && family && rest ? `${family}, ${rest}` : joined;
      const note = [primary ? null : aliasType, weak ? 'low quality' : null, latin ? null : scriptRef?.text || null].filter(Boolean).join('; ');
      out.push({
        value,
        script,
        lang: null,
        strength,
        ...(person && (family || given || middle) ? { parts: { ...(given ? { given } : {}), ...(middle ? { middle } : {}), ...(family ? { family } : {}) } } : {}),
        ...(note ? { note } : {}),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Places, features, documents

/** A <Location> as text (its parts in order, then its country) and its country code. */
function place(location: XmlNode | undefined, refs: Refs): { text: string; country: ReturnType<typeof countryCode> } | null {
  if (!location) return null;
  const parts = children(location, 'LocationPart').flatMap((p) => {
    const values = children(p, 'LocationPartValue');
    const chosen = values.find((v) => v.attrs.Primary === 'true') ?? values[0];
    const v = chosen ? childText(chosen, 'Value') : null;
    return v ? [v] : [];
  });
  const countryRef = ref(refs, 'Country', child(location, 'LocationCountry')?.attrs.CountryID);
  if (countryRef?.text && !parts.includes(countryRef.text)) parts.push(countryRef.text);
  if (parts.length === 0) return null;
  const iso2 = countryRef?.attrs.ISO2;
  return { text: parts.join(', '), country: countryCode(iso2) ?? countryCode(countryRef?.text) };
}

function addFeature(e: DesignationEntry, feature: XmlNode, ctx: PartyContext): void {
  const type = refText(ctx.refs, 'FeatureType', feature.attrs.FeatureTypeID);
  for (const version of children(feature, 'FeatureVersion')) {
    const detail = children(version, 'VersionDetail')
      .map((d) => clean(d.text) ?? refText(ctx.refs, 'DetailReference', d.attrs.DetailReferenceID))
      .filter((v) => v !== '')
      .join('; ');
    const places = children(version, 'VersionLocation')
      .map((l) => place(ctx.locations.get(l.attrs.LocationID ?? ''), ctx.refs))
      .filter((p): p is NonNullable<typeof p> => p !== null);
    const dates = children(version, 'DatePeriod')
      .map(periodDate)
      .filter((d): d is NonNullable<typeof d> => d !== null);
    if (/^Birthdate$/i.test(type)) {
      for (const d of dates) e.datesOfBirth.push({ value: d.value, text: d.text, ...(d.circa ? { circa: true } : {}) });
    } else if (/^Place of Birth$/i.test(type)) {
      if (places.length) e.placesOfBirth.push(...places);
      else if (detail) e.placesOfBirth.push({ text: detail, country: countryCode(detail.split(',').at(-1)) });
    } else if (/^(Nationality|Citizenship)( Country)?$/i.test(type)) {
      for (const p of places.length ? places : detail ? [{ text: detail, country: countryCode(detail) }] : []) {
        if (!e.nationalities.some((n) => n.text === p.text)) e.nationalities.push(p);
      }
    } else if (/^Location$/i.test(type) || /address/i.test(type)) {
      e.addresses.push(...places);
    } else if (/^Title$/i.test(type)) {
      if (detail) e.positions.push(detail);
    } else {
      const value = [detail, ...places.map((p) => p.text), ...dates.map((d) => d.text)].filter(Boolean).join('; ');
      if (!value) continue;
      e.remarks.push(`${type}: ${value}`);
      if (/Call Sign$/i.test(type)) e.identifiers.push({ type: 'other', label: type, value: detail || value, country: null, note: null });
    }
  }
}

function addDocument(e: DesignationEntry, doc: XmlNode, refs: Refs): void {
  const value = childText(doc, 'IDRegistrationNo');
  if (!value) return;
  const label = refText(refs, 'IDRegDocType', doc.attrs.IDRegDocTypeID) || 'Document';
  const countryRef = ref(refs, 'Country', doc.attrs['IssuedBy-CountryID']);
  const country = countryCode(countryRef?.attrs.ISO2) ?? countryCode(countryRef?.text);
  const dates = children(doc, 'DocumentDate')
    .map((d) => {
      const period = child(d, 'DatePeriod');
      const date = period ? periodDate(period) : null;
      return date ? `${refText(refs, 'IDRegDocDateType', d.attrs.IDRegDocDateTypeID) || 'date'} ${date.text}` : null;
    })
    .filter(Boolean);
  const type = idType(label, value);
  e.identifiers.push({
    type,
    label,
    value: type === 'imo' ? value.replace(/^IMO /i, '') : value,
    country,
    note: [countryRef && !country ? countryRef.text : null, childText(doc, 'IssuingAuthority'), ...dates, childText(doc, 'Comment')].filter(Boolean).join('; ') || null,
  });
}

const TRANSPORT: Record<string, DesignationEntry['type']> = { vessel: 'vessel', aircraft: 'aircraft' };
const PARTY: Record<string, DesignationEntry['type']> = { individual: 'person', entity: 'entity' };

function toEntry(party: XmlNode, ctx: PartyContext): { entry: DesignationEntry; profiles: string[] } {
  const fixedRef = party.attrs.FixedRef;
  if (!fixedRef) throw new RecordProblem(note('no_field', { field: 'FixedRef' }));
  const profiles = children(party, 'Profile');
  const profile = profiles[0];
  if (!profile) throw new RecordProblem(note('no_field', { field: 'Profile' }));
  const subType = ref(ctx.refs, 'PartySubType', profile.attrs.PartySubTypeID);
  const partyType = refText(ctx.refs, 'PartyType', subType?.attrs.PartyTypeID).toLowerCase();
  const e = emptyEntry(fixedRef, TRANSPORT[(subType?.text ?? '').toLowerCase()] ?? PARTY[partyType] ?? 'unknown');
  const person = e.type === 'person';
  for (const p of profiles) {
    // The true identity first: its primary name heads the entry.
    const identities = children(p, 'Identity').sort((a, b) => Number(b.attrs.Primary === 'true') - Number(a.attrs.Primary === 'true'));
    for (const identity of identities) {
      e.names.push(...names(identity, person, ctx.refs));
      for (const doc of ctx.documents.get(identity.attrs.ID ?? '') ?? []) addDocument(e, doc, ctx.refs);
    }
    for (const feature of children(p, 'Feature')) addFeature(e, feature, ctx);
    for (const c of children(p, 'Comment')) if (clean(c.text)) e.remarks.push(clean(c.text)!);
  }
  // A primary name of the first identity leads; the rest keep the file's order.
  const lead = e.names.findIndex((n) => n.strength === 'primary');
  if (lead > 0) e.names.unshift(...e.names.splice(lead, 1));
  for (const c of children(party, 'Comment')) if (clean(c.text)) e.remarks.push(clean(c.text)!);
  return { entry: e, profiles: profiles.map((p) => p.attrs.ID ?? '') };
}

/** Programmes, designation date and legal basis from a <SanctionsEntry>. */
function addSanctions(e: DesignationEntry, sanctions: XmlNode, refs: Refs): void {
  for (const measure of children(sanctions, 'SanctionsMeasure')) {
    if (!/^Program$/i.test(refText(refs, 'SanctionsType', measure.attrs.SanctionsTypeID))) continue;
    const programme = childText(measure, 'Comment');
    if (programme && !e.programmes.includes(programme)) e.programmes.push(programme);
  }
  const events = children(sanctions, 'EntryEvent').map((ev) => {
    const d = dayOf(child(ev, 'Date'));
    return { date: d ? partialDate(iso(d)) : null, type: refText(refs, 'EntryEventType', ev.attrs.EntryEventTypeID), basis: ref(refs, 'LegalBasis', ev.attrs.LegalBasisID) };
  });
  // The event that put the entry on the list; when none is typed so, the earliest the list records.
  const created = events.filter((ev) => /creat|design|listed/i.test(ev.type));
  const dates = (created.length ? created : events).map((ev) => ev.date).filter((d): d is string => d !== null).sort();
  if (dates[0] && (!e.listedOn || dates[0] < e.listedOn)) e.listedOn = dates[0];
  for (const ev of events) {
    const basis = ev.basis ? ev.basis.attrs.LegalBasisShortRef || ev.basis.text : null;
    const remark = basis ? `Legal basis: ${basis}` : null;
    if (remark && !e.remarks.includes(remark)) e.remarks.push(remark);
  }
}

export async function parseOfacAdvancedXml(path: string, options: ParseOptions = {}): Promise<ParsedList> {
  const out = new Collector(options);
  const ctx: PartyContext = { refs: new Map(), locations: new Map(), documents: new Map() };
  const built: { entry: DesignationEntry; at: ListPlace }[] = [];
  const byProfile = new Map<string, DesignationEntry>();
  const listNames = new Set<string>();
  let listDate: string | null = null;
  await streamXml({
    options,
    path,
    fileKind: OFAC_ADVANCED_FILE_KIND,
    roots: ['Sanctions'],
    records: new Set(['DateOfIssue', 'ReferenceValueSets', 'Location', 'IDRegDocument', 'DistinctParty', 'SanctionsEntry']),
    onRecord: (node, line) => {
      switch (node.name) {
        case 'DateOfIssue': {
          const d = dayOf(node);
          listDate = d ? partialDate(iso(d)) : null;
          break;
        }
        case 'ReferenceValueSets':
          ctx.refs = readRefs(node);
          break;
        case 'Location':
          ctx.locations.set(node.attrs.ID ?? '', node);
          break;
        case 'IDRegDocument': {
          const identity = node.attrs.IdentityID ?? '';
          (ctx.documents.get(identity) ?? ctx.documents.set(identity, []).get(identity)!).push(node);
          break;
        }
        case 'DistinctParty': {
          const at = lineAt(line, `DistinctParty ${node.attrs.FixedRef ?? '?'}`);
          try {
            const { entry, profiles } = toEntry(node, ctx);
            built.push({ entry, at });
            for (const p of profiles) byProfile.set(p, entry);
          } catch (error) {
            out.skip(at, recordNote(error));
          }
          break;
        }
        case 'SanctionsEntry': {
          const entry = byProfile.get(node.attrs.ProfileID ?? '');
          const list = refText(ctx.refs, 'List', node.attrs.ListID);
          if (list) listNames.add(list);
          if (entry) addSanctions(entry, node, ctx.refs);
          else out.warn(lineAt(line), note('ofac_entry_without_profile', { entry: node.attrs.ID ?? '?', profile: node.attrs.ProfileID ?? '?' }));
          break;
        }
      }
    },
  });
  for (const { entry, at } of built) {
    if (entry.names.length === 0) out.skip(at, note('no_name'));
    else out.add(entry, at);
  }
  out.requireRecords(OFAC_ADVANCED_FILE_KIND, note('no_records', { what: 'DistinctParty' }));
  // The same format carries OFAC's consolidated (non-SDN) lists: a different list, not a new SDN version.
  const sdn = listNames.size === 0 || [...listNames].every((l) => /^SDN List$/i.test(l));
  return {
    list: sdn
      ? { key: 'us-ofac-sdn', authority: 'US', format: 'ofac_advanced_xml', listName: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)', listDate }
      : { key: 'us-ofac-consolidated', authority: 'US', format: 'ofac_advanced_xml', listName: 'OFAC Consolidated Sanctions List (non-SDN)', listDate },
    entries: out.entries,
    report: out.report,
  };
}
