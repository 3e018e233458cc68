import {
  isBinding,
  isWaivable,
  type Gate,
  type GateCheck,
  type GateCheckId,
  type GateItem,
  type Waiver,
} from '../../shared/contract/channels/workflow';
import { CONDUCT_CATEGORY_CODES } from '../../shared/domain/conduct-categories';
import type { Stage } from '../../shared/domain/workflow';
import type { EvidenceContext } from '../services/evidence-context';
import { currentListRows, screeningState } from '../screening/screening-service';
import { exhibitOf, type EvidenceRow } from '../services/evidence-service';
import { subjectReference } from '../services/subject-service';
import { itemIntact } from './exhibit-integrity';
import { listWaivers } from './waivers';

/**
 * The gate into each stage: one table of checks per transition. Each check is a small function
 * over the workspace database that lists what is missing, each item with where it is fixed; a
 * check with nothing missing is met. The texts a check relies on must say something: a finding or
 * statement of reasons saved with no words in it does not count.
 */
/** `fresh`: verify what can be verified anew rather than trust a recent result (see itemIntact). */
type Run = (ctx: EvidenceContext, caseId: string, options: { fresh: boolean }) => GateItem[] | Promise<GateItem[]>;
interface CheckDef {
  id: GateCheckId;
  run: Run;
}

interface Ref {
  id: string;
  label: string;
}

const allegationsOf = (ctx: EvidenceContext, caseId: string) =>
  ctx.db.prepare('SELECT id, seq, category, period_first FROM allegations WHERE case_id = ? ORDER BY seq').all(caseId) as {
    id: string;
    seq: number;
    category: string;
    period_first: string | null;
  }[];

const allegationLabel = (seq: number) => `A-${seq}`;

/** Subjects of the case that have a role in one of its allegations: the ones a proposal concerns. */
function subjectsWithRole(ctx: EvidenceContext, caseId: string): Ref[] {
  const rows = ctx.db
    .prepare(
      `SELECT s.id, s.seq, s.display_name FROM subjects s
       JOIN case_subjects cs ON cs.subject_id = s.id AND cs.case_id = @caseId
       WHERE EXISTS (SELECT 1 FROM allegation_subjects x JOIN allegations a ON a.id = x.allegation_id
                     WHERE x.subject_id = s.id AND a.case_id = @caseId)
       ORDER BY s.seq`,
    )
    .all({ caseId }) as { id: string; seq: number; display_name: string }[];
  return rows.map((r) => ({ id: r.id, label: `${subjectReference(r.seq)} ${r.display_name}` }));
}

/** The case's finding (or statement of reasons) on a target, if it has words in it. */
function textOf(ctx: EvidenceContext, caseId: string, type: 'allegation' | 'subject', targetId: string, section: 'finding' | 'reasons') {
  return ctx.db
    .prepare(
      `SELECT id, outcome FROM findings WHERE case_id = ? AND target_type = ? AND target_id = ? AND section = ?
       AND trim(plain_text) <> ''`,
    )
    .get(caseId, type, targetId, section) as { id: string; outcome: string | null } | undefined;
}

const item = (problem: GateItem['problem'], label: string | null, place: GateItem['fix']['place'], id: string | null): GateItem => ({
  problem,
  label,
  fix: { place, id },
});

const assessment: CheckDef[] = [
  {
    id: 'assessment.allegation_recorded',
    run: (ctx, caseId) => (allegationsOf(ctx, caseId).length > 0 ? [] : [item('no_allegation', null, 'allegations', null)]),
  },
  {
    id: 'assessment.allegation_category_period',
    run: (ctx, caseId) =>
      allegationsOf(ctx, caseId).flatMap((a) => [
        ...((CONDUCT_CATEGORY_CODES as readonly string[]).includes(a.category)
          ? []
          : [item('no_category', allegationLabel(a.seq), 'allegations', a.id)]),
        ...(a.period_first === null ? [item('no_period', allegationLabel(a.seq), 'allegations', a.id)] : []),
      ]),
  },
];

const investigation: CheckDef[] = [
  {
    id: 'investigation.subject_with_role',
    run: (ctx, caseId) => (subjectsWithRole(ctx, caseId).length > 0 ? [] : [item('no_subject_with_role', null, 'subjects', null)]),
  },
  {
    // Screened against every partner list now imported, in its current version, since the subject
    // was last edited, as the screening service judges it. With no list imported nothing is checked.
    id: 'investigation.partner_check',
    run: (ctx, caseId) => {
      const lists = currentListRows(ctx.db);
      const row = ctx.db.prepare('SELECT id, seq, type, display_name, updated_at FROM subjects WHERE id = ?');
      return subjectsWithRole(ctx, caseId)
        .filter((s) => screeningState(ctx.db, row.get(s.id) as Parameters<typeof screeningState>[1], lists).screenedAt === null)
        .map((s) => item('not_screened', s.label, 'screening', s.id));
    },
  },
];

const findings: CheckDef[] = [
  {
    id: 'findings.supporting_evidence',
    run: (ctx, caseId) => {
      const supported = ctx.db.prepare(
        `SELECT 1 FROM evidence_links l JOIN evidence_items e ON e.id = l.item_id
         WHERE l.target_type = 'allegation' AND l.target_id = ? AND l.stance = 'supporting' AND e.case_id = ?`,
      );
      return allegationsOf(ctx, caseId)
        .filter((a) => !supported.get(a.id, caseId))
        // Links are made from the evidence items; the label says which allegation lacks one.
        .map((a) => item('no_supporting_evidence', allegationLabel(a.seq), 'evidence', null));
    },
  },
  {
    id: 'findings.identifiers',
    run: (ctx, caseId) => {
      const identified = ctx.db.prepare("SELECT 1 FROM subject_facts WHERE subject_id = ? AND kind IN ('document', 'position')");
      return subjectsWithRole(ctx, caseId)
        .filter((s) => !identified.get(s.id))
        .map((s) => item('no_identifier', s.label, 'subjects', s.id));
    },
  },
];

const proposal: CheckDef[] = [
  {
    id: 'proposal.allegation_findings',
    run: (ctx, caseId) =>
      allegationsOf(ctx, caseId).flatMap((a) => {
        const finding = textOf(ctx, caseId, 'allegation', a.id, 'finding');
        if (!finding) return [item('no_finding', allegationLabel(a.seq), 'findings', a.id)];
        return finding.outcome === 'undetermined' ? [item('undetermined', allegationLabel(a.seq), 'findings', a.id)] : [];
      }),
  },
  {
    id: 'proposal.subject_findings',
    run: (ctx, caseId) =>
      subjectsWithRole(ctx, caseId)
        .filter((s) => !textOf(ctx, caseId, 'subject', s.id, 'finding'))
        .map((s) => item('no_finding', s.label, 'findings', s.id)),
  },
  {
    // Exculpatory material is addressed where the conclusion is drawn: an item linked as
    // contradicting an allegation must be cited in that allegation's finding; one contradicting a
    // subject, in the subject's finding or statement of reasons.
    id: 'proposal.contradicting_addressed',
    run: (ctx, caseId) => {
      const rows = ctx.db
        .prepare(
          `SELECT e.seq, l.target_type, l.target_id, a.seq AS a_seq, s.seq AS s_seq, s.display_name
           FROM evidence_links l JOIN evidence_items e ON e.id = l.item_id AND e.case_id = @caseId
           LEFT JOIN allegations a ON l.target_type = 'allegation' AND a.id = l.target_id AND a.case_id = @caseId
           LEFT JOIN case_subjects cs ON l.target_type = 'subject' AND cs.subject_id = l.target_id AND cs.case_id = @caseId
           LEFT JOIN subjects s ON s.id = cs.subject_id
           WHERE l.stance = 'contradicting' AND (a.id IS NOT NULL OR s.id IS NOT NULL)
             AND NOT EXISTS (
               SELECT 1 FROM findings f JOIN finding_citations c ON c.finding_id = f.id
               WHERE f.case_id = @caseId AND f.target_type = l.target_type AND f.target_id = l.target_id
                 AND (f.section = 'finding' OR f.target_type = 'subject')
                 AND c.kind = 'exhibit' AND c.target_id = l.item_id)
           ORDER BY e.seq, a.seq, s.seq`,
        )
        .all({ caseId }) as {
        seq: number;
        target_type: 'allegation' | 'subject';
        target_id: string;
        a_seq: number | null;
        s_seq: number | null;
        display_name: string | null;
      }[];
      return rows.map((r) => {
        const target = r.a_seq !== null ? allegationLabel(r.a_seq) : `${subjectReference(r.s_seq ?? 0)} ${r.display_name ?? ''}`;
        return item('contradicting_not_cited', `${exhibitOf(r.seq)} → ${target}`, 'findings', r.target_id);
      });
    },
  },
  {
    id: 'proposal.exhibits_intact',
    run: async (ctx, caseId, options) => {
      // Every exhibit cited by the case's findings and statements of reasons, once.
      const cited = ctx.db
        .prepare(
          `SELECT c.target_id AS item_id, min(f.target_type || ':' || f.target_id) AS cited_by
           FROM finding_citations c JOIN findings f ON f.id = c.finding_id
           WHERE f.case_id = @caseId AND c.kind = 'exhibit'
             AND ((f.target_type = 'allegation' AND f.target_id IN (SELECT id FROM allegations WHERE case_id = @caseId))
               OR (f.target_type = 'subject' AND f.target_id IN (SELECT subject_id FROM case_subjects WHERE case_id = @caseId)))
           GROUP BY c.target_id`,
        )
        .all({ caseId }) as { item_id: string; cited_by: string }[];
      const rowOf = ctx.db.prepare('SELECT rowid, * FROM evidence_items WHERE id = ? AND case_id = ?');
      const missing: GateItem[] = [];
      const damaged: GateItem[] = [];
      for (const { item_id: itemId, cited_by: citedBy } of cited) {
        const row = rowOf.get(itemId, caseId) as EvidenceRow | undefined;
        if (!row) {
          const [type, targetId = ''] = citedBy.split(':');
          missing.push(item('exhibit_missing', citingLabel(ctx, type, targetId), 'findings', targetId));
        } else if (!(await itemIntact(ctx, row, options))) {
          damaged.push(item('exhibit_damaged', exhibitOf(row.seq), 'evidence', row.id));
        }
      }
      return [...missing, ...damaged.sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '', 'en', { numeric: true }))];
    },
  },
];

/** "A-2" or "S-4 Zhu Hailun": the target whose text cites a missing exhibit. */
function citingLabel(ctx: EvidenceContext, type: string | undefined, id: string): string {
  if (type === 'allegation') {
    const seq = ctx.db.prepare('SELECT seq FROM allegations WHERE id = ?').pluck().get(id) as number | undefined;
    return seq === undefined ? id : allegationLabel(seq);
  }
  const row = ctx.db.prepare('SELECT seq, display_name FROM subjects WHERE id = ?').get(id) as
    | { seq: number; display_name: string }
    | undefined;
  return row ? `${subjectReference(row.seq)} ${row.display_name}` : id;
}

const review: CheckDef[] = [
  {
    id: 'review.statements_of_reasons',
    run: (ctx, caseId) =>
      subjectsWithRole(ctx, caseId)
        .filter((s) => textOf(ctx, caseId, 'subject', s.id, 'finding')?.outcome === 'met')
        .filter((s) => !textOf(ctx, caseId, 'subject', s.id, 'reasons'))
        .map((s) => item('no_reasons', s.label, 'findings', s.id)),
  },
  {
    // What a reviewer asked to be revised is dealt with before the case goes back to review.
    id: 'review.comments_resolved',
    run: (ctx, caseId) => {
      const rows = ctx.db
        .prepare(
          `SELECT c.id, c.seq, r.seq AS round FROM review_comments c JOIN review_rounds r ON r.id = c.round_id
           WHERE r.case_id = ? AND r.status = 'returned' AND c.resolved_at IS NULL ORDER BY r.seq, c.seq`,
        )
        .all(caseId) as { id: string; seq: number; round: number }[];
      return rows.map((r) => item('comment_unresolved', `R-${r.round} #${r.seq}`, 'review', r.id));
    },
  },
];

const decision: CheckDef[] = [
  {
    // The reviewer ≠ submitter rule is also a CHECK constraint on review_rounds; asked here again so
    // that a round written by any other path cannot pass.
    id: 'decision.review_approved',
    run: (ctx, caseId) => {
      const latest = ctx.db
        .prepare('SELECT seq, status, reviewer, submitted_by FROM review_rounds WHERE case_id = ? ORDER BY seq DESC LIMIT 1')
        .get(caseId) as { seq: number; status: string; reviewer: string | null; submitted_by: string } | undefined;
      if (!latest) return [item('no_review', null, 'review', null)];
      const label = `R-${latest.seq}`;
      if (latest.status === 'pending') return [item('review_pending', label, 'review', null)];
      if (latest.status !== 'approved' || !latest.reviewer || latest.reviewer === latest.submitted_by) {
        return [item(latest.status === 'returned' ? 'review_returned' : 'no_review', label, 'review', null)];
      }
      return [];
    },
  },
];

/** The table: the checks to pass to move into each stage. Intake is where cases start. */
export const GATES: Record<Exclude<Stage, 'intake'>, readonly CheckDef[]> = {
  assessment,
  investigation,
  findings,
  proposal,
  review,
  decision,
};

/** Evaluates the gate into `to` for a case, now: each check with what is missing, and its waiver. */
export async function evaluateGate(
  ctx: EvidenceContext,
  caseId: string,
  to: Exclude<Stage, 'intake'>,
  options: { fresh: boolean } = { fresh: false },
): Promise<Gate> {
  const waivers = new Map<string, Waiver>(listWaivers(ctx, caseId).map((w) => [w.check, w]));
  const checks: GateCheck[] = [];
  for (const def of GATES[to]) {
    const missing = await def.run(ctx, caseId, options);
    const waiver = waivers.get(def.id) ?? null;
    checks.push({
      id: def.id,
      met: missing.length === 0 || waiver !== null,
      waivable: isWaivable(def.id),
      overridable: !isBinding(def.id),
      waiver,
      missing,
    });
  }
  return { to, met: checks.every((c) => c.met), checks };
}
