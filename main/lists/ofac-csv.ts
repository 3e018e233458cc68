/**
 * US Treasury OFAC SDN list, legacy CSV set (https://ofac.treasury.gov/sdn-list-data-formats-data-schemas):
 * sdn.csv (main records), alt.csv (aliases), add.csv (addresses), sdn_comments.csv (remarks that did
 * not fit in sdn.csv). No header, CRLF, `-0- ` for null, Ctrl-Z at the end, Windows-1252.
 * Column layout: schema/cons_dat_spec_2018.txt. sdn.csv may be gzipped (read with zlib, streaming).
 *
 * The remarks hold most of what identifies a person (DOB, POB, nationality, passport, weak
 * a.k.a.s); they are split on ";" and read; the full text is always kept as the first remark.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { DesignationEntry, DesignationName, IdentifierType } from '../../shared/domain/designations';
import { note, type ListPlace } from '../../shared/domain/list-notes';
import {
  Collector,
  ListParseError,
  clean,
  countryCode,
  detectScript,
  emptyEntry,
  parseDobText,
  lineAt,
  openListFile,
  type ParseOptions,
  type ParsedList,
} from './common';
import { identifierType } from './un-xml';

export const OFAC_FILE_KIND = 'OFAC SDN legacy CSV';

export interface OfacCsvFiles {
  /** sdn.csv or sdn.csv.gz */
  sdn: string;
  alt?: string;
  add?: string;
  comments?: string;
}

type FileRole = 'sdn' | 'alt' | 'add' | 'comments';
const COLUMNS: Record<FileRole, number> = { sdn: 12, alt: 5, add: 6, comments: 2 };
const FILE_NAMES: Record<FileRole, string> = { sdn: 'sdn.csv', alt: 'alt.csv', add: 'add.csv', comments: 'sdn_comments.csv' };

const nul = (v: string | undefined): string | null => {
  const c = clean(v);
  return c === null || c === '-0-' ? null : c;
};

/** Checks the first bytes: not HTML, not XML, not UTF-16, not UTF-8 (the files are Windows-1252). */
function sniff(head: Buffer, kind: string): void {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || head.subarray(0, 64).includes(0))) {
    throw new ListParseError(kind, 'encoding', lineAt(1), note('utf16', { expected: 'Windows-1252' }));
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    throw new ListParseError(kind, 'encoding', lineAt(1), note('utf8_bom_not_1252'));
  }
  const text = head.subarray(0, 1024).toString('latin1').trimStart();
  if (/^<!doctype\s+html|^<html[\s>]/i.test(text)) {
    throw new ListParseError(kind, 'html_page', lineAt(1), note('html_page'));
  }
  if (text.startsWith('<')) throw new ListParseError(kind, 'wrong_kind', lineAt(1), note('xml_not_csv'));
}

/** UTF-8 multi-byte sequences where Windows-1252 is expected mean the file was re-encoded. */
function utf8Sequence(buf: Buffer, i: number): boolean {
  const b = buf[i]!;
  const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (n === 0 || i + n >= buf.length) return false;
  for (let k = 1; k <= n; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return false;
  return true;
}

/** Streams one CSV file, handing each record with its line number; checks columns and the end. */
async function readCsv(path: string, role: FileRole, options: ParseOptions, onRecord: (fields: string[], line: number) => void): Promise<void> {
  const kind = `${OFAC_FILE_KIND} (${FILE_NAMES[role]})`;
  const head = Buffer.alloc(4);
  const fd = fs.openSync(path, 'r');
  const headLen = fs.readSync(fd, head, 0, 4, 0);
  fs.closeSync(fd);
  if (headLen === 0) throw new ListParseError(kind, 'empty', null, note('empty'));
  let raw: Readable = openListFile(path, options);
  if (head[0] === 0x1f && head[1] === 0x8b) raw = raw.pipe(zlib.createGunzip());

  let first = true;
  let lines = 0;
  let checkedUtf8 = false;
  let tail = Buffer.alloc(0);
  const parser = parse({ relax_column_count: true, info: true, relax_quotes: true, skip_empty_lines: true });
  const bytes = raw as AsyncIterable<Buffer>;
  const feed = (async () => {
    try {
      for await (const chunk of bytes) {
        if (first) {
          sniff(chunk, kind);
          first = false;
        }
        if (!checkedUtf8) {
          for (let i = 0; i < chunk.length; i++) {
            if (chunk[i]! < 0x80) continue;
            checkedUtf8 = true;
            if (utf8Sequence(chunk, i)) {
              const line = lines + chunk.subarray(0, i).toString('latin1').split('\n').length;
              throw new ListParseError(kind, 'encoding', lineAt(line), note('utf8_not_1252'));
            }
            break;
          }
        }
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        tail = Buffer.concat([tail, chunk.subarray(-4)]).subarray(-4);
        if (!parser.write(iconv.decode(chunk, 'win1252').replaceAll(CTRL_Z, ''))) {
          await new Promise((r) => parser.once('drain', r));
        }
      }
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();

  let lastLine = 0;
  let pendingShort: { line: number; count: number } | null = null;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      lastLine = info.lines;
      if (record.length === 1 && record[0]!.trim() === '') continue;
      if (record.length !== COLUMNS[role]) {
        if (lastLine <= 1) {
          throw new ListParseError(kind, 'wrong_kind', lineAt(lastLine), note('csv_columns_of_file', { found: record.length, file: FILE_NAMES[role], expected: COLUMNS[role] }));
        }
        // A short last record is what a cut download leaves; the end check below reports it.
        pendingShort = { line: lastLine, count: record.length };
        continue;
      }
      if (pendingShort) {
        throw new ListParseError(kind, 'malformed', lineAt(pendingShort.line), note('csv_columns', { found: pendingShort.count, expected: COLUMNS[role] }));
      }
      if (!/^\d+$/.test(record[0]!.trim())) {
        throw new ListParseError(kind, 'wrong_kind', lineAt(lastLine), note('csv_not_entity_number', { value: record[0]!.slice(0, 20) }));
      }
      onRecord(record, lastLine);
    }
  } catch (e) {
    await feed;
    if (e instanceof ListParseError) throw e;
    const err = e as Error & { code?: string; lines?: number };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new ListParseError(kind, 'truncated', lineAt(lines + 1), note('cut_in_quotes'));
    }
    if (err.code === 'Z_BUF_ERROR' || err.code === 'Z_DATA_ERROR') {
      throw new ListParseError(kind, 'truncated', null, note('gzip_damaged', { cause: err.message }));
    }
    throw new ListParseError(kind, 'malformed', err.lines ? lineAt(err.lines) : null, note('csv_malformed', { cause: err.message }));
  }
  await feed;
  if (pendingShort) {
    throw new ListParseError(kind, 'truncated', lineAt(pendingShort.line), note('cut_last_row', { found: pendingShort.count, expected: COLUMNS[role] }));
  }
  const ending = tail.toString('latin1');
  if (!(ending.endsWith('\n') || ending.endsWith(CTRL_Z))) {
    throw new ListParseError(kind, 'truncated', lineAt(lines + 1), note('cut_in_line'));
  }
}

/** End-of-file marker OFAC appends (Ctrl-Z, 0x1A). */
const CTRL_Z = String.fromCharCode(0x1a);

const TYPES: Record<string, DesignationEntry['type']> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft' };

/** Identifier labels OFAC writes in remarks, as "<label> <value> (<country>) issued … expires …". */
const ID_LABELS = [
  'Passport',
  'National ID No.',
  'Cedula No.',
  'Tax ID No.',
  'Identification Number',
  'Registration Number',
  'Registration ID',
  'Company Number',
  'C.U.R.P.',
  'R.F.C.',
  'NIT #',
  'SSN',
  'Driver\'s License No.',
  'Residency Number',
  'Personal ID Card',
  'Vessel Registration Identification',
  'V.A.T. Number',
  'Business Registration Document #',
  'Business Number',
  'Public Security and Immigration No.',
  'Citizen\'s Card Number',
  'Birth Certificate Number',
  'Trade License No.',
  'Kenyan ID No.',
  'Legal Entity Number',
  'MMSI',
  'Aircraft Tail Number',
  'Aircraft Manufacturer\'s Serial Number (MSN)',
  'Stateless Person ID Card',
  'Refugee ID Card',
  'UAE Identification',
  'Identification Card',
  'D-U-N-S Number',
  'Chinese Commercial Code',
  'Unified Social Credit Code (USCC)',
];

/** Splits OFAC remarks on "; " outside single-quoted a.k.a. names. */
function splitRemarks(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" && (quoted ? /[\s;.,)]|$/.test(text[i + 1] ?? '') : /(^|[\s(])$/.test(text[i - 1] ?? ' '))) quoted = !quoted;
    if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim().replace(/\.$/, '')).filter((s) => s !== '');
}

function readRemarks(e: DesignationEntry, text: string): void {
  e.remarks.push(text);
  for (const item of splitRemarks(text)) {
    const bare = item.replace(/^alt\.\s+/, '');
    let m: RegExpExecArray | null;
    if ((m = /^DOB (.+)$/.exec(bare))) {
      const dob = parseDobText(m[1]!);
      e.datesOfBirth.push({ value: dob?.value ?? { precision: 'unknown' }, text: m[1]!, ...(dob?.circa ? { circa: true } : {}) });
    } else if ((m = /^POB (.+)$/.exec(bare))) {
      const parts = m[1]!.split(',');
      e.placesOfBirth.push({ text: m[1]!, country: countryCode(parts[parts.length - 1]) });
    } else if ((m = /^(?:nationality|citizen) (.+)$/.exec(bare))) {
      const text = m[1]!;
      if (!e.nationalities.some((n) => n.text === text)) e.nationalities.push({ country: countryCode(text), text });
    } else if ((m = /^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.) '(.+)'$/.exec(bare))) {
      e.names.push({ value: m[1]!, script: detectScript(m[1]!), lang: null, strength: 'weak', note: bare.slice(0, 6) });
    } else {
      const label = ID_LABELS.find((l) => bare.startsWith(`${l} `));
      if (!label) continue;
      const rest = bare.slice(label.length + 1);
      const idm = /^(.+?)(?: \(([^)]+)\))?((?: (?:issued|expires|Issue Date|Expire Date).*)?)$/.exec(rest);
      const value = (idm?.[1] ?? rest).trim();
      const country = idm?.[2] ?? null;
      const note = clean(idm?.[3]);
      e.identifiers.push({
        type: label === 'Vessel Registration Identification' ? (/^IMO /.test(value) ? 'imo' : 'registration') : ofacIdType(label),
        label,
        value: label === 'Vessel Registration Identification' ? value.replace(/^IMO /, '') : value,
        country: countryCode(country),
        note: [country && !countryCode(country) ? country : null, note].filter(Boolean).join('; ') || null,
      });
    }
  }
}

function ofacIdType(label: string): IdentifierType {
  if (/^(Cedula|C\.U\.R\.P\.|Personal ID|Kenyan ID|Citizen's Card|UAE Identification|Identification Card|Stateless|Refugee|Birth Certificate|Residency)/.test(label)) return 'national_id';
  if (/^(R\.F\.C\.|NIT #|Tax ID|V\.A\.T\.|SSN|Unified Social Credit)/.test(label)) return 'tax_id';
  if (/^(Company Number|Registration|Business|Trade License|Legal Entity|D-U-N-S)/.test(label)) return 'registration';
  return identifierType(label);
}

function nameOf(full: string, person: boolean, strength: DesignationName['strength'], note?: string): DesignationName {
  const comma = full.indexOf(', ');
  const parts = person && comma > 0 ? { family: full.slice(0, comma), given: full.slice(comma + 2) } : undefined;
  return { value: full, script: detectScript(full), lang: null, strength, ...(parts ? { parts } : {}), ...(note ? { note } : {}) };
}

/**
 * Reads the OFAC legacy CSV set. alt, add and comments are read first into memory (small);
 * sdn.csv is streamed (gzip or plain) and each entry is emitted as soon as its row is read.
 */
export async function parseOfacCsv(files: OfacCsvFiles, options: ParseOptions = {}): Promise<ParsedList> {
  const out = new Collector(options);
  const aliases = new Map<string, { name: string; type: string; remarks: string | null; line: number }[]>();
  const addresses = new Map<string, { text: string; country: string | null }[]>();
  const comments = new Map<string, string>();
  const seen = new Set<string>();
  const push = <T>(map: Map<string, T[]>, key: string, v: T) => (map.get(key) ?? map.set(key, []).get(key)!).push(v);

  if (files.alt) {
    await readCsv(files.alt, 'alt', options, (f, line) => {
      const name = nul(f[3]);
      if (!name) out.skip({ file: 'alt.csv', line }, note('alias_without_name'));
      else push(aliases, f[0]!.trim(), { name, type: nul(f[2]) ?? 'aka', remarks: nul(f[4]), line });
    });
  }
  if (files.add) {
    await readCsv(files.add, 'add', options, (f) => {
      const country = nul(f[4]);
      const text = [nul(f[2]), nul(f[3]), country].filter(Boolean).join(', ');
      const remarks = nul(f[5]);
      if (text || remarks) push(addresses, f[0]!.trim(), { text: text + (remarks ? ` (${remarks})` : ''), country });
    });
  }
  if (files.comments) {
    await readCsv(files.comments, 'comments', options, (f) => {
      const text = nul(f[1]);
      if (text) comments.set(f[0]!.trim(), (comments.get(f[0]!.trim()) ?? '') + text);
    });
  }

  await readCsv(files.sdn, 'sdn', options, (f, line) => {
    const id = f[0]!.trim();
    const at: ListPlace = { file: 'sdn.csv', line, record: `ent_num ${id}` };
    const name = nul(f[1]);
    if (!name) return out.skip(at, note('no_name'));
    if (seen.has(id)) return out.skip(at, note('reference_twice', { field: 'ent_num' }));
    seen.add(id);
    const sdnType = nul(f[2])?.toLowerCase() ?? null;
    const type = sdnType ? (TYPES[sdnType] ?? 'unknown') : 'entity';
    const e = emptyEntry(id, type);
    const person = type === 'person';
    e.names.push(nameOf(name, person, 'primary'));
    for (const a of aliases.get(id) ?? []) e.names.push(nameOf(a.name, person, 'strong', a.type + (a.remarks ? `; ${a.remarks}` : '')));
    e.programmes.push(...(nul(f[3]) ?? '').split(/\]\s*\[/).map((p) => p.trim()).filter(Boolean));
    const title = nul(f[4]);
    if (title) e.positions.push(title);
    const remarks = [nul(f[11]), comments.get(id)].filter(Boolean).join('');
    if (remarks) readRemarks(e, remarks);
    const vessel = ([['Call Sign', 5], ['Vessel type', 6], ['Tonnage', 7], ['GRT', 8], ['Flag', 9], ['Owner', 10]] as const)
      .map(([label, i]) => [label, nul(f[i])] as const)
      .filter(([, v]) => v !== null);
    if (vessel.length) e.remarks.push(vessel.map(([l, v]) => `${l}: ${v}`).join('; '));
    const callSign = nul(f[5]);
    if (callSign) e.identifiers.push({ type: 'other', label: 'Call Sign', value: callSign, country: null, note: null });
    for (const a of addresses.get(id) ?? []) e.addresses.push({ text: a.text, country: countryCode(a.country) });
    out.add(e, at);
  });

  for (const [id, list] of aliases) {
    if (!seen.has(id)) for (const a of list) out.skip({ file: 'alt.csv', line: a.line }, note('alias_of_missing', { ref: id }));
  }
  for (const id of comments.keys()) {
    if (!seen.has(id)) out.warn({ file: 'sdn_comments.csv' }, note('ofac_comment_without_entry', { ref: id }));
  }
  if (out.report.entries === 0 && out.report.skipped.length === 0) {
    throw new ListParseError(`${OFAC_FILE_KIND} (sdn.csv)`, 'empty', null, note('no_records', { what: 'sdn.csv' }));
  }
  return {
    list: { key: 'us-ofac-sdn', authority: 'US', format: 'ofac_csv', listName: 'OFAC Specially Designated Nationals and Blocked Persons List (SDN)', listDate: null },
    entries: out.entries,
    report: out.report,
  };
}
