import { describe, expect, it } from 'vitest';
import type { ProtectedPersonFields } from '../../shared/contract/channels/protected';
import { testContext } from '../test-support/service-context';
import { createAllegation, listAllegations } from './allegation-service';
import { closeCase, createCase, getCase } from './case-service';
import { createPerson, deletePerson, listPersons, revealPerson, updatePerson } from './protected-identity-service';

const AYGUL: ProtectedPersonFields = {
  pseudonym: 'W-01',
  role: 'victim',
  fullName: 'Aygul Tursunova',
  otherNames: 'アイグル・トゥルスノワ',
  contact: 'Through the Almaty office, +7 700 000 0000',
  notes: 'Detained 2017–2018; fears reprisals against her family.',
};

function setUp() {
  const ctx = testContext();
  const kase = createCase(ctx, { title: 'Xinjiang', country: 'CN', situation: '', summary: '' });
  return { ctx, caseId: kase.id };
}

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string; fields?: unknown };
  }
  throw new Error('expected a failure');
};

describe('protected persons', () => {
  it('lists pseudonyms and roles only; the identity comes out only on reveal, which the history records without it', () => {
    const { ctx, caseId } = setUp();
    const created = createPerson(ctx, { caseId, ...AYGUL });
    createPerson(ctx, { caseId, pseudonym: 'S-01', role: 'source', fullName: '', otherNames: '', contact: '', notes: '' });
    createAllegation(ctx, { caseId, category: 'torture', period: { precision: 'unknown' }, place: '', narrative: '', victims: [{ pseudonym: 'W-01' }], status: 'alleged' });

    const list = listPersons(ctx, caseId);
    expect(list.map((p) => [p.pseudonym, p.role, p.identityRecorded, p.allegations])).toEqual([
      ['S-01', 'source', false, []],
      ['W-01', 'victim', true, ['A-1']],
    ]);
    const listed = JSON.stringify(list);
    for (const value of [AYGUL.fullName, AYGUL.otherNames, AYGUL.contact, AYGUL.notes]) expect(listed).not.toContain(value);

    ctx.setNow('2026-11-28T10:00:00.000Z');
    const revealed = revealPerson(ctx, created.id);
    expect(revealed.identity).toEqual({ fullName: AYGUL.fullName, otherNames: AYGUL.otherNames, contact: AYGUL.contact, notes: AYGUL.notes });
    const history = getCase(ctx, caseId).history;
    expect(history.at(-1)).toMatchObject({ kind: 'identity_viewed', subject: 'W-01', actor: 'tester', at: '2026-11-28T10:00:00.000Z', reason: null });
    expect(JSON.stringify(history)).not.toContain('Aygul');
  });

  it('keeps pseudonyms unique per case, saying which field is wrong; other cases may reuse them', () => {
    const { ctx, caseId } = setUp();
    const w1 = createPerson(ctx, { caseId, ...AYGUL });
    expect(failure(() => createPerson(ctx, { caseId, ...AYGUL, fullName: 'Someone else' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { pseudonym: { code: 'duplicate' } },
    });
    const w2 = createPerson(ctx, { caseId, ...AYGUL, pseudonym: 'W-02' });
    expect(failure(() => updatePerson(ctx, { id: w2.id, ...AYGUL }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const other = setUp();
    expect(() => createPerson(other.ctx, { caseId: other.caseId, ...AYGUL })).not.toThrow();
    // Saving a person under their own pseudonym is not a clash.
    expect(updatePerson(ctx, { id: w1.id, ...AYGUL, role: 'witness' }).role).toBe('witness');
    expect(listPersons(ctx, caseId).map((p) => p.pseudonym)).toEqual(['W-01', 'W-02']);
  });

  it('renames a pseudonym wherever an allegation names it, and refuses removal while one does', () => {
    const { ctx, caseId } = setUp();
    const w1 = createPerson(ctx, { caseId, ...AYGUL });
    createAllegation(ctx, {
      caseId,
      category: 'torture',
      period: { precision: 'unknown' },
      place: '',
      narrative: '',
      victims: [{ pseudonym: 'W-00' }, { pseudonym: 'W-01' }],
      status: 'alleged',
    });
    updatePerson(ctx, { id: w1.id, ...AYGUL, pseudonym: 'V-07' });
    expect(listAllegations(ctx, caseId)[0]!.victims).toEqual([{ pseudonym: 'W-00' }, { pseudonym: 'V-07' }]);
    expect(getCase(ctx, caseId).history.slice(-2).map((e) => [e.kind, e.subject])).toEqual([
      ['allegation_updated', 'A-1'],
      ['protected_person_updated', 'W-01 → V-07'],
    ]);

    const inUse = failure(() => deletePerson(ctx, { id: w1.id }));
    expect(inUse).toMatchObject({ code: 'PROTECTED_PERSON_IN_USE' });
    expect(inUse.message).toContain('A-1');
    expect(listPersons(ctx, caseId)).toHaveLength(1);

    const s1 = createPerson(ctx, { caseId, ...AYGUL, pseudonym: 'S-01', role: 'source' });
    deletePerson(ctx, { id: s1.id, reason: 'Recorded twice' });
    expect(listPersons(ctx, caseId).map((p) => p.pseudonym)).toEqual(['V-07']);
    expect(getCase(ctx, caseId).history.at(-1)).toMatchObject({ kind: 'protected_person_removed', subject: 'S-01', reason: 'Recorded twice' });
    expect(failure(() => revealPerson(ctx, s1.id))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('changes nothing in a closed case, but its identities can still be revealed', () => {
    const { ctx, caseId } = setUp();
    const w1 = createPerson(ctx, { caseId, ...AYGUL });
    closeCase(ctx, { id: caseId, reason: 'Insufficient evidence' });
    expect(failure(() => createPerson(ctx, { caseId, ...AYGUL, pseudonym: 'W-02' }))).toMatchObject({ code: 'CASE_CLOSED' });
    expect(failure(() => updatePerson(ctx, { id: w1.id, ...AYGUL, fullName: 'Changed' }))).toMatchObject({ code: 'CASE_CLOSED' });
    expect(failure(() => deletePerson(ctx, { id: w1.id }))).toMatchObject({ code: 'CASE_CLOSED' });
    expect(revealPerson(ctx, w1.id).identity.fullName).toBe(AYGUL.fullName);
    expect(failure(() => listPersons(ctx, '01900000-0000-7000-8000-000000000000'))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
