import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SubjectFieldsInput } from '../../shared/contract';
import { SubjectFieldsSchema } from '../../shared/contract';
import type { SubjectScreening } from '../../shared/contract/channels/screening';
import { caseHistory } from '../services/case-history';
import { closeCase, createCase } from '../services/case-service';
import type { ServiceContext } from '../services/context';
import { createSubject, updateSubject } from '../services/subject-service';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import { coordinationMatrix } from './matrix-service';
import { NAME_KEYS_VERSION } from './name-keys';
import { decideCandidate, listCandidates, runScreening } from './screening-service';
import { importFixture } from './test-lists';

/**
 * One workspace for the file: the real OFAC (Burma/Xinjiang excerpt), UN (2026 excerpt), UK, EU,
 * Canadian and Japanese MOF lists imported through the import service, then real subjects.
 */
let dir: string;
let workspace: Workspace;
let ctx: ServiceContext & { setNow(iso: string): void };
let caseId: string;
const ids: Record<string, string> = {};

const subject = (fields: SubjectFieldsInput, withCase = true) =>
  createSubject(ctx, { ...SubjectFieldsSchema.parse(fields), ...(withCase ? { caseId } : {}) }).id;

const screeningOf = (key: string): SubjectScreening => listCandidates(ctx, { subjectId: ids[key]! })[0]!;
const refsOf = (key: string) => screeningOf(key).persons.flatMap((p) => p.candidates.map((c) => `${c.listKey}:${c.listRef}`));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-screening-'));
  workspace = openWorkspace(dir);
  let now = '2026-11-27T09:00:00.000Z';
  ctx = { db: workspace.db, actor: 'tester', now: () => now, setNow: (iso) => (now = iso) };
  for (const list of ['ofacExcerpt', 'un2026', 'uk', 'eu', 'canada', 'jp'] as const) await importFixture(ctx, list);
  caseId = createCase(ctx, { title: 'Myanmar and Xinjiang', country: 'MM', situation: '', summary: '' }).id;
  ids.zhuSimplified = subject({ type: 'person', names: [{ script: 'hans', value: '朱海仑' }], birthDates: [{ date: { precision: 'year', value: '1958' } }] });
  ids.zhuTraditional = subject({ type: 'person', names: [{ script: 'hant', value: '朱海侖' }] }, false);
  ids.mah = subject({
    type: 'person',
    names: [{ script: 'jpan_kana', value: 'ミン・アウン・フライン' }],
    birthDates: [{ date: { precision: 'year', value: '1956' } }],
    nationalities: [{ country: 'MM' }],
  });
  ids.paek = subject({ type: 'person', names: [{ script: 'latn', value: 'Paek Changho' }] }, false);
  ids.nearMiss = subject({ type: 'person', names: [{ script: 'latn', value: 'Zhu Hailong' }] }, false);
  ids.unlisted = subject({ type: 'person', names: [{ script: 'latn', value: 'Aiko Tanaka' }] });
  ids.kurenkov = subject({ type: 'person', names: [{ script: 'latn', value: 'Alexander Kurenkov' }] }, false);
  ids.kakorere = subject({ type: 'person', names: [{ script: 'latn', value: 'Frank Kakorere' }] }, false);
  ids.sechin = subject({ type: 'person', names: [{ script: 'latn', value: 'Igor Sechin' }] }, false);
}, 120_000);

afterAll(() => {
  workspace.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('screening against the real lists', () => {
  it('refuses nothing and says what it screened, re-indexing a list whose keys are stale first', async () => {
    workspace.db.prepare("UPDATE designation_lists SET keys_version = ? WHERE key = 'un-sc'").run(NAME_KEYS_VERSION - 1);
    const result = await runScreening(ctx, { scope: 'workspace' });
    expect(result.subjects).toBe(9);
    expect(result.reindexedLists).toEqual(['un-sc']);
    expect(result.lists.map((l) => l.key)).toEqual(['ca-sema', 'eu-fsf', 'jp-mof', 'uk-sanctions-list', 'un-sc', 'us-ofac-sdn']);
    expect(workspace.db.prepare("SELECT keys_version FROM designation_lists WHERE key = 'un-sc'").pluck().get()).toBe(NAME_KEYS_VERSION);
    // The re-indexed UN list is searchable again: PAEK CHANG-HO is found there.
    expect(refsOf('paek')).toContain('un-sc:KPi.006');
  });

  it('finds ZHU, Hailun from 朱海仑 and 朱海侖, with the reasons', () => {
    for (const key of ['zhuSimplified', 'zhuTraditional']) {
      const best = screeningOf(key).persons[0]!.candidates[0]!;
      expect(`${best.listKey}:${best.listRef}`).toBe('us-ofac-sdn:29219');
      expect(best.seen).toMatchObject({ name: 'ZHU, Hailun', authority: 'US' });
      expect(best.reasons.name).toMatchObject({ entryName: 'ZHU, Hailun', how: ['transliterated'], score: 1 });
      expect(best.entry?.programmes).toEqual(['GLOMAG']);
    }
    // A year of birth agreeing with the list's date is agreement.
    const dob = screeningOf('zhuSimplified').persons[0]!.candidates[0]!.reasons.factors.find((f) => f.factor === 'birth_date');
    expect(dob).toMatchObject({ result: 'agrees', detail: 'same_year', subject: '1958' });
  });

  it('has HLAING, Min Aung among the candidates of ミン・アウン・フライン', () => {
    const candidates = screeningOf('mah').persons.flatMap((p) => p.candidates);
    const hlaing = candidates.find((c) => c.listRef === '27225')!;
    expect(hlaing.listKey).toBe('us-ofac-sdn');
    expect(hlaing.reasons.name.how).toEqual(expect.arrayContaining(['transliterated', 'phonetic']));
    // A year of birth agreeing with the list's full date; the OFAC entry states no nationality.
    expect(hlaing.reasons.factors).toEqual([
      { factor: 'birth_date', result: 'agrees', detail: 'same_year', subject: '1956', entry: '03 Jul 1956', effect: 0.06 },
      { factor: 'nationality', result: 'unknown', detail: 'not_on_list', subject: 'MM', entry: '', effect: 0 },
    ]);
  });

  it('recognises one person listed by several partners: PAEK CHANG-HO on the UN and JP lists', () => {
    const persons = screeningOf('paek').persons;
    const paek = persons.find((p) => p.candidates.some((c) => c.listRef === 'KPi.006'))!;
    expect(paek.candidates.map((c) => `${c.listKey}:${c.listRef}`).sort()).toEqual(['jp-mof:15-6', 'un-sc:KPi.006']);
    expect(paek.authorities.sort()).toEqual(['JP', 'UN']);
    expect(paek.linkedBy).toEqual(expect.arrayContaining(['identifier']));
  });

  it('recognises one person when one list gives the patronymic and the other does not, by the same day of birth: SECHIN on the JP and Canadian lists', () => {
    // JP 29-17 "Igor Sechin" and Canada's "Igor Ivanovich SECHIN", both born 7 Sep 1960.
    const person = screeningOf('sechin').persons.find((p) => p.candidates.some((c) => c.listRef === '29-17'))!;
    expect(person.candidates.map((c) => `${c.listKey}:${c.listRef}`).sort()).toEqual(['ca-sema:Russia, Schedule 1, item 103', 'jp-mof:29-17']);
    expect(person.authorities.sort()).toEqual(['CA', 'JP']);
    expect(person.linkedBy).toEqual(['name_and_birth_date']);
  });

  it('finds a name the JP list spells otherwise in brackets or writes behind katakana (26-126, 9-2)', () => {
    // "Aleksandr (Alexander) KURENKOV": no candidate at all while the bracket stayed in the name.
    const kurenkov = screeningOf('kurenkov').persons.flatMap((p) => p.candidates).find((c) => c.listRef === '26-126')!;
    expect(kurenkov.reasons.name.entryName).toBe('Alexander KURENKOV');
    expect(kurenkov.score).toBe(1);
    // "フランク・カコレレ(FRANK KAKORERE)、": the Latin spelling is a name of its own.
    const kakorere = screeningOf('kakorere').persons.flatMap((p) => p.candidates).find((c) => c.listRef === '9-2')!;
    expect(kakorere.reasons.name.entryName).toBe('FRANK KAKORERE');
  });

  it('does not propose a near miss (same surname, another given name) or an unlisted name', () => {
    expect(refsOf('nearMiss')).toEqual([]);
    expect(refsOf('unlisted')).toEqual([]);
  });
});

describe('decisions and the coordination matrix', () => {
  it('stamps a decision in the case history and shows the gap: designated by the US, not by Japan', () => {
    const zhu = screeningOf('zhuSimplified').persons[0]!.candidates[0]!;
    ctx.setNow('2026-11-28T10:00:00.000Z');
    const decided = decideCandidate(ctx, { candidateId: zhu.id, decision: 'confirmed', note: 'Same person: GLOMAG action of 9 July 2020.' });
    expect(decided).toMatchObject({ decision: 'confirmed', decidedBy: 'tester', decidedAt: '2026-11-28T10:00:00.000Z' });
    const stamped = caseHistory(ctx, caseId).filter((e) => e.kind === 'screening_confirmed');
    expect(stamped).toHaveLength(1);
    expect(stamped[0]!.subject).toContain('us-ofac-sdn' === zhu.listKey ? '29219' : '');
    expect(stamped[0]!.reason).toBe('Same person: GLOMAG action of 9 July 2020.');

    const matrix = coordinationMatrix(ctx, { caseId });
    const row = matrix.rows.find((r) => r.subject.id === ids.zhuSimplified)!;
    expect(row.cells.US.state).toBe('designated');
    expect(row.cells.US.designations[0]).toMatchObject({ listRef: '29219', programmes: ['GLOMAG'], listName: expect.stringContaining('OFAC') });
    expect(row.cells.JP.state).toBe('not_designated');
    expect(row.cells.AU.state).toBe('list_not_loaded');
    expect(row).toMatchObject({ designatedBy: ['US'], gap: true });
    // Candidates not yet decided show as pending; a subject nobody lists, as not designated.
    expect(matrix.rows.find((r) => r.subject.id === ids.mah)!.cells.US.state).toBe('pending');
    const unlisted = matrix.rows.find((r) => r.subject.id === ids.unlisted)!;
    expect(unlisted.cells.US.state).toBe('not_designated');
    expect(unlisted.gap).toBe(false);
  });

  it('keeps decisions through a re-import of the list and a re-run, updating the score', async () => {
    const before = screeningOf('zhuSimplified').persons[0]!.candidates[0]!;
    const oldEntryId = workspace.db.prepare("SELECT e.id FROM current_designation_entries e WHERE list_key = 'us-ofac-sdn' AND list_ref = '29219'").pluck().get();
    await importFixture(ctx, 'ofacExcerpt');
    const newEntryId = workspace.db.prepare("SELECT e.id FROM current_designation_entries e WHERE list_key = 'us-ofac-sdn' AND list_ref = '29219'").pluck().get();
    expect(newEntryId).not.toBe(oldEntryId);
    // The list is a new version: the subject shows as not screened against it until the next run.
    expect(screeningOf('zhuSimplified').unscreenedLists).toEqual(['us-ofac-sdn']);
    expect(coordinationMatrix(ctx, { caseId }).rows.find((r) => r.subject.id === ids.zhuSimplified)!.cells.US.state).toBe('designated');

    // The subject's birth date changes to a year off the list's: a re-run updates the score and keeps the decision.
    updateSubject(ctx, {
      id: ids.zhuSimplified!,
      ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'hans', value: '朱海仑' }], birthDates: [{ date: { precision: 'year', value: '1957' } }] }),
    });
    ctx.setNow('2026-11-29T10:00:00.000Z');
    await runScreening(ctx, { scope: 'subject', subjectId: ids.zhuSimplified! });
    const after = screeningOf('zhuSimplified');
    expect(after.unscreenedLists).toEqual([]);
    const again = after.persons.flatMap((p) => p.candidates).find((c) => c.listRef === '29219')!;
    expect(again).toMatchObject({ id: before.id, decision: 'confirmed', note: before.note, current: true });
    expect(again.score).toBeLessThan(before.score);
    expect(again.reasons.factors.find((f) => f.factor === 'birth_date')).toMatchObject({ result: 'close', detail: 'one_year_apart' });

    // Another month of the list's year (Jan 1958) is said as such, not as a year apart.
    ctx.setNow('2026-11-29T10:30:00.000Z');
    updateSubject(ctx, {
      id: ids.zhuSimplified!,
      ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'hans', value: '朱海仑' }], birthDates: [{ date: { precision: 'day', value: '1958-03-15' } }] }),
    });
    ctx.setNow('2026-11-29T11:00:00.000Z');
    await runScreening(ctx, { scope: 'subject', subjectId: ids.zhuSimplified! });
    const otherDay = screeningOf('zhuSimplified').persons.flatMap((p) => p.candidates).find((c) => c.listRef === '29219')!;
    expect(otherDay.reasons.factors.find((f) => f.factor === 'birth_date')).toMatchObject({
      result: 'close',
      detail: 'same_year_other_date',
      subject: '1958-03-15',
      entry: 'Jan 1958',
      effect: -0.05,
    });
  });

  it('keeps a decided candidate the list no longer has, as not current, and drops it from the matrix', async () => {
    const mah = screeningOf('mah').persons.flatMap((p) => p.candidates).find((c) => c.listRef === '27225')!;
    decideCandidate(ctx, { candidateId: mah.id, decision: 'confirmed', note: '', caseId });
    workspace.db.prepare("UPDATE subjects SET updated_at = '2026-11-30T00:00:00.000Z' WHERE id = ?").run(ids.mah);
    // The subject's name no longer resembles the entry: the re-run does not find it again.
    updateSubject(ctx, { id: ids.mah!, ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'latn', value: 'Aung San' }] }) });
    ctx.setNow('2026-11-30T10:00:00.000Z');
    await runScreening(ctx, { scope: 'case', caseId });
    const kept = screeningOf('mah').persons.flatMap((p) => p.candidates).find((c) => c.id === mah.id)!;
    expect(kept).toMatchObject({ decision: 'confirmed', current: false });
    const us = coordinationMatrix(ctx, { caseId }).rows.find((r) => r.subject.id === ids.mah)!.cells.US;
    expect(us.designations).toEqual([]);
    expect(us.state).not.toBe('designated');
  });

  it('stamps every open case of the subject when no case is given, and refuses a closed case', () => {
    const other = createCase(ctx, { title: 'Second case', country: 'MM', situation: '', summary: '' }).id;
    workspace.db.prepare('INSERT INTO case_subjects (case_id, subject_id, added_at) VALUES (?, ?, ?)').run(other, ids.unlisted, ctx.now());
    const paek = screeningOf('paek').persons[0]!.candidates[0]!;
    // PAEK is in no case: the decision is kept, nothing is stamped.
    expect(decideCandidate(ctx, { candidateId: paek.id, decision: 'rejected', note: '' }).decision).toBe('rejected');
    closeCase(ctx, { id: other, reason: 'done' });
    const zhu = screeningOf('zhuSimplified').persons[0]!.candidates[0]!;
    expect(() => decideCandidate(ctx, { candidateId: zhu.id, decision: 'rejected', note: '', caseId: other })).toThrow(/closed/);
    decideCandidate(ctx, { candidateId: zhu.id, decision: 'rejected', note: 'Re-examined', });
    expect(caseHistory(ctx, caseId).filter((e) => e.kind === 'screening_rejected')).toHaveLength(1);
    expect(caseHistory(ctx, other).filter((e) => e.kind.startsWith('screening_'))).toHaveLength(0);
  });
});
