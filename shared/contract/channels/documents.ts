import { z } from 'zod';
import { isPartialDate } from '../../domain/fuzzy-date';
import { SUBJECT_TYPES } from '../../domain/subjects';
import { IdSchema, line, paragraph } from '../records';
import { Sha256Schema } from './evidence';

/**
 * Proposal documents (提案書, docs/documents.md): an asset-freeze or travel-ban proposal for one or
 * several subjects of a case, in Japanese, English or both, built as HTML from the case data and
 * printed to PDF by Chromium. A preview is a draft; issuing prints it, stores the PDF and its HTML
 * source in the vault and freezes it: the row, the files and the hashes never change again, and
 * a later issue of the same proposal is a new version.
 */
export const MEASURES = ['asset_freeze', 'travel_ban'] as const;
export type Measure = (typeof MEASURES)[number];

/** 'bilingual': every section in Japanese, then the same in English (docs/documents.md says why). */
export const DOCUMENT_LANGUAGES = ['ja', 'en', 'bilingual'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Markings of the Japanese government's practice: 取扱注意, 秘, 極秘. */
export const CLASSIFICATIONS = ['restricted', 'confidential', 'secret'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** The standard of proof the findings are stated against (DOMAIN.md: it differs by partner). */
export const STANDARDS_OF_PROOF = ['reasonable_grounds', 'credible_evidence'] as const;
export type StandardOfProof = (typeof STANDARDS_OF_PROOF)[number];

/**
 * The sections of a proposal, in order: the ids of its parts in the HTML (`<section id=…>`), and
 * what a review comment on a part of the proposal is anchored to.
 */
export const PROPOSAL_SECTIONS = [
  'measure',
  'subjects',
  'findings',
  'exhibits',
  'exculpatory',
  'coordination',
  'scope',
  'signatures',
] as const;
export type ProposalSection = (typeof PROPOSAL_SECTIONS)[number];

/** A calendar day, YYYY-MM-DD. */
export const DaySchema = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isPartialDate(v), { params: { code: 'invalid_date' } });

export const ProposalRequestSchema = z.object({
  caseId: IdSchema,
  measure: z.enum(MEASURES),
  /** The subjects the proposal is for, each part of the case; printed in the order of their references. */
  subjectIds: z
    .array(IdSchema)
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { params: { code: 'duplicate' } }),
  language: z.enum(DOCUMENT_LANGUAGES),
  classification: z.enum(CLASSIFICATIONS).default('restricted'),
  /** To whom it is addressed; empty: the minister responsible for the measure. */
  addressee: line(300).default(''),
  /** Who reviews it (signature block); empty leaves the block to be filled in by hand. */
  reviewer: line(300).default(''),
  standard: z.enum(STANDARDS_OF_PROOF).default('reasonable_grounds'),
  /** When the measure should take effect; null: on designation. */
  proposedDate: DaySchema.nullable().default(null),
  /** When the designation should be reviewed; null: one year after the document's date. */
  reviewDate: DaySchema.nullable().default(null),
  /** Scope beyond the standard wording (particular assets, entries), if any. */
  scopeNote: paragraph(5000).default(''),
});
export type ProposalRequest = z.input<typeof ProposalRequestSchema>;
export type ProposalRequestParsed = z.output<typeof ProposalRequestSchema>;

/**
 * What keeps a proposal from being issued, one problem per thing to fix. `message` is plain English
 * (logs, bug reports); the UI words it from the code and the references.
 */
export const DOCUMENT_PROBLEM_CODES = [
  'subject_not_in_case', // a chosen subject is not (or no longer) part of the case
  'no_roles', // the subject has no role in any allegation of the case
  'no_allegation_finding', // an allegation the subject is part of has no finding
  'no_subject_finding', // the subject has no finding
  'subject_finding_not_met', // the subject's finding says the standard is not met (or undetermined)
  'no_reasons', // the subject has no statement of reasons, or an empty one
  'reasons_too_long', // the statement of reasons is over the page limit
  'broken_exhibit', // a text cites an exhibit that is no longer in the case file
  'broken_subject', // a text mentions a subject that is no longer in the workspace
  'exhibit_file_missing', // a cited exhibit's stored file is missing from the vault
  'exculpatory_unaddressed', // contradicting material that no finding addresses
  'names_unprintable', // every name of the subject is in a script the bundled fonts cannot print
  'text_unprintable', // other text in a script the bundled fonts cannot print
  'travel_ban_entity', // a travel ban proposed for an organisation, company or state body
] as const;
export type DocumentProblemCode = (typeof DOCUMENT_PROBLEM_CODES)[number];

export const DocumentProblemSchema = z.object({
  code: z.enum(DOCUMENT_PROBLEM_CODES),
  /** "S-3 Zhu Hailun" */
  subject: z.string().optional(),
  /** "A-2" */
  allegation: z.string().optional(),
  /** "E-12" */
  exhibit: z.string().optional(),
  /** Which text: the finding on A-2 (allegation), on S-3 (subject), or S-3's statement of reasons. */
  text: z.object({ kind: z.enum(['allegation_finding', 'subject_finding', 'reasons']), of: z.string() }).optional(),
  /** Pages, and the limit, for reasons_too_long. */
  pages: z.number().int().optional(),
  limit: z.number().int().optional(),
  /** The scripts or characters that cannot be printed. */
  characters: z.string().optional(),
  /** Where in the subject's record unprintable text is ("names", "positions" …). */
  field: z.string().optional(),
  message: z.string(),
});
export type DocumentProblem = z.infer<typeof DocumentProblemSchema>;

export const DocumentSubjectSchema = z.object({
  id: IdSchema,
  reference: z.string(),
  type: z.enum(SUBJECT_TYPES),
  displayName: z.string(),
});

export const ProposalPreviewSchema = z.object({
  /** The document exactly as it will print (fonts come from the app's own files under fonts/). */
  html: z.string(),
  /** "HR-2026-0001-AF-01": the same for every version of this proposal. */
  number: z.string(),
  /** The version issuing now would make. */
  version: z.number().int(),
  problems: z.array(DocumentProblemSchema),
});
export type ProposalPreview = z.infer<typeof ProposalPreviewSchema>;

export const IssuedDocumentSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  number: z.string(),
  version: z.number().int(),
  language: z.enum(DOCUMENT_LANGUAGES),
  measure: z.enum(MEASURES),
  subjects: z.array(DocumentSubjectSchema),
  title: z.string(),
  /** The issued PDF's SHA-256 (recorded in the case history; the PDF is stored in the vault under it). */
  sha256: Sha256Schema,
  size: z.number().int(),
  /** The SHA-256 printed on the last page: of the document's HTML source, stored in the vault under it. */
  sourceSha256: Sha256Schema,
  pageCount: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  /** The name an exported copy gets. */
  fileName: z.string(),
});
export type IssuedDocument = z.infer<typeof IssuedDocumentSchema>;

export const documentChannels = {
  /** The document as it would be issued now, with what keeps it from being issued. */
  'documents.preview': { input: ProposalRequestSchema, output: ProposalPreviewSchema },
  /** Prints, stores and freezes a new version; refused (DOCUMENT_INCOMPLETE) while any problem remains. */
  'documents.issue': { input: ProposalRequestSchema, output: IssuedDocumentSchema },
  /** The issued documents of a case, newest first. */
  'documents.list': { input: z.object({ caseId: IdSchema }), output: z.array(IssuedDocumentSchema) },
  /**
   * Writes a copy of an issued PDF into a folder: the one given, or (in the desktop app, when none
   * is given) one the user chooses; `fileName` null when the user cancelled the choice.
   */
  'documents.export': {
    input: z.object({ id: IdSchema, folder: line(4096).pipe(z.string().min(1)).optional() }),
    output: z.object({ fileName: z.string().nullable() }),
  },
  /** The issued PDF's bytes, for a browser download (base64). */
  'documents.download': {
    input: z.object({ id: IdSchema }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
} as const;
