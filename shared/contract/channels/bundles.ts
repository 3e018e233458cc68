import { z } from 'zod';
import { IdSchema } from '../records';
import { ColleagueSchema, PublicCardSchema, SignerStandingSchema } from './keys';

/**
 * Case bundles (issue 5; main/bundles/case): a case, or part of it, sent to colleagues as one
 * encrypted, signed `.casebundle` file, and merged into another workspace.
 *
 * Export: 'bundles.export' starts a job (kind 'bundles.export'); the app asks where to save it,
 * the browser host keeps it for 'bundles.download'. Import: upload the file like evidence
 * (POST /api/upload), then 'bundles.inspect' starts a job (kind 'bundles.inspect') whose result is
 * the plan — nothing is written yet; 'bundles.apply' writes it with the user's choices for each
 * conflicting field; 'bundles.discard' drops it.
 */

export const BundleSelectionSchema = z.object({
  allegationIds: z.array(IdSchema).max(10_000),
  subjectIds: z.array(IdSchema).max(10_000),
  evidenceIds: z.array(IdSchema).max(100_000),
});
export type BundleSelection = z.infer<typeof BundleSelectionSchema>;

export const PASSPHRASE_MIN = 12;

export const BundleRecipientsSchema = z.union([
  z.object({ colleagueIds: z.array(IdSchema).min(1).max(100) }),
  z.object({ passphrase: z.string().min(PASSPHRASE_MIN).max(1000) }),
]);

export const BundleExportSchema = z.object({
  caseId: IdSchema,
  /** null: the whole case. */
  selection: BundleSelectionSchema.nullable().default(null),
  recipients: BundleRecipientsSchema,
  includeEvidence: z.boolean().default(true),
  /** Victims' and witnesses' protected identities (the protected persons' real names and contacts): left out unless chosen. */
  includeProtected: z.boolean().default(false),
  /** The folder to write to (tests, scripts); otherwise the app asks, and the browser host keeps it for download. */
  folder: z.string().max(4000).optional(),
});
export type BundleExportInput = z.input<typeof BundleExportSchema>;

export const BundleExportResultSchema = z.object({
  fileName: z.string(),
  bundleSha256: z.string(),
  bytes: z.number().int(),
  /** Browser host: fetch the file with 'bundles.download'. null when it was written to a folder. */
  downloadId: IdSchema.nullable(),
});
export type BundleExportResult = z.infer<typeof BundleExportResultSchema>;

export const CHANGE_KINDS = ['new', 'update', 'conflict'] as const;

export const BundleFieldDiffSchema = z.object({
  field: z.string(),
  /** Values shown as text (JSON for lists and objects, the words of rich text), cut at 4,000 characters. */
  local: z.string(),
  incoming: z.string(),
});

export const BundleChangeSchema = z.object({
  /** '<table>:<key>': names the record in `choices`. */
  id: z.string(),
  table: z.string(),
  kind: z.enum(CHANGE_KINDS),
  label: z.string(),
  fields: z.array(BundleFieldDiffSchema),
});
export type BundleChange = z.infer<typeof BundleChangeSchema>;

export const BundlePlanSchema = z.object({
  token: IdSchema,
  bundleSha256: z.string(),
  sender: PublicCardSchema.extend({ fingerprint: z.string() }),
  standing: SignerStandingSchema,
  case: z.object({ id: IdSchema, reference: z.string(), title: z.string(), isNew: z.boolean() }),
  createdAt: z.string(),
  includes: z.object({
    wholeCase: z.boolean(),
    allegations: z.number().int(),
    subjects: z.number().int(),
    evidenceItems: z.number().int(),
    evidenceFiles: z.boolean(),
  }),
  protectedIdentitiesIncluded: z.boolean(),
  counts: z.object({ new: z.number().int(), updated: z.number().int(), conflicts: z.number().int(), unchanged: z.number().int(), keptLocal: z.number().int() }),
  changes: z.array(BundleChangeSchema),
  custody: z.object({ items: z.number().int(), entriesAdded: z.number().int(), diverged: z.array(z.string()) }),
  evidence: z.object({ carried: z.number().int(), alreadyHeld: z.number().int() }),
});
export type BundlePlan = z.infer<typeof BundlePlanSchema>;

export const BundleChoicesSchema = z.record(z.string().max(300), z.record(z.string().max(100), z.enum(['local', 'incoming'])));

export const BundleApplyResultSchema = z.object({
  caseId: IdSchema,
  inserted: z.number().int(),
  updated: z.number().int(),
  keptLocal: z.number().int(),
  custodyEntriesAdded: z.number().int(),
  skipped: z.array(z.string()),
});
export type BundleApplyResult = z.infer<typeof BundleApplyResultSchema>;

export const bundleChannels = {
  /** Starts writing a bundle; jobId null when the user closed the save dialog. */
  'bundles.export': { input: BundleExportSchema, output: z.object({ jobId: IdSchema.nullable() }) },
  /** The browser host's copy of an exported bundle (base64), removed once fetched. */
  'bundles.download': { input: z.object({ downloadId: IdSchema }), output: z.object({ fileName: z.string(), base64: z.string() }) },
  /** Opens an uploaded bundle and works out the plan; writes nothing to the workspace. */
  'bundles.inspect': {
    input: z.object({ uploadId: IdSchema, passphrase: z.string().max(1000).optional() }),
    output: z.object({ jobId: IdSchema }),
  },
  /** Writes an inspected plan with the user's field choices (unnamed fields keep the local value). */
  'bundles.apply': { input: z.object({ token: IdSchema, choices: BundleChoicesSchema.default({}) }), output: BundleApplyResultSchema },
  'bundles.discard': { input: z.object({ token: IdSchema }), output: z.object({ token: IdSchema }) },
  /**
   * Adds an inspected bundle's sender to the colleagues (the user compared `fingerprint` with them
   * by phone; another sender's is refused with BAD_REQUEST). Writes nothing else; the plan stays open.
   */
  'bundles.trustSender': {
    input: z.object({ token: IdSchema, fingerprint: z.string().max(100) }),
    output: z.object({ colleague: ColleagueSchema, standing: SignerStandingSchema }),
  },
} as const;
