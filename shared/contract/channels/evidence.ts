import { z } from 'zod';
import { INTEGRITY_NOTE_CODES } from '../../domain/integrity-notes';
import { ERROR_CODES } from '../errors';
import { IdSchema, line, paragraph, requiredLine } from '../records';

/**
 * Evidence items (証拠) and their chain of custody. A file item's bytes live in the vault, named by
 * their SHA-256 and never altered; the database holds the metadata and the hash-chained custody log.
 *
 * Bytes reach the vault through one HTTP-shaped upload, the same in both shells:
 *   POST {UPLOAD_PATH} with the raw file as the body, headers `x-casebench-filename` (percent-encoded)
 *   and `content-length`; answers `{ ok: true, value: UploadResult }` or `{ ok: false, error }`.
 *   Browser host: `http://127.0.0.1:<port>/api/upload` with the same `Authorization: Bearer <token>`
 *   header as /api/invoke. Electron: `app://casebench/api/upload`.
 * Then `evidence.import` turns uploads into items. Stored bytes are read back at
 * `{VAULT_PATH_PREFIX}<sha256>` (with Range support, e.g. for <video>), never executed: active types
 * are served as text/plain under a sandbox CSP.
 */
export const UPLOAD_PATH = '/api/upload';
export const UPLOAD_FILENAME_HEADER = 'x-casebench-filename';
export const VAULT_PATH_PREFIX = '/vault/';

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
/** UTC, ISO 8601 with a Z ("2026-03-01T09:30:00.000Z" or without milliseconds). */
export const UtcInstantSchema = z.iso.datetime();

export const EVIDENCE_KINDS = ['file', 'testimony'] as const;
/** Admiralty (NATO) grading: source reliability A (reliable) … E (unreliable), F (cannot be judged). */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** Information credibility 1 (confirmed) … 5 (improbable), 6 (cannot be judged). */
export const INFORMATION_CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export const EXTRACTION_STATUSES = ['none', 'ok', 'failed', 'unsupported'] as const;
export const CUSTODY_EVENT_KINDS = [
  'imported',
  'recorded', // a testimony item (no file) was created
  'metadata_changed',
  'linked',
  'unlinked',
  'exported',
  'derived',
  'verified',
] as const;
export const LINK_TARGET_TYPES = ['allegation', 'subject'] as const;
export const LINK_STANCES = ['supporting', 'contradicting'] as const;

/** Original file names: any printable text up to 1,000 characters; control characters are refused (field error). */
export const OriginalNameSchema = requiredLine(1000);
export const TagSchema = requiredLine(100);

/** The fields an investigator edits (evidence.update); every one optional on update. */
export const EvidenceMetadataSchema = z.object({
  title: requiredLine(500),
  description: paragraph(20_000),
  obtainedAt: UtcInstantSchema.nullable(),
  obtainedHow: line(500),
  source: line(500),
  collectedBy: line(300),
  sourceReliability: z.enum(SOURCE_RELIABILITY).nullable(),
  informationCredibility: z.union(INFORMATION_CREDIBILITY.map((n) => z.literal(n))).nullable(),
  tags: z.array(TagSchema).max(100),
  notes: paragraph(100_000),
});
export type EvidenceMetadata = z.infer<typeof EvidenceMetadataSchema>;

export const ExtractionSchema = z.object({
  status: z.enum(EXTRACTION_STATUSES),
  /** Why extraction failed, in plain English (no paths); absent unless status is failed. */
  error: z.string().optional(),
});

export const EvidenceItemSchema = EvidenceMetadataSchema.extend({
  id: IdSchema,
  caseId: IdSchema,
  /** "E-3": the third item recorded in the case; never reused. */
  exhibit: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  /** null for testimony. */
  originalName: z.string().nullable(),
  /** Sniffed from the bytes, never from the name; "application/octet-stream" when unknown. null for testimony. */
  mediaType: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: Sha256Schema.nullable(),
  extraction: ExtractionSchema,
  /** Number of custody entries and the hash of the last one (the chain's head). */
  custody: z.object({ count: z.number().int(), headHash: Sha256Schema }),
  /** How many records (allegations and subjects together) the item supports and contradicts. */
  linkCounts: z.object({ supporting: z.number().int(), contradicting: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

export const LinkTargetSchema = z.object({ type: z.enum(LINK_TARGET_TYPES), id: IdSchema });
export type LinkTarget = z.infer<typeof LinkTargetSchema>;

export const EvidenceLinkSchema = z.object({
  target: LinkTargetSchema,
  /** "A-3" for an allegation; the subject's display name for a subject (or null if unknown). */
  targetReference: z.string().nullable(),
  stance: z.enum(LINK_STANCES),
  note: z.string(),
  createdAt: z.string(),
});
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

export const CustodyEventSchema = z.object({
  /** 1-based position in the item's log. */
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  kind: z.enum(CUSTODY_EVENT_KINDS),
  reason: z.string().nullable(),
  /** What happened, e.g. { changed: { title: { from, to } } } or { target: {...}, stance }. */
  details: z.record(z.string(), z.unknown()),
  /** The evidential file's SHA-256 before and after the event (equal unless a file was derived). */
  hashBefore: z.string().nullable(),
  hashAfter: z.string().nullable(),
  /** SHA-256 of the previous entry (zeros for the first) and of this entry, over canonical JSON. */
  prevHash: Sha256Schema,
  entryHash: Sha256Schema,
});
export type CustodyEvent = z.infer<typeof CustodyEventSchema>;

export const EvidenceDetailSchema = EvidenceItemSchema.extend({
  links: z.array(EvidenceLinkSchema),
  custodyLog: z.array(CustodyEventSchema),
});
export type EvidenceDetail = z.infer<typeof EvidenceDetailSchema>;

/** What POST /api/upload answers: the bytes are in the vault's holding area, not yet an item. */
export const UploadResultSchema = z.object({
  uploadId: IdSchema,
  sha256: Sha256Schema,
  size: z.number().int(),
  mediaType: z.string(),
});
export type UploadResult = z.infer<typeof UploadResultSchema>;

export const EvidenceListQuerySchema = z.object({
  caseId: IdSchema,
  /** Matched against exhibit, title, description, original name, tags, notes and extracted text. */
  search: z.string().trim().max(300).default(''),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type EvidenceListQuery = z.input<typeof EvidenceListQuerySchema>;

export const ImportDefaultsSchema = z.object({
  obtainedAt: UtcInstantSchema.nullable().optional(),
  obtainedHow: line(500).optional(),
  source: line(500).optional(),
  collectedBy: line(300).optional(),
});

export const EvidenceImportSchema = z.object({
  caseId: IdSchema,
  uploads: z
    .array(
      z.object({
        uploadId: IdSchema,
        originalName: OriginalNameSchema,
        /** The file's own mtime as the browser saw it (File.lastModified as UTC ISO); recorded in custody. */
        lastModified: UtcInstantSchema.optional(),
      }),
    )
    .min(1)
    .max(1000),
  defaults: ImportDefaultsSchema.default({}),
});

/**
 * One row per upload imported. Bytes already held as an item of the same case are NOT imported again:
 * `duplicate: true` and `id`/`exhibit` name the existing item (no new item, no new custody entry).
 * The same bytes in another case become a new item there (sharing the one stored copy).
 */
export const ImportedSchema = z.object({
  uploadId: IdSchema,
  id: IdSchema,
  exhibit: z.string(),
  duplicate: z.boolean(),
});

/**
 * An upload that could not be moved into the vault (disk full, the waiting file gone or damaged):
 * no item was made of it and it no longer waits; the call's other uploads were imported.
 */
export const ImportFailedSchema = z.object({
  uploadId: IdSchema,
  code: z.enum(ERROR_CODES),
  message: z.string(),
});

export const TestimonySchema = EvidenceMetadataSchema.partial().extend({
  caseId: IdSchema,
  title: requiredLine(500),
});

export const EvidenceUpdateSchema = EvidenceMetadataSchema.partial().extend({
  id: IdSchema,
  /** Why the metadata changed; recorded in the custody log. */
  reason: line(2000).optional(),
});

export const EvidenceLinkInputSchema = z.object({
  itemId: IdSchema,
  target: LinkTargetSchema,
  stance: z.enum(LINK_STANCES),
  note: paragraph(5000).default(''),
});

export const CorroborationSchema = z.object({
  supporting: z.array(EvidenceItemSchema),
  contradicting: z.array(EvidenceItemSchema),
  /** Distinct non-empty `source` values among supporting items (trimmed, case-insensitive). */
  independentSources: z.number().int(),
  sources: z.array(z.string()),
});

export const VERIFY_PROBLEM_KINDS = [
  'missing_file', // the item's stored file is gone
  'changed_file', // the stored file no longer hashes to its name (expected vs actual)
  'size_mismatch', // the stored file's size differs from the recorded one
  'broken_link', // an entry's prevHash is not the hash of the entry before it
  'entry_changed', // an entry's content no longer hashes to its recorded entryHash
  'entry_removed', // a gap in the sequence, or fewer entries than the item's recorded count / head
  'reordered', // entries out of sequence order (their prevHash fits another position)
] as const;

export const VerifyProblemSchema = z.object({
  itemId: IdSchema,
  caseId: IdSchema,
  exhibit: z.string(),
  kind: z.enum(VERIFY_PROBLEM_KINDS),
  /** The custody entry (seq) concerned, for log problems. */
  entry: z.number().int().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** What exactly is wrong, for the UI to say (shared/domain/integrity-notes.ts), with its values. */
  note: z.enum(INTEGRITY_NOTE_CODES),
  values: z.record(z.string(), z.number()).optional(),
  /** The same in English, for logs and bug reports. */
  message: z.string(),
});
export type VerifyProblem = z.infer<typeof VerifyProblemSchema>;

export const VerifyReportSchema = z.object({
  caseId: IdSchema.nullable(),
  itemsChecked: z.number().int(),
  filesChecked: z.number().int(),
  bytesHashed: z.number().int(),
  problems: z.array(VerifyProblemSchema),
  /** true when nothing is wrong. Every item found intact gets a 'verified' custody entry, even when others are not. */
  clean: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;

export const evidenceChannels = {
  'evidence.list': {
    input: EvidenceListQuerySchema,
    output: z.object({ total: z.number().int(), items: z.array(EvidenceItemSchema) }),
  },
  'evidence.get': { input: z.object({ id: IdSchema }), output: EvidenceDetailSchema },
  'evidence.import': { input: EvidenceImportSchema, output: z.object({ items: z.array(ImportedSchema), failed: z.array(ImportFailedSchema) }) },
  'evidence.createTestimony': { input: TestimonySchema, output: EvidenceDetailSchema },
  'evidence.update': { input: EvidenceUpdateSchema, output: EvidenceDetailSchema },
  /** Links (or re-links with a new stance/note) an item to an allegation or subject. */
  'evidence.link': { input: EvidenceLinkInputSchema, output: EvidenceDetailSchema },
  'evidence.unlink': {
    input: z.object({ itemId: IdSchema, target: LinkTargetSchema, reason: line(2000).optional() }),
    output: EvidenceDetailSchema,
  },
  'evidence.corroboration': { input: z.object({ allegationId: IdSchema }), output: CorroborationSchema },
  /** Re-hashes every stored file and walks every custody log, of one case or (null) the workspace. */
  'evidence.verify.start': { input: z.object({ caseId: IdSchema.nullable() }), output: z.object({ jobId: IdSchema }) },
} as const;
