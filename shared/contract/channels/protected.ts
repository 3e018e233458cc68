import { z } from 'zod';
import { IdSchema, line, paragraph, requiredLine } from '../records';

/**
 * Victims, witnesses and sources recorded under a pseudonym, their real identity held apart
 * (DOMAIN.md). Lists carry pseudonyms and roles only; the identity crosses the boundary only
 * through `protected.reveal`, which the case history records (who, when; never what).
 */
export const PROTECTED_ROLES = ['victim', 'witness', 'source'] as const;
export const ProtectedRoleSchema = z.enum(PROTECTED_ROLES);
export type ProtectedRole = z.infer<typeof ProtectedRoleSchema>;

export const ProtectedIdentitySchema = z.object({
  fullName: line(300),
  otherNames: paragraph(2000),
  contact: paragraph(2000),
  notes: paragraph(20_000),
});
export type ProtectedIdentity = z.infer<typeof ProtectedIdentitySchema>;

export const ProtectedPersonFieldsSchema = ProtectedIdentitySchema.extend({
  pseudonym: requiredLine(200),
  role: ProtectedRoleSchema,
});
export type ProtectedPersonFields = z.infer<typeof ProtectedPersonFieldsSchema>;

export const ProtectedPersonSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  pseudonym: z.string(),
  role: ProtectedRoleSchema,
  /** Whether any identity field is filled in; never the identity. */
  identityRecorded: z.boolean(),
  /** The allegations ("A-1") naming this pseudonym among their victims. */
  allegations: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProtectedPerson = z.infer<typeof ProtectedPersonSchema>;

export const RevealedPersonSchema = ProtectedPersonSchema.extend({ identity: ProtectedIdentitySchema });
export type RevealedPerson = z.infer<typeof RevealedPersonSchema>;

export const protectedChannels = {
  'protected.list': { input: z.object({ caseId: IdSchema }), output: z.array(ProtectedPersonSchema) },
  'protected.reveal': { input: z.object({ id: IdSchema }), output: RevealedPersonSchema },
  'protected.create': { input: ProtectedPersonFieldsSchema.extend({ caseId: IdSchema }), output: ProtectedPersonSchema },
  'protected.update': { input: ProtectedPersonFieldsSchema.extend({ id: IdSchema }), output: ProtectedPersonSchema },
  'protected.delete': {
    input: z.object({ id: IdSchema, reason: requiredLine(2000).optional() }),
    output: z.object({ id: IdSchema }),
  },
} as const;
