import { describe, expect, it } from 'vitest';
import { contract, type ChannelInput, type SubjectFieldsInput } from '../../shared/contract';
import { SubjectFieldsSchema } from '../../shared/contract/channels/subjects';
import { openWorkbench } from '../workbench';
import { tempDir } from '../test-support/temp-dir';
import { testContext } from '../test-support/service-context';
import { createAllegation, deleteAllegation } from './allegation-service';
import { closeCase, createCase, getCase } from './case-service';
import {
  addSubjectToCase,
  caseRelationships,
  createRelationship,
  createSubject,
  findSubjects,
  getSubject,
  listCaseSubjects,
  removeSubjectFromCase,
  setSubjectRoles,
  updateSubject,
} from './subject-service';

const fields = (overrides: Partial<SubjectFieldsInput> = {}) =>
  SubjectFieldsSchema.parse({
    type: 'person',
    names: [
      { script: 'latn', value: 'Min Aung Hlaing', primary: true },
      { script: 'jpan_kana', value: 'ミン・アウン・フライン' },
      { script: 'mymr', value: 'မင်းအောင်လှိုင်' },
    ],
    aliases: [{ script: 'latn', value: 'Senior General', strength: 'weak' }],
    birthDates: [
      { date: { precision: 'day', value: '1956-07-03' }, sourceText: '' },
      { date: { precision: 'range', from: '1963', to: '1968' }, sourceText: '1963年から1968年の間' },
    ],
    birthPlaces: [{ place: 'Dawei', country: 'MM' }],
    nationalities: [{ country: 'MM' }],
    documents: [{ type: 'passport', number: 'MA123456', country: 'MM' }],
    positions: [{ title: 'Commander-in-Chief of Defence Services', organization: 'Tatmadaw', period: { precision: 'range', from: '2011-03', to: '2026' } }],
    addresses: [{ address: 'Naypyidaw', country: 'MM' }],
    ...overrides,
  });

const ctxWithCase = () => {
  const ctx = testContext();
  const kase = createCase(ctx, { title: 'Rakhine 2017', country: 'MM', situation: '', summary: '' });
  return { ctx, kase };
};

describe('subjects', () => {
  it('are stored faithfully: names in every script, a date range with its original wording, documents and positions', () => {
    const { ctx, kase } = ctxWithCase();
    const s = createSubject(ctx, { ...fields(), caseId: kase.id });
    expect(s.reference).toBe('S-1');
    expect(s.displayName).toBe('Min Aung Hlaing');
    expect(s.names.map((n) => [n.script, n.value, n.primary])).toEqual([
      ['latn', 'Min Aung Hlaing', true],
      ['jpan_kana', 'ミン・アウン・フライン', true],
      ['mymr', 'မင်းအောင်လှိုင်', true],
    ]);
    expect(s.birthDates[1]).toMatchObject({ date: { precision: 'range', from: '1963', to: '1968' }, sourceText: '1963年から1968年の間' });
    expect(s.documents[0]).toMatchObject({ type: 'passport', number: 'MA123456', country: 'MM', note: '' });
    expect(s.aliases[0]).toMatchObject({ strength: 'weak', value: 'Senior General' });
    expect(getSubject(ctx, s.id)).toEqual(s);
    expect(getCase(ctx, kase.id).history.map((e) => [e.kind, e.subject])).toEqual([
      ['created', null],
      ['subject_added', 'S-1 Min Aung Hlaing'],
    ]);
  });

  it('keep fact ids across edits, and a Burmese-only subject is shown by its Burmese name', () => {
    const { ctx } = ctxWithCase();
    const s = createSubject(ctx, fields());
    const edited = updateSubject(ctx, {
      ...fields({ names: [{ script: 'mymr', value: 'မင်းအောင်လှိုင်', primary: true }] }),
      id: s.id,
      documents: [{ ...s.documents[0]!, number: 'MA999' }],
    });
    expect(edited.displayName).toBe('မင်းအောင်လှိုင်');
    expect(edited.documents[0]?.id).toBe(s.documents[0]?.id);
    expect(edited.documents[0]?.number).toBe('MA999');
  });

  it('belong to several cases, with roles per allegation; removing takes the roles out too', () => {
    const { ctx, kase } = ctxWithCase();
    const other = createCase(ctx, { title: 'Post-coup', country: 'MM', situation: '', summary: '' });
    const a1 = createAllegation(ctx, {
      caseId: kase.id,
      category: 'extrajudicial_killing',
      period: { precision: 'year', value: '2017' },
      place: 'Rakhine',
      narrative: '',
      victims: [],
      status: 'alleged',
    });
    const s = createSubject(ctx, { ...fields(), caseId: kase.id });
    addSubjectToCase(ctx, { caseId: other.id, subjectId: s.id });
    addSubjectToCase(ctx, { caseId: other.id, subjectId: s.id }); // twice: no second event
    expect(getCase(ctx, other.id).history.filter((e) => e.kind === 'subject_added')).toHaveLength(1);

    const linked = setSubjectRoles(ctx, {
      caseId: kase.id,
      subjectId: s.id,
      roles: [
        { allegationId: a1.id, role: 'commander' },
        { allegationId: a1.id, role: 'enabler' },
      ],
    });
    expect(linked.roles.map((r) => [r.allegationReference, r.role])).toEqual([
      ['A-1', 'commander'],
      ['A-1', 'enabler'],
    ]);
    expect(linked.otherCases).toEqual([other.reference]);

    const foreign = createAllegation(ctx, { ...a1, caseId: other.id });
    expect(() =>
      setSubjectRoles(ctx, { caseId: kase.id, subjectId: s.id, roles: [{ allegationId: foreign.id, role: 'financier' }] }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', fields: { 'roles.0.allegationId': { code: 'invalid_choice' } } }));

    deleteAllegation(ctx, { id: a1.id });
    expect(listCaseSubjects(ctx, kase.id)[0]?.roles).toEqual([]);
    removeSubjectFromCase(ctx, { caseId: kase.id, subjectId: s.id, reason: 'Wrong person' });
    expect(listCaseSubjects(ctx, kase.id)).toEqual([]);
    expect(listCaseSubjects(ctx, other.id)).toHaveLength(1);
    expect(getCase(ctx, kase.id).history.at(-1)).toMatchObject({ kind: 'subject_removed', reason: 'Wrong person' });
  });

  it('cannot be added to or removed from a closed case', () => {
    const { ctx, kase } = ctxWithCase();
    const s = createSubject(ctx, fields());
    closeCase(ctx, { id: kase.id, reason: 'done' });
    expect(() => addSubjectToCase(ctx, { caseId: kase.id, subjectId: s.id })).toThrow(/closed/);
    expect(() => createSubject(ctx, { ...fields(), caseId: kase.id })).toThrow(/closed/);
  });

  it('have directed relationships, listed per case with the subjects at both ends', () => {
    const { ctx, kase } = ctxWithCase();
    const mah = createSubject(ctx, { ...fields(), caseId: kase.id });
    const unit = createSubject(ctx, fields({ type: 'state_body', names: [{ script: 'latn', value: '33rd Light Infantry Division', primary: true }], birthDates: [] }));
    const r = createRelationship(ctx, {
      fromId: mah.id,
      toId: unit.id,
      kind: 'commands',
      period: { precision: 'year', value: '2017' },
      note: 'Chain of command',
      evidenceIds: [],
    });
    const listed = caseRelationships(ctx, kase.id);
    expect(listed.relationships).toEqual([r]);
    expect(listed.subjects.map((s) => [s.reference, s.inCase])).toEqual([
      ['S-1', true],
      ['S-2', false],
    ]);
  });

  it('are found by any name in any script, one row per subject', () => {
    const { ctx } = ctxWithCase();
    createSubject(ctx, fields());
    createSubject(ctx, fields({ names: [{ script: 'hans', value: '王明山', primary: true }, { script: 'latn', value: 'Wang Mingshan' }], aliases: [] }));
    expect(findSubjects(ctx, { text: 'アウン', limit: 10 }).map((m) => m.reference)).toEqual(['S-1']);
    expect(findSubjects(ctx, { text: '明山', limit: 10 }).map((m) => m.displayName)).toEqual(['Wang Mingshan']);
    expect(findSubjects(ctx, { text: 'mingshan', limit: 10 })[0]?.snippet).toContain('\u0002');
  });
});

describe('subject input at the boundary', () => {
  const invoke = async (input: ChannelInput<'subjects.create'>) => {
    const bench = openWorkbench({ workspaceDir: tempDir(), appVersion: 'test', actor: 'tester' });
    try {
      return await bench.router.invoke({ channel: 'subjects.create', input });
    } finally {
      bench.close();
    }
  };
  const base = { type: 'person' as const, names: [{ script: 'latn' as const, value: 'Zhu Hailun' }] };

  it('refuses over-long names and control characters at the name that has them', async () => {
    const result = await invoke({
      ...base,
      names: [
        { script: 'latn', value: 'Zhu Hailun' },
        { script: 'hans', value: '朱'.repeat(2000) },
        { script: 'latn', value: 'Zhu\u0007Hailun' },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { 'names.1.value': { code: 'too_long', max: 500 }, 'names.2.value': { code: 'invalid' } } },
    });
  });

  it('refuses a subject without names, two primaries in one script, a reversed date range', async () => {
    expect(await invoke({ ...base, names: [] })).toMatchObject({ ok: false, error: { fields: { names: { code: 'too_short' } } } });
    const twoPrimaries = await invoke({
      ...base,
      names: [
        { script: 'latn', value: 'A', primary: true },
        { script: 'latn', value: 'B', primary: true },
      ],
      birthDates: [{ date: { precision: 'range', from: '1968', to: '1963' } }],
    });
    expect(twoPrimaries).toMatchObject({
      ok: false,
      error: { fields: { 'names.1.primary': { code: 'duplicate' }, 'birthDates.0.date.to': { code: 'range_reversed' } } },
    });
  });

  it('accepts a subject named only in Burmese', async () => {
    const result = await invoke({ type: 'person', names: [{ script: 'mymr', value: 'မင်းအောင်လှိုင်' }] });
    expect(result).toMatchObject({ ok: true, value: { displayName: 'မင်းအောင်လှိုင်', reference: 'S-1' } });
  });

  it('refuses citations of evidence that does not exist (once the vault exists)', async () => {
    const ctx = testContext();
    const hasVault = ctx.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'evidence_items'").get() !== undefined;
    const missing = '01900000-0000-7000-8000-000000000000';
    const attempt = () => createSubject(ctx, fields({ names: [{ script: 'latn', value: 'X', evidenceIds: [missing] }] }));
    if (hasVault) {
      expect(attempt).toThrow(expect.objectContaining({ fields: { 'names.0.evidenceIds': { code: 'invalid_choice' } } }));
    } else {
      expect(attempt().names[0]?.evidenceIds).toEqual([missing]);
    }
    expect(Object.keys(contract)).toContain('subjects.exportFtm');
  });
});
