import { z } from 'zod';
import { AUTHORITIES, DesignationEntrySchema, DESIGNATION_TYPES, NAME_STRENGTHS, PartialDateSchema } from '../../domain/designations';
import { NAME_SCRIPT_CODES, SUBJECT_TYPES } from '../../domain/subjects';
import { IdSchema, paragraph } from '../records';

/**
 * Screening subjects against the partners' lists (docs/screening.md): candidates with a score and
 * the reasons for it, the investigator's decision on each, and the coordination matrix. A candidate
 * is a subject × an entry's stable identity (list key, list reference): it outlives re-imports of
 * the list and re-runs of the screening, and so does its decision.
 */

/** How a subject's name agreed with the entry's. */
export const NAME_HOWS = [
  'exact',
  'transliterated',
  'phonetic',
  'reordered',
  'spacing',
  'initials',
  'spelling',
  'diacritics',
  'partial',
] as const;
export type NameHow = (typeof NAME_HOWS)[number];

export const SCREENING_FACTORS = ['birth_date', 'nationality', 'identifier', 'type'] as const;
export const FACTOR_RESULTS = ['agrees', 'close', 'disagrees', 'unknown'] as const;
/**
 * What exactly agreed or not: same_day, same_month, same_year (the coarser date decides),
 * within_range, about (the list says circa), same_year_other_date (both give the year, and days or
 * months that differ), one_year_apart, different; same_country,
 * different_country; same_number, same_number_other_country; person_vs_entity; not_on_list (the
 * subject has it, the entry does not say).
 */
export const FACTOR_DETAILS = [
  'same_day',
  'same_month',
  'same_year',
  'within_range',
  'about',
  'same_year_other_date',
  'one_year_apart',
  'different',
  'same_country',
  'different_country',
  'same_number',
  'same_number_other_country',
  'person_vs_entity',
  'not_on_list',
] as const;

export const ScreeningFactorSchema = z.object({
  factor: z.enum(SCREENING_FACTORS),
  result: z.enum(FACTOR_RESULTS),
  detail: z.enum(FACTOR_DETAILS),
  /** The subject's value and the entry's, as they are written (dates as YYYY[-MM[-DD]] or from–to). */
  subject: z.string(),
  entry: z.string(),
  /** What it added to (or took from) the name's score. */
  effect: z.number(),
});
export type ScreeningFactor = z.infer<typeof ScreeningFactorSchema>;

export const ScreeningReasonsSchema = z.object({
  name: z.object({
    subjectName: z.string(),
    subjectScript: z.enum(NAME_SCRIPT_CODES),
    entryName: z.string(),
    entryStrength: z.enum(NAME_STRENGTHS),
    how: z.array(z.enum(NAME_HOWS)),
    /** The names' agreement alone, 0–1. */
    score: z.number(),
  }),
  factors: z.array(ScreeningFactorSchema),
});
export type ScreeningReasons = z.infer<typeof ScreeningReasonsSchema>;

export const SCREENING_DECISIONS = ['pending', 'confirmed', 'rejected'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

/** The entry as it was when the screening last saw it: shown when it is no longer on the list. */
export const SeenEntrySchema = z.object({
  name: z.string(),
  type: z.enum(DESIGNATION_TYPES),
  authority: z.enum(AUTHORITIES),
  listName: z.string(),
  programmes: z.array(z.string()),
  listedOn: PartialDateSchema.nullable(),
});
export type SeenEntry = z.infer<typeof SeenEntrySchema>;

export const ScreeningCandidateSchema = z.object({
  id: IdSchema,
  subjectId: IdSchema,
  listKey: z.string(),
  listRef: z.string(),
  score: z.number(),
  reasons: ScreeningReasonsSchema,
  decision: z.enum(SCREENING_DECISIONS),
  note: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /**
   * The latest screening against the list's current version found it. False: it was decided
   * before, and the entry has since left the list or no longer resembles the subject.
   */
  current: z.boolean(),
  seen: SeenEntrySchema,
  /** The entry as its current list has it; null when it is no longer listed. */
  entry: DesignationEntrySchema.nullable(),
  firstFoundAt: z.string(),
  screenedAt: z.string(),
});
export type ScreeningCandidate = z.infer<typeof ScreeningCandidateSchema>;

/** Candidates that are one designated person listed several times (several lists or regimes). */
export const DesignatedPersonSchema = z.object({
  /** Stable while the same candidates form the group: the first candidate's id. */
  key: z.string(),
  name: z.string(),
  authorities: z.array(z.enum(AUTHORITIES)),
  bestScore: z.number(),
  /** Why they are one: a shared identifier, or the same name with compatible dates of birth. */
  linkedBy: z.array(z.enum(['identifier', 'name_and_birth_date'])),
  candidates: z.array(ScreeningCandidateSchema),
});
export type DesignatedPerson = z.infer<typeof DesignatedPersonSchema>;

export const SubjectRefSchema = z.object({
  id: IdSchema,
  reference: z.string(),
  type: z.enum(SUBJECT_TYPES),
  displayName: z.string(),
});

export const SubjectScreeningSchema = z.object({
  subject: SubjectRefSchema,
  /** When the subject was last screened against every current list; null if never, or not since a change. */
  screenedAt: z.string().nullable(),
  /** Lists (keys) not yet screened in their current version, or since the subject was edited. */
  unscreenedLists: z.array(z.string()),
  persons: z.array(DesignatedPersonSchema),
});
export type SubjectScreening = z.infer<typeof SubjectScreeningSchema>;

export const ScreeningRunInputSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('subject'), subjectId: IdSchema }),
  z.object({ scope: z.literal('case'), caseId: IdSchema }),
  z.object({ scope: z.literal('workspace') }),
]);

export const ScreeningRunResultSchema = z.object({
  subjects: z.number().int(),
  lists: z.array(z.object({ key: z.string(), authority: z.enum(AUTHORITIES).nullable(), listName: z.string() })),
  /** Candidates at or above the threshold, after this run. */
  candidates: z.number().int(),
  /** Of those, first found by this run. */
  newCandidates: z.number().int(),
  /** Lists whose name keys were made by an older matcher and were re-indexed first. */
  reindexedLists: z.array(z.string()),
  screenedAt: z.string(),
});
export type ScreeningRunResult = z.infer<typeof ScreeningRunResultSchema>;

export const MATRIX_CELL_STATES = ['designated', 'pending', 'not_designated', 'not_screened', 'list_not_loaded'] as const;
export type MatrixCellState = (typeof MATRIX_CELL_STATES)[number];

export const MatrixDesignationSchema = z.object({
  candidateId: IdSchema,
  listKey: z.string(),
  listRef: z.string(),
  listName: z.string(),
  programmes: z.array(z.string()),
  listedOn: PartialDateSchema.nullable(),
  name: z.string(),
});
export type MatrixDesignation = z.infer<typeof MatrixDesignationSchema>;

export const MatrixCellSchema = z.object({
  state: z.enum(MATRIX_CELL_STATES),
  /** Confirmed designations by this partner (state 'designated'). */
  designations: z.array(MatrixDesignationSchema),
  /** Candidates awaiting a decision (state 'pending', or alongside a designation). */
  pending: z.number().int(),
});
export type MatrixCell = z.infer<typeof MatrixCellSchema>;

export const MatrixRowSchema = z.object({
  subject: SubjectRefSchema,
  /** The cases the subject is in, by reference (the workspace's matrix says where to work on it). */
  cases: z.array(z.object({ id: IdSchema, reference: z.string() })),
  cells: z.record(z.enum(AUTHORITIES), MatrixCellSchema),
  /** Partners (not JP) with a confirmed designation. */
  designatedBy: z.array(z.enum(AUTHORITIES)),
  /** Designated by at least one partner, and not by Japan: the coordination gap. */
  gap: z.boolean(),
  /** The earliest partner listing date, for sorting (YYYY[-MM[-DD]]), or null. */
  firstListedOn: PartialDateSchema.nullable(),
});
export type MatrixRow = z.infer<typeof MatrixRowSchema>;

export const CoordinationMatrixSchema = z.object({
  authorities: z.array(z.enum(AUTHORITIES)),
  /** The current lists of each partner (empty: list not loaded). */
  lists: z.record(
    z.enum(AUTHORITIES),
    z.array(z.object({ key: z.string(), listName: z.string(), listDate: PartialDateSchema.nullable(), importedAt: z.string() })),
  ),
  rows: z.array(MatrixRowSchema),
});
export type CoordinationMatrix = z.infer<typeof CoordinationMatrixSchema>;

export const screeningChannels = {
  /** Screens one subject, a case's subjects, or every subject, against every current list. */
  'screening.run': { input: ScreeningRunInputSchema, output: ScreeningRunResultSchema },
  /** A subject's candidates (or those of every subject of a case), grouped by designated person. */
  'screening.candidates': {
    input: z.union([z.object({ subjectId: IdSchema }), z.object({ caseId: IdSchema })]),
    output: z.array(SubjectScreeningSchema),
  },
  /**
   * Confirms or rejects a candidate; stamped in the history of the case given, or of every open
   * case the subject is in.
   */
  'screening.decide': {
    input: z.object({
      candidateId: IdSchema,
      decision: z.enum(['confirmed', 'rejected']),
      note: paragraph(2000).default(''),
      caseId: IdSchema.optional(),
    }),
    output: ScreeningCandidateSchema,
  },
  /** Subjects down, partners across: who designated whom, and the gap. For a case, or the workspace. */
  'screening.matrix': { input: z.object({ caseId: IdSchema.optional() }), output: CoordinationMatrixSchema },
} as const;
