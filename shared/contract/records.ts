import { z } from 'zod';
import { CONDUCT_CATEGORY_CODES } from '../domain/conduct-categories';
import { COUNTRY_CODES } from '../domain/countries';
import { FuzzyDateSchema } from '../domain/fuzzy-date';
import { ALLEGATION_STATUSES, CASE_STATUSES, LANGUAGES, STAGES } from '../domain/workflow';

/** Records as the UI sees them. Ids are UUIDv7; timestamps are ISO 8601 in UTC. */
export const IdSchema = z.uuid();

/** Trimmed single-line text; control characters are refused rather than stored invisibly. */
export const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !/\p{Cc}/u.test(v), { params: { code: 'invalid' } });
export const requiredLine = (max: number) => line(max).pipe(z.string().min(1));
/** Multi-line text: newlines and tabs allowed, other control characters refused. */
export const paragraph = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => !/[^\P{Cc}\n\r\t]/u.test(v), { params: { code: 'invalid' } });

export const StageSchema = z.enum(STAGES);
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const CountrySchema = z.enum(COUNTRY_CODES);
export const LanguageSchema = z.enum(LANGUAGES);
export const ConductCategorySchema = z.enum(CONDUCT_CATEGORY_CODES);
export const AllegationStatusSchema = z.enum(ALLEGATION_STATUSES);

export const CaseSummarySchema = z.object({
  id: IdSchema,
  reference: z.string(),
  title: z.string(),
  country: CountrySchema.nullable(),
  situation: z.string(),
  stage: StageSchema,
  status: CaseStatusSchema,
  allegationCount: z.number().int(),
  /** A demo case built by Casebench from public sources only (main/demo): marked so wherever it shows. */
  demo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CASE_EVENT_KINDS = [
  'created',
  'updated',
  'closed',
  'reopened',
  'allegation_added',
  'allegation_updated',
  'allegation_removed',
  'subject_added',
  'subject_removed',
  'subject_roles_updated',
  'stage_advanced',
  'stage_returned',
  'gate_waived',
  'review_approved',
  'review_returned',
  'decision_recorded',
  'document_issued',
  'screening_confirmed',
  'screening_rejected',
  // A finding or statement of reasons saved (main/services/findings-service): one line per stretch of editing.
  'allegation_finding_saved',
  'subject_finding_saved',
  'subject_reasons_saved',
  // Case bundles (main/bundles/case): sent, received, and a local version a received one replaced (its values in reason).
  'bundle_exported',
  'bundle_imported',
  'bundle_replaced',
  // Protected persons (main/services/protected-identity-service): the subject is the pseudonym; never the identity.
  'protected_person_added',
  'protected_person_updated',
  'protected_person_removed',
  'identity_viewed',
] as const;
export const CaseEventSchema = z.object({
  id: IdSchema,
  at: z.string(),
  actor: z.string(),
  kind: z.enum(CASE_EVENT_KINDS),
  reason: z.string().nullable(),
  /** A short human reference of what the event touched, e.g. "A-3". */
  subject: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  summary: z.string(),
  closedReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  history: z.array(CaseEventSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const VictimSchema = z.object({ pseudonym: requiredLine(200) });

export const AllegationFieldsSchema = z.object({
  category: ConductCategorySchema,
  period: FuzzyDateSchema,
  place: line(500),
  narrative: paragraph(100_000),
  victims: z.array(VictimSchema).max(500),
  status: AllegationStatusSchema,
});
export type AllegationFields = z.infer<typeof AllegationFieldsSchema>;

export const AllegationSchema = AllegationFieldsSchema.extend({
  id: IdSchema,
  caseId: IdSchema,
  /** "A-3": the third allegation recorded in the case; never reused. */
  reference: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Allegation = z.infer<typeof AllegationSchema>;
