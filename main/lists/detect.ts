/**
 * Recognises which list format a file is from its first bytes and its name: the root element of an
 * XML file, the shape of a CSV line, the parts of a zip (xlsx), the first line of JSON lines.
 * A file that is no list Casebench reads (an HTML error page, a PDF, a Word document, another XML)
 * is refused here with a message that names the file, before anything is written.
 *
 * To add a format: one row in FORMAT_RULES (and one in read-list.ts READERS).
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import type { ListFormat } from '../../shared/domain/designations';
import { note, type ListNoteCode } from '../../shared/domain/list-notes';
import { ListParseError, lineAt } from './common';
import { headerKey, isUkCsvHeader } from './uk-csv';

/** A list file: where its bytes are (never shown) and the name the user gave it (always shown). */
export interface ListInput {
  path: string;
  name: string;
}

/** What the first bytes say a file is. */
export interface FileSniff {
  /** The user's file name, lower case. */
  name: string;
  kind: 'xml' | 'json' | 'text' | 'zip' | 'html' | 'pdf' | 'ole' | 'binary' | 'empty';
  /** The bytes are gzip-compressed; the rest describes what is inside. */
  gzip: boolean;
  /** XML: the root element's local name and namespace URI (null when not read). */
  xmlRoot: string | null;
  xmlNamespace: string | null;
  /** Text: the first line read as CSV (null when it is not). */
  csvFields: string[] | null;
  /** Text: the first three lines read as CSV (the UK list's header is its second line). */
  csvLines: string[][];
  /** JSON lines: the first line parsed (undefined when it did not parse within the bytes read). */
  firstJson: unknown;
  /** Zip: the names of its parts found at its start and in its directory. */
  zipEntries: string[];
}

export interface FormatRule {
  format: ListFormat;
  matches(sniff: FileSniff): boolean;
  /** The parser reads gzip-compressed files itself. */
  gzip?: boolean;
  /** The list comes as several files (OFAC's CSV set); otherwise one file per import. */
  multiFile?: boolean;
}

export type OfacCsvRole = 'sdn' | 'alt' | 'add' | 'comments';
const OFAC_NAMES: Record<string, OfacCsvRole> = {
  'sdn.csv': 'sdn',
  'sdn.csv.gz': 'sdn',
  'alt.csv': 'alt',
  'add.csv': 'add',
  'sdn_comments.csv': 'comments',
};
/** Column counts of the OFAC legacy CSV files (schema/cons_dat_spec_2018.txt). */
const OFAC_COLUMNS: Record<number, OfacCsvRole> = { 12: 'sdn', 5: 'alt', 6: 'add', 2: 'comments' };

/** Which file of OFAC's CSV set this is: by its name, else by its columns (first one an entity number). */
export function ofacCsvRole(sniff: FileSniff): OfacCsvRole | null {
  if (sniff.kind !== 'text') return null;
  const byName = OFAC_NAMES[sniff.name];
  if (byName) return byName;
  const fields = sniff.csvFields;
  if (!fields || !/^\d+$/.test(fields[0]?.trim() ?? '')) return null;
  return OFAC_COLUMNS[fields.length] ?? null;
}

const isFtmEntity = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as { schema?: unknown }).schema === 'string' && typeof (v as { properties?: unknown }).properties === 'object';

/** How each format is recognised. First match wins. */
export const FORMAT_RULES: readonly FormatRule[] = [
  { format: 'un_xml', matches: (s) => s.xmlRoot === 'CONSOLIDATED_LIST' },
  { format: 'eu_fsf_xml', matches: (s) => s.xmlRoot === 'export' },
  { format: 'uk_xml', matches: (s) => s.xmlRoot === 'Designations' },
  { format: 'ca_sema_xml', matches: (s) => s.xmlRoot === 'data-set' },
  { format: 'ofac_xml', matches: (s) => s.xmlRoot === 'sdnList' },
  { format: 'ofac_advanced_xml', matches: (s) => s.xmlRoot === 'Sanctions' },
  // FollowTheMoney: the first line is one entity, a JSON object with a schema and properties.
  { format: 'ftm_jsonl', matches: (s) => s.kind === 'json' && isFtmEntity(s.firstJson), gzip: true },
  { format: 'uk_csv', matches: (s) => s.kind === 'text' && s.csvLines.some(isUkCsvHeader) },
  { format: 'ofac_csv', matches: (s) => ofacCsvRole(s) !== null, gzip: true, multiFile: true },
  { format: 'jp_mof_xlsx', matches: (s) => s.kind === 'zip' && (s.zipEntries.some((e) => e.startsWith('xl/')) || s.name.endsWith('.xlsx')) },
];

/** Files that are recognisably something else: what to tell the user. */
const NOT_A_LIST: readonly { matches(s: FileSniff): boolean; note: ListNoteCode }[] = [
  // OFSI's Consolidated List CSV (ConList.csv): a "Last Updated" line, then Name 6 … Group ID, no Unique ID.
  {
    matches: (s) => s.kind === 'text' && s.csvLines.some((l) => l.map(headerKey).includes('name6') && l.map(headerKey).includes('groupid')),
    note: 'uk_conlist',
  },
  { matches: (s) => s.kind === 'pdf', note: 'pdf' },
  { matches: (s) => s.kind === 'ole', note: 'old_excel' },
  { matches: (s) => s.zipEntries.some((e) => e.startsWith('word/')), note: 'word' },
  { matches: (s) => s.kind === 'zip', note: 'zip' },
  { matches: (s) => s.gzip, note: 'gzip' },
  { matches: (s) => s.kind === 'text' && s.csvFields !== null, note: 'csv_unknown' },
];

const HEAD_BYTES = 64 * 1024;
const TAIL_BYTES = 66_000;

const startsWith = (buf: Buffer, ...bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** Reads the first bytes (and, for a zip, the last) of a file and says what it is. */
export function sniffFile(file: ListInput): FileSniff {
  const fd = fs.openSync(file.path, 'r');
  let head: Buffer;
  let tail = Buffer.alloc(0);
  try {
    const size = fs.fstatSync(fd).size;
    head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    fs.readSync(fd, head, 0, head.length, 0);
    if (startsWith(head, 0x50, 0x4b, 0x03, 0x04) && size > head.length) {
      tail = Buffer.alloc(Math.min(TAIL_BYTES, size));
      fs.readSync(fd, tail, 0, tail.length, size - tail.length);
    }
  } finally {
    fs.closeSync(fd);
  }
  const name = file.name.toLowerCase();
  if (startsWith(head, 0x1f, 0x8b)) {
    // Enough of the start to see what is inside; a cut-short stream is fine here (the parser checks).
    let inner: Buffer;
    try {
      inner = zlib.gunzipSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).subarray(0, HEAD_BYTES);
    } catch {
      inner = Buffer.alloc(0);
    }
    return { ...sniffBytes(name, inner, Buffer.alloc(0)), gzip: true };
  }
  return sniffBytes(name, head, tail);
}

function sniffBytes(name: string, head: Buffer, tail: Buffer): FileSniff {
  const sniff: FileSniff = { name, kind: 'binary', gzip: false, xmlRoot: null, xmlNamespace: null, csvFields: null, csvLines: [], firstJson: undefined, zipEntries: [] };
  if (head.length === 0) return { ...sniff, kind: 'empty' };
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return { ...sniff, kind: 'zip', zipEntries: zipNames(head, tail) };
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0)) return { ...sniff, kind: 'ole' };
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) return { ...sniff, kind: 'pdf' };
  const text = decodeHead(head);
  if (text === null) return sniff;
  const start = text.trimStart();
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/i.test(start) || /<html[\s>]/i.test(start.slice(0, 1024))) {
    return { ...sniff, kind: 'html' };
  }
  if (start.startsWith('<')) return { ...sniff, kind: 'xml', ...xmlRoot(start) };
  const firstLine = start.slice(0, start.search(/\r?\n|$/));
  if (start.startsWith('{')) {
    let firstJson: unknown;
    try {
      firstJson = JSON.parse(firstLine);
    } catch {
      firstJson = undefined;
    }
    return { ...sniff, kind: 'json', firstJson };
  }
  const csvLines = start.split(/\r?\n/, 3).map(csvLine).filter((l): l is string[] => l !== null);
  return { ...sniff, kind: 'text', csvFields: csvLine(firstLine), csvLines };
}

/** The start of a file as text: UTF-8 or UTF-16 by its byte-order mark, else Latin-1; null for binary. */
function decodeHead(head: Buffer): string | null {
  if (startsWith(head, 0xef, 0xbb, 0xbf)) return head.subarray(3).toString('utf8');
  if (startsWith(head, 0xff, 0xfe)) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (startsWith(head, 0xfe, 0xff)) return new TextDecoder('utf-16be').decode(head.subarray(2));
  const sample = head.subarray(0, 4096);
  // Control bytes other than tab, newlines, form feed and OFAC's Ctrl-Z end marker: not text.
  if (sample.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a)) return null;
  return head.toString('latin1');
}

const STOP = Symbol('root found');

/** The root element, read with the same XML parser the lists are read with; null when not reached. */
function xmlRoot(text: string): Pick<FileSniff, 'xmlRoot' | 'xmlNamespace'> {
  const parser = new SaxesParser({ xmlns: true });
  let found: Pick<FileSniff, 'xmlRoot' | 'xmlNamespace'> = { xmlRoot: null, xmlNamespace: null };
  parser.on('opentag', (tag) => {
    found = { xmlRoot: tag.local ?? tag.name, xmlNamespace: tag.uri || null };
    throw STOP;
  });
  try {
    parser.write(text);
  } catch {
    // STOP, or not well-formed before the root: the parser will say where.
  }
  return found;
}

function csvLine(line: string): string[] | null {
  if (line.trim() === '') return null;
  try {
    const rows = parseCsv(line, { relax_quotes: true, relax_column_count: true }) as string[][];
    return rows[0] ?? null;
  } catch {
    return null;
  }
}

/** Part names of a zip from its local headers (start) and central directory (end). */
function zipNames(head: Buffer, tail: Buffer): string[] {
  const names = new Set<string>();
  const scan = (buf: Buffer, signature: number[], lengthAt: number, nameAt: number) => {
    const sig = Buffer.from(signature);
    for (let i = buf.indexOf(sig); i !== -1 && i + nameAt <= buf.length; i = buf.indexOf(sig, i + 4)) {
      const length = buf.readUInt16LE(i + lengthAt);
      if (i + nameAt + length <= buf.length) names.add(buf.subarray(i + nameAt, i + nameAt + length).toString('utf8'));
    }
  };
  scan(head, [0x50, 0x4b, 0x03, 0x04], 26, 30);
  scan(tail, [0x50, 0x4b, 0x01, 0x02], 28, 46);
  return [...names];
}

export interface Detected {
  format: ListFormat;
  /** One per input, in the same order. */
  sniffs: FileSniff[];
}

/**
 * Which format the files are, or a ListParseError that names the file. An HTML page or an empty
 * file is refused whatever the format given; otherwise a given format is trusted (its parser checks).
 */
export function detectFormat(files: readonly ListInput[], given?: ListFormat): Detected {
  const sniffs = files.map(sniffFile);
  const formats = sniffs.map((sniff, i) => {
    const name = files[i]!.name;
    if (sniff.kind === 'empty') throw new ListParseError(null, 'empty', null, note('empty'), name);
    if (sniff.kind === 'html') throw new ListParseError(null, 'html_page', lineAt(1), note('html_page'), name);
    if (given) return given;
    const rule = FORMAT_RULES.find((r) => r.matches(sniff) && (!sniff.gzip || r.gzip));
    if (rule) return rule.format;
    const known = NOT_A_LIST.find((k) => k.matches(sniff));
    if (known) throw new ListParseError(null, 'wrong_kind', null, note(known.note), name);
    if (sniff.kind === 'xml' && sniff.xmlRoot) throw new ListParseError(null, 'wrong_kind', null, note('xml_root_unknown', { root: sniff.xmlRoot }), name);
    throw new ListParseError(null, 'wrong_kind', null, note('not_a_list'), name);
  });
  const format = formats[0]!;
  const other = formats.findIndex((f) => f !== format);
  if (other !== -1) {
    const mixed = note('formats_mixed', { format: formats[other]!, first: files[0]!.name, firstFormat: format });
    throw new ListParseError(null, 'wrong_kind', null, mixed, files[other]!.name);
  }
  if (files.length > 1 && !FORMAT_RULES.find((r) => r.format === format)?.multiFile) {
    throw new ListParseError(null, 'wrong_kind', null, note('one_file_only', { format }), files[1]!.name);
  }
  return { format, sniffs };
}
