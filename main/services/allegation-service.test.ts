import { describe, expect, it } from 'vitest';
import type { AllegationFields } from '../../shared/contract';
import { testContext } from '../test-support/service-context';
import { createAllegation, deleteAllegation, listAllegations, updateAllegation } from './allegation-service';
import { closeCase, createCase, getCase } from './case-service';

const allegation = (overrides: Partial<AllegationFields> = {}): AllegationFields => ({
  category: 'arbitrary_detention',
  period: { precision: 'range', from: '2017-04', to: '2019' },
  place: 'ウルムチ市',
  narrative: 'Mass detention in so-called vocational training centres.\nSecond line.',
  victims: [{ pseudonym: 'W-01' }, { pseudonym: 'W-02' }],
  status: 'alleged',
  ...overrides,
});

describe('allegations', () => {
  it('are added with references A-1, A-2 … that are never reused, and stored faithfully', () => {
    const ctx = testContext();
    const kase = createCase(ctx, { title: 'Xinjiang', country: 'CN', situation: '', summary: '' });
    const a1 = createAllegation(ctx, { caseId: kase.id, ...allegation() });
    const a2 = createAllegation(ctx, { caseId: kase.id, ...allegation({ category: 'torture' }) });
    expect([a1.reference, a2.reference]).toEqual(['A-1', 'A-2']);
    expect(a1).toMatchObject(allegation());

    deleteAllegation(ctx, { id: a2.id, reason: 'Duplicate of A-1' });
    const a3 = createAllegation(ctx, { caseId: kase.id, ...allegation({ period: { precision: 'unknown' } }) });
    expect(a3.reference).toBe('A-3');
    expect(listAllegations(ctx, kase.id).map((a) => a.reference)).toEqual(['A-1', 'A-3']);

    const history = getCase(ctx, kase.id).history.map((e) => [e.kind, e.subject, e.reason]);
    expect(history).toEqual([
      ['created', null, null],
      ['allegation_added', 'A-1', null],
      ['allegation_added', 'A-2', null],
      ['allegation_removed', 'A-2', 'Duplicate of A-1'],
      ['allegation_added', 'A-3', null],
    ]);
  });

  it('are edited in place, keeping their reference', () => {
    const ctx = testContext();
    const kase = createCase(ctx, { title: 'x', country: null, situation: '', summary: '' });
    const a1 = createAllegation(ctx, { caseId: kase.id, ...allegation() });
    ctx.setNow('2026-12-01T00:00:00.000Z');
    const edited = updateAllegation(ctx, {
      id: a1.id,
      ...allegation({ status: 'substantiated', period: { precision: 'day', value: '2018-02-29'.replace('29', '28') } }),
    });
    expect(edited.reference).toBe('A-1');
    expect(edited.status).toBe('substantiated');
    expect(edited.period).toEqual({ precision: 'day', value: '2018-02-28' });
    expect(edited.updatedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(getCase(ctx, kase.id).updatedAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('cannot be added, changed or removed while the case is closed', () => {
    const ctx = testContext();
    const kase = createCase(ctx, { title: 'x', country: null, situation: '', summary: '' });
    const a1 = createAllegation(ctx, { caseId: kase.id, ...allegation() });
    closeCase(ctx, { id: kase.id, reason: 'done' });
    expect(() => createAllegation(ctx, { caseId: kase.id, ...allegation() })).toThrow(/closed/);
    expect(() => updateAllegation(ctx, { id: a1.id, ...allegation({ place: 'changed' }) })).toThrow(/closed/);
    expect(() => deleteAllegation(ctx, { id: a1.id })).toThrow(/closed/);
    expect(listAllegations(ctx, kase.id)[0]?.place).toBe('ウルムチ市');
  });
});
