import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RecordDecisionSchema, ReviewDecideSchema, ReturnSchema, type ReviewDecideInput } from '../../shared/contract/channels/workflow';
import type { Stage } from '../../shared/domain/workflow';
import { fixture } from '../lists/test-fixtures';
import { closeCase, getCase, reopenCase } from '../services/case-service';
import { evidenceContext } from '../test-support/evidence-context';
import { tempDir } from '../test-support/temp-dir';
import { openWorkbench } from '../workbench';
import { recordDecision } from './decision';
import { decideReview, resolveComment } from './review';
import { allegation, fileItem, finding, link, position, role, subject, testimony } from './test-case';
import { advance, returnTo } from './transitions';
import { waiveCheck } from './waivers';
import { workflowState } from './workflow-service';

type Ctx = ReturnType<typeof evidenceContext>;
const AIKO = '田中 愛子 (Human Rights Now)';
const BEN = 'Ben Carter (Human Rights Now)';
/** The same workspace, acting as another person (as after switching identity). */
const as = (ctx: Ctx, actor: string): Ctx => ({ ...ctx, actor });

const stageOf = (ctx: Ctx) => getCase(ctx, ctx.caseId).stage;
const go = (ctx: Ctx, from: Stage, justification: string | null = null) => advance(ctx, { caseId: ctx.caseId, from, justification });
const decide = (ctx: Ctx, input: Omit<ReviewDecideInput, 'caseId'>) => decideReview(ctx, ReviewDecideSchema.parse({ ...input, caseId: ctx.caseId }));

/** A case whose data meets every gate up to review: allegation, subject, evidence, findings, reasons. */
function readyCase() {
  const ctx = as(evidenceContext(), AIKO);
  const a = allegation(ctx);
  const s = subject(ctx, { positions: [position] });
  role(ctx, s.id, a.id);
  const e = testimony(ctx, 'Witness W-01, interview');
  link(ctx, e.id, { type: 'allegation', id: a.id }, 'supporting');
  waiveCheck(ctx, { caseId: ctx.caseId, check: 'investigation.partner_check', reason: 'Lists not yet imported on this machine.' });
  const aFinding = finding(ctx, { type: 'allegation', id: a.id }, 'met', 'Detention is established by ', [{ id: e.id, exhibit: 'E-1' }]);
  finding(ctx, { type: 'subject', id: s.id }, 'met', 'He directed the programme.');
  finding(ctx, { type: 'subject', id: s.id }, null, 'Statement of reasons.');
  return { ctx, a, s, e, aFinding };
}

async function toProposal(ctx: Ctx) {
  for (const from of ['intake', 'assessment', 'investigation', 'findings'] as const) await go(ctx, from);
}

describe('stage transitions', () => {
  it('moves forward through met gates, recording who, when, from and to', async () => {
    const { ctx } = readyCase();
    await toProposal(ctx);
    expect(stageOf(ctx)).toBe('proposal');
    const state = await workflowState(ctx, ctx.caseId);
    expect(state.transitions.map((t) => [t.from, t.to, t.direction, t.by, t.reason, t.unmetChecks])).toEqual([
      ['intake', 'assessment', 'advance', AIKO, null, []],
      ['assessment', 'investigation', 'advance', AIKO, null, []],
      ['investigation', 'findings', 'advance', AIKO, null, []],
      ['findings', 'proposal', 'advance', AIKO, null, []],
    ]);
    expect(state.gate).toMatchObject({ to: 'review', met: true });
    const history = getCase(ctx, ctx.caseId).history.filter((e) => e.kind === 'stage_advanced');
    expect(history.map((e) => [e.subject, e.actor])).toEqual([
      ['1 → 2', AIKO],
      ['2 → 3', AIKO],
      ['3 → 4', AIKO],
      ['4 → 5', AIKO],
    ]);
  });

  it('refuses to move past an unmet gate without a justification, and records the unmet checks with one', async () => {
    const ctx = evidenceContext();
    await expect(go(ctx, 'intake')).rejects.toMatchObject({ code: 'GATE_UNMET' });
    await expect(go(ctx, 'intake', '   ')).rejects.toMatchObject({ code: 'GATE_UNMET' });
    expect(stageOf(ctx)).toBe('intake');
    expect(getCase(ctx, ctx.caseId).history.map((e) => e.kind)).toEqual(['created']);

    await go(ctx, 'intake', 'The allegation is being transcribed from the hearing; assessment can start.');
    expect(stageOf(ctx)).toBe('assessment');
    const [t] = (await workflowState(ctx, ctx.caseId)).transitions;
    expect(t).toMatchObject({
      from: 'intake',
      to: 'assessment',
      reason: 'The allegation is being transcribed from the hearing; assessment can start.',
      unmetChecks: ['assessment.allegation_recorded'],
    });
    expect(getCase(ctx, ctx.caseId).history.at(-1)).toMatchObject({
      kind: 'stage_advanced',
      subject: '1 → 2',
      reason: 'The allegation is being transcribed from the hearing; assessment can start.\n[assessment.allegation_recorded]',
    });
  });

  it('re-hashes cited exhibits when the case moves, so a file changed since it was last looked at stops it', async () => {
    const { ctx, a } = readyCase();
    const file = await fileItem(ctx, fixture('eu', 'SOURCES.md'), 'SOURCES.md');
    finding(ctx, { type: 'allegation', id: a.id }, 'met', 'Detention is established by ', [{ id: file.id, exhibit: 'E-2' }]);
    for (const from of ['intake', 'assessment', 'investigation'] as const) await go(ctx, from);
    expect((await workflowState(ctx, ctx.caseId)).gate).toMatchObject({ to: 'proposal', met: true });
    const stored = ctx.vault.contentPath(file.sha256);
    fs.chmodSync(stored, 0o644);
    const fd = fs.openSync(stored, 'r+'); // one byte changed, the size kept
    fs.writeSync(fd, Buffer.from('X'), 0, 1, 0);
    fs.closeSync(fd);
    await expect(go(ctx, 'findings')).rejects.toMatchObject({ code: 'GATE_UNMET' });
    await go(ctx, 'findings', 'The original is held by the witness; a fresh copy is being obtained.');
    expect((await workflowState(ctx, ctx.caseId)).transitions.at(-1)?.unmetChecks).toEqual(['proposal.exhibits_intact']);
  });

  it('refuses a move from a stage the case has already left', async () => {
    const { ctx } = readyCase();
    await go(ctx, 'intake');
    await expect(go(ctx, 'intake')).rejects.toMatchObject({ code: 'STAGE_CHANGED' });
    expect(stageOf(ctx)).toBe('assessment');
  });

  it('returns a case to an earlier stage only with a reason', async () => {
    const { ctx } = readyCase();
    await toProposal(ctx);
    expect(ReturnSchema.safeParse({ caseId: ctx.caseId, from: 'proposal', to: 'investigation', reason: ' ' }).success).toBe(false);
    expect(() => returnTo(ctx, { caseId: ctx.caseId, from: 'proposal', to: 'review', reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    returnTo(ctx, { caseId: ctx.caseId, from: 'proposal', to: 'investigation', reason: 'A new witness has come forward.' });
    expect(stageOf(ctx)).toBe('investigation');
    expect(getCase(ctx, ctx.caseId).history.at(-1)).toMatchObject({
      kind: 'stage_returned',
      subject: '5 → 3',
      reason: 'A new witness has come forward.',
      actor: AIKO,
    });
  });

  it('refuses every change to a closed case, and lets it move again once reopened', async () => {
    const { ctx } = readyCase();
    await go(ctx, 'intake');
    closeCase(ctx, { id: ctx.caseId, reason: 'Not pursued' });
    await expect(go(ctx, 'assessment')).rejects.toMatchObject({ code: 'CASE_CLOSED' });
    await expect(go(ctx, 'assessment', 'justified')).rejects.toMatchObject({ code: 'CASE_CLOSED' });
    expect(() => returnTo(ctx, { caseId: ctx.caseId, from: 'assessment', to: 'intake', reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'CASE_CLOSED' }),
    );
    expect(() => waiveCheck(ctx, { caseId: ctx.caseId, check: 'findings.identifiers', reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'CASE_CLOSED' }),
    );
    expect(stageOf(ctx)).toBe('assessment');
    // Closed cases stay readable: the workflow view still answers.
    expect((await workflowState(ctx, ctx.caseId)).status).toBe('closed');
    reopenCase(ctx, { id: ctx.caseId, reason: 'New evidence' });
    await go(ctx, 'assessment');
    expect(stageOf(ctx)).toBe('investigation');
  });
});

describe('review by a second person', () => {
  it('takes a case through submission, return with a comment on a finding, resubmission, approval and decision', async () => {
    const { ctx, a, aFinding } = readyCase();
    const ben = as(ctx, BEN);
    await toProposal(ctx);
    await go(ctx, 'proposal'); // Aiko submits for review
    let state = await workflowState(ctx, ctx.caseId);
    expect(state.stage).toBe('review');
    expect(state.rounds.map((r) => [r.reference, r.submittedBy, r.status])).toEqual([['R-1', AIKO, 'pending']]);
    expect(state.gate?.checks.map((c) => [c.id, c.met, c.overridable, c.missing.map((m) => m.problem)])).toEqual([
      ['decision.review_approved', false, false, ['review_pending']],
    ]);
    // Nobody moves on to the decision without a review, whatever the justification.
    await expect(go(ctx, 'review', 'Urgent: the minister asked for it today.')).rejects.toMatchObject({ code: 'GATE_UNMET' });

    // The author cannot review her own submission.
    expect(() => decide(ctx, { roundId: state.rounds[0]!.id, decision: 'approve' })).toThrow(
      expect.objectContaining({ code: 'REVIEWER_IS_AUTHOR' }),
    );
    // Returning says what to revise, on a part that is in the case.
    expect(ReviewDecideSchema.safeParse({ caseId: ctx.caseId, roundId: state.rounds[0]!.id, decision: 'return' }).success).toBe(false);
    expect(() =>
      decide(ben, {
        roundId: state.rounds[0]!.id,
        decision: 'return',
        comments: [{ anchor: { type: 'allegation', id: '0190a8c4-0000-7000-8000-000000000000' }, body: 'Which?' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', fields: { 'comments.0.anchor.id': { code: 'invalid_choice' } } }));

    decide(ben, {
      roundId: state.rounds[0]!.id,
      decision: 'return',
      comments: [{ anchor: { type: 'finding', id: aFinding.id }, body: 'Cite the camp roster, not only the witness.' }],
    });
    state = await workflowState(ctx, ctx.caseId);
    expect(state.stage).toBe('proposal');
    expect(state.rounds[0]).toMatchObject({ status: 'returned', reviewer: BEN });
    expect(state.rounds[0]!.comments.map((c) => [c.anchor.type, c.anchorLabel, c.body, c.author, c.resolvedBy])).toEqual([
      ['finding', 'A-1', 'Cite the camp roster, not only the witness.', BEN, null],
    ]);
    // The comment must be dealt with before the case goes back to review.
    expect(state.gate?.checks.find((c) => c.id === 'review.comments_resolved')?.missing.map((m) => [m.problem, m.label, m.fix.place])).toEqual([
      ['comment_unresolved', 'R-1 #1', 'review'],
    ]);

    const roster = testimony(ctx, 'Leaked camp roster');
    link(ctx, roster.id, { type: 'allegation', id: a.id }, 'supporting');
    finding(ctx, { type: 'allegation', id: a.id }, 'met', 'Established by the roster ', [{ id: roster.id, exhibit: 'E-2' }]);
    resolveComment(ctx, { caseId: ctx.caseId, commentId: state.rounds[0]!.comments[0]!.id });
    expect((await workflowState(ctx, ctx.caseId)).gate).toMatchObject({ to: 'review', met: true });
    await go(ctx, 'proposal'); // resubmitted: round 2

    state = await workflowState(ctx, ctx.caseId);
    expect(() => decide(ctx, { roundId: state.rounds[1]!.id, decision: 'approve' })).toThrow(
      expect.objectContaining({ code: 'REVIEWER_IS_AUTHOR' }),
    );
    decide(ben, { roundId: state.rounds[1]!.id, decision: 'approve', summary: 'Well evidenced.' });
    // A decided round cannot be decided again.
    expect(() => decide(ben, { roundId: state.rounds[1]!.id, decision: 'return', comments: [{ anchor: { type: 'proposal_section', id: 'coordination' }, body: 'x' }] })).toThrow(
      expect.objectContaining({ code: 'STAGE_CHANGED' }),
    );
    expect((await workflowState(ctx, ctx.caseId)).gate).toMatchObject({ to: 'decision', met: true });
    await go(ctx, 'review');

    expect(() => RecordDecisionSchema.parse({ caseId: ctx.caseId, outcome: 'designated', noticeDate: '2026-12-01' })).toThrow();
    recordDecision(
      ctx,
      RecordDecisionSchema.parse({
        caseId: ctx.caseId,
        outcome: 'designated',
        noticeDate: '2026-12-01',
        noticeNumber: '財務省告示第三百二十号',
        reviewDate: '2027-12-01',
      }),
    );
    expect(() =>
      recordDecision(ctx, RecordDecisionSchema.parse({ caseId: ctx.caseId, outcome: 'not_designated', reasons: 'Changed my mind' })),
    ).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() => returnTo(ctx, { caseId: ctx.caseId, from: 'decision', to: 'review', reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
    state = await workflowState(ctx, ctx.caseId);
    expect(state).toMatchObject({
      stage: 'decision',
      gate: null,
      decision: { outcome: 'designated', noticeNumber: '財務省告示第三百二十号', reviewDate: '2027-12-01', recordedBy: AIKO },
    });

    const history = getCase(ctx, ctx.caseId).history.filter((e) => !/^(allegation|subject|created)/.test(e.kind) && e.kind !== 'updated');
    expect(history.map((e) => [e.kind, e.subject, e.actor])).toEqual([
      ['gate_waived', null, AIKO],
      ['stage_advanced', '1 → 2', AIKO],
      ['stage_advanced', '2 → 3', AIKO],
      ['stage_advanced', '3 → 4', AIKO],
      ['stage_advanced', '4 → 5', AIKO],
      ['stage_advanced', '5 → 6', AIKO],
      ['review_returned', 'R-1', BEN],
      ['stage_returned', '6 → 5', BEN],
      ['stage_advanced', '5 → 6', AIKO],
      ['review_approved', 'R-2', BEN],
      ['stage_advanced', '6 → 7', AIKO],
      ['decision_recorded', '財務省告示第三百二十号', AIKO],
    ]);
    expect(history.find((e) => e.kind === 'review_returned')?.reason).toBe('A-1: Cite the camp roster, not only the witness.');
  });

  it('withdraws a submission nobody reviewed when the case is taken back, and asks for a fresh review', async () => {
    const { ctx } = readyCase();
    await toProposal(ctx);
    await go(ctx, 'proposal');
    returnTo(ctx, { caseId: ctx.caseId, from: 'review', to: 'proposal', reason: 'Forgot an exhibit.' });
    await go(ctx, 'proposal');
    const state = await workflowState(ctx, ctx.caseId);
    expect(state.rounds.map((r) => [r.reference, r.status])).toEqual([
      ['R-1', 'withdrawn'],
      ['R-2', 'pending'],
    ]);
    // Only the latest round counts: the old one can no longer be decided.
    expect(() => decide(as(ctx, BEN), { roundId: state.rounds[0]!.id, decision: 'approve' })).toThrow(
      expect.objectContaining({ code: 'STAGE_CHANGED' }),
    );
  });

  it('answers through the router with error values the UI translates', async () => {
    const workbench = openWorkbench({ workspaceDir: tempDir(), appVersion: 'test', actor: AIKO });
    try {
      const created = (await workbench.router.invoke({
        channel: 'cases.create',
        input: { title: 'Case', country: null, situation: '', summary: '' },
      })) as { ok: true; value: { id: string } };
      const caseId = created.value.id;
      const state = await workbench.router.invoke({ channel: 'workflow.get', input: { caseId } });
      expect(state).toMatchObject({ ok: true, value: { stage: 'intake', gate: { to: 'assessment', met: false } } });
      expect(await workbench.router.invoke({ channel: 'workflow.advance', input: { caseId, from: 'intake' } })).toMatchObject({
        ok: false,
        error: { code: 'GATE_UNMET' },
      });
      expect(
        await workbench.router.invoke({ channel: 'workflow.waive', input: { caseId, check: 'assessment.allegation_recorded', reason: 'x' } }),
      ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { check: { code: 'invalid_choice' } } } });
      expect(
        await workbench.router.invoke({ channel: 'workflow.advance', input: { caseId, from: 'intake', justification: 'Hearing transcript pending.' } }),
      ).toMatchObject({ ok: true, value: { stage: 'assessment', transitions: [{ unmetChecks: ['assessment.allegation_recorded'] }] } });
    } finally {
      workbench.close();
    }
  });
});
