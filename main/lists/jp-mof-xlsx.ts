/**
 * Japan, Ministry of Finance: 資産凍結等の措置の対象者 (asset-freeze list), Excel workbook, one sheet
 * per regime and target type after the 一覧 index. Read with exceljs. Columns are found by header
 * text (the header row is anywhere in rows 1–10 and differs per sheet), never by position; the
 * hidden furigana (phonetic runs) of header cells are not part of the cell text exceljs returns.
 * Text is NFKC-normalised (full-width digits and letters). Rows marked 削除 (deleted: the person or
 * body is no longer designated) are counted as removed, not read as entries. Alias cells are read by ./jp-mof-cells; an entry written over
 * several rows is read as one.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { DesignationEntry, DesignationName } from '../../shared/domain/designations';
import type { FuzzyDate } from '../../shared/domain/fuzzy-date';
import { note, type ListPlace } from '../../shared/domain/list-notes';
import { Collector, ListParseError, clean, countryCode, detectScript, emptyEntry, partialDate, uniqueNames, type ParseOptions, type ParsedList } from './common';
import { trimSeparators } from './alias-text';
import { APPROXIMATE, aliasNames, dateAlternatives, items, spellingsOf } from './jp-mof-cells';

export const JP_FILE_KIND = 'Japan MOF asset-freeze workbook (xlsx)';

/** The start of the file, where its kind shows. */
const START: ListPlace = { byte: 0 };

/** Our field → header texts that name it (after NFKC and removing whitespace). */
const FIELDS = {
  noticeDate: ['告示日付'],
  noticeNo: ['告示番号'],
  nameJa: ['日本語表記'],
  nameEn: ['英語表記'],
  aliases: ['別名・別称', '別名', '別称', '別称・別名', '別称・旧称', '確定可能な別名'],
  formerNames: ['旧称', '以前の別名', '過去の別名', '旧称・以前の呼称'],
  weakAliases: ['確定に十分でない別名'],
  title: ['称号', '肩書'],
  position: ['役職', '肩書等'],
  dob: ['生年月日', '生年月日・出生地'],
  pob: ['出生地・出身地', '出生地'],
  nationality: ['国籍'],
  passport: ['旅券番号'],
  idNo: ['ID番号', '身分証番号', '身分登録番号'],
  address: ['住所・所在地', '住所', '所在地', '住所等', '活動地域・住所', '所在地・住所登録された事務所の住所'],
  unDate: ['国連制裁委員会による指定日', '国連制裁員会による指定日', 'リスト掲載日'],
  unRef: ['国連参照番号'],
  other: ['その他の情報', '詳細', '指定の根拠', '決議1483上の根拠', '電話', '電話番号', 'FAX'],
} as const;
type Field = keyof typeof FIELDS;

export interface JpSheetInfo {
  sheet: string;
  headerRow: number;
  /** Header text → our field, for every column found; columns not recognised map to null. */
  columns: Record<string, Field | null>;
}

const norm = (s: string) => s.normalize('NFKC');

/** The text of a cell: rich-text runs joined, numbers and dates as text, NFKC-normalised. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return norm(value.richText.map((r) => r.text).join(''));
    if ('text' in value && typeof value.text === 'string') return norm(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return norm(String(value));
}

const headerKey = (s: string) => s.replace(/\s+/g, '');

/** Japanese and English date-of-birth text: 1941年8月20日, 1963年から1968年の間, 1955年-1958年頃, 1961年頃, 20 August 1941. */
function jpDob(text: string): { value: FuzzyDate; circa: boolean } | null {
  // "又は1955年" (or), "(c)" turned into © by the spreadsheet; "1970-1973年頃" gives 年 once.
  const t = text
    .replace(/\s+/g, '')
    .replace(/^(?:©|又は|または)/, '')
    .replace(/^(?:おおよそ|およそ|約)/, '')
    .replace(/^(\d{4})(?=[-~～]\d{4}年)/, '$1年');
  const circa = APPROXIMATE.test(text);
  const ymd = (s: string) => {
    const m = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?/.exec(s);
    return m ? partialDate(m[1]! + (m[2] ? `-${m[2]}` + (m[3] ? `-${m[3]}` : '') : '')) : null;
  };
  const range = /^(\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)(?:から|-|~|～)(\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)/.exec(t);
  if (range) {
    const from = ymd(range[1]!);
    const to = ymd(range[2]!);
    if (from && to) return { value: { precision: 'range', from, to }, circa };
  }
  // A number in a date column: a year (1800–2100) or an Excel serial day (1900 date system), which
  // has four digits before 1927 (RI YONG MU, 15-53: 9157 is 1925-01-25).
  if (/^\d{4,5}$/.test(t) && (Number(t) < 1800 || Number(t) > 2100)) {
    const day = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000).toISOString().slice(0, 10);
    return { value: { precision: 'day', value: day }, circa };
  }
  const slash = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
  const d = ymd(t) ?? (slash ? partialDate(`${slash[1]}-${slash[2]}-${slash[3]}`) : partialDate(t));
  if (d) return { value: { precision: d.length === 10 ? 'day' : d.length === 7 ? 'month' : 'year', value: d } as FuzzyDate, circa };
  return null;
}

function sniff(path: string): void {
  const fd = fs.openSync(path, 'r');
  const size = fs.fstatSync(fd).size;
  const head = Buffer.alloc(Math.min(512, size));
  fs.readSync(fd, head, 0, head.length, 0);
  const tail = Buffer.alloc(Math.min(66_000, size));
  fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  fs.closeSync(fd);
  if (size === 0) throw new ListParseError(JP_FILE_KIND, 'empty', null, note('empty'));
  const text = head.toString('latin1').trimStart();
  if (/^<!doctype\s+html|^<html[\s>]/i.test(text)) {
    throw new ListParseError(JP_FILE_KIND, 'html_page', START, note('html_page'));
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)) {
    throw new ListParseError(JP_FILE_KIND, 'encoding', START, note('unicode_text_not_xlsx'));
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new ListParseError(JP_FILE_KIND, 'wrong_kind', START, note('old_excel'));
  }
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) {
    throw new ListParseError(JP_FILE_KIND, 'wrong_kind', START, note('not_xlsx'));
  }
  // A complete zip ends with its end-of-central-directory record (PK\5\6) within the last 64 KiB.
  if (tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) === -1) {
    throw new ListParseError(JP_FILE_KIND, 'truncated', { byte: size }, note('zip_cut'));
  }
}

/** The dates of a 告示日付 cell, first the designation's: "2001.9.22\n2008.6.25改訂\n2012.3.27改訂". */
function noticeDates(cell: string): string[] {
  return [...cell.matchAll(/(\d{4})\.(\d{1,2})\.(\d{1,2})/g)].flatMap((m) => partialDate(m.slice(1, 4).join('-')) ?? []);
}

/** A nationality as written; "トルコ、ヨルダン" is two, when each piece is a country. */
function nationalities(text: string): DesignationEntry['nationalities'] {
  const pieces = text.split('、').map((p) => ({ text: p.trim(), country: countryCode(p) }));
  return pieces.length > 1 && pieces.every((p) => p.country) ? pieces : [{ country: countryCode(text), text }];
}

/** A row of a sheet read as an entry, with the rows that continue it. */
interface SheetRow {
  entry: DesignationEntry;
  at: ListPlace;
  rows: number[];
}

/**
 * The workbook writes a long entry over several rows, merged cells repeating the notice number and
 * names: 21-1 AL-SHABAAB holds one paragraph of its reasons in each of 13 rows. A row with the
 * notice number of an earlier one continues it if it names no one else.
 */
const continues = (entry: DesignationEntry, row: DesignationEntry) => row.names.length === 0 || row.names[0]!.value === entry.names[0]?.value;

function mergeRow(into: DesignationEntry, row: DesignationEntry): void {
  const add = <T>(list: T[], more: T[]) => {
    const seen = new Set(list.map((x) => JSON.stringify(x)));
    for (const x of more) if (!seen.has(JSON.stringify(x))) list.push(x);
  };
  into.names = uniqueNames([...into.names, ...row.names]);
  add(into.programmes, row.programmes);
  add(into.datesOfBirth, row.datesOfBirth);
  add(into.placesOfBirth, row.placesOfBirth);
  add(into.nationalities, row.nationalities);
  add(into.identifiers, row.identifiers);
  add(into.addresses, row.addresses);
  add(into.positions, row.positions);
  add(into.remarks, row.remarks);
  into.listedOn ??= row.listedOn;
  if (into.type === 'unknown') into.type = row.type;
}

/** A name's spellings in brackets, each as a name of its own: "Aleksandr (Alexander) KURENKOV". */
function writtenOut(name: DesignationName): DesignationName[] {
  const strength = name.strength === 'primary' ? 'strong' : name.strength;
  const note = [name.note, 'spelling given in brackets'].filter(Boolean).join('; ');
  return spellingsOf(name.value).map((value) => ({ value, script: name.script, lang: name.lang, strength, note }));
}

/** Header text (headerKey) → our field. */
const FIELD_OF_HEADER = new Map<string, Field>(
  (Object.entries(FIELDS) as [Field, readonly string[]][]).flatMap(([field, headers]) => headers.map((h) => [h, field] as const)),
);

/** Where a sheet's fields are: its header row and each field's column (the first that names it). */
interface SheetLayout extends JpSheetInfo {
  col: Map<Field, number>;
}

/** The sheet's header row, within its first ten; null for a sheet without a list (the 一覧 index, the 【解除】 lifted sheets). */
function sheetLayout(ws: ExcelJS.Worksheet): SheetLayout | null {
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const texts = (ws.getRow(r).values as ExcelJS.CellValue[]).map((v) => headerKey(cellText(v)));
    if (!texts.includes('告示番号') || !texts.includes('英語表記')) continue;
    const col = new Map<Field, number>();
    const columns: Record<string, Field | null> = {};
    texts.forEach((t, i) => {
      if (!t) return;
      const field = FIELD_OF_HEADER.get(t) ?? null;
      columns[t] = field;
      if (field && !col.has(field)) col.set(field, i);
    });
    return { sheet: ws.name, headerRow: r, columns, col };
  }
  return null;
}

/** What a sheet says of every row in it. */
interface SheetContext {
  /** The regime, from the sheet's name ("2.タリバーン関係者等" → タリバーン関係者等). */
  programme: string;
  /** The sheet's number, which makes a notice number an entry's reference ("2-571"). */
  sheetNo: string;
  /** Persons or entities, where the sheet's name says which. */
  type: DesignationEntry['type'] | null;
  /** A column's header as the sheet writes it, for labelling remarks (国連参照番号, リスト掲載日 …). */
  headerOf(field: Field): string;
}

function sheetContext(layout: SheetLayout): SheetContext {
  const programme = layout.sheet.replace(/^\d+\./, '').trim();
  return {
    programme,
    sheetNo: /^(\d+)\./.exec(layout.sheet)?.[1] ?? layout.sheet,
    type: /団体|銀行/.test(programme) ? 'entity' : /個人/.test(programme) ? 'person' : null,
    headerOf: (field) => Object.keys(layout.columns).find((h) => layout.columns[h] === field) ?? field,
  };
}

/** One row of a sheet as an entry; `get` reads its cell of a field ('' when the sheet has none). */
function rowEntry(get: (field: Field) => string, sheet: SheetContext, noticeNo: string, listedOn: string | null): DesignationEntry {
  const e = emptyEntry(`${sheet.sheetNo}-${noticeNo}`, 'unknown');
  e.programmes.push(sheet.programme);
  e.listedOn = listedOn;

  const names: DesignationName[] = [];
  const ja = clean(trimSeparators(get('nameJa')));
  const enRaw = get('nameEn');
  const original = /\(original script:\s*([^)]+)\)/i.exec(enRaw)?.[1];
  const en = clean(trimSeparators(enRaw.replace(/\(original script:[^)]*\)/i, '')));
  // 不明 (unknown) is what the workbook writes in a title cell it has nothing for, groups' included.
  const title = clean(get('title').replace(/^不明$/, ''));
  if (en) names.push({ value: en, script: detectScript(en), lang: null, strength: 'primary', ...(title ? { parts: { title } } : {}) });
  if (ja) names.push({ value: ja, script: detectScript(ja, 'ja'), lang: 'ja', strength: 'primary' });
  if (original && clean(original)) names.push({ value: clean(original)!, script: detectScript(original), lang: null, strength: 'primary', note: 'original script' });
  names.push(...aliasNames(get('aliases'), 'strong'), ...aliasNames(get('formerNames'), 'strong', 'former name'), ...aliasNames(get('weakAliases'), 'weak'));
  e.names = uniqueNames([...names, ...names.flatMap(writtenOut)]);

  e.positions.push(...items(get('position')));
  for (const { text, full } of items(get('dob')).flatMap((t) => t.split(/\s*;\s*/)).flatMap(dateAlternatives)) {
    if (/^Born/i.test(text)) continue; // the English line repeats the Japanese one
    const dob = jpDob(full);
    if (dob) e.datesOfBirth.push({ value: dob.value, text, ...(dob.circa ? { circa: true } : {}) });
    // Kept as written, unless it is a place ("ベオグラード生", in 生年月日・出生地 columns).
    else if (!/生$/.test(text)) e.datesOfBirth.push({ value: { precision: 'unknown' }, text });
  }
  for (const text of items(get('pob'))) e.placesOfBirth.push({ text, country: countryCode(text.split(',').pop()) });
  e.nationalities.push(...items(get('nationality')).flatMap(nationalities));
  for (const value of items(get('passport'))) e.identifiers.push({ type: 'passport', label: '旅券番号', value, country: null, note: null });
  for (const value of items(get('idNo'))) e.identifiers.push({ type: 'national_id', label: 'ID番号', value, country: null, note: null });
  for (const text of items(get('address'))) e.addresses.push({ text, country: countryCode(text.split(',').pop()) });
  const unRef = clean(get('unRef'));
  if (unRef) e.remarks.push(`${sheet.headerOf('unRef')}: ${unRef}`);
  const unDate = clean(get('unDate'));
  if (unDate) e.remarks.push(`${sheet.headerOf('unDate')}: ${unDate}`);
  const other = clean(get('other'));
  if (other && other !== '不明') e.remarks.push(other);
  e.type = sheet.type ?? typeFromContent(e, title, en, ja);
  return e;
}

/**
 * The type of an entry on a sheet that lists persons and groups together and says neither: a
 * person's facts (a date of birth, a passport, a title; then a nationality, a place of birth, a
 * position), a name that says it is an organisation's, or the UN's narrative, which calls a group
 * 同団体 ("同団体に対するインターポール…特別手配書" for AL-QAIDA) and a person 同人. Only the first
 * is taken alone: the workbook writes 同人 for two groups (LJ, AQAP), never 同団体 alone for a person.
 */
function typeFromContent(e: DesignationEntry, title: string | null, en: string | null, ja: string | null): DesignationEntry['type'] {
  const says = (word: string) => e.remarks.some((remark) => remark.includes(word));
  const group = says('同団体') && !says('同人');
  // A date of birth is sometimes only in the remarks ("社長 生年月日:1941年4月27日").
  if (e.datesOfBirth.length || e.identifiers.some((i) => i.type === 'passport') || title || says('生年月日')) return 'person';
  if (namesAnOrganisation(en, ja) || group) return 'entity';
  if (e.nationalities.length || e.placesOfBirth.length || e.positions.length) return 'person';
  return 'unknown';
}

/**
 * Words that make a name an organisation's, in English and in Japanese (sheets such as
 * 2.タリバーン関係者等 list persons and groups together and say neither): AFGHAN SUPPORT COMMITTEE(ASC),
 * アル・ラシード信託, ロシャン両替所; and the Arabic and Urdu words for one that no person is named
 * by (harakat: movement, lashkar and jaish: army, tehrik: movement, mujahideen: fighters; al-Qaida).
 * A name without one (ハマス, Babbar Khalsa) leaves the type unknown. "S.A." and "Co." may end a name.
 */
const ORGANISATION_EN =
  /\b(?:group|organi[sz]ation|foundation|trust|committee|society|movement|network|brigades?|battalion|army|front|party|federation|exchange|company|corporation|co\.|ltd|limited|llc|s\.a\.|ag|anstalt|bank|hospital|cent(?:re|er)|authority|portfolio|offices?|branch|charity|trading|investment|sociedad|province|harakat|lashkar|jaish|tehrik|mujahid(?:ee|i)n|al-qa[’']?ida|al-qaeda)(?!\w)/i;
const ORGANISATION_JA =
  /組織|財団|信託|委員会|協会|運動|集団|会社|両替所|旅団|人民軍|解放軍|党|戦線|連盟|銀行|投資庁|グループ|カンパニー|コーポレーション|ファウンデーション|トラスト|ネットワーク|リミテッド|ブリゲイド|バンク|センター|ホスピタル/;
const namesAnOrganisation = (en: string | null, ja: string | null) => (en !== null && ORGANISATION_EN.test(en)) || (ja !== null && ORGANISATION_JA.test(ja));

export async function parseJpMofXlsx(path: string, options: ParseOptions = {}): Promise<ParsedList & { sheets: JpSheetInfo[] }> {
  sniff(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new ListParseError(JP_FILE_KIND, 'malformed', null, note('workbook_unreadable', { cause: (e as Error).message }));
  }
  const out = new Collector(options);
  const sheets: JpSheetInfo[] = [];
  // The workbook states no date of its own: the latest notice it records (a designation, a
  // revision or a deletion) is the day it is current to. 2026-03-05 for shisantouketsu20260305.xlsx.
  let listDate: string | null = null;

  for (const ws of wb.worksheets) {
    const layout = sheetLayout(ws);
    if (!layout) continue;
    const { headerRow, columns, col } = layout;
    sheets.push({ sheet: ws.name, headerRow, columns });
    const sheet = sheetContext(layout);

    const read: SheetRow[] = [];
    const byRef = new Map<string, SheetRow>();
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const get = (f: Field) => {
        const i = col.get(f);
        return i === undefined ? '' : cellText(row.getCell(i).value).trim();
      };
      const no = get('noticeNo');
      if (!no) continue;
      const at: ListPlace = { sheet: ws.name, row: r, record: `告示番号 ${no}` };
      const noticeDate = get('noticeDate');
      const dates = noticeDates(noticeDate);
      for (const date of dates) if (!listDate || date > listDate) listDate = date;
      if (/削除/.test(noticeDate)) {
        out.removed();
        continue;
      }
      const e = rowEntry(get, sheet, no, dates[0] ?? null);
      const earlier = byRef.get(e.listId);
      if (earlier && continues(earlier.entry, e)) {
        mergeRow(earlier.entry, e);
        earlier.rows.push(r);
        continue;
      }
      if (earlier) out.warn(at, note('jp_number_again', { row: earlier.rows[0]! }));
      const sheetRow = { entry: e, at, rows: [r] };
      read.push(sheetRow);
      if (!earlier) byRef.set(e.listId, sheetRow);
    }
    for (const { entry, at, rows } of read) {
      if (rows.length > 1) out.warn(at, note('jp_rows_merged', { rows: rows.join(', ') }));
      if (entry.names.length === 0) out.skip(at, note('no_name'));
      else out.add(entry, at);
    }
  }
  if (sheets.length === 0) throw new ListParseError(JP_FILE_KIND, 'wrong_kind', null, note('jp_no_header'));
  return {
    list: { key: 'jp-mof', authority: 'JP', format: 'jp_mof_xlsx', listName: '資産凍結等の措置の対象者 (MOF)', listDate },
    entries: out.entries,
    report: out.report,
    sheets,
  };
}
