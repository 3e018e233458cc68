import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SubjectFieldsSchema } from '../../shared/contract/channels/subjects';
import type { GateCheckId } from '../../shared/contract/channels/workflow';
import { importListFiles } from '../lists/list-import';
import { fixture } from '../lists/test-fixtures';
import { runScreening } from '../screening/screening-service';
import { updateAllegation } from '../services/allegation-service';
import { closeCase } from '../services/case-service';
import { updateSubject } from '../services/subject-service';
import { evidenceContext } from '../test-support/evidence-context';
import { hashFile } from '../vault/vault';
import { evaluateGate } from './gates';
import { allegation, fileItem, finding, link, position, role, subject, testimony } from './test-case';
import { waiveCheck } from './waivers';

type Ctx = ReturnType<typeof evidenceContext>;

/** One check of a gate, as evaluated now. */
async function check(ctx: Ctx, id: GateCheckId) {
  const to = id.split('.')[0] as Parameters<typeof evaluateGate>[2];
  const found = (await evaluateGate(ctx, ctx.caseId, to)).checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}
const problems = async (ctx: Ctx, id: GateCheckId) => (await check(ctx, id)).missing.map((m) => [m.problem, m.label, m.fix.place, m.fix.id]);

describe('the gate into preliminary assessment', () => {
  it('needs an allegation, each with its conduct category and a known period', async () => {
    const ctx = evidenceContext();
    expect(await problems(ctx, 'assessment.allegation_recorded')).toEqual([['no_allegation', null, 'allegations', null]]);
    const a1 = allegation(ctx);
    const a2 = allegation(ctx, 'unknown');
    expect((await check(ctx, 'assessment.allegation_recorded')).met).toBe(true);
    expect(await problems(ctx, 'assessment.allegation_category_period')).toEqual([['no_period', 'A-2', 'allegations', a2.id]]);
    updateAllegation(ctx, { ...a2, period: { precision: 'year', value: '2019' } });
    const gate = await evaluateGate(ctx, ctx.caseId, 'assessment');
    expect(gate).toMatchObject({ to: 'assessment', met: true });
    expect(gate.checks.map((c) => [c.id, c.met, c.waivable, c.overridable])).toEqual([
      ['assessment.allegation_recorded', true, false, true],
      ['assessment.allegation_category_period', true, false, true],
    ]);
    // A category no longer in the data table (a workspace written with an older list) is missing too.
    ctx.db.prepare("UPDATE allegations SET category = 'piracy' WHERE id = ?").run(a1.id);
    expect(await problems(ctx, 'assessment.allegation_category_period')).toEqual([['no_category', 'A-1', 'allegations', a1.id]]);
  });
});

describe('the gate into investigation', () => {
  it('needs a subject with a role in an allegation', async () => {
    const ctx = evidenceContext();
    const a = allegation(ctx);
    const s = subject(ctx);
    // In the case, but with no part in any allegation: not yet a subject of the investigation.
    expect(await problems(ctx, 'investigation.subject_with_role')).toEqual([['no_subject_with_role', null, 'subjects', null]]);
    role(ctx, s.id, a.id);
    expect((await check(ctx, 'investigation.subject_with_role')).met).toBe(true);
  });

  it('needs the partner-designation check run for each subject, or waived with a reason', async () => {
    const ctx = evidenceContext();
    const a = allegation(ctx);
    const s = subject(ctx);
    role(ctx, s.id, a.id);
    const unmet = await check(ctx, 'investigation.partner_check');
    expect(unmet).toMatchObject({ met: false, waivable: true, waiver: null });
    expect(unmet.missing.map((m) => [m.problem, m.label, m.fix.place, m.fix.id])).toEqual([
      ['not_screened', 'S-1 Zhu Hailun', 'screening', s.id],
    ]);

    waiveCheck(ctx, { caseId: ctx.caseId, check: 'investigation.partner_check', reason: 'No partner list has been imported on this offline machine yet.' });
    const waived = await check(ctx, 'investigation.partner_check');
    // Waived: met, and still saying what the data lacks.
    expect(waived).toMatchObject({ met: true, waiver: { check: 'investigation.partner_check', by: 'tester' } });
    expect(waived.missing).toHaveLength(1);
    expect(() => waiveCheck(ctx, { caseId: ctx.caseId, check: 'investigation.partner_check', reason: 'again' })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
    const history = ctx.db.prepare("SELECT kind, subject, reason FROM case_events WHERE kind = 'gate_waived'").all();
    expect(history).toEqual([
      {
        kind: 'gate_waived',
        subject: null,
        reason: 'No partner list has been imported on this offline machine yet.\n[investigation.partner_check]',
      },
    ]);
  });

  it('is met once the subjects are screened against the current lists, and unmet again when a subject changes', async () => {
    const ctx = evidenceContext();
    const a = allegation(ctx);
    const s = subject(ctx);
    role(ctx, s.id, a.id);
    const list = fixture('uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml');
    await importListFiles(ctx, [{ path: list, name: path.basename(list), sha256: await hashFile(list), size: fs.statSync(list).size }]);
    // A list is imported, but the subject has not been screened against it.
    expect((await check(ctx, 'investigation.partner_check')).met).toBe(false);
    await runScreening(ctx, { scope: 'case', caseId: ctx.caseId });
    expect(await check(ctx, 'investigation.partner_check')).toMatchObject({ met: true, missing: [], waiver: null });
    // A new name may match someone the last run did not: the subject needs screening again.
    const nextDay = { ...ctx, now: () => '2026-11-28T09:00:00.000Z' };
    updateSubject(nextDay, { ...SubjectFieldsSchema.parse({ ...s, aliases: [{ script: 'latn', value: 'Zhu Hai-lun', strength: 'strong' }] }), id: s.id });
    expect(await problems(ctx, 'investigation.partner_check')).toEqual([['not_screened', 'S-1 Zhu Hailun', 'screening', s.id]]);
  });
});

describe('the gate into findings', () => {
  it('needs supporting evidence linked to each allegation; contradicting evidence does not count', async () => {
    const ctx = evidenceContext();
    const a1 = allegation(ctx);
    const a2 = allegation(ctx);
    const e1 = testimony(ctx, 'Witness W-01, interview');
    link(ctx, e1.id, { type: 'allegation', id: a1.id }, 'supporting');
    link(ctx, e1.id, { type: 'allegation', id: a2.id }, 'contradicting');
    expect(await problems(ctx, 'findings.supporting_evidence')).toEqual([['no_supporting_evidence', 'A-2', 'evidence', null]]);
    link(ctx, testimony(ctx, 'Leaked camp roster').id, { type: 'allegation', id: a2.id }, 'supporting');
    expect((await check(ctx, 'findings.supporting_evidence')).met).toBe(true);
  });

  it('needs an identifier beyond name and date of birth for each subject with a role, or a waiver', async () => {
    const ctx = evidenceContext();
    const a = allegation(ctx);
    const s1 = subject(ctx);
    const s2 = subject(ctx, { names: [{ script: 'latn', value: 'Wang Mingshan', primary: true }] });
    // In the case with no role: not proposed, so not asked for.
    subject(ctx, { names: [{ script: 'latn', value: 'Chen Mingguo', primary: true }] });
    role(ctx, s1.id, a.id);
    role(ctx, s2.id, a.id);
    expect(await problems(ctx, 'findings.identifiers')).toEqual([
      ['no_identifier', 'S-1 Zhu Hailun', 'subjects', s1.id],
      ['no_identifier', 'S-2 Wang Mingshan', 'subjects', s2.id],
    ]);
    const fields = (more: object) => SubjectFieldsSchema.parse({ ...s1, ...more });
    updateSubject(ctx, { ...fields({ positions: [position] }), id: s1.id });
    updateSubject(ctx, {
      ...SubjectFieldsSchema.parse({ ...s2, documents: [{ type: 'passport', number: 'E12345678', country: 'CN' }] }),
      id: s2.id,
    });
    expect((await check(ctx, 'findings.identifiers')).met).toBe(true);

    const s4 = subject(ctx, { names: [{ script: 'latn', value: 'Xinjiang PSB', primary: true }], type: 'state_body', birthDates: [] });
    role(ctx, s4.id, a.id);
    expect((await check(ctx, 'findings.identifiers')).met).toBe(false);
    waiveCheck(ctx, { caseId: ctx.caseId, check: 'findings.identifiers', reason: 'A state body: no registration number exists.' });
    expect(await check(ctx, 'findings.identifiers')).toMatchObject({ met: true, waiver: { reason: 'A state body: no registration number exists.' } });
  });
});

describe('the gate into the designation proposal', () => {
  async function proposalCase() {
    const ctx = evidenceContext();
    const a1 = allegation(ctx);
    const a2 = allegation(ctx);
    const s = subject(ctx, { positions: [position] });
    role(ctx, s.id, a1.id);
    return { ctx, a1, a2, s, sTarget: { type: 'subject' as const, id: s.id } };
  }

  it('needs a finding on every allegation whose outcome is not undetermined, with words in it', async () => {
    const { ctx, a1, a2 } = await proposalCase();
    finding(ctx, { type: 'allegation', id: a1.id }, 'met', 'Detention is established.');
    finding(ctx, { type: 'allegation', id: a2.id }, 'undetermined', 'Not yet clear.');
    expect(await problems(ctx, 'proposal.allegation_findings')).toEqual([['undetermined', 'A-2', 'findings', a2.id]]);
    finding(ctx, { type: 'allegation', id: a2.id }, 'not_met', '   ');
    // An outcome with no reasoning is not a finding.
    expect(await problems(ctx, 'proposal.allegation_findings')).toEqual([['no_finding', 'A-2', 'findings', a2.id]]);
    finding(ctx, { type: 'allegation', id: a2.id }, 'not_met', 'The standard is not met: one uncorroborated source.');
    expect((await check(ctx, 'proposal.allegation_findings')).met).toBe(true);
  });

  it('needs a finding on every subject with a role', async () => {
    const { ctx, s, sTarget } = await proposalCase();
    expect(await problems(ctx, 'proposal.subject_findings')).toEqual([['no_finding', 'S-1 Zhu Hailun', 'findings', s.id]]);
    finding(ctx, sTarget, 'met', 'As Deputy Secretary he directed the detention programme.');
    expect((await check(ctx, 'proposal.subject_findings')).met).toBe(true);
  });

  it('needs every contradicting item cited in the finding on what it contradicts', async () => {
    const { ctx, a1, s, sTarget } = await proposalCase();
    const e1 = testimony(ctx, 'Official denial');
    const e2 = testimony(ctx, 'Alibi statement');
    link(ctx, e1.id, { type: 'allegation', id: a1.id }, 'contradicting');
    link(ctx, e2.id, sTarget, 'contradicting');
    finding(ctx, { type: 'allegation', id: a1.id }, 'met', 'Detention is established.');
    expect(await problems(ctx, 'proposal.contradicting_addressed')).toEqual([
      ['contradicting_not_cited', 'E-1 → A-1', 'findings', a1.id],
      ['contradicting_not_cited', 'E-2 → S-1 Zhu Hailun', 'findings', s.id],
    ]);
    finding(ctx, { type: 'allegation', id: a1.id }, 'met', 'The official denial is contradicted by satellite imagery: ', [
      { id: e1.id, exhibit: 'E-1' },
    ]);
    // For a subject, the statement of reasons is where exculpatory material may be answered.
    finding(ctx, sTarget, null, 'The alibi is answered by ', [{ id: e2.id, exhibit: 'E-2' }]);
    expect((await check(ctx, 'proposal.contradicting_addressed')).met).toBe(true);
  });

  it('needs every cited exhibit to exist and pass integrity verification', async () => {
    const { ctx, a1, sTarget } = await proposalCase();
    const file = await fileItem(ctx, fixture('canada', 'SOURCES.md'), 'SOURCES.md');
    const spoken = testimony(ctx, 'Witness W-01, interview');
    finding(ctx, { type: 'allegation', id: a1.id }, 'met', 'Established by ', [
      { id: file.id, exhibit: 'E-1' },
      { id: spoken.id, exhibit: 'E-2' },
    ]);
    expect((await check(ctx, 'proposal.exhibits_intact')).met).toBe(true);

    // One changed byte in the stored file.
    const stored = ctx.vault.contentPath(file.sha256);
    fs.chmodSync(stored, 0o644);
    const fd = fs.openSync(stored, 'r+');
    fs.writeSync(fd, Buffer.from('#'), 0, 1, 10);
    fs.closeSync(fd);
    // A changed custody entry of the testimony.
    ctx.db.prepare("UPDATE custody_events SET actor = 'someone else' WHERE item_id = ? AND seq = 1").run(spoken.id);
    // A citation of an item that is in no case of the workspace any more.
    finding(ctx, sTarget, 'met', 'See ', [{ id: '0190a8c4-0000-7000-8000-000000000000', exhibit: 'E-9' }]);
    expect(await problems(ctx, 'proposal.exhibits_intact')).toEqual([
      ['exhibit_missing', 'S-1 Zhu Hailun', 'findings', sTarget.id],
      ['exhibit_damaged', 'E-1', 'evidence', file.id],
      ['exhibit_damaged', 'E-2', 'evidence', spoken.id],
    ]);
    // Evaluating a gate writes nothing to the custody log (it is not a custody event).
    expect(ctx.db.prepare("SELECT count(*) FROM custody_events WHERE kind = 'verified'").pluck().get()).toBe(0);
  });
});

describe('the gate into review', () => {
  it('needs a statement of reasons for each subject found to meet the standard', async () => {
    const ctx = evidenceContext();
    const a = allegation(ctx);
    const s1 = subject(ctx);
    const s2 = subject(ctx, { names: [{ script: 'latn', value: 'Wang Mingshan', primary: true }] });
    role(ctx, s1.id, a.id);
    role(ctx, s2.id, a.id);
    finding(ctx, { type: 'subject', id: s1.id }, 'met', 'He directed it.');
    finding(ctx, { type: 'subject', id: s2.id }, 'not_met', 'Not established.');
    expect(await problems(ctx, 'review.statements_of_reasons')).toEqual([['no_reasons', 'S-1 Zhu Hailun', 'findings', s1.id]]);
    finding(ctx, { type: 'subject', id: s1.id }, null, 'Statement of reasons: as Deputy Secretary …');
    expect((await check(ctx, 'review.statements_of_reasons')).met).toBe(true);
  });
});

describe('waivers', () => {
  it('are refused on a closed case', () => {
    const ctx = evidenceContext();
    closeCase(ctx, { id: ctx.caseId, reason: 'Not pursued' });
    expect(() => waiveCheck(ctx, { caseId: ctx.caseId, check: 'findings.identifiers', reason: 'x' })).toThrow(
      expect.objectContaining({ code: 'CASE_CLOSED' }),
    );
  });
});
