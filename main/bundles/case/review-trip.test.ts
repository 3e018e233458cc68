import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../shared/domain/workflow';
import { buildProposalCase } from '../../documents/proposal-fixture';
import { evidenceContext } from '../../test-support/evidence-context';
import { decideReview, listRounds, resolveComment } from '../../workflow/review';
import { advance } from '../../workflow/transitions';
import { workflowState } from '../../workflow/workflow-service';
import { as, changesOf, send, type Ctx } from './test-transfer';

const stageOf = (ctx: Ctx, caseId: string) => ctx.db.prepare('SELECT stage FROM cases WHERE id = ?').pluck().get(caseId) as Stage;

async function submit(ctx: Ctx, caseId: string) {
  while (stageOf(ctx, caseId) !== 'review') await advance(ctx, { caseId, from: stageOf(ctx, caseId), justification: 'Moved on for the test.' });
}

const pendingRound = (ctx: Ctx, caseId: string) => listRounds(ctx, caseId).find((r) => r.status === 'pending')!;
const history = (ctx: Ctx, caseId: string) =>
  ctx.db.prepare("SELECT kind, actor FROM case_events WHERE case_id = ? AND kind NOT LIKE 'bundle_%' ORDER BY at, id").all(caseId) as {
    kind: string;
    actor: string;
  }[];

describe('a review travels by bundle', () => {
  it('returned with comments, then approved: each decision arrives back with the investigator, in her history, without conflicts', async () => {
    const aiko = as(evidenceContext(), 'Aiko Tanaka (HRN)');
    const ben = as(evidenceContext(), 'Ben Carter (HRN)');
    const built = await buildProposalCase(aiko);
    const caseId = built.caseId;
    await submit(aiko, caseId);
    send(aiko, ben, caseId).apply();
    expect(stageOf(ben, caseId)).toBe('review');

    // Ben returns it with a comment on A-1.
    const r1 = pendingRound(ben, caseId);
    decideReview(ben, {
      caseId,
      roundId: r1.id,
      decision: 'return',
      summary: 'Not yet.',
      comments: [{ anchor: { type: 'allegation', id: built.allegations[0]!.id }, body: 'Cite the camp roster for A-1.' }],
    });
    expect(stageOf(ben, caseId)).toBe('proposal');
    let back = send(ben, aiko, caseId);
    expect(back.plan.counts.conflicts).toBe(0);
    expect(changesOf(back.plan)).toEqual(
      expect.arrayContaining([
        ['update', 'cases', expect.stringContaining('HR-')],
        ['update', 'review_rounds', 'R-1'],
        ['new', 'review_comments', 'R-1 #1'],
        ['new', 'stage_transitions', expect.any(String)],
      ]),
    );
    back.apply();
    expect(stageOf(aiko, caseId)).toBe('proposal');
    const returned = listRounds(aiko, caseId)[0]!;
    expect(returned).toMatchObject({ reference: 'R-1', status: 'returned', reviewer: 'Ben Carter (HRN)', summary: 'Not yet.' });
    expect(returned.comments.map((c) => [c.anchorLabel, c.body, c.author])).toEqual([['A-1', 'Cite the camp roster for A-1.', 'Ben Carter (HRN)']]);
    expect(history(aiko, caseId).slice(-2)).toEqual([
      { kind: 'review_returned', actor: 'Ben Carter (HRN)' },
      { kind: 'stage_returned', actor: 'Ben Carter (HRN)' },
    ]);

    // Aiko resolves the comment, submits again, and sends it; Ben approves; the approval travels back.
    resolveComment(aiko, { caseId, commentId: returned.comments[0]!.id });
    await submit(aiko, caseId);
    const forth = send(aiko, ben, caseId);
    expect(forth.plan.counts.conflicts).toBe(0);
    forth.apply();
    const r2 = pendingRound(ben, caseId);
    expect(r2.reference).toBe('R-2');
    expect(listRounds(ben, caseId)[0]!.comments[0]!.resolvedBy).toBe('Aiko Tanaka (HRN)');
    decideReview(ben, { caseId, roundId: r2.id, decision: 'approve', summary: 'Well evidenced.', comments: [] });
    back = send(ben, aiko, caseId);
    expect(back.plan.counts.conflicts).toBe(0);
    back.apply();
    expect(listRounds(aiko, caseId).map((r) => [r.reference, r.status, r.reviewer])).toEqual([
      ['R-1', 'returned', 'Ben Carter (HRN)'],
      ['R-2', 'approved', 'Ben Carter (HRN)'],
    ]);
    expect(history(aiko, caseId).at(-1)).toEqual({ kind: 'review_approved', actor: 'Ben Carter (HRN)' });
    // The decision gate, which only a second person's approval opens, is open on Aiko's side now.
    const state = await workflowState(aiko, caseId);
    expect(state.gate?.checks.find((c) => c.id === 'decision.review_approved')?.met).toBe(true);
  });
});
