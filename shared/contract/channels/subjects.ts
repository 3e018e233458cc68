import { z } from 'zod';
import { FuzzyDateSchema } from '../../domain/fuzzy-date';
import {
  ALIAS_STRENGTHS,
  DOCUMENT_TYPES,
  NAME_MAX,
  NAME_SCRIPT_CODES,
  RELATIONSHIP_KINDS,
  SUBJECT_ROLES,
  SUBJECT_TYPES,
} from '../../domain/subjects';
import { CountrySchema, IdSchema, line, paragraph, requiredLine } from '../records';

/**
 * Exhibits a fact rests on: ids of evidence items. Checked against the evidence vault when it exists.
 * Every fact row below carries them, and an optional id: kept across edits, so that citations and
 * exported FollowTheMoney ids stay stable.
 */
const EvidenceIdsSchema = z.array(IdSchema).max(50).default([]);
const factId = IdSchema.optional();

export const SubjectNameSchema = z.object({
  id: factId,
  script: z.enum(NAME_SCRIPT_CODES),
  value: requiredLine(NAME_MAX),
  /** The name to show for this script; at most one per script (the first is used when none is). */
  primary: z.boolean().default(false),
  evidenceIds: EvidenceIdsSchema,
});

export const SubjectAliasSchema = z.object({
  id: factId,
  script: z.enum(NAME_SCRIPT_CODES),
  value: requiredLine(NAME_MAX),
  strength: z.enum(ALIAS_STRENGTHS),
  evidenceIds: EvidenceIdsSchema,
});

export const BirthDateSchema = z.object({
  id: factId,
  date: FuzzyDateSchema,
  /** The source's own wording, kept as written: "1963年から1968年の間". */
  sourceText: line(1000).default(''),
  evidenceIds: EvidenceIdsSchema,
});

export const BirthPlaceSchema = z.object({
  id: factId,
  place: requiredLine(NAME_MAX),
  country: CountrySchema.nullable().default(null),
  evidenceIds: EvidenceIdsSchema,
});

export const NationalitySchema = z.object({
  id: factId,
  country: CountrySchema,
  evidenceIds: EvidenceIdsSchema,
});

export const IdentityDocumentSchema = z.object({
  id: factId,
  type: z.enum(DOCUMENT_TYPES),
  number: requiredLine(100),
  country: CountrySchema.nullable().default(null),
  note: line(1000).default(''),
  evidenceIds: EvidenceIdsSchema,
});

export const PositionSchema = z.object({
  id: factId,
  title: requiredLine(NAME_MAX),
  organization: line(NAME_MAX).default(''),
  period: FuzzyDateSchema,
  evidenceIds: EvidenceIdsSchema,
});

export const AddressSchema = z.object({
  id: factId,
  address: requiredLine(1000),
  country: CountrySchema.nullable().default(null),
  evidenceIds: EvidenceIdsSchema,
});

export const SubjectFieldsSchema = z
  .object({
    type: z.enum(SUBJECT_TYPES),
    names: z.array(SubjectNameSchema).min(1).max(100),
    aliases: z.array(SubjectAliasSchema).max(200).default([]),
    birthDates: z.array(BirthDateSchema).max(20).default([]),
    birthPlaces: z.array(BirthPlaceSchema).max(20).default([]),
    nationalities: z.array(NationalitySchema).max(20).default([]),
    documents: z.array(IdentityDocumentSchema).max(50).default([]),
    positions: z.array(PositionSchema).max(100).default([]),
    addresses: z.array(AddressSchema).max(50).default([]),
    notes: paragraph(20_000).default(''),
  })
  .superRefine((v, ctx) => {
    const primaryByScript = new Set<string>();
    v.names.forEach((name, i) => {
      if (!name.primary) return;
      if (primaryByScript.has(name.script)) {
        ctx.addIssue({ code: 'custom', path: ['names', i, 'primary'], params: { code: 'duplicate' } });
      }
      primaryByScript.add(name.script);
    });
    const seen = new Set<string>();
    v.nationalities.forEach((n, i) => {
      if (seen.has(n.country)) {
        ctx.addIssue({ code: 'custom', path: ['nationalities', i, 'country'], params: { code: 'duplicate' } });
      }
      seen.add(n.country);
    });
  });
export type SubjectFields = z.output<typeof SubjectFieldsSchema>;
export type SubjectFieldsInput = z.input<typeof SubjectFieldsSchema>;

const withIds = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ ...shape, id: IdSchema, evidenceIds: z.array(IdSchema) });

export const SubjectSchema = z.object({
  id: IdSchema,
  /** "S-12": workspace-wide, never reused; subjects are shared between cases. */
  reference: z.string(),
  type: z.enum(SUBJECT_TYPES),
  /** The name to show in one line: the primary Latin name, else the first primary name. */
  displayName: z.string(),
  names: z.array(withIds(SubjectNameSchema.omit({ id: true, evidenceIds: true }).shape).extend({ primary: z.boolean() })),
  aliases: z.array(withIds(SubjectAliasSchema.omit({ id: true, evidenceIds: true }).shape)),
  birthDates: z.array(withIds({ date: FuzzyDateSchema, sourceText: z.string() })),
  birthPlaces: z.array(withIds({ place: z.string(), country: CountrySchema.nullable() })),
  nationalities: z.array(withIds({ country: CountrySchema })),
  documents: z.array(
    withIds({ type: z.enum(DOCUMENT_TYPES), number: z.string(), country: CountrySchema.nullable(), note: z.string() }),
  ),
  positions: z.array(withIds({ title: z.string(), organization: z.string(), period: FuzzyDateSchema })),
  addresses: z.array(withIds({ address: z.string(), country: CountrySchema.nullable() })),
  notes: z.string(),
  /** Exhibit references ("E-3") of the evidence items cited anywhere above, where the vault knows them. */
  exhibits: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Subject = z.infer<typeof SubjectSchema>;

export const SubjectRoleSchema = z.object({ allegationId: IdSchema, role: z.enum(SUBJECT_ROLES) });

export const CaseSubjectSchema = z.object({
  subject: SubjectSchema,
  roles: z.array(SubjectRoleSchema.extend({ allegationReference: z.string() })),
  /** Other cases this subject is part of, by reference. */
  otherCases: z.array(z.string()),
  addedAt: z.string(),
});
export type CaseSubject = z.infer<typeof CaseSubjectSchema>;

export const SubjectMatchSchema = z.object({
  id: IdSchema,
  reference: z.string(),
  type: z.enum(SUBJECT_TYPES),
  displayName: z.string(),
  /** The name or alias that matched, marked with MATCH_START/MATCH_END. */
  snippet: z.string(),
});
export type SubjectMatch = z.infer<typeof SubjectMatchSchema>;

export const RelationshipFieldsSchema = z
  .object({
    fromId: IdSchema,
    toId: IdSchema,
    kind: z.enum(RELATIONSHIP_KINDS),
    period: FuzzyDateSchema.default({ precision: 'unknown' }),
    note: line(2000).default(''),
    evidenceIds: EvidenceIdsSchema,
  })
  .refine((v) => v.fromId !== v.toId, { path: ['toId'], params: { code: 'invalid' } });
export type RelationshipFields = z.output<typeof RelationshipFieldsSchema>;

export const RelationshipSchema = z.object({
  id: IdSchema,
  fromId: IdSchema,
  toId: IdSchema,
  kind: z.enum(RELATIONSHIP_KINDS),
  period: FuzzyDateSchema,
  note: z.string(),
  evidenceIds: z.array(IdSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Relationship = z.infer<typeof RelationshipSchema>;

export const subjectChannels = {
  'subjects.listForCase': { input: z.object({ caseId: IdSchema }), output: z.array(CaseSubjectSchema) },
  'subjects.get': { input: z.object({ id: IdSchema }), output: SubjectSchema },
  /** Creates a subject; with a caseId it is added to that (open) case at once. */
  'subjects.create': {
    input: SubjectFieldsSchema.and(z.object({ caseId: IdSchema.nullable().default(null) })),
    output: SubjectSchema,
  },
  'subjects.update': { input: SubjectFieldsSchema.and(z.object({ id: IdSchema })), output: SubjectSchema },
  /** Subjects by any name or alias in any script, for "add an existing subject". */
  'subjects.find': {
    input: z.object({ text: z.string().trim().min(1).max(300), limit: z.number().int().min(1).max(50).default(20) }),
    output: z.array(SubjectMatchSchema),
  },
  'subjects.addToCase': {
    input: z.object({ caseId: IdSchema, subjectId: IdSchema }),
    output: z.object({ caseId: IdSchema, subjectId: IdSchema }),
  },
  /** Takes the subject out of the case (its roles in the case's allegations too); the subject itself stays. */
  'subjects.removeFromCase': {
    input: z.object({ caseId: IdSchema, subjectId: IdSchema, reason: requiredLine(2000).optional() }),
    output: z.object({ caseId: IdSchema, subjectId: IdSchema }),
  },
  /** Replaces the subject's roles in the case's allegations. */
  'subjects.setRoles': {
    input: z.object({ caseId: IdSchema, subjectId: IdSchema, roles: z.array(SubjectRoleSchema).max(500) }),
    output: CaseSubjectSchema,
  },
  /** Relationships touching any subject of the case, and the subjects at their other ends. */
  'subjects.relationships': {
    input: z.object({ caseId: IdSchema }),
    output: z.object({
      relationships: z.array(RelationshipSchema),
      subjects: z.array(z.object({ id: IdSchema, reference: z.string(), type: z.enum(SUBJECT_TYPES), displayName: z.string(), inCase: z.boolean() })),
    }),
  },
  'subjects.createRelationship': { input: RelationshipFieldsSchema, output: RelationshipSchema },
  'subjects.updateRelationship': { input: RelationshipFieldsSchema.and(z.object({ id: IdSchema })), output: RelationshipSchema },
  'subjects.deleteRelationship': { input: z.object({ id: IdSchema }), output: z.object({ id: IdSchema }) },
  /** FollowTheMoney entities as JSON lines: the subject, its documents, positions and relationships. */
  'subjects.exportFtm': {
    input: z.object({ id: IdSchema }),
    output: z.object({ fileName: z.string(), text: z.string(), entityCount: z.number().int() }),
  },
} as const;
