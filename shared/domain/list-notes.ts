/**
 * What a list reader says about a file or one of its records — a record skipped and why, a
 * warning, why a file cannot be read — as a code and its values, with where in the file. The UI
 * translates the code (renderer/src/i18n: `lists.notes`, `lists.place`); main writes the English
 * from the same templates for its messages and logs. Values are the file's own words (an element
 * name, a reference, a library's message), never a path.
 */
import { z } from 'zod';
import { fill } from './fill-template';

/** The English of every note; ja.ts translates each key (checked by the typecheck). */
export const LIST_NOTES_EN = {
  // A record skipped.
  no_name: 'no name',
  no_field: 'no {{field}}',
  no_fields: 'no {{first}} or {{second}}',
  alias_without_name: 'alias without a name',
  alias_of_missing: 'alias of ent_num {{ref}}, which is not in sdn.csv',
  reference_twice: '{{field}} listed twice',
  listed_twice: 'listed twice under the reference {{ref}}: the first is kept',
  no_authority: 'the entry names no authority, and its list has none',
  invalid_entry: 'invalid entry {{ref}}: {{field}} {{problem}}',
  unreadable_record: 'the record cannot be read: {{cause}}',
  sanction_without_entity: 'a Sanction without an entity',
  not_ftm_entity: 'not a FollowTheMoney entity (no id, schema or properties)',

  // A warning.
  ftm_unmatched_sanctions: 'entities named by Sanctions but not in the file: {{n}}',
  ftm_not_designated: 'persons or organisations without a Sanction (relatives, owners …), not read as designations: {{n}}',
  ftm_other_schemas: 'not read as designations: {{list}}',
  jp_number_again: 'the notice number of row {{row}} again, for another name',
  jp_rows_merged: 'one entry written over rows {{rows}}, read as one',
  ofac_entry_without_profile: 'SanctionsEntry {{entry}} is for profile {{profile}}, which is not in the file',
  ofac_comment_without_entry: 'ent_num {{ref}} is not in sdn.csv',
  record_count_differs: 'the file says it holds {{stated}} records; {{found}} were found',

  // Why a file cannot be read.
  empty: 'the file is empty',
  no_records: 'no {{what}} records found',
  no_designations: 'no designated persons, organisations, vessels or aircraft found',
  no_entities: 'the file has no entities',
  nothing_read: 'no entry of the list could be read ({{skipped}} skipped, {{removed}} marked as removed); the previous version is still in use',
  html_page: 'this is an HTML page (an error page saved instead of the list?), not a sanctions list file',
  pdf: 'this is a PDF document, not a sanctions list file',
  word: 'this is a Word document, not a sanctions list file',
  zip: 'this is a zip archive: unpack it and import the list inside',
  gzip: 'this file is gzip-compressed: unpack it and import the file inside',
  old_excel: 'this is an old Excel 97–2003 (.xls) or other Office file: save it as .xlsx and import that',
  uk_conlist: "this is OFSI's Consolidated List (ConList.csv), retired in January 2026: import the UK Sanctions List (CSV or XML) from the FCDO instead",
  csv_unknown: 'this CSV file is not one Casebench reads (of CSV lists it reads the UK Sanctions List and the OFAC legacy set: sdn.csv, add.csv, alt.csv, sdn_comments.csv)',
  xml_root_unknown: "this XML file's root element is <{{root}}>, which is not a sanctions list Casebench reads",
  not_a_list: 'this is not a sanctions list file Casebench can read',
  format_unsupported: 'Casebench cannot read the {{format}} format yet',
  formats_mixed: 'this file is a different list format ({{format}}) from {{first}} ({{firstFormat}}): import one list at a time',
  one_file_only: 'this list ({{format}}) is one file: import one file at a time',
  ofac_set_unknown_file: 'this is not one of the OFAC legacy CSV files (sdn.csv, add.csv, alt.csv, sdn_comments.csv)',
  ofac_set_twice: 'the set has two {{file}} files: import one of each',
  ofac_set_no_sdn: 'the OFAC CSV set has no sdn.csv (the main file): import it with its add.csv, alt.csv and sdn_comments.csv',
  utf16: 'the file is UTF-16; expected {{expected}}',
  utf16_or_32: 'the file is UTF-16 or UTF-32; expected UTF-8',
  utf16_resaved: 'the file is UTF-16 (saved again as "Unicode text"?); expected the UTF-8 CSV as downloaded',
  utf8_bom_not_1252: 'the file is UTF-8 (byte-order mark); expected Windows-1252',
  utf8_not_1252: 'the file is UTF-8; expected Windows-1252',
  declared_encoding: 'the file declares encoding {{encoding}}; expected UTF-8',
  not_utf8: 'the file is not valid UTF-8 (another encoding?)',
  not_utf8_resaved: 'the file is not UTF-8 (saved again by a spreadsheet in another encoding?): import the CSV as downloaded',
  cut_in_character: 'the file ends inside a character (download cut short?)',
  cut_in_quotes: 'the file ends inside a quoted field (download cut short?)',
  cut_in_line: 'the file ends in the middle of a line (download cut short?)',
  cut_before_end: 'the file ends before the list does (download cut short?)',
  cut_before_end_because: 'the file ends before the list does (download cut short?): {{cause}}',
  cut_last_row: 'the last row has {{found}} of {{expected}} columns (download cut short?)',
  cut_last_line: 'the last line is cut short (download cut short?)',
  gzip_damaged: 'the gzip stream is cut short or damaged: {{cause}}',
  zip_cut: 'the zip archive has no end record: the file is cut short (download interrupted?)',
  not_xml: 'this is not an XML file',
  xml_not_csv: 'this is an XML file, not the CSV list',
  xml_not_jsonl: 'this is an XML file, not FollowTheMoney JSON lines',
  xml_wrong_root: 'the root element is <{{root}}>, expected <{{expected}}>',
  xml_no_element: 'no XML element found',
  xml_malformed: 'not well-formed XML: {{cause}}',
  not_json_object: 'the line is not a JSON object',
  not_json: 'not JSON: {{cause}}',
  not_jsonl: 'the line is not a JSON object: not FollowTheMoney JSON lines',
  not_one_entity_per_line: 'not one JSON entity per line ({{cause}})',
  json_not_ftm: 'JSON, but not a FollowTheMoney entity (no schema and properties)',
  csv_columns: 'found {{found}} columns, expected {{expected}}',
  csv_columns_of_file: 'found {{found}} columns, a {{file}} has {{expected}}',
  csv_not_entity_number: 'the first column is "{{value}}", not an entity number',
  csv_malformed: 'the CSV cannot be read: {{cause}}',
  uk_csv_no_header: 'no header naming "Unique ID" and "Name 6": this is not the UK Sanctions List CSV',
  unicode_text_not_xlsx: 'this is a Unicode text file (CSV or text export?), not an xlsx workbook',
  not_xlsx: 'this is not an xlsx (zip) file',
  workbook_unreadable: 'the workbook cannot be read: {{cause}}',
  jp_no_header: 'no sheet has a 告示番号 / 英語表記 header row',
  too_large: 'the list is too large to read here (it needs more than {{mib}} MiB of memory)',

  // A report stored before notes had codes: its English as it was written.
  as_written: '{{text}}',
} as const;

export type ListNoteCode = keyof typeof LIST_NOTES_EN;
const NOTE_CODES = Object.keys(LIST_NOTES_EN) as [ListNoteCode, ...ListNoteCode[]];

export const ListNoteSchema = z.object({
  code: z.enum(NOTE_CODES),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ListNote = z.infer<typeof ListNoteSchema>;

/** Where in a file: each part the reader knows. `record` is the file's own words ("sdnEntry 36", "告示番号 274"). */
export const ListPlaceSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  byte: z.number().int().optional(),
  entry: z.string().optional(),
  record: z.string().optional(),
  /** A place stored before places had parts, as it was written. */
  text: z.string().optional(),
});
export type ListPlace = z.infer<typeof ListPlaceSchema>;

/** The English of each part of a place, in the order they are said; ja.ts translates each. */
export const LIST_PLACE_EN = {
  file: '{{file}}',
  sheet: 'sheet {{sheet}}',
  row: 'row {{row}}',
  line: 'line {{line}}',
  column: 'column {{column}}',
  byte: 'byte {{byte}}',
  entry: 'entry {{entry}}',
  record: '{{record}}',
  text: '{{text}}',
  separator: ', ',
} as const;

type PlacePart = Exclude<keyof typeof LIST_PLACE_EN, 'separator'>;
const PLACE_PARTS = Object.keys(LIST_PLACE_EN).filter((k) => k !== 'separator') as PlacePart[];

/** A note on a record or the file, and where; `at` null for the file as a whole. */
export const ListProblemSchema = z.object({ at: ListPlaceSchema.nullable(), note: ListNoteSchema });
export type ListProblem = z.infer<typeof ListProblemSchema>;

/** Why a file of an import cannot be read: the user's name for it, where, and what is wrong. */
export const ListFileProblemSchema = ListProblemSchema.extend({ file: z.string() });
export type ListFileProblem = z.infer<typeof ListFileProblemSchema>;

/** A record not read: where it is, and why. */
export const ListSkipSchema = z.object({ at: ListPlaceSchema, note: ListNoteSchema });
export type ListSkip = z.infer<typeof ListSkipSchema>;

/** Builds a note; the values are what its template names. */
export const note = (code: ListNoteCode, values?: Record<string, string | number>): ListNote => (values ? { code, values } : { code });

/** A place in words, one part after another, through `say` (the UI's `t`, or the English). */
export function describePlace(place: ListPlace, say: (part: PlacePart | 'separator', values: Record<string, string | number>) => string): string {
  const parts = PLACE_PARTS.filter((p) => place[p] !== undefined).map((p) => say(p, { [p]: place[p]! }));
  return parts.join(say('separator', {}));
}

export const noteText = (n: ListNote): string => fill(LIST_NOTES_EN[n.code], n.values);
export const placeText = (place: ListPlace): string => describePlace(place, (part, values) => fill(LIST_PLACE_EN[part], values));
/** A problem with its place in front: the English the UI shows (en.ts) and main writes. */
export const LIST_PROBLEM_EN = '{{at}}: {{note}}';
export const problemText = (p: ListProblem): string => (p.at ? fill(LIST_PROBLEM_EN, { at: placeText(p.at), note: noteText(p.note) }) : noteText(p.note));
