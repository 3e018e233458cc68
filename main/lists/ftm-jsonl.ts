/**
 * OpenSanctions / FollowTheMoney JSON lines (entities.ftm.json): one entity per line, each
 * `{id, schema, properties: {prop: [values]}}` (OpenSanctions adds caption, datasets, referents,
 * first_seen, last_seen, target). Designated persons, organisations, vessels and aircraft are
 * entities; who designated them, under which programme and since when, is in separate Sanction
 * entities whose `entity` names them, before or after them in the file.
 *
 * Read in two streamed passes so memory stays bounded by the number of Sanctions, not the file:
 * pass 1 keeps each Sanction as a small interned profile keyed by its target id; pass 2 parses
 * every line and emits an entry per designated entity and authority. Other schemas (Address,
 * Passport, Ownership …) are not entries: OpenSanctions copies addresses and passport numbers onto
 * the entity itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Authority, DesignationEntry, DesignationName, IdentifierType } from '../../shared/domain/designations';
import { note, type ListNote } from '../../shared/domain/list-notes';
import {
  Collector,
  ListParseError,
  countryCode,
  lineAt,
  recordNote,
  detectScript,
  emptyEntry,
  StrictUtf8,
  fuzzy,
  partialDate,
  openListFile,
  type ParseOptions,
  type ParsedList,
} from './common';

export const FTM_FILE_KIND = 'FollowTheMoney JSON lines';

type Properties = Record<string, unknown>;
interface FtmLine {
  id?: unknown;
  schema?: unknown;
  caption?: unknown;
  properties?: unknown;
  datasets?: unknown;
  last_seen?: unknown;
  target?: unknown;
}

const TYPES: Record<string, DesignationEntry['type']> = {
  Person: 'person',
  Organization: 'entity',
  Company: 'entity',
  LegalEntity: 'entity',
  PublicBody: 'entity',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};

// ---------------------------------------------------------------------------------------------
// Lines

/** Decodes strictly as UTF-8 (StrictUtf8); emits strings for readline. */
function strictUtf8(): Transform & { endsWithNewline: () => boolean } {
  const utf8 = new StrictUtf8(FTM_FILE_KIND);
  const t = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, utf8.decode(chunk));
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done) {
      try {
        done(null, utf8.end() || undefined);
      } catch (e) {
        done(e as Error);
      }
    },
  });
  return Object.assign(t, { endsWithNewline: () => utf8.endsWithNewline() });
}

/** Calls onLine for every line (1-based numbers, BOM and CR removed); gzip is undone first. */
async function eachLine(file: string, options: ParseOptions, onLine: (line: string, n: number) => void): Promise<{ lines: number; endsWithNewline: boolean }> {
  const head = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  const headLen = fs.readSync(fd, head, 0, 2, 0);
  fs.closeSync(fd);
  if (headLen === 0) throw new ListParseError(FTM_FILE_KIND, 'empty', null, note('empty'));
  const source = openListFile(file, options, 1024 * 1024);
  let bytes: Readable = source;
  if (head[0] === 0x1f && head[1] === 0x8b) bytes = source.pipe(zlib.createGunzip());
  const text = strictUtf8();
  bytes.on('error', (e: Error & { code?: string }) =>
    text.destroy(
      e.code === 'Z_BUF_ERROR' || e.code === 'Z_DATA_ERROR'
        ? new ListParseError(FTM_FILE_KIND, 'truncated', null, note('gzip_damaged', { cause: e.message }))
        : e,
    ),
  );
  bytes.pipe(text);
  // readline: the platform's line splitter; crlfDelay treats \r\n as one break.
  const rl = readline.createInterface({ input: text, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const raw of rl) {
      n += 1;
      onLine(n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, n);
    }
  } finally {
    rl.close();
    source.destroy();
  }
  return { lines: n, endsWithNewline: text.endsWithNewline() };
}

// ---------------------------------------------------------------------------------------------
// Sanctions and authorities

/** Country of the publishing authority (zavod's make_sanction sets it; UN has none). */
const AUTHORITY_BY_COUNTRY: Record<string, Authority> = { us: 'US', gb: 'UK', uk: 'UK', eu: 'EU', ca: 'CA', au: 'AU', jp: 'JP' };
const AUTHORITY_BY_TEXT: [RegExp, Authority][] = [
  [/United Nations|Security Council|\bUNSC?\b/, 'UN'],
  [/Office of Foreign Assets Control|\bOFAC\b|Department of (the )?Treasury|Department of State|Bureau of Industry and Security|United States/i, 'US'],
  [/HM Treasury|Office of Financial Sanctions Implementation|\bOFSI\b|\bFCDO\b|Foreign,? Commonwealth (&|and) Development Office|United Kingdom/i, 'UK'],
  [/European Union|Council of the (European Union|EU)|European Commission|\bEU\b/, 'EU'],
  [/Global Affairs Canada|Government of Canada|\bCanad(a|ian)\b/, 'CA'],
  [/Department of Foreign Affairs and Trade|\bDFAT\b|Australia/, 'AU'],
  [/Japan|財務省|外務省|経済産業省|\bMETI\b/, 'JP'],
];

/** The partner an OpenSanctions Sanction belongs to, from its authority text and country; else undefined. */
export function sanctionAuthority(authorityText: string | undefined, country: string | undefined): Authority | undefined {
  if (authorityText && AUTHORITY_BY_TEXT[0]![0].test(authorityText)) return 'UN';
  const byCountry = country ? AUTHORITY_BY_COUNTRY[country.toLowerCase()] : undefined;
  if (byCountry) return byCountry;
  return authorityText ? AUTHORITY_BY_TEXT.find(([re]) => re.test(authorityText))?.[1] : undefined;
}

/** One Sanction as kept between the passes; identical ones are stored once. */
interface SanctionProfile {
  authority: Authority | undefined;
  /** The authority as the file names it ("Office of Foreign Assets Control" …). */
  label: string;
  programmes: readonly string[];
  listedOn: string | null;
}

/**
 * The Sanctions between the passes, small: authority, label and programmes are interned as a
 * "combination" (few distinct in any list), and each Sanction is one number, combination × 2^25 +
 * listing date as YYYYMMDD. Each target id maps to its Sanction's number, or numbers; CONSUMED
 * once its entity was read. About 70 bytes a target: no object or string per Sanction.
 */
class SanctionIndex {
  private readonly combos: string[] = [];
  private readonly comboIndex = new Map<string, number>();
  readonly byTarget = new Map<string, number | number[]>();

  add(targets: readonly string[], profile: SanctionProfile): void {
    const key = `${profile.authority ?? ''}\u0001${profile.label}\u0001${profile.programmes.join('\u0002')}`;
    let combo = this.comboIndex.get(key);
    if (combo === undefined) {
      combo = this.combos.push(key) - 1;
      this.comboIndex.set(key, combo);
    }
    const packed = combo * DATE_SPAN + dateNumber(profile.listedOn);
    for (const target of targets) {
      const had = this.byTarget.get(target);
      if (had === undefined) this.byTarget.set(target, packed);
      else if (typeof had === 'number') {
        if (had !== packed) this.byTarget.set(target, [had, packed]);
      } else if (!had.includes(packed)) had.push(packed);
    }
  }

  private unpack(packed: number): SanctionProfile {
    const [authority, label, programmes] = this.combos[Math.floor(packed / DATE_SPAN)]!.split('\u0001') as [string, string, string];
    return {
      authority: (authority || undefined) as Authority | undefined,
      label,
      programmes: programmes === '' ? [] : programmes.split('\u0002'),
      listedOn: dateText(packed % DATE_SPAN),
    };
  }

  /** The target's Sanctions; marks it read. */
  take(id: string): SanctionProfile[] | 'again' {
    const had = this.byTarget.get(id);
    if (had === undefined) return [];
    if (had === CONSUMED) return 'again';
    this.byTarget.set(id, CONSUMED);
    return typeof had === 'number' ? [this.unpack(had)] : had.map((p) => this.unpack(p));
  }
}
/** YYYYMMDD is below 2^25. */
const DATE_SPAN = 2 ** 25;
/** A partial date as YYYYMMDD with 00 for what it does not say; 0 for none. */
const dateNumber = (date: string | null): number =>
  date ? Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7) || 0) * 100 + Number(date.slice(8, 10) || 0) : 0;
function dateText(n: number): string | null {
  if (n === 0) return null;
  const y = String(Math.floor(n / 10000));
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return m === 0 ? y : d === 0 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
const CONSUMED = -1;

// ---------------------------------------------------------------------------------------------
// Properties

const NONE: readonly string[] = Object.freeze([]);
/** What String.prototype.trim removes (checked on the ends without making a trimmed copy). */
const isSpace = (c: number) =>
  c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** A property's string values, trimmed, without empties; the parsed array itself when it is clean. */
function cleanStrings(v: unknown): readonly string[] {
  if (!Array.isArray(v)) return NONE;
  let clean = true;
  for (const s of v) if (typeof s !== 'string' || s === '' || isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1))) clean = false;
  if (clean) return v as string[];
  const out: string[] = [];
  for (const s of v) {
    if (typeof s !== 'string') continue;
    const t = s.trim();
    if (t !== '') out.push(t);
  }
  return out;
}
const strings = (props: Properties, name: string): readonly string[] => cleanStrings(props[name]);

/** An entity's properties, each read once (one walk over the keys it has, not a lookup per property we know). */
type Values = Map<string, readonly string[]>;
function valuesOf(props: Properties): Values {
  const out: Values = new Map();
  for (const key of Object.keys(props)) {
    const v = cleanStrings(props[key]);
    if (v.length) out.set(key, v);
  }
  return out;
}

const first = (props: Properties, name: string): string | undefined => strings(props, name)[0];

function sanctionProfile(props: Properties): SanctionProfile {
  const label = first(props, 'authority') ?? first(props, 'publisher') ?? '';
  const authority = sanctionAuthority(label || undefined, first(props, 'country'));
  let programmes = strings(props, 'program');
  if (programmes.length === 0) programmes = strings(props, 'programId');
  const dates = [...strings(props, 'listingDate'), ...strings(props, 'startDate')].map(partialDate).filter((d): d is string => d !== null);
  dates.sort();
  return { authority, label, programmes, listedOn: dates[0] ?? null };
}

/** FtM identifier properties: [property, our type]. The label is the property name, as the file has it. */
const IDENTIFIERS: [string, IdentifierType][] = [
  ['passportNumber', 'passport'],
  ['idNumber', 'national_id'],
  ['socialSecurityNumber', 'national_id'],
  ['innCode', 'tax_id'],
  ['taxNumber', 'tax_id'],
  ['vatCode', 'tax_id'],
  ['registrationNumber', 'registration'],
  ['ogrnCode', 'registration'],
  ['leiCode', 'registration'],
  ['imoNumber', 'imo'],
  ['mmsi', 'other'],
  ['callSign', 'other'],
  ['swiftBic', 'other'],
];

/** detectScript, with printable ASCII (most names in these files) answered without its Unicode regexes. */
function scriptOf(value: string): ReturnType<typeof detectScript> {
  if (/^[\x20-\x7e]*$/.test(value)) return /[A-Za-z]/.test(value) ? 'latn' : null;
  return detectScript(value);
}

function countryOf(code: string): ReturnType<typeof countryCode> {
  return /^[a-z]{2}$/i.test(code) ? countryCode(code.toUpperCase()) : countryCode(code);
}

/** The entity's own facts, without programmes or authority (those come from its Sanctions). */
function entityFacts(id: string, type: DesignationEntry['type'], caption: string | undefined, props: Values): DesignationEntry {
  const get = (name: string) => props.get(name) ?? NONE;
  const e = emptyEntry(id, type);
  const person = type === 'person';
  const seen = new Set<string>();
  const addName = (value: string, strength: DesignationName['strength'], note?: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    e.names.push({ value, script: scriptOf(value), lang: null, strength, ...(note ? { note } : {}) });
  };
  const names = get('name');
  // The caption is the name OpenSanctions heads the entity with: first.
  if (caption && names.includes(caption)) addName(caption, 'primary');
  for (const n of names) addName(n, 'primary');
  const given = get('firstName');
  const family = get('lastName');
  const middle = [...get('middleName'), ...get('fatherName')];
  if (e.names.length === 0 && (given.length || family.length)) {
    addName([given[0], middle[0], family[0]].filter(Boolean).join(' '), 'primary');
  }
  if (person && given.length === 1 && family.length === 1) {
    const g = given[0]!;
    const f = family[0]!;
    for (const n of e.names) {
      const v = n.value.toLowerCase();
      if (v.includes(g.toLowerCase()) && v.includes(f.toLowerCase())) n.parts = { given: g, family: f, ...(middle.length === 1 ? { middle: middle[0] } : {}) };
    }
  }
  for (const n of get('alias')) addName(n, 'strong', 'alias');
  for (const n of get('previousName')) addName(n, 'strong', 'previousName');
  for (const n of get('weakAlias')) addName(n, 'weak', 'weakAlias');

  for (const text of get('birthDate')) {
    const v = partialDate(text);
    e.datesOfBirth.push({ value: v ? fuzzy(v) : { precision: 'unknown' }, text });
  }
  for (const text of get('birthPlace')) {
    const parts = text.split(',');
    e.placesOfBirth.push({ text, country: countryCode(parts[parts.length - 1]) });
  }
  const nationalities = person
    ? [...get('nationality'), ...get('citizenship')]
    : [...get('jurisdiction'), ...get('country'), ...get('flag')];
  for (const text of new Set(nationalities)) e.nationalities.push({ country: countryOf(text), text });
  for (const [prop, idType] of IDENTIFIERS) {
    for (const raw of new Set(get(prop))) {
      const value = idType === 'imo' ? raw.replace(/^IMO\s*/i, '') : raw;
      e.identifiers.push({ type: idType, label: prop, value, country: null, note: null });
    }
  }
  for (const text of get('address')) {
    const parts = text.split(',');
    e.addresses.push({ text, country: countryCode(parts[parts.length - 1]) });
  }
  e.positions.push(...get('position'));
  e.remarks.push(...get('notes'), ...get('description'), ...get('summary'));
  const titles = get('title');
  if (titles.length) e.remarks.push(`Title: ${titles.join('; ')}`);
  const gender = get('gender');
  if (gender.length) e.remarks.push(`Gender: ${gender.join('; ')}`);
  const deaths = get('deathDate');
  if (deaths.length) e.remarks.push(`Date of death: ${deaths.join('; ')}`);
  return e;
}

/** One entry per authority among the entity's Sanctions (the coordination matrix needs each). */
function entriesFor(facts: DesignationEntry, sanctions: SanctionProfile[]): DesignationEntry[] {
  if (sanctions.length === 0) return [facts];
  const groups = new Map<Authority | undefined, SanctionProfile[]>();
  for (const s of sanctions) (groups.get(s.authority) ?? groups.set(s.authority, []).get(s.authority)!).push(s);
  const split = groups.size > 1;
  const id = facts.listId;
  return [...groups].map(([authority, group], i) => {
    const programmes = new Set<string>();
    for (const s of group) {
      // Authorities that are not partners keep their name with the programme.
      const named = authority ? s.programmes : s.programmes.map((p) => (s.label ? `${s.label}: ${p}` : p));
      for (const p of named.length ? named : authority ? [] : [s.label].filter(Boolean)) programmes.add(p);
    }
    const dates = group.map((s) => s.listedOn).filter((d): d is string => d !== null).sort();
    // The first entry is the entity's own object; the others copy it.
    const entry = i === 0 ? facts : { ...facts };
    if (split) entry.listId = `${id}#${authority ?? 'other'}`;
    if (authority) entry.authority = authority;
    else delete entry.authority;
    entry.programmes = [...programmes];
    entry.listedOn = dates[0] ?? null;
    return entry;
  });
}

// ---------------------------------------------------------------------------------------------

const parseLine = (line: string): unknown => JSON.parse(line) as unknown;
/** A Sanction's line (pass 1 reads these, pass 2 skips them). Inside JSON strings quotes are escaped: only the key matches. */
const SANCTION_LINE = /"schema"\s*:\s*"Sanction"/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function parseFtmJsonl(file: string, options: ParseOptions = {}): Promise<ParsedList> {
  const out = new Collector(options);
  const sanctions = new SanctionIndex();

  // Pass 1: the file's kind, every line's shape and encoding, and the Sanctions.
  let firstLine = 0;
  let lastLine = 0;
  // A line that is not a JSON object fails the file; whether it is damaged or cut off (the
  // download ended there) only the next line can tell.
  let suspect: { n: number; why: ListNote } | null = null;
  const pass1 = await eachLine(file, options, (raw, n) => {
    const line = raw.trim();
    if (line === '') return;
    if (suspect) throw new ListParseError(FTM_FILE_KIND, 'malformed', lineAt(suspect.n), suspect.why);
    lastLine = n;
    if (firstLine === 0) {
      firstLine = n;
      sniffFirstLine(line, n);
    }
    if (line.charCodeAt(0) !== 123 /* { */ || line.charCodeAt(line.length - 1) !== 125 /* } */) {
      suspect = { n, why: note('not_json_object') };
      return;
    }
    // Only Sanctions are parsed now; pass 2 parses the rest.
    if (!SANCTION_LINE.test(line)) return;
    let obj: unknown;
    try {
      obj = parseLine(line);
    } catch (e) {
      suspect = { n, why: note('not_json', { cause: (e as Error).message }) };
      return;
    }
    if (isObject(obj) && obj.schema === 'Sanction' && isObject(obj.properties)) {
      const targets = strings(obj.properties, 'entity');
      if (targets.length) sanctions.add(targets, sanctionProfile(obj.properties));
      else out.skip(lineAt(n, `Sanction ${String(obj.id)}`), note('sanction_without_entity'));
    }
  });
  // The file's last line is suspect: cut short, as no line follows it.
  const cut = suspect as { n: number } | null;
  if (cut) throw new ListParseError(FTM_FILE_KIND, 'truncated', lineAt(cut.n), note('cut_last_line'));
  if (firstLine === 0) throw new ListParseError(FTM_FILE_KIND, 'empty', null, note('no_entities'));

  // Pass 2: the entities.
  const others = new Map<string, number>();
  let notDesignated = 0;
  const authorities = new Set<Authority | undefined>();
  /** The one OpenSanctions dataset every entity belongs to; null when they differ or say none. */
  let dataset: string | null | undefined;
  let moreDatasets = false;
  let lastSeen = '';
  const datasets = new Set<string>();
  await eachLine(file, options, (raw, n) => {
    const line = raw.trim();
    if (line === '' || SANCTION_LINE.test(line)) return;
    let obj: unknown;
    try {
      obj = parseLine(line);
    } catch (e) {
      const last = n === lastLine && !pass1.endsWithNewline;
      throw new ListParseError(FTM_FILE_KIND, last ? 'truncated' : 'malformed', lineAt(n), last ? note('cut_last_line') : note('not_json', { cause: (e as Error).message }));
    }
    const entity = obj as FtmLine;
    const at = lineAt(n, `entity ${typeof entity.id === 'string' ? entity.id : '?'}`);
    if (!isObject(obj) || typeof entity.id !== 'string' || entity.id === '' || typeof entity.schema !== 'string' || !isObject(entity.properties)) {
      out.skip(lineAt(n), note('not_ftm_entity'));
      return;
    }
    const type = TYPES[entity.schema];
    if (!type) {
      if (entity.schema !== 'Sanction') others.set(entity.schema, (others.get(entity.schema) ?? 0) + 1);
      return;
    }
    const props = valuesOf(entity.properties);
    const taken = sanctions.take(entity.id);
    if (taken === 'again') return out.skip(at, note('reference_twice', { field: 'entity id' }));
    const topics = props.get('topics') ?? NONE;
    if (taken.length === 0 && entity.target !== true && !topics.includes('sanction')) {
      notDesignated += 1;
      return;
    }
    const ds = Array.isArray(entity.datasets) ? entity.datasets.filter((d): d is string => typeof d === 'string') : [];
    const dsKey = ds.length === 1 ? ds[0]! : null;
    dataset = dataset === undefined ? dsKey : dataset === dsKey ? dataset : null;
    for (const d of ds) {
      if (datasets.has(d)) continue;
      if (datasets.size < 4) datasets.add(d);
      else moreDatasets = true;
    }
    if (typeof entity.last_seen === 'string' && entity.last_seen > lastSeen) lastSeen = entity.last_seen;
    let facts: DesignationEntry;
    try {
      facts = entityFacts(entity.id, type, typeof entity.caption === 'string' ? entity.caption : undefined, props);
    } catch (e) {
      return out.skip(at, recordNote(e));
    }
    for (const entry of entriesFor(facts, taken)) {
      authorities.add(entry.authority);
      out.record(at, () => entry);
    }
  });

  let unmatched = 0;
  for (const v of sanctions.byTarget.values()) if (v !== CONSUMED) unmatched += 1;
  if (unmatched) out.warn(null, note('ftm_unmatched_sanctions', { n: unmatched }));
  if (notDesignated) out.warn(null, note('ftm_not_designated', { n: notDesignated }));
  if (others.size) {
    const list = [...others].sort((a, b) => b[1] - a[1]).map(([schema, count]) => `${count} ${schema}`);
    out.warn(null, note('ftm_other_schemas', { list: list.join(', ') }));
  }
  out.requireRecords(FTM_FILE_KIND, note('no_designations'));

  const only = authorities.size === 1 ? [...authorities][0] : undefined;
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'entities';
  return {
    list: {
      // One OpenSanctions dataset is one list; a collection mixing them is "opensanctions".
      key: dataset ? `opensanctions-${slug(dataset)}` : datasets.size ? 'opensanctions' : `ftm-${slug(path.basename(file).replace(/\.(ftm\.)?jsonl?(\.gz)?$|\.gz$/i, ''))}`,
      // Null when the file mixes authorities: each entry then says its own.
      authority: only ?? null,
      format: 'ftm_jsonl',
      listName: datasets.size ? `OpenSanctions: ${[...datasets].join(', ')}${moreDatasets ? ' …' : ''}` : `FollowTheMoney entities (${path.basename(file)})`,
      // OpenSanctions states no export date; the last time it saw any entity is the data's date.
      listDate: partialDate(lastSeen.slice(0, 10)),
    },
    entries: out.entries,
    report: out.report,
  };
}

/** The first line says what the file is: an HTML page, XML, or not FtM at all. */
function sniffFirstLine(line: string, n: number): void {
  const at = lineAt(n);
  if (line.startsWith('<')) {
    if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/i.test(line)) {
      throw new ListParseError(FTM_FILE_KIND, 'html_page', at, note('html_page'));
    }
    throw new ListParseError(FTM_FILE_KIND, 'wrong_kind', at, note('xml_not_jsonl'));
  }
  if (!line.startsWith('{')) throw new ListParseError(FTM_FILE_KIND, 'wrong_kind', at, note('not_jsonl'));
  let obj: unknown;
  try {
    obj = parseLine(line);
  } catch (e) {
    throw new ListParseError(FTM_FILE_KIND, 'wrong_kind', at, note('not_one_entity_per_line', { cause: (e as Error).message }));
  }
  if (!isObject(obj) || typeof obj.schema !== 'string' || !isObject(obj.properties)) {
    throw new ListParseError(FTM_FILE_KIND, 'wrong_kind', at, note('json_not_ftm'));
  }
}
