/**
 * UK Sanctions List, CSV (FCDO, https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv). A first
 * line "Report Date: 13-Feb-2026", then a header, then one row per name or other variant of a
 * designation: the rows of one Unique ID are merged into one entry, each value kept once. Columns are
 * found by their header, never by position. UTF-8 (a byte-order mark is fine). The same fields as the
 * XML (uk-xml.ts), read into the same entry: Name 1 is the given name, Name 6 the surname or entity
 * name; dates are dd/mm/yyyy with dd or mm for an unknown day or month.
 */
import { parse } from 'csv-parse';
import type { DesignationEntry, DesignationName } from '../../shared/domain/designations';
import { note, type ListPlace } from '../../shared/domain/list-notes';
import { Collector, ListParseError, StrictUtf8, lineAt, clean, countryCode, detectScript, emptyEntry, openListFile, parseDobText, partialDate, type ParseOptions, type ParsedList } from './common';

export const UK_CSV_FILE_KIND = 'UK Sanctions List CSV';

/** A header cell as compared: lower case, letters and digits only ("Nationality(/ies)" → "nationalityies"). */
export const headerKey = (cell: string) => cell.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Our fields and the header spellings the FCDO has used for them. */
const COLUMNS = {
  uniqueId: ['Unique ID'],
  groupId: ['OFSI Group ID'],
  unRef: ['UN Reference Number'],
  name1: ['Name 1'],
  name2: ['Name 2'],
  name3: ['Name 3'],
  name4: ['Name 4'],
  name5: ['Name 5'],
  name6: ['Name 6'],
  nameType: ['Name type'],
  aliasStrength: ['Alias strength'],
  title: ['Title'],
  nonLatin: ['Name non-latin script'],
  nonLatinType: ['Non-latin script type'],
  nonLatinLang: ['Non-latin script language'],
  regime: ['Regime Name', 'Regime'],
  kind: ['Designation Type', 'Individual, Entity, Ship', 'Individual/Entity/Ship'],
  sanctions: ['Sanctions Imposed'],
  other: ['Other Information'],
  reasons: ['UK Statement of Reasons'],
  address1: ['Address Line 1'],
  address2: ['Address Line 2'],
  address3: ['Address Line 3'],
  address4: ['Address Line 4'],
  address5: ['Address Line 5'],
  address6: ['Address Line 6'],
  postcode: ['Address Postal Code'],
  addressCountry: ['Address Country'],
  designated: ['Date Designated'],
  dob: ['D.O.B', 'DOB', 'Date of birth'],
  nationality: ['Nationality(/ies)', 'Nationality', 'Nationalities'],
  nationalId: ['National Identifier number'],
  nationalIdInfo: ['National Identifier additional information'],
  passport: ['Passport number'],
  passportInfo: ['Passport additional information'],
  position: ['Position'],
  townOfBirth: ['Town of birth'],
  countryOfBirth: ['Country of birth'],
  entityType: ['Type of entity'],
  registration: ['Business registration number (s)', 'Business registration number(s)'],
  imo: ['IMO number'],
} as const;
type Field = keyof typeof COLUMNS;
const FIELD_OF = new Map(Object.entries(COLUMNS).flatMap(([field, names]) => names.map((n) => [headerKey(n), field as Field] as const)));

/** Whether a CSV line is the UK list's header (detect.ts asks too). */
export const isUkCsvHeader = (fields: readonly string[] | null): boolean => {
  const keys = new Set((fields ?? []).map(headerKey));
  return keys.has('uniqueid') && keys.has('name6') && (keys.has('ofsigroupid') || keys.has('regimename'));
};

const TYPES: Record<string, DesignationEntry['type']> = { individual: 'person', entity: 'entity', ship: 'vessel' };
const ADDRESS_FIELDS: Field[] = ['address1', 'address2', 'address3', 'address4', 'address5', 'address6', 'postcode', 'addressCountry'];

/** One designation while its rows are read. Values are kept once each, in the order first seen. */
interface Draft {
  at: ListPlace;
  single: Partial<Record<Field, string>>;
  names: DesignationName[];
  /** After the other names, as the XML has them. */
  nonLatin: DesignationName[];
  nameKeys: Set<string>;
  titles: string[];
  lists: Map<string, Set<string>>;
  entry: DesignationEntry;
}

function addOnce<T>(list: T[], value: T, key: (v: T) => string = (v) => JSON.stringify(v)): void {
  if (!list.some((v) => key(v) === key(value))) list.push(value);
}

function readRow(draft: Draft, get: (f: Field) => string | null): void {
  const e = draft.entry;
  // Fields a designation has one of: the first value given is kept.
  for (const f of ['groupId', 'unRef', 'regime', 'kind', 'sanctions', 'other', 'reasons', 'designated'] as const) {
    const v = get(f);
    if (v && draft.single[f] === undefined) draft.single[f] = v;
  }
  const title = get('title');
  if (title) addOnce(draft.titles, title);

  const numbered = (['name1', 'name2', 'name3', 'name4', 'name5', 'name6'] as const).map(get);
  const present = numbered.filter((v): v is string => v !== null);
  if (present.length > 0) {
    const typeText = get('nameType');
    const strengthText = get('aliasStrength');
    const key = [...numbered, (typeText ?? '').toLowerCase()].join('|');
    if (!draft.nameKeys.has(key)) {
      draft.nameKeys.add(key);
      const value = present.join(' ');
      const primary = /^primary name$/i.test(typeText ?? '');
      const middle = numbered.slice(1, 5).filter((v): v is string => v !== null).join(' ');
      // Kept for every name; dropped in finish() unless the designation is of a person.
      const parts = { ...(numbered[0] ? { given: numbered[0] } : {}), ...(middle ? { middle } : {}), ...(numbered[5] ? { family: numbered[5] } : {}), numbered: present };
      const note = primary ? undefined : (strengthText ?? typeText ?? undefined);
      const strength: DesignationName['strength'] = primary ? 'primary' : /^low/i.test(strengthText ?? '') ? 'weak' : 'strong';
      const name: DesignationName = { value, script: detectScript(value), lang: null, strength, parts, ...(note ? { note } : {}) };
      if (primary) draft.names.unshift(name);
      else draft.names.push(name);
    }
  }
  const nonLatin = get('nonLatin');
  if (nonLatin && !draft.nameKeys.has(`nonlatin|${nonLatin}`)) {
    draft.nameKeys.add(`nonlatin|${nonLatin}`);
    const lang = get('nonLatinLang');
    const note = ['non-Latin script', get('nonLatinType')].filter(Boolean).join('; ');
    draft.nonLatin.push({ value: nonLatin, script: detectScript(nonLatin, lang), lang: lang ?? null, strength: 'primary', note });
  }

  const lines = ADDRESS_FIELDS.map(get).filter((v): v is string => v !== null);
  if (lines.length) addOnce(e.addresses, { text: lines.join(', '), country: countryCode(get('addressCountry')) });
  const dob = get('dob');
  if (dob && !e.datesOfBirth.some((d) => d.text === dob)) {
    const parsed = parseDobText(dob);
    e.datesOfBirth.push({ value: parsed?.value ?? { precision: 'unknown' }, text: dob, ...(parsed?.circa ? { circa: true } : {}) });
  }
  const nationality = get('nationality');
  if (nationality) addOnce(e.nationalities, { country: countryCode(nationality), text: nationality });
  const position = get('position');
  if (position) addOnce(e.positions, position);
  const birth = (['townOfBirth', 'countryOfBirth'] as const).map(get).filter((v): v is string => v !== null);
  if (birth.length) addOnce(e.placesOfBirth, { text: birth.join(', '), country: countryCode(get('countryOfBirth')) });
  const passport = get('passport');
  if (passport) addOnce(e.identifiers, { type: 'passport', label: 'Passport', value: passport, country: null, note: get('passportInfo') });
  const nationalId = get('nationalId');
  if (nationalId) addOnce(e.identifiers, { type: 'national_id', label: 'National identifier', value: nationalId, country: null, note: get('nationalIdInfo') });
  const imo = get('imo');
  if (imo) addOnce(e.identifiers, { type: 'imo', label: 'IMO number', value: imo, country: null, note: null });
  const registration = get('registration');
  if (registration) addOnce(e.identifiers, { type: 'registration', label: 'Registration number', value: registration, country: null, note: null });
  const entityType = get('entityType');
  if (entityType) {
    const set = draft.lists.get('entityType') ?? draft.lists.set('entityType', new Set()).get('entityType')!;
    set.add(entityType);
  }
}

/** The entry, as uk-xml.ts makes it from the same designation. */
function finish(draft: Draft): DesignationEntry {
  const e = draft.entry;
  const s = draft.single;
  e.type = TYPES[(s.kind ?? '').toLowerCase()] ?? 'unknown';
  if (s.regime) e.programmes.push(s.regime);
  e.listedOn = partialDate(s.designated);
  const primary = draft.names.find((n) => n.strength === 'primary' && n.parts);
  if (primary?.parts && draft.titles.length) primary.parts.title = draft.titles.join('; ');
  if (e.type !== 'person') for (const n of draft.names) delete n.parts;
  e.names = [...draft.names, ...draft.nonLatin];
  if (s.other) e.remarks.push(s.other);
  if (s.reasons) e.remarks.push(`Statement of reasons: ${s.reasons}`);
  if (s.sanctions) e.remarks.push(`Sanctions imposed: ${s.sanctions.split('|').join(', ')}`);
  if (s.groupId) e.remarks.push(`OFSI group ID: ${s.groupId}`);
  if (s.unRef) e.remarks.push(`UN reference: ${s.unRef}`);
  const entityTypes = draft.lists.get('entityType');
  if (entityTypes?.size) e.remarks.push(`Type of entity: ${[...entityTypes].join(', ')}`);
  return e;
}

/** "Report Date: 13-Feb-2026" → 2026-02-13. */
function reportDate(line: readonly string[]): string | null {
  const m = /^\s*Report Date:\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})\s*$/i.exec(line.join(','));
  return m ? partialDate(`${m[1]} ${m[2]} ${m[3]}`) : null;
}

/** Refuses what is plainly not the CSV list: an HTML page, XML, UTF-16. */
function sniff(head: Buffer): void {
  if (head.length === 0) throw new ListParseError(UK_CSV_FILE_KIND, 'empty', null, note('empty'));
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || head.subarray(0, 64).includes(0)) {
    throw new ListParseError(UK_CSV_FILE_KIND, 'encoding', lineAt(1), note('utf16_resaved'));
  }
  const text = head.subarray(0, 1024).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
  if (/^<!doctype\s+html|^<html[\s>]/i.test(text)) {
    throw new ListParseError(UK_CSV_FILE_KIND, 'html_page', lineAt(1), note('html_page'));
  }
  if (text.startsWith('<')) throw new ListParseError(UK_CSV_FILE_KIND, 'wrong_kind', lineAt(1), note('xml_not_csv'));
}

/**
 * Reads the UK Sanctions List CSV. Rows are merged by Unique ID (the rows of one designation need not
 * be next to each other), so entries are handed over once the whole file has been read.
 */
export async function parseUkCsv(path: string, options: ParseOptions = {}): Promise<ParsedList> {
  const out = new Collector(options);
  const drafts = new Map<string, Draft>();
  let listDate: string | null = null;
  let columns: Map<Field, number> | null = null;
  let width = 0;

  const parser = parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true });
  const stream = openListFile(path, options, 256 * 1024);
  // A CSV saved again from a spreadsheet is often in the machine's own encoding: the note says so.
  const utf8 = new StrictUtf8(UK_CSV_FILE_KIND, note('not_utf8_resaved'));
  let first = true;
  const feed = (async () => {
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (first) {
          sniff(chunk);
          first = false;
        }
        if (!parser.write(utf8.decode(chunk))) await new Promise((r) => parser.once('drain', r));
      }
      if (first) throw new ListParseError(UK_CSV_FILE_KIND, 'empty', null, note('empty'));
      const rest = utf8.end();
      if (rest) parser.write(rest);
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();

  let pendingShort: { line: number; count: number } | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!columns) {
        if (listDate === null && line <= 2) listDate = reportDate(record);
        if (isUkCsvHeader(record)) {
          columns = new Map();
          record.forEach((cell, i) => {
            const field = FIELD_OF.get(headerKey(cell));
            if (field && !columns!.has(field)) columns!.set(field, i);
          });
          width = record.length;
        } else if (line >= 3) {
          throw new ListParseError(UK_CSV_FILE_KIND, 'wrong_kind', lineAt(line), note('uk_csv_no_header'));
        }
        continue;
      }
      if (record.length === 1 && record[0]!.trim() === '') continue;
      if (pendingShort) {
        throw new ListParseError(UK_CSV_FILE_KIND, 'malformed', lineAt(pendingShort.line), note('csv_columns', { found: pendingShort.count, expected: width }));
      }
      // A short row is what a cut download leaves at the end; anywhere else the file is damaged.
      if (record.length < width) {
        pendingShort = { line, count: record.length };
        continue;
      }
      const cols = columns;
      const get = (f: Field): string | null => {
        const i = cols.get(f);
        return i === undefined ? null : clean(record[i]);
      };
      const id = get('uniqueId');
      if (!id) {
        out.skip(lineAt(line), note('no_field', { field: 'Unique ID' }));
        continue;
      }
      let draft = drafts.get(id);
      if (!draft) {
        draft = { at: lineAt(line, `Unique ID ${id}`), single: {}, names: [], nonLatin: [], nameKeys: new Set(), titles: [], lists: new Map(), entry: emptyEntry(id, 'unknown') };
        drafts.set(id, draft);
      }
      readRow(draft, get);
    }
  } catch (e) {
    await feed;
    if (e instanceof ListParseError) throw e;
    const err = e as Error & { code?: string; lines?: number };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new ListParseError(UK_CSV_FILE_KIND, 'truncated', lineAt(utf8.newlines + 1), note('cut_in_quotes'));
    }
    throw new ListParseError(UK_CSV_FILE_KIND, 'malformed', err.lines ? lineAt(err.lines) : null, note('csv_malformed', { cause: err.message }));
  }
  await feed;
  if (!columns) throw new ListParseError(UK_CSV_FILE_KIND, 'wrong_kind', lineAt(1), note('uk_csv_no_header'));
  if (pendingShort) {
    throw new ListParseError(UK_CSV_FILE_KIND, 'truncated', lineAt(pendingShort.line), note('cut_last_row', { found: pendingShort.count, expected: width }));
  }
  for (const draft of drafts.values()) out.record(draft.at, () => finish(draft));
  out.requireRecords(UK_CSV_FILE_KIND, note('no_records', { what: 'designation' }));
  return {
    list: { key: 'uk-sanctions-list', authority: 'UK', format: 'uk_csv', listName: 'UK Sanctions List', listDate },
    entries: out.entries,
    report: out.report,
  };
}
