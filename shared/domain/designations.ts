import { z } from 'zod';
import { COUNTRY_CODES } from './countries';
import { fuzzyDateBounds, FuzzyDateSchema, isPartialDate } from './fuzzy-date';
import { ListProblemSchema, ListSkipSchema } from './list-notes';
import { NAME_SCRIPT_CODES } from './subjects';

/**
 * Partner designations (DOMAIN.md, "Partner designation"): the entries of the sanctions lists that
 * partners publish, read from each authority's own format into one shape. Everything the source
 * says is kept — as structured values where the source is structured enough, and as its own text
 * where it is not — so that an investigator can always see what the list actually said.
 */

/** Who published the list. */
export const AUTHORITIES = ['US', 'UK', 'EU', 'CA', 'AU', 'UN', 'JP'] as const;
export type Authority = (typeof AUTHORITIES)[number];

/** The file formats Casebench can read. */
export const LIST_FORMATS = ['un_xml', 'ofac_csv', 'eu_fsf_xml', 'uk_xml', 'ca_sema_xml', 'jp_mof_xlsx', 'ofac_xml', 'ftm_jsonl', 'uk_csv', 'ofac_advanced_xml'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export const DESIGNATION_TYPES = ['person', 'entity', 'vessel', 'aircraft', 'unknown'] as const;
export type DesignationType = (typeof DESIGNATION_TYPES)[number];

/** primary: the name the list is headed by; strong: a good-quality alias; weak: a low-quality alias. */
export const NAME_STRENGTHS = ['primary', 'strong', 'weak'] as const;
export type NameStrength = (typeof NAME_STRENGTHS)[number];

export const IDENTIFIER_TYPES = ['passport', 'national_id', 'tax_id', 'registration', 'imo', 'other'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** YYYY, YYYY-MM or YYYY-MM-DD (the `value` of a FuzzyDate). */
export const PartialDateSchema = z.string().refine(isPartialDate, { params: { code: 'invalid_date' } });

const CountrySchema = z.enum(COUNTRY_CODES).nullable();

export const NamePartsSchema = z.object({
  given: z.string().optional(),
  middle: z.string().optional(),
  family: z.string().optional(),
  /** UN FIRST_NAME … FOURTH_NAME, UK Name1 … Name6: the source's own numbered parts, in order. */
  numbered: z.array(z.string()).optional(),
  title: z.string().optional(),
});
export type NameParts = z.infer<typeof NamePartsSchema>;

export const DesignationNameSchema = z.object({
  value: z.string().min(1),
  /** Script detected from the characters (subjects.ts codes); null when mixed or unknown. */
  script: z.enum(NAME_SCRIPT_CODES).nullable(),
  /** Language as the source states it (EU nameLanguage, UK NonLatinNames language …), else null. */
  lang: z.string().nullable(),
  strength: z.enum(NAME_STRENGTHS),
  parts: NamePartsSchema.optional(),
  /** The source's own label for this name (a.k.a., f.k.a., "Good quality", "Primary name" …). */
  note: z.string().optional(),
});
export type DesignationName = z.infer<typeof DesignationNameSchema>;

export const DesignationDateOfBirthSchema = z.object({
  value: FuzzyDateSchema,
  /** What the list said, verbatim (trimmed). */
  text: z.string(),
  /** The list marks this date as approximate (circa, APPROXIMATELY, "about"). */
  circa: z.boolean().optional(),
});
export type DesignationDateOfBirth = z.infer<typeof DesignationDateOfBirthSchema>;

const addYears = (iso: string, years: number) => `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;

/** The days a listed date of birth can mean: one the list marks as approximate, a year either side. */
export function birthDateBounds(date: DesignationDateOfBirth): { first: string; last: string } | null {
  const bounds = fuzzyDateBounds(date.value);
  return bounds && date.circa ? { first: addYears(bounds.first, -1), last: addYears(bounds.last, 1) } : bounds;
}

export const DesignationPlaceSchema = z.object({
  text: z.string(),
  country: CountrySchema,
});

export const DesignationNationalitySchema = z.object({
  /** ISO 3166-1 alpha-2 where the text maps to one; null otherwise (the text is kept). */
  country: CountrySchema,
  text: z.string(),
});

export const DesignationIdentifierSchema = z.object({
  type: z.enum(IDENTIFIER_TYPES),
  /** The source's own label (e.g. "Passport", "National Identification Number", "Tax ID No."). */
  label: z.string(),
  value: z.string(),
  country: CountrySchema,
  note: z.string().nullable(),
});

export const DesignationEntrySchema = z.object({
  /** The list's own reference (UN KPi.033, OFAC ent_num, EU logicalId, UK UniqueID …). */
  listId: z.string().min(1),
  authority: z.enum(AUTHORITIES).optional(),
  type: z.enum(DESIGNATION_TYPES),
  /** Programmes or regimes as the list names them (OFAC "BURMA-EO14014", UN "DPRK" …). */
  programmes: z.array(z.string()),
  listedOn: PartialDateSchema.nullable(),
  names: z.array(DesignationNameSchema).min(1),
  datesOfBirth: z.array(DesignationDateOfBirthSchema),
  placesOfBirth: z.array(DesignationPlaceSchema),
  nationalities: z.array(DesignationNationalitySchema),
  identifiers: z.array(DesignationIdentifierSchema),
  addresses: z.array(DesignationPlaceSchema),
  /** Positions and titles held (UN DESIGNATION, OFAC Title, UK Position). */
  positions: z.array(z.string()),
  remarks: z.array(z.string()),
});
export type DesignationEntry = z.infer<typeof DesignationEntrySchema>;

/**
 * Which list a file is a version of: an import replaces the current list with the same key. Two
 * formats of one list share it (OFAC's CSV set and its XML are both 'us-ofac-sdn').
 */
export const ListKeySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);

export const DesignationListSchema = z.object({
  key: ListKeySchema,
  /** Null only for a file that mixes authorities (each entry then says its own). */
  authority: z.enum(AUTHORITIES).nullable(),
  format: z.enum(LIST_FORMATS),
  listName: z.string(),
  /** The date the list says it was generated or published, when it says so. */
  listDate: PartialDateSchema.nullable(),
});
export type DesignationList = z.infer<typeof DesignationListSchema>;

/** What a parser did with a file: counted, and every record it could not take, with why. */
export const ParseReportSchema = z.object({
  entries: z.number().int().nonnegative(),
  names: z.number().int().nonnegative(),
  /** Each record skipped: where, and why. */
  skipped: z.array(ListSkipSchema),
  /** Records the list itself marks as removed (Japan's 削除 rows): no longer designations, so not read, and not a problem. */
  removed: z.number().int().nonnegative(),
  warnings: z.array(ListProblemSchema),
});
export type ParseReport = z.infer<typeof ParseReportSchema>;
