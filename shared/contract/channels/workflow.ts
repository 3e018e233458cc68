import { z } from 'zod';
import { isPartialDate } from '../../domain/fuzzy-date';
import { STAGES, type Stage } from '../../domain/workflow';
import { IdSchema, StageSchema, line, paragraph } from '../records';

/**
 * The investigate-then-designate workflow (DOMAIN.md, "Workflow stages"): the gate into each stage
 * as a list of checks evaluated from the data, transitions forward and back, waivers, review rounds
 * by a second identity, and the decision.
 */

/** Every check of every gate, named `<stage it guards>.<what>`; the UI labels each (i18n `workflow.checks`). */
export const GATE_CHECK_IDS = [
  'assessment.allegation_recorded',
  'assessment.allegation_category_period',
  'investigation.subject_with_role',
  'investigation.partner_check',
  'findings.supporting_evidence',
  'findings.identifiers',
  'proposal.allegation_findings',
  'proposal.subject_findings',
  'proposal.contradicting_addressed',
  'proposal.exhibits_intact',
  'review.statements_of_reasons',
  'review.comments_resolved',
  'decision.review_approved',
] as const;
export type GateCheckId = (typeof GATE_CHECK_IDS)[number];

/** The checks a user may set aside for the case with a recorded reason. */
export const WAIVABLE_CHECKS = ['investigation.partner_check', 'findings.identifiers'] as const satisfies readonly GateCheckId[];
export type WaivableCheckId = (typeof WAIVABLE_CHECKS)[number];
export const isWaivable = (id: GateCheckId): id is WaivableCheckId => (WAIVABLE_CHECKS as readonly string[]).includes(id);

/**
 * Checks no justification can move past: a decision needs a review by a second person, whatever
 * else is said.
 */
export const BINDING_CHECKS = ['decision.review_approved'] as const satisfies readonly GateCheckId[];
export const isBinding = (id: GateCheckId): boolean => (BINDING_CHECKS as readonly string[]).includes(id);

/** What is wrong with one item (i18n `workflow.problems`). */
export const GATE_PROBLEMS = [
  'no_allegation',
  'no_category',
  'no_period',
  'no_subject_with_role',
  'not_screened',
  'no_supporting_evidence',
  'no_identifier',
  'no_finding',
  'undetermined',
  'contradicting_not_cited',
  'exhibit_missing',
  'exhibit_damaged',
  'no_reasons',
  'comment_unresolved',
  'no_review',
  'review_pending',
  'review_returned',
] as const;
export type GateProblem = (typeof GATE_PROBLEMS)[number];

/** Where a problem is fixed: a tab of the case workspace, and the record to open there if any. */
export const FIX_PLACES = ['allegations', 'subjects', 'evidence', 'findings', 'screening', 'review'] as const;
export type FixPlace = (typeof FIX_PLACES)[number];

export const GateItemSchema = z.object({
  problem: z.enum(GATE_PROBLEMS),
  /** A short reference of the record concerned ("A-2", "S-4 Zhu Hailun", "E-7"), or null for the case. */
  label: z.string().nullable(),
  fix: z.object({ place: z.enum(FIX_PLACES), id: z.string().nullable() }),
});
export type GateItem = z.infer<typeof GateItemSchema>;

export const WaiverSchema = z.object({
  check: z.enum(WAIVABLE_CHECKS),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});
export type Waiver = z.infer<typeof WaiverSchema>;

export const GateCheckSchema = z.object({
  id: z.enum(GATE_CHECK_IDS),
  /** True when nothing is missing, or when the check is waived for the case. */
  met: z.boolean(),
  waivable: z.boolean(),
  /** False for a check that no justification moves past. */
  overridable: z.boolean(),
  waiver: WaiverSchema.nullable(),
  /** What is missing, each with where to fix it; empty when the data satisfies the check. */
  missing: z.array(GateItemSchema),
});
export type GateCheck = z.infer<typeof GateCheckSchema>;

export const GateSchema = z.object({
  /** The stage this gate leads into. */
  to: StageSchema,
  met: z.boolean(),
  checks: z.array(GateCheckSchema),
});
export type Gate = z.infer<typeof GateSchema>;

export const REVIEW_STATUSES = ['pending', 'approved', 'returned', 'withdrawn'] as const;
export const REVIEW_DECISIONS = ['approve', 'return'] as const;
/** What a review comment is about: a finding, a subject's statement of reasons, an allegation, or a section of the proposal. */
export const ANCHOR_TYPES = ['finding', 'reasons', 'allegation', 'proposal_section'] as const;

export const AnchorSchema = z.object({
  type: z.enum(ANCHOR_TYPES),
  /** The finding's id, the subject's id (its statement of reasons), the allegation's id, or the proposal section's id. */
  id: z
    .string()
    .trim()
    .refine((v) => /^[A-Za-z0-9_.:-]{1,80}$/.test(v), { params: { code: 'invalid' } }),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export const ReviewCommentSchema = z.object({
  id: IdSchema,
  anchor: AnchorSchema,
  /** How the anchored part reads to a person: "A-2", "S-4 Zhu Hailun", or the section id. */
  anchorLabel: z.string(),
  body: z.string(),
  author: z.string(),
  at: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const ReviewRoundSchema = z.object({
  id: IdSchema,
  /** "R-1", "R-2" … in the order submitted. */
  reference: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  status: z.enum(REVIEW_STATUSES),
  reviewer: z.string().nullable(),
  decidedAt: z.string().nullable(),
  summary: z.string(),
  comments: z.array(ReviewCommentSchema),
});
export type ReviewRound = z.infer<typeof ReviewRoundSchema>;

export const DECISION_OUTCOMES = ['designated', 'not_designated'] as const;
/** A calendar day, YYYY-MM-DD. */
const IsoDay = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isPartialDate(v), { params: { code: 'invalid_date' } });

export const DecisionSchema = z.object({
  outcome: z.enum(DECISION_OUTCOMES),
  noticeDate: z.string().nullable(),
  noticeNumber: z.string().nullable(),
  reviewDate: z.string().nullable(),
  reasons: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const TransitionSchema = z.object({
  id: IdSchema,
  from: StageSchema,
  to: StageSchema,
  direction: z.enum(['advance', 'return']),
  /** The justification (forward past unmet checks) or the reason (back). */
  reason: z.string().nullable(),
  /** Checks unmet when the case moved forward anyway. */
  unmetChecks: z.array(z.enum(GATE_CHECK_IDS)),
  by: z.string(),
  at: z.string(),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const WorkflowStateSchema = z.object({
  caseId: IdSchema,
  stage: StageSchema,
  status: z.enum(['open', 'closed']),
  /** The gate into the next stage; null at the last stage. */
  gate: GateSchema.nullable(),
  waivers: z.array(WaiverSchema),
  rounds: z.array(ReviewRoundSchema),
  decision: DecisionSchema.nullable(),
  transitions: z.array(TransitionSchema),
});
export type WorkflowState = z.infer<typeof WorkflowStateSchema>;

/** Free text a person states (a justification, a reason): one or more lines, not blank. */
const statement = (max: number) => paragraph(max).refine((v) => v.trim().length > 0, { params: { code: 'required' } });

export const AdvanceSchema = z.object({
  caseId: IdSchema,
  /** The stage the user saw: a case that has moved since is refused (STAGE_CHANGED), not moved twice. */
  from: StageSchema,
  /** Required when a check is unmet; recorded in the history with the unmet check ids. */
  justification: statement(5000).nullable().default(null),
});
export const ReturnSchema = z.object({
  caseId: IdSchema,
  from: StageSchema,
  to: StageSchema,
  reason: statement(5000),
});
export const WaiveSchema = z.object({ caseId: IdSchema, check: z.enum(WAIVABLE_CHECKS), reason: statement(5000) });

export const ReviewDecideSchema = z
  .object({
    caseId: IdSchema,
    roundId: IdSchema,
    decision: z.enum(REVIEW_DECISIONS),
    summary: paragraph(5000).default(''),
    comments: z.array(z.object({ anchor: AnchorSchema, body: statement(10_000) })).max(200).default([]),
  })
  .superRefine((v, ctx) => {
    // Returning for revision says what to revise.
    if (v.decision === 'return' && v.comments.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['comments'], params: { code: 'required' } });
    }
  });
export type ReviewDecideInput = z.input<typeof ReviewDecideSchema>;

export const RecordDecisionSchema = z
  .object({
    caseId: IdSchema,
    outcome: z.enum(DECISION_OUTCOMES),
    noticeDate: IsoDay.nullable().default(null),
    noticeNumber: line(200).nullable().default(null),
    reviewDate: IsoDay.nullable().default(null),
    reasons: paragraph(20_000).default(''),
  })
  .superRefine((v, ctx) => {
    const need = (path: string) => ctx.addIssue({ code: 'custom', path: [path], params: { code: 'required' } });
    if (v.outcome === 'designated') {
      // A designation is published by public notice (告示), with its date and number, and is reviewed.
      if (!v.noticeDate) need('noticeDate');
      if (!v.noticeNumber) need('noticeNumber');
      if (!v.reviewDate) need('reviewDate');
      if (v.noticeDate && v.reviewDate && v.reviewDate <= v.noticeDate) {
        ctx.addIssue({ code: 'custom', path: ['reviewDate'], params: { code: 'range_reversed' } });
      }
    } else {
      if (!v.reasons.trim()) need('reasons');
      for (const field of ['noticeDate', 'noticeNumber', 'reviewDate'] as const) {
        if (v[field]) ctx.addIssue({ code: 'custom', path: [field], params: { code: 'invalid' } });
      }
    }
  });
export type RecordDecisionInput = z.input<typeof RecordDecisionSchema>;

const ByCase = z.object({ caseId: IdSchema });

export const workflowChannels = {
  /** The case's stage, the gate into the next stage evaluated now, waivers, review rounds, decision. */
  'workflow.get': { input: ByCase, output: WorkflowStateSchema },
  'workflow.advance': { input: AdvanceSchema, output: WorkflowStateSchema },
  'workflow.return': { input: ReturnSchema, output: WorkflowStateSchema },
  'workflow.waive': { input: WaiveSchema, output: WorkflowStateSchema },
  'workflow.review.decide': { input: ReviewDecideSchema, output: WorkflowStateSchema },
  'workflow.review.resolve': {
    input: z.object({ caseId: IdSchema, commentId: IdSchema }),
    output: WorkflowStateSchema,
  },
  'workflow.decide': { input: RecordDecisionSchema, output: WorkflowStateSchema },
} as const;

/** The stage after `stage`, or null at the last. */
export const nextStage = (stage: Stage): Stage | null => STAGES[STAGES.indexOf(stage) + 1] ?? null;
export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);
