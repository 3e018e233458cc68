import { describe, expect, it } from 'vitest';
import type { AllegationFields } from '../../../shared/contract/records';
import { buildProposalCase } from '../../documents/proposal-fixture';
import { listAllegations, updateAllegation } from '../../services/allegation-service';
import { evidenceContext } from '../../test-support/evidence-context';
import { verifyCustodyLog } from '../../vault/custody';
import { listRounds } from '../../workflow/review';
import { workflowState } from '../../workflow/workflow-service';
import { changesOf, send, type Ctx } from './test-transfer';

const count = (ctx: Ctx, sql: string, ...args: unknown[]) => ctx.db.prepare(sql).pluck().get(...args) as number;
const ids = (ctx: Ctx, sql: string, ...args: unknown[]) => (ctx.db.prepare(sql).pluck().all(...args) as string[]).sort();

function editAllegation(ctx: Ctx, id: string, patch: Partial<AllegationFields>) {
  const caseId = ctx.db.prepare('SELECT case_id FROM allegations WHERE id = ?').pluck().get(id) as string;
  const a = listAllegations(ctx, caseId).find((x) => x.id === id)!;
  updateAllegation(ctx, { id, category: a.category, period: a.period, place: a.place, narrative: a.narrative, victims: a.victims, status: a.status, ...patch });
}

/** The case's tables that name a record of another table, each row's references resolved here. */
function danglingReferences(ctx: Ctx, caseId: string): string[] {
  const q = (sql: string) => ctx.db.prepare(sql).pluck().all({ c: caseId }) as string[];
  return [
    ...q(`SELECT 'link ' || item_id FROM evidence_links l WHERE item_id IN (SELECT id FROM evidence_items WHERE case_id = @c)
          AND ((target_type = 'allegation' AND target_id NOT IN (SELECT id FROM allegations))
            OR (target_type = 'subject' AND target_id NOT IN (SELECT subject_id FROM case_subjects WHERE case_id = @c)))`),
    ...q(`SELECT 'role ' || allegation_id FROM allegation_subjects WHERE allegation_id IN (SELECT id FROM allegations WHERE case_id = @c)
          AND subject_id NOT IN (SELECT subject_id FROM case_subjects WHERE case_id = @c)`),
    ...q(`SELECT 'finding ' || id FROM findings WHERE case_id = @c
          AND ((target_type = 'allegation' AND target_id NOT IN (SELECT id FROM allegations))
            OR (target_type = 'subject' AND target_id NOT IN (SELECT subject_id FROM case_subjects WHERE case_id = @c)))`),
    ...q(`SELECT 'relationship ' || id FROM subject_relationships WHERE from_id NOT IN (SELECT id FROM subjects) OR to_id NOT IN (SELECT id FROM subjects)`),
  ];
}

describe('part of a case in a bundle', () => {
  it('carries only the chosen allegations, subjects and evidence, with the links among them, and imports cleanly into an empty workspace', async () => {
    const a = evidenceContext();
    const b = evidenceContext();
    const built = await buildProposalCase(a);
    const [a1] = built.allegations;
    const [s1] = built.subjects;
    const item = built.exhibits.find((e) => e.sha256 && e.id !== built.testimony.id)!;
    const selection = { allegationIds: [a1!.id], subjectIds: [s1!.id], evidenceIds: [item.id] };

    const out = send(a, b, built.caseId, { selection });
    expect(out.snapshot.whole).toBe(false);
    expect(out.snapshot.tables.allegations!.map((r) => r.id)).toEqual([a1!.id]);
    expect(out.snapshot.tables.subjects!.map((r) => r.id)).toEqual([s1!.id]);
    expect(out.snapshot.tables.evidence_items!.map((r) => r.id)).toEqual([item.id]);
    expect(out.snapshot.files.map((f) => f.sha256)).toEqual([item.sha256]);
    // Issued documents go only with the whole case (they cite all of it).
    expect(out.snapshot.tables.issued_documents).toEqual([]);
    // What the sender has but did not choose stays out, including links to it.
    const sent = JSON.stringify(out.incoming.tables);
    for (const other of [...built.allegations.slice(1), ...built.subjects.slice(1)]) {
      expect(out.incoming.tables.evidence_links!.some((l) => l.target_id === other.id), other.reference).toBe(false);
      expect(out.incoming.tables.findings!.some((f) => f.target_id === other.id), other.reference).toBe(false);
    }
    expect(sent).not.toContain(`"item_id":"${built.testimony.id}"`);

    out.apply();
    expect(ids(b, 'SELECT id FROM allegations WHERE case_id = ?', built.caseId)).toEqual([a1!.id]);
    expect(ids(b, 'SELECT subject_id FROM case_subjects WHERE case_id = ?', built.caseId)).toEqual([s1!.id]);
    expect(ids(b, 'SELECT id FROM evidence_items WHERE case_id = ?', built.caseId)).toEqual([item.id]);
    expect(count(b, 'SELECT count(*) FROM evidence_links WHERE item_id = ?', item.id)).toBeGreaterThan(0);
    expect(danglingReferences(b, built.caseId)).toEqual([]);
    expect(b.db.pragma('foreign_key_check')).toEqual([]);
    expect(b.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = b.db.prepare('SELECT id, custody_count, custody_head FROM evidence_items WHERE id = ?').get(item.id) as never;
    expect(verifyCustodyLog(b.db, stored)).toEqual([]);
    // The workspace works on it as on any case: gates, review rounds.
    const state = await workflowState(b, built.caseId);
    expect(state.stage).toBe(a.db.prepare('SELECT stage FROM cases WHERE id = ?').pluck().get(built.caseId));
    expect(listRounds(b, built.caseId)).toEqual(listRounds(a, built.caseId));
  });

  it('refuses a part without its evidence files where they are not held (BUNDLE_INCOMPLETE, naming only the chosen item), writing nothing', async () => {
    const a = evidenceContext();
    const c = evidenceContext();
    const built = await buildProposalCase(a);
    const [item, other] = built.exhibits.filter((e) => e.sha256);
    const selection = { allegationIds: [], subjectIds: [], evidenceIds: [item!.id] };
    const refused = (() => {
      try {
        send(a, c, built.caseId, { selection, evidence: false });
      } catch (error) {
        return error as { code: string; message: string };
      }
      return null;
    })();
    expect(refused?.code).toBe('BUNDLE_INCOMPLETE');
    expect(refused?.message).toContain(item!.exhibit);
    expect(refused?.message).not.toContain(`${other!.exhibit},`);
    expect(count(c, 'SELECT count(*) FROM cases WHERE id = ?', built.caseId)).toBe(0);
    expect(count(c, 'SELECT count(*) FROM bundle_transfers')).toBe(0);
    // With its file it comes in whole, though no allegation or subject came with it.
    send(a, c, built.caseId, { selection }).apply();
    expect(ids(c, 'SELECT id FROM evidence_items')).toEqual([item!.id]);
    expect(count(c, 'SELECT count(*) FROM evidence_links')).toBe(0);
    expect(c.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('updates only the chosen records in a workspace that holds the whole case, and deletes nothing it left out', async () => {
    const a = evidenceContext();
    const b = evidenceContext();
    const built = await buildProposalCase(a);
    const [a1, a2] = built.allegations;
    send(a, b, built.caseId).apply();
    const before = count(b, 'SELECT count(*) FROM allegations') + count(b, 'SELECT count(*) FROM evidence_items') + count(b, 'SELECT count(*) FROM findings');

    editAllegation(a, a1!.id, { place: 'Kashgar' });
    editAllegation(a, a2!.id, { place: 'Hotan' });
    const part = send(a, b, built.caseId, { selection: { allegationIds: [a1!.id], subjectIds: [], evidenceIds: [] } });
    expect(changesOf(part.plan)).toEqual([['update', 'allegations', 'A-1']]);
    part.apply();
    expect(b.db.prepare('SELECT place FROM allegations WHERE id = ?').pluck().get(a1!.id)).toBe('Kashgar');
    expect(b.db.prepare('SELECT place FROM allegations WHERE id = ?').pluck().get(a2!.id)).not.toBe('Hotan');
    expect(count(b, 'SELECT count(*) FROM allegations') + count(b, 'SELECT count(*) FROM evidence_items') + count(b, 'SELECT count(*) FROM findings')).toBe(before);
    expect(danglingReferences(b, built.caseId)).toEqual([]);

    // The rest follows with the whole case later, as a plain update (only the sender changed it).
    const whole = send(a, b, built.caseId);
    expect(changesOf(whole.plan)).toEqual([['update', 'allegations', 'A-2']]);
  });

  it('refuses a selection naming a record of another case, before anything is written', async () => {
    const a = evidenceContext();
    const b = evidenceContext();
    const built = await buildProposalCase(a);
    const stranger = await buildProposalCase(a);
    expect(() => send(a, b, built.caseId, { selection: { allegationIds: [stranger.allegations[0]!.id], subjectIds: [], evidenceIds: [] } })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(count(a, 'SELECT count(*) FROM bundle_transfers')).toBe(0);
  });
});
