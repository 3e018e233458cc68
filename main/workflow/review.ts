import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Anchor, ReviewComment, ReviewDecideSchema, ReviewRound } from '../../shared/contract/channels/workflow';
import type { FieldIssue } from '../../shared/contract';
import { Failure } from '../ipc/failure';
import { recordEvent } from '../services/case-history';
import { requireOpenCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';
import { subjectReference } from '../services/subject-service';
import { roundReference } from './rounds';
import { moveStage } from './transitions';

/**
 * Review (審査) by a second identity. Advancing a case into review submits a round; the reviewer,
 * who must not be the person who submitted it, approves it or returns the case to the proposal
 * stage with comments, each anchored to the part it concerns. The author resolves the comments and
 * submits again.
 */

interface RoundRow {
  id: string;
  seq: number;
  submitted_by: string;
  submitted_at: string;
  status: ReviewRound['status'];
  reviewer: string | null;
  decided_at: string | null;
  summary: string;
}
interface CommentRow {
  id: string;
  round_id: string;
  anchor_type: Anchor['type'];
  anchor_id: string;
  body: string;
  author: string;
  at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

/** How an anchored part reads to a person ("A-2", "S-4 Zhu Hailun"), or null if it is not in the case. */
export function anchorLabel(ctx: ServiceContext, caseId: string, anchor: Anchor): string | null {
  const allegation = (id: string) =>
    ctx.db.prepare('SELECT seq FROM allegations WHERE id = ? AND case_id = ?').pluck().get(id, caseId) as number | undefined;
  const subject = (id: string) =>
    ctx.db
      .prepare('SELECT s.seq, s.display_name FROM subjects s JOIN case_subjects cs ON cs.subject_id = s.id AND cs.case_id = ? WHERE s.id = ?')
      .get(caseId, id) as { seq: number; display_name: string } | undefined;
  const subjectLabel = (id: string) => {
    const row = subject(id);
    return row ? `${subjectReference(row.seq)} ${row.display_name}` : null;
  };
  switch (anchor.type) {
    case 'allegation': {
      const seq = allegation(anchor.id);
      return seq === undefined ? null : `A-${seq}`;
    }
    case 'reasons':
      return subjectLabel(anchor.id);
    case 'finding': {
      const finding = ctx.db
        .prepare("SELECT target_type, target_id FROM findings WHERE id = ? AND case_id = ? AND section = 'finding'")
        .get(anchor.id, caseId) as { target_type: 'allegation' | 'subject'; target_id: string } | undefined;
      if (!finding) return null;
      if (finding.target_type === 'subject') return subjectLabel(finding.target_id);
      const seq = allegation(finding.target_id);
      return seq === undefined ? null : `A-${seq}`;
    }
    case 'proposal_section':
      return anchor.id;
  }
}

export function listRounds(ctx: ServiceContext, caseId: string): ReviewRound[] {
  const rounds = ctx.db.prepare('SELECT * FROM review_rounds WHERE case_id = ? ORDER BY seq').all(caseId) as RoundRow[];
  const comments = ctx.db
    .prepare(
      `SELECT c.* FROM review_comments c JOIN review_rounds r ON r.id = c.round_id WHERE r.case_id = ? ORDER BY r.seq, c.seq`,
    )
    .all(caseId) as CommentRow[];
  const toComment = (c: CommentRow): ReviewComment => {
    const anchor = { type: c.anchor_type, id: c.anchor_id };
    return {
      id: c.id,
      anchor,
      // A part removed since the comment keeps its comment; the id says what it was.
      anchorLabel: anchorLabel(ctx, caseId, anchor) ?? c.anchor_id,
      body: c.body,
      author: c.author,
      at: c.at,
      resolvedBy: c.resolved_by,
      resolvedAt: c.resolved_at,
    };
  };
  return rounds.map((r) => ({
    id: r.id,
    reference: roundReference(r.seq),
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    status: r.status,
    reviewer: r.reviewer,
    decidedAt: r.decided_at,
    summary: r.summary,
    comments: comments.filter((c) => c.round_id === r.id).map(toComment),
  }));
}

type DecideInput = z.output<typeof ReviewDecideSchema>;

/**
 * The reviewer's decision on the pending round. Refused with REVIEWER_IS_AUTHOR when the person
 * acting is the one who submitted it. Returning moves the case back to the proposal stage, with the
 * comments as the reason.
 */
export function decideReview(ctx: ServiceContext, input: DecideInput): void {
  ctx.db
    .transaction(() => {
      requireOpenCase(ctx, input.caseId);
      const stage = ctx.db.prepare('SELECT stage FROM cases WHERE id = ?').pluck().get(input.caseId) as string;
      const round = ctx.db
        .prepare('SELECT * FROM review_rounds WHERE case_id = ? ORDER BY seq DESC LIMIT 1')
        .get(input.caseId) as RoundRow | undefined;
      if (stage !== 'review' || !round || round.id !== input.roundId || round.status !== 'pending') {
        throw new Failure('STAGE_CHANGED', 'This submission is no longer waiting for review: the case has moved on since it was opened.');
      }
      if (round.submitted_by === ctx.actor) {
        throw new Failure(
          'REVIEWER_IS_AUTHOR',
          `${round.submitted_by} submitted this case for review; another person must review it.`,
        );
      }
      const labels = input.comments.map((c) => anchorLabel(ctx, input.caseId, c.anchor));
      const fields: Record<string, FieldIssue> = {};
      labels.forEach((label, i) => {
        if (label === null) fields[`comments.${i}.anchor.id`] = { code: 'invalid_choice' };
      });
      if (Object.keys(fields).length) {
        throw new Failure('VALIDATION_FAILED', 'A comment is attached to a part that is not in this case.', fields);
      }
      const now = ctx.now();
      const status = input.decision === 'approve' ? 'approved' : 'returned';
      const summary = input.summary.trim();
      ctx.db
        .prepare('UPDATE review_rounds SET status = ?, reviewer = ?, decided_at = ?, summary = ? WHERE id = ?')
        .run(status, ctx.actor, now, summary, round.id);
      const insert = ctx.db.prepare(
        'INSERT INTO review_comments (id, round_id, seq, anchor_type, anchor_id, body, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      input.comments.forEach((c, i) => insert.run(uuidv7(), round.id, i + 1, c.anchor.type, c.anchor.id, c.body.trim(), ctx.actor, now));
      const reference = roundReference(round.seq);
      if (input.decision === 'approve') {
        recordEvent(ctx, input.caseId, 'review_approved', { subject: reference, reason: summary || null });
        ctx.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(now, input.caseId);
        return;
      }
      // The comments, each after the part it concerns, are why the case goes back.
      const reason = [summary, ...input.comments.map((c, i) => `${labels[i] ?? ''}: ${c.body.trim()}`)].filter(Boolean).join('\n');
      recordEvent(ctx, input.caseId, 'review_returned', { subject: reference, reason });
      moveStage(ctx, { caseId: input.caseId, from: 'review', to: 'proposal', direction: 'return', reason, unmet: [] });
    })
    .immediate();
}

/** The author marks a comment dealt with; the next submission waits until every one is. */
export function resolveComment(ctx: ServiceContext, input: { caseId: string; commentId: string }): void {
  ctx.db
    .transaction(() => {
      requireOpenCase(ctx, input.caseId);
      const found = ctx.db
        .prepare(
          `SELECT c.resolved_at FROM review_comments c JOIN review_rounds r ON r.id = c.round_id WHERE c.id = ? AND r.case_id = ?`,
        )
        .get(input.commentId, input.caseId) as { resolved_at: string | null } | undefined;
      if (!found) throw new Failure('NOT_FOUND', 'No such review comment in this case.');
      if (found.resolved_at !== null) return;
      ctx.db.prepare('UPDATE review_comments SET resolved_by = ?, resolved_at = ? WHERE id = ?').run(ctx.actor, ctx.now(), input.commentId);
    })
    .immediate();
}
