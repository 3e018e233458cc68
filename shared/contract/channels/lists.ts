import { z } from 'zod';
import {
  AUTHORITIES,
  DesignationEntrySchema,
  LIST_FORMATS,
  ListKeySchema,
  PartialDateSchema,
} from '../../domain/designations';
import { ListProblemSchema, ListSkipSchema } from '../../domain/list-notes';
import { IdSchema } from '../records';
import { OriginalNameSchema, Sha256Schema } from './evidence';

/**
 * Partners' sanctions lists (DOMAIN.md, "Partner designation"). A list file reaches the workspace
 * like evidence does (POST /api/upload, see channels/evidence.ts), then 'lists.import' reads it as
 * a job ('jobs.get' polls it) that replaces the current version of that list atomically. The
 * uploaded bytes are not kept: a list is reference data, not evidence; its files' names, SHA-256
 * and sizes are.
 */

/** How many skipped records a report keeps with their reasons (the count is always complete). */
export const LIST_SKIPPED_KEPT = 500;

export const ListFileSchema = z.object({
  /** The name the user's file had; never a path. */
  name: z.string(),
  sha256: Sha256Schema,
  size: z.number().int(),
});
export type ListFile = z.infer<typeof ListFileSchema>;

/** What an import read: counts, warnings, and the records it could not take, with why. */
export const ListImportReportSchema = z.object({
  entries: z.number().int(),
  names: z.number().int(),
  skippedCount: z.number().int(),
  /** The first LIST_SKIPPED_KEPT skipped records: where in the file, and why. */
  skipped: z.array(ListSkipSchema),
  /** Records the list marks as removed (no longer designated): not read, not skipped. */
  removedCount: z.number().int(),
  warnings: z.array(ListProblemSchema),
});
export type ListImportReport = z.infer<typeof ListImportReportSchema>;

export const ListSummarySchema = z.object({
  key: ListKeySchema,
  /** Null for a file that mixes authorities (each entry has its own). */
  authority: z.enum(AUTHORITIES).nullable(),
  format: z.enum(LIST_FORMATS),
  listName: z.string(),
  /** The date the list says it was generated or published, when it says so. */
  listDate: PartialDateSchema.nullable(),
  entries: z.number().int(),
  names: z.number().int(),
  skippedCount: z.number().int(),
  /** Records the list marks as removed (no longer designated): not read, not skipped. */
  removedCount: z.number().int(),
  warnings: z.array(ListProblemSchema),
  files: z.array(ListFileSchema),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type ListSummary = z.infer<typeof ListSummarySchema>;

/** A finished 'lists.import' job's result (Job.listImport). */
export const ListImportResultSchema = z.object({
  list: ListSummarySchema,
  report: ListImportReportSchema,
  /** The version this import replaced, if there was one. */
  replaced: z.object({ listDate: PartialDateSchema.nullable(), entries: z.number().int(), importedAt: z.string() }).nullable(),
});
export type ListImportResult = z.infer<typeof ListImportResultSchema>;

export const ListImportInputSchema = z.object({
  /** One file, or OFAC's legacy CSV set (sdn, alt, add, sdn_comments). */
  uploads: z.array(z.object({ uploadId: IdSchema, originalName: OriginalNameSchema })).min(1).max(8),
  /** Read as this format; by default it is recognised from the files. */
  format: z.enum(LIST_FORMATS).optional(),
});

/** Entry ids change when a list is replaced; (list key, listRef) does not. */
export const DesignationEntryIdSchema = z.number().int().positive();

export const DesignationEntryDetailSchema = z.object({
  entryId: DesignationEntryIdSchema,
  /** The list's own reference for the entry (UN KPi.033, OFAC ent_num …). */
  listRef: z.string(),
  /** Who designated: the entry's own authority, else its list's. */
  authority: z.enum(AUTHORITIES),
  list: ListSummarySchema.pick({ key: true, authority: true, format: true, listName: true, listDate: true }),
  entry: DesignationEntrySchema,
});
export type DesignationEntryDetail = z.infer<typeof DesignationEntryDetailSchema>;

export const listChannels = {
  /** Every current list, by key. */
  'lists.list': { input: z.object({}), output: z.object({ lists: z.array(ListSummarySchema) }) },
  /** Starts reading the uploads as a job; a file that is plainly not a list fails at once (LIST_UNREADABLE). */
  'lists.import': { input: ListImportInputSchema, output: z.object({ jobId: IdSchema }) },
  /** Removes the current list with this key and all its entries. */
  'lists.remove': { input: z.object({ key: ListKeySchema }), output: z.object({ key: ListKeySchema, entries: z.number().int() }) },
  'lists.entry': { input: z.object({ entryId: DesignationEntryIdSchema }), output: DesignationEntryDetailSchema },
  /** The report of the import that brought in the current list with this key, as kept with it. */
  'lists.report': { input: z.object({ key: ListKeySchema }), output: z.object({ list: ListSummarySchema, report: ListImportReportSchema }) },
} as const;
