import { z } from 'zod';
import { IdSchema } from '../records';

/**
 * Findings (認定) and statements of reasons (理由書). Per allegation: whether the standard of proof is
 * met, with reasoning. Per subject of the case: a finding of the same kind, and the statement of
 * reasons for the proposal. The texts are Lexical JSON (shared/richtext), validated on save; each
 * stored text has a revision, and a save must name the revision it was based on, so that a stale
 * save is refused (REVISION_CONFLICT) instead of overwriting someone else's text.
 */
export const FINDING_OUTCOMES = ['met', 'not_met', 'undetermined'] as const;
export type FindingOutcome = (typeof FINDING_OUTCOMES)[number];
/** 'finding': outcome and reasoning (allegations and subjects); 'reasons': the statement of reasons (subjects only). */
export const FINDING_SECTIONS = ['finding', 'reasons'] as const;
export type FindingSection = (typeof FINDING_SECTIONS)[number];
export const FINDING_TARGET_TYPES = ['allegation', 'subject'] as const;

export const FindingTargetSchema = z.object({ type: z.enum(FINDING_TARGET_TYPES), id: IdSchema });
export type FindingTarget = z.infer<typeof FindingTargetSchema>;

export const FindingSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  target: FindingTargetSchema,
  section: z.enum(FINDING_SECTIONS),
  /** null for a statement of reasons. */
  outcome: z.enum(FINDING_OUTCOMES).nullable(),
  /** Lexical serialized editor state ({ root }), as validated by shared/richtext/validate. */
  body: z.unknown(),
  /** 1 on first save, +1 on every save that changed something. */
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Cited evidence items and mentioned subjects that no longer exist: the text shows them as broken. */
  broken: z.object({ itemIds: z.array(IdSchema), subjectIds: z.array(IdSchema) }),
});
export type Finding = z.infer<typeof FindingSchema>;

export const FindingSaveSchema = z
  .object({
    caseId: IdSchema,
    target: FindingTargetSchema,
    section: z.enum(FINDING_SECTIONS),
    outcome: z.enum(FINDING_OUTCOMES).nullable(),
    body: z.unknown(),
    /** The revision this edit started from: 0 for a text never saved. */
    revision: z.number().int().min(0),
  })
  .superRefine((v, ctx) => {
    if (v.section === 'finding' && v.outcome === null) ctx.addIssue({ code: 'custom', path: ['outcome'], params: { code: 'required' } });
    if (v.section === 'reasons' && v.outcome !== null) ctx.addIssue({ code: 'custom', path: ['outcome'], params: { code: 'invalid' } });
    if (v.section === 'reasons' && v.target.type !== 'subject') {
      ctx.addIssue({ code: 'custom', path: ['section'], params: { code: 'invalid_choice' } });
    }
  });
export type FindingSave = z.input<typeof FindingSaveSchema>;

export const findingChannels = {
  /** The stored findings and statements of reasons of a case's allegations and current subjects. */
  'findings.list': { input: z.object({ caseId: IdSchema }), output: z.array(FindingSchema) },
  'findings.save': { input: FindingSaveSchema, output: FindingSchema },
} as const;
