/**
 * From list files to entries: recognises the format (detect.ts), picks its parser, and streams the
 * entries to `onEntry`. Every error names the user's file, never a path.
 *
 * To add a format: one row in READERS (and one in detect.ts FORMAT_RULES).
 */
import fs from 'node:fs';
import type { Authority, ListFormat } from '../../shared/domain/designations';
import { parseCaSemaXml } from './ca-sema-xml';
import { note } from '../../shared/domain/list-notes';
import { ListParseError, ReadProgress, lineAt, type ParseOptions, type ParsedList } from './common';
import { detectFormat, ofacCsvRole, type FileSniff, type ListInput, type OfacCsvRole } from './detect';
import { parseEuFsfXml } from './eu-fsf-xml';
import { parseFtmJsonl } from './ftm-jsonl';
import { parseJpMofXlsx } from './jp-mof-xlsx';
import { parseOfacAdvancedXml } from './ofac-advanced-xml';
import { parseOfacCsv, type OfacCsvFiles } from './ofac-csv';
import { parseOfacXml } from './ofac-xml';
import { parseUkCsv } from './uk-csv';
import { parseUkXml } from './uk-xml';
import { parseUnXml } from './un-xml';

export interface ListReader {
  /**
   * Who publishes lists in this format; entries are stored under it unless they name their own.
   * Null for a format whose files mix authorities (each entry must then say its own).
   */
  authority: Authority | null;
  read(files: readonly ListInput[], sniffs: readonly FileSniff[], options: ParseOptions): Promise<ParsedList>;
  /** How many times the parser reads its files through (default 1); entries come in the last. */
  passes?: number;
  /** The file a parser's error is about, for a format of several files (default: the first). */
  fileOf?(error: ListParseError, files: readonly ListInput[], sniffs: readonly FileSniff[]): ListInput | undefined;
}

/** A format read from one file by `parse(path, options)`. */
const oneFile = (authority: Authority | null, parse: (path: string, options: ParseOptions) => Promise<ParsedList>): ListReader => ({
  authority,
  read: (files, _sniffs, options) => parse(files[0]!.path, options),
});

const OFAC_ROLE_FILE: Record<OfacCsvRole, string> = { sdn: 'sdn.csv', alt: 'alt.csv', add: 'add.csv', comments: 'sdn_comments.csv' };

/** Assigns each file of an OFAC CSV set its role; one of each at most, and an sdn.csv. */
function ofacSet(files: readonly ListInput[], sniffs: readonly FileSniff[]): OfacCsvFiles {
  const set: Partial<Record<OfacCsvRole, string>> = {};
  files.forEach((file, i) => {
    const role = ofacCsvRole(sniffs[i]!);
    if (!role) throw new ListParseError(null, 'wrong_kind', lineAt(1), note('ofac_set_unknown_file'), file.name);
    if (set[role]) throw new ListParseError(null, 'wrong_kind', null, note('ofac_set_twice', { file: OFAC_ROLE_FILE[role] }), file.name);
    set[role] = file.path;
  });
  if (!set.sdn) {
    throw new ListParseError(null, 'wrong_kind', null, note('ofac_set_no_sdn'), files[0]!.name);
  }
  return { sdn: set.sdn, ...(set.alt ? { alt: set.alt } : {}), ...(set.add ? { add: set.add } : {}), ...(set.comments ? { comments: set.comments } : {}) };
}

export const READERS: { readonly [F in ListFormat]?: ListReader } = {
  un_xml: oneFile('UN', parseUnXml),
  eu_fsf_xml: oneFile('EU', parseEuFsfXml),
  uk_xml: oneFile('UK', parseUkXml),
  uk_csv: oneFile('UK', parseUkCsv),
  ca_sema_xml: oneFile('CA', parseCaSemaXml),
  jp_mof_xlsx: oneFile('JP', parseJpMofXlsx),
  ofac_xml: oneFile('US', parseOfacXml),
  ofac_advanced_xml: oneFile('US', parseOfacAdvancedXml),
  // OpenSanctions files mix authorities: each entry names its own, from its Sanctions. Read
  // twice: the Sanctions first, then the entities they target.
  ftm_jsonl: { ...oneFile(null, parseFtmJsonl), passes: 2 },
  ofac_csv: {
    authority: 'US',
    read: (files, sniffs, options) => parseOfacCsv(ofacSet(files, sniffs), options),
    // The parser names the file by its role ("OFAC SDN legacy CSV (alt.csv)").
    fileOf: (error, files, sniffs) => {
      const role = (Object.keys(OFAC_ROLE_FILE) as OfacCsvRole[]).find((r) => error.fileKind?.endsWith(`(${OFAC_ROLE_FILE[r]})`));
      return role ? files.find((_, i) => ofacCsvRole(sniffs[i]!) === role) : undefined;
    },
  },
};

export interface PreparedRead {
  format: ListFormat;
  authority: Authority | null;
  /** Streams the entries to `options.onEntry`; a ListParseError names the user's file. */
  read(options: ParseOptions): Promise<ParsedList>;
  /** A counter of the bytes `read` will read, to pass it in its options. */
  newProgress(): ReadProgress;
}

/**
 * Recognises the files' format (or takes the one given) and readies its parser; fails at once,
 * with a ListParseError naming the file, when the files are not a list Casebench reads.
 */
export function prepareRead(files: readonly ListInput[], format?: ListFormat): PreparedRead {
  const detected = detectFormat(files, format);
  const reader = READERS[detected.format];
  if (!reader) throw new ListParseError(null, 'wrong_kind', null, note('format_unsupported', { format: detected.format }), files[0]!.name);
  return {
    format: detected.format,
    authority: reader.authority,
    newProgress: () => new ReadProgress(files.reduce((sum, file) => sum + fs.statSync(file.path).size, 0), reader.passes),
    async read(options) {
      try {
        return await reader.read(files, detected.sniffs, options);
      } catch (error) {
        if (!(error instanceof ListParseError) || error.file) throw error;
        const file = (reader.fileOf?.(error, files, detected.sniffs) ?? files[0])!;
        throw error.naming(file.name);
      }
    },
  };
}

/** Reads list files into memory (tests, small lists); the import streams instead. */
export async function readList(files: readonly ListInput[], format?: ListFormat): Promise<ParsedList & { format: ListFormat }> {
  const prepared = prepareRead(files, format);
  return { ...(await prepared.read({})), format: prepared.format };
}
