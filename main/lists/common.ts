/**
 * What every list parser shares: the error it fails with, streaming XML into per-record element
 * trees, strict UTF-8 decoding with the line of the first bad byte, country names to ISO codes,
 * script detection, partial dates, and the report.
 */
import fs from 'node:fs';
import { SaxesParser } from 'saxes';
import { COUNTRY_CODES, type CountryCode } from '../../shared/domain/countries';
import {
  DesignationEntrySchema,
  type DesignationEntry,
  type DesignationName,
  type DesignationList,
  type ParseReport,
} from '../../shared/domain/designations';
import type { FuzzyDate } from '../../shared/domain/fuzzy-date';
import { note, noteText, placeText, type ListNote, type ListPlace } from '../../shared/domain/list-notes';
import { isPartialDate } from '../../shared/domain/fuzzy-date';
import type { NameScriptCode } from '../../shared/domain/subjects';

export type ListErrorCode = 'wrong_kind' | 'html_page' | 'truncated' | 'encoding' | 'malformed' | 'empty';

/**
 * A file that cannot be read as the list it was given as: what kind of trouble (`code`), where, and
 * what is wrong as a note the UI translates. The message is the English, naming the kind and where.
 */
export class ListParseError extends Error {
  constructor(
    /** What the file was read as ("UN consolidated list XML"); null when not yet known. */
    readonly fileKind: string | null,
    readonly code: ListErrorCode,
    /** Null for the file as a whole. */
    readonly at: ListPlace | null,
    /** What is wrong, without the file or the place. */
    readonly note: ListNote,
    /** The user's name for the file, once known (the parsers have only a path). */
    readonly file: string | null = null,
  ) {
    super(`${[file, fileKind, noteText(note)].filter(Boolean).join(': ')}${at ? ` (at ${placeText(at)})` : ''}`);
    this.name = 'ListParseError';
  }

  /** The same error, naming the user's file. */
  naming(file: string): ListParseError {
    return new ListParseError(this.fileKind, this.code, this.at, this.note, file);
  }
}

/** Thrown by a record's builder: the record is skipped with this note. */
export class RecordProblem extends Error {
  constructor(readonly note: ListNote) {
    super(noteText(note));
    this.name = 'RecordProblem';
  }
}

/** Why a record's builder failed: its own note, or an unexpected error's message. */
export const recordNote = (error: unknown): ListNote =>
  error instanceof RecordProblem ? error.note : note('unreadable_record', { cause: error instanceof Error ? error.message : String(error) });

/** A place that is a line of the file, and a record named there. */
export const lineAt = (line: number, record?: string): ListPlace => (record === undefined ? { line } : { line, record });

export interface ParsedList {
  list: DesignationList;
  entries: DesignationEntry[];
  report: ParseReport;
}

export interface ParseOptions {
  /** Called for each entry as it is read; with `collect: false` entries are not kept in memory. */
  onEntry?: (entry: DesignationEntry) => void;
  collect?: boolean;
  /** Counts the bytes the parser reads, for the import's progress bar. */
  progress?: ReadProgress;
}

/**
 * How far a list's files have been read, for an import's progress bar: the bytes read by the
 * streams the parser opened through it, against the files' `bytes`. A parser that reads its files
 * more than once (`passes`, see ListReader) hands entries over in the last pass only, so that is
 * the one counted: the earlier ones show as 0. A workbook read whole by its library opens no
 * stream and reports nothing.
 */
export class ReadProgress {
  private readonly streams: fs.ReadStream[] = [];
  constructor(
    private readonly bytes: number,
    private readonly passes = 1,
  ) {}

  /** Counts what a stream of one of the files reads. */
  count(stream: fs.ReadStream): void {
    this.streams.push(stream);
  }

  /** The share read so far (0 to 1), or null while no file has been opened. */
  fraction(): number | null {
    if (this.streams.length === 0 || this.bytes <= 0) return null;
    let read = 0;
    for (const stream of this.streams) read += stream.bytesRead;
    return Math.min(1, Math.max(0, read - (this.passes - 1) * this.bytes) / this.bytes);
  }
}

/** Opens a list file for streaming, counted when the parse is. */
export function openListFile(path: string, options: ParseOptions, highWaterMark?: number): fs.ReadStream {
  const stream = fs.createReadStream(path, highWaterMark ? { highWaterMark } : {});
  options.progress?.count(stream);
  return stream;
}

/** Collects entries and the report; validates each entry against the shared schema. */
export class Collector {
  readonly entries: DesignationEntry[] = [];
  readonly report: ParseReport = { entries: 0, names: 0, skipped: [], removed: 0, warnings: [] };
  constructor(private readonly options: ParseOptions = {}) {}

  add(entry: DesignationEntry, at: ListPlace): void {
    const checked = DesignationEntrySchema.safeParse(entry);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      this.skip(at, note('invalid_entry', { ref: entry.listId, field: issue?.path.join('.') ?? '', problem: issue?.message ?? '' }));
      return;
    }
    this.report.entries += 1;
    this.report.names += entry.names.length;
    this.options.onEntry?.(checked.data);
    if (this.options.collect !== false) this.entries.push(checked.data);
  }

  skip(at: ListPlace, reason: ListNote): void {
    this.report.skipped.push({ at, note: reason });
  }

  warn(at: ListPlace | null, warning: ListNote): void {
    this.report.warnings.push({ at, note: warning });
  }

  /** A record the list marks as removed: counted, not read, and not reported as skipped. */
  removed(): void {
    this.report.removed += 1;
  }

  /** Builds one record's entry; one that cannot be read or has no name is skipped, with why. */
  record(at: ListPlace, build: () => DesignationEntry): void {
    let entry: DesignationEntry;
    try {
      entry = build();
    } catch (error) {
      this.skip(at, recordNote(error));
      return;
    }
    if (entry.names.length === 0) this.skip(at, note('no_name'));
    else this.add(entry, at);
  }

  /** A file in which not one record was found is not a list of this kind. */
  requireRecords(fileKind: string, none: ListNote): void {
    if (this.report.entries === 0 && this.report.skipped.length === 0 && this.report.removed === 0) {
      throw new ListParseError(fileKind, 'wrong_kind', null, none);
    }
  }
}

export function emptyEntry(listId: string, type: DesignationEntry['type']): DesignationEntry {
  return {
    listId,
    type,
    programmes: [],
    listedOn: null,
    names: [],
    datesOfBirth: [],
    placesOfBirth: [],
    nationalities: [],
    identifiers: [],
    addresses: [],
    positions: [],
    remarks: [],
  };
}

/** Names without repeats, each kept as first given (a list may write one in two places). */
export function uniqueNames(names: DesignationName[]): DesignationName[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.value) && seen.add(n.value));
}

/** Trim and collapse whitespace; null for empty. */
export function clean(value: string | null | undefined): string | null {
  if (value == null) return null;
  const v = value.replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
}

// ---------------------------------------------------------------------------------------------
// Streaming XML

/** An element of a record, small enough to keep: name, attributes, children, text. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}
export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}
export function childText(node: XmlNode, name: string): string | null {
  const c = child(node, name);
  return c ? clean(c.text) : null;
}

export interface XmlStreamOptions {
  path: string;
  fileKind: string;
  /** Local names (without prefix) of acceptable root elements. */
  roots: string[];
  /** Local names of elements that are one record each; their subtrees are built and handed over. */
  records: Set<string>;
  onRoot?: (attrs: Record<string, string>) => void;
  /** Text of simple elements outside records (list headers such as DateGenerated). */
  onHeaderText?: (name: string, text: string) => void;
  onRecord: (node: XmlNode, line: number) => void;
  /** The parse's options: the file is read through its progress, if any. */
  options: ParseOptions;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** The first bytes: refuses HTML pages, UTF-16/32 and non-UTF-8 declarations, and non-XML. */
function sniffXml(head: Buffer, fileKind: string): void {
  if (head.length === 0) throw new ListParseError(fileKind, 'empty', null, note('empty'));
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ListParseError(fileKind, 'encoding', lineAt(1), note('utf16', { expected: 'UTF-8' }));
  }
  if (head.length >= 4 && (head[0] === 0 || head[1] === 0)) {
    throw new ListParseError(fileKind, 'encoding', lineAt(1), note('utf16_or_32'));
  }
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const text = head.subarray(start, start + 4096).toString('latin1');
  start = 0;
  const trimmed = text.trimStart();
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/i.test(trimmed) || /<html[\s>]/i.test(trimmed.slice(0, 1024))) {
    throw new ListParseError(fileKind, 'html_page', lineAt(1), note('html_page'));
  }
  if (!trimmed.startsWith('<')) {
    throw new ListParseError(fileKind, 'wrong_kind', lineAt(1), note('not_xml'));
  }
  const decl = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(trimmed);
  if (decl && !/^utf-?8$/i.test(decl[1] ?? '')) {
    throw new ListParseError(fileKind, 'encoding', lineAt(1), note('declared_encoding', { encoding: decl[1] ?? '' }));
  }
}

/** Index of the first byte that is not valid UTF-8, or -1. Starts after leading continuation bytes. */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length && (buf[i]! & 0xc0) === 0x80 && i < 3) i++;
  while (i < buf.length) {
    const b = buf[i]!;
    let n = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    if (i + n >= buf.length) return -1; // split across chunks: the decoder will tell
    for (let k = 1; k <= n; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

function countNewlines(buf: Buffer, end = buf.length): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1 && i < end; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Decodes a list file's chunks strictly as UTF-8, counting its lines as it goes, so that a byte that
 * is not UTF-8 fails the file with the line it is on (`why`: the note that says so), and a file that
 * ends inside a character fails as cut short.
 */
export class StrictUtf8 {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private breaks = 0;
  private lastByte = -1;

  constructor(
    private readonly fileKind: string,
    private readonly why: ListNote = note('not_utf8'),
  ) {}

  decode(chunk: Buffer): string {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      // -1: no bad byte of its own, so the character the last chunk began is what failed, here at the start.
      const bad = Math.max(firstInvalidUtf8(chunk), 0);
      throw new ListParseError(this.fileKind, 'encoding', lineAt(this.breaks + countNewlines(chunk, bad) + 1), this.why);
    }
    this.breaks += countNewlines(chunk);
    if (chunk.length) this.lastByte = chunk[chunk.length - 1]!;
    return text;
  }

  /** The rest, once the file has been read. */
  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw new ListParseError(this.fileKind, 'truncated', lineAt(this.breaks + 1), note('cut_in_character'));
    }
  }

  /** Line breaks in the chunks decoded so far. */
  get newlines(): number {
    return this.breaks;
  }

  /** The file's last byte so far was a line break. */
  endsWithNewline(): boolean {
    return this.lastByte === 10;
  }
}

/** Streams an XML file through saxes, building a small tree per record element. */
export async function streamXml(opts: XmlStreamOptions): Promise<void> {
  const { fileKind } = opts;
  const parser = new SaxesParser({ position: true });
  const utf8 = new StrictUtf8(fileKind);
  const stack: XmlNode[] = [];
  let depth = 0;
  let rootSeen = false;
  let headerText = '';
  let recordLine = 0;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    depth += 1;
    if (!rootSeen) {
      rootSeen = true;
      if (!opts.roots.includes(name)) {
        throw new ListParseError(fileKind, 'wrong_kind', lineAt(parser.line), note('xml_wrong_root', { root: tag.name, expected: opts.roots.join('> or <') }));
      }
      opts.onRoot?.(tag.attributes as Record<string, string>);
      return;
    }
    if (stack.length > 0 || opts.records.has(name)) {
      const node: XmlNode = { name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
      if (stack.length === 0) recordLine = parser.line;
      else stack[stack.length - 1]!.children.push(node);
      stack.push(node);
    }
    headerText = '';
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
    else headerText += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    depth -= 1;
    const node = stack.pop();
    if (node && stack.length === 0) opts.onRecord(node, recordLine);
    else if (!node && opts.onHeaderText && headerText.trim() !== '') opts.onHeaderText(localName(tag.name), headerText.trim());
    headerText = '';
  });
  parser.on('error', (err) => {
    throw err;
  });

  const stream = openListFile(opts.path, opts.options, 256 * 1024);
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first) {
        sniffXml(chunk, fileKind);
        first = false;
      }
      parser.write(utf8.decode(chunk));
    }
    if (first) throw new ListParseError(fileKind, 'empty', null, note('empty'));
    utf8.end();
    const endLine = parser.line;
    try {
      parser.close();
    } catch (e) {
      throw new ListParseError(fileKind, 'truncated', lineAt(endLine), note('cut_before_end_because', { cause: (e as Error).message }));
    }
    if (!rootSeen) throw new ListParseError(fileKind, 'wrong_kind', null, note('xml_no_element'));
    if (depth !== 0 || stack.length > 0) {
      throw new ListParseError(fileKind, 'truncated', lineAt(endLine), note('cut_before_end'));
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof ListParseError) throw e;
    throw new ListParseError(fileKind, 'malformed', { line: parser.line, column: parser.column }, note('xml_malformed', { cause: (e as Error).message }));
  }
}

// ---------------------------------------------------------------------------------------------
// Countries

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const COUNTRY_ALIASES: Record<string, CountryCode> = {
  burma: 'MM', myanmar: 'MM', burmese: 'MM',
  "democratic people's republic of korea": 'KP', 'korea north': 'KP', dprk: 'KP', 'north korea': 'KP', "korea democratic people's republic of": 'KP',
  'republic of korea': 'KR', 'korea south': 'KR', 'korea republic of': 'KR',
  'russian federation': 'RU', russian: 'RU',
  'iran islamic republic of': 'IR', iranian: 'IR',
  'syrian arab republic': 'SY', syrian: 'SY',
  'united states of america': 'US', usa: 'US',
  'united kingdom of great britain and northern ireland': 'GB', uk: 'GB', 'great britain': 'GB',
  'venezuela bolivarian republic of': 'VE', venezuelan: 'VE',
  'bolivia plurinational state of': 'BO',
  "lao people's democratic republic": 'LA',
  'viet nam': 'VN',
  'united republic of tanzania': 'TZ', 'tanzania united republic of': 'TZ',
  'democratic republic of the congo': 'CD', 'congo democratic republic of the': 'CD', 'congo kinshasa': 'CD',
  'republic of the congo': 'CG', congo: 'CG', 'congo brazzaville': 'CG',
  'libyan arab jamahiriya': 'LY', libyan: 'LY',
  turkey: 'TR', 'czech republic': 'CZ', 'ivory coast': 'CI', "cote d'ivoire": 'CI',
  macedonia: 'MK', 'the former yugoslav republic of macedonia': 'MK', swaziland: 'SZ', 'cabo verde': 'CV',
  'brunei darussalam': 'BN', 'republic of moldova': 'MD', 'moldova republic of': 'MD',
  'state of palestine': 'PS', palestinian: 'PS', 'west bank': 'PS', gaza: 'PS',
  'china mainland': 'CN', "people's republic of china": 'CN', chinese: 'CN',
  afghan: 'AF', iraqi: 'IQ', pakistani: 'PK', yemeni: 'YE', somali: 'SO', sudanese: 'SD', 'saudi arabian': 'SA', saudi: 'SA',
  'hong kong': 'HK', 'macau': 'MO', 'taiwan province of china': 'TW', 'bosnia herzegovina': 'BA', 'bosnia and herzegovina': 'BA',
  'netherlands the': 'NL', 'the netherlands': 'NL', 'gambia the': 'GM', 'bahamas the': 'BS', belarusian: 'BY', ukrainian: 'UA',
  'kyrgyz republic': 'KG', 'slovak republic': 'SK', 'micronesia federated states of': 'FM', 'eswatini': 'SZ', 'timor leste': 'TL',
};

let countryIndex: Map<string, CountryCode> | null = null;
let countryIndexJa: Map<string, CountryCode> | null = null;
function buildJaIndex(): Map<string, CountryCode> {
  const index = new Map<string, CountryCode>();
  const names = new Intl.DisplayNames('ja', { type: 'region' });
  for (const code of COUNTRY_CODES) {
    const name = names.of(code);
    if (name) index.set(name.normalize('NFKC'), code);
  }
  index.set('北朝鮮', 'KP');
  index.set('朝鮮民主主義人民共和国', 'KP');
  index.set('ロシア連邦', 'RU');
  index.set('イラン・イスラム共和国', 'IR');
  index.set('シリア・アラブ共和国', 'SY');
  index.set('ビルマ', 'MM');
  index.set('大韓民国', 'KR');
  index.set('中華人民共和国', 'CN');
  // As the MOF workbook writes them: short forms, older spellings, the Congo without its capital.
  const aliases: Record<string, CountryCode> = {
    英国: 'GB', 米国: 'US', パレスチナ: 'PS', サウディ・アラビア: 'SA', サウジ・アラビア: 'SA', グルジア: 'GE',
    クウェイト: 'KW', コンゴ民主共和国: 'CD', コンゴ共和国: 'CG', ベトナム: 'VN',
  };
  for (const [name, code] of Object.entries(aliases)) index.set(name, code);
  return index;
}

/**
 * A country as Japanese text writes it: the name, or the name in a longer form ("ルワンダ共和国",
 * "エリトリア国"), with its English after it ("リビア Libya") or a remark ("インドネシア(2003年12月時点)").
 */
function jaCountry(text: string): CountryCode | null {
  countryIndexJa ??= buildJaIndex();
  const name = /^[\p{Script=Katakana}\p{Script=Han}ー・]+/u.exec(text.normalize('NFKC'))?.[0] ?? '';
  for (const candidate of [name, name.replace(/(?:連邦共和国|民主共和国|共和国|王国|連邦|国)$/, '')]) {
    const code = countryIndexJa.get(candidate);
    if (code) return code;
  }
  return null;
}
function buildCountryIndex(): Map<string, CountryCode> {
  const index = new Map<string, CountryCode>();
  const names = new Intl.DisplayNames('en', { type: 'region' });
  for (const code of COUNTRY_CODES) {
    const name = names.of(code);
    if (name) {
      index.set(fold(name), code);
      const bare = name.replace(/\s*\(.*\)\s*/, '');
      index.set(fold(bare), code);
    }
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) index.set(fold(name), code);
  return index;
}

/** ISO 3166-1 alpha-2 code for a country name, nationality or code as lists write them; else null. */
export function countryCode(text: string | null | undefined): CountryCode | null {
  if (!text) return null;
  const t = text.trim();
  if (/^[A-Z]{2}$/.test(t)) return (COUNTRY_CODES as readonly string[]).includes(t) ? (t as CountryCode) : null;
  if (/[\p{Script=Katakana}\p{Script=Han}]/u.test(t)) return jaCountry(t);
  countryIndex ??= buildCountryIndex();
  return countryIndex.get(fold(t)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Scripts

/** The script of a name, from its letters; the language hint settles Han-only names. */
export function detectScript(value: string, lang?: string | null): NameScriptCode | null {
  const letters = value.replace(/[\s\p{P}\p{S}\p{N}]/gu, '');
  if (letters === '') return null;
  const has = (re: RegExp) => re.test(letters);
  if (/^\p{Script=Latin}+$/u.test(letters)) return 'latn';
  if (has(/[\p{Script=Hiragana}\p{Script=Katakana}]/u)) return has(/\p{Script=Han}/u) ? 'jpan_kanji' : 'jpan_kana';
  if (has(/\p{Script=Hangul}/u)) return 'kore';
  if (has(/\p{Script=Arabic}/u)) return 'arab';
  if (has(/\p{Script=Cyrillic}/u)) return 'cyrl';
  if (has(/\p{Script=Myanmar}/u)) return 'mymr';
  if (has(/\p{Script=Han}/u)) {
    const l = (lang ?? '').toLowerCase();
    if (l.startsWith('ja')) return 'jpan_kanji';
    if (/hant|tw|hk/.test(l)) return 'hant';
    if (l.startsWith('zh')) return 'hans';
    return null;
  }
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};
const pad = (n: string | number) => String(n).padStart(2, '0');

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) from the shapes lists use; null if not a date. */
export function partialDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim();
  let m: RegExpExecArray | null;
  let v: string | null = null;
  if ((m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*|[+-]\d{2}:\d{2}|Z)?$/.exec(t))) {
    v = m[1]! + (m[2] ? `-${pad(m[2])}` : '') + (m[3] ? `-${pad(m[3])}` : '');
  } else if ((m = /^(\d{1,2}|dd)\/(\d{1,2}|mm)\/(\d{4})$/i.exec(t))) {
    // dd/mm/yyyy, with dd or mm for an unknown day or month (UK list)
    const [, d, mo, y] = m;
    if (/^mm$/i.test(mo!)) v = y!;
    else if (/^dd$/i.test(d!)) v = `${y}-${pad(mo!)}`;
    else v = `${y}-${pad(mo!)}-${pad(d!)}`;
  } else if ((m = /^(?:(\d{1,2}) )?([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t)) && MONTHS[m[2]!.toLowerCase()]) {
    v = `${m[3]}-${MONTHS[m[2]!.toLowerCase()]}` + (m[1] ? `-${pad(m[1])}` : '');
  }
  return v && isPartialDate(v) ? v : null;
}

export function precisionOf(value: string): 'day' | 'month' | 'year' {
  return value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
}

export function fuzzy(value: string): FuzzyDate {
  return { precision: precisionOf(value), value } as FuzzyDate;
}

/**
 * A date of birth as written in remarks and free text: "03 Jul 1956", "Jan 1958", "1955",
 * "circa 1960", "1960 to 1962", "Between 1975 and 1976", "dd/mm/1968", "1956-07-03".
 * Null when nothing date-like can be read (the text is then kept as a remark by the caller).
 */
export function parseDobText(text: string): { value: FuzzyDate; circa: boolean } | null {
  let t = text.trim().replace(/\.$/, '');
  let circa = false;
  const c = /^(?:circa|approximately|approx\.?|about|ca\.?|c\.)\s*/i.exec(t);
  if (c) {
    circa = true;
    t = t.slice(c[0].length);
  }
  const range = /^(?:between\s+)?(.+?)\s*(?:to|and|-|–|~)\s*(.+)$/i.exec(t);
  if (range && !/^\d{4}-\d{1,2}(-\d{1,2})?$/.test(t)) {
    const from = partialDate(range[1]);
    const to = partialDate(range[2]);
    if (from && to) return { value: { precision: 'range', from, to }, circa };
  }
  const v = partialDate(t);
  return v ? { value: fuzzy(v), circa } : null;
}
