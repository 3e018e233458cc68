import { describe, expect, it } from 'vitest';
import { Failure } from '../ipc/failure';
import { testContext } from '../test-support/service-context';
import { createAllegation } from './allegation-service';
import { closeCase, createCase, getCase, listCaseCountries, listCases, reopenCase, updateCase } from './case-service';

const fields = (title: string, country: 'CN' | 'MM' | 'RU' | null = 'CN') => ({
  title,
  country,
  situation: '',
  summary: '',
});

describe('case references', () => {
  it('numbers cases per year and restarts at 0001 in a new year', () => {
    const ctx = testContext();
    ctx.setNow('2025-12-31T10:00:00.000Z');
    expect(createCase(ctx, fields('a')).reference).toBe('HR-2025-0001');
    expect(createCase(ctx, fields('b')).reference).toBe('HR-2025-0002');
    ctx.setNow('2026-06-01T10:00:00.000Z');
    expect(createCase(ctx, fields('c')).reference).toBe('HR-2026-0001');
    ctx.setNow('2025-12-31T11:00:00.000Z');
    expect(createCase(ctx, fields('d')).reference).toBe('HR-2025-0003');
  });
});

describe('the case list', () => {
  function seed() {
    const ctx = testContext();
    const titles: [string, 'CN' | 'MM' | 'RU' | null][] = [
      ['新疆ウイグル自治区における強制労働', 'CN'],
      ['ミャンマー国軍による超法規的殺害', 'MM'],
      ['Detention of journalists in Moscow', 'RU'],
      ['Forced labour in cotton fields', 'CN'],
      ['Unassigned situation', null],
    ];
    const made = titles.map(([title, country], i) => {
      ctx.setNow(`2026-01-0${i + 1}T00:00:00.000Z`);
      return createCase(ctx, fields(title, country));
    });
    return { ctx, made };
  }

  it('finds Japanese titles by a substring of three or more characters', () => {
    const { ctx } = seed();
    expect(listCases(ctx, { search: 'ウイグル' }).items.map((c) => c.title)).toEqual(['新疆ウイグル自治区における強制労働']);
    expect(listCases(ctx, { search: '超法規的' }).total).toBe(1);
  });

  it('finds one- and two-character queries too (no trigram exists for them)', () => {
    const { ctx } = seed();
    expect(listCases(ctx, { search: '新疆' }).items.map((c) => c.reference)).toEqual(['HR-2026-0001']);
    expect(listCases(ctx, { search: '軍' }).total).toBe(1);
  });

  it('finds Latin titles regardless of case and by reference', () => {
    const { ctx } = seed();
    expect(listCases(ctx, { search: 'FORCED LAB' }).total).toBe(1);
    expect(listCases(ctx, { search: 'HR-2026-0003' }).items[0]?.title).toBe('Detention of journalists in Moscow');
    expect(listCases(ctx, { search: '0003' }).total).toBe(1);
  });

  it('treats search text literally, not as query syntax', () => {
    const { ctx } = seed();
    for (const text of ['"', 'a" OR "b', '%', '_', 'NEAR(', '*']) {
      expect(() => listCases(ctx, { search: text })).not.toThrow();
    }
    expect(listCases(ctx, { search: '%' }).total).toBe(0);
  });

  it('filters by stage, country and status, and sorts both ways', () => {
    const { ctx, made } = seed();
    closeCase(ctx, { id: made[2]!.id, reason: 'Merged into another case' });
    expect(listCases(ctx, { countries: ['CN'] }).total).toBe(2);
    expect(listCases(ctx, { status: 'closed' }).items.map((c) => c.reference)).toEqual(['HR-2026-0003']);
    expect(listCases(ctx, { status: 'open' }).total).toBe(4);
    expect(listCases(ctx, { stages: ['intake'] }).total).toBe(5);
    expect(listCases(ctx, { stages: ['review'] }).total).toBe(0);
    expect(listCases(ctx, { sort: 'reference', direction: 'asc' }).items.map((c) => c.reference)).toEqual([
      'HR-2026-0001',
      'HR-2026-0002',
      'HR-2026-0003',
      'HR-2026-0004',
      'HR-2026-0005',
    ]);
    expect(listCases(ctx, { sort: 'title', direction: 'asc' }).items[0]?.title).toBe('Detention of journalists in Moscow');
    expect(listCaseCountries(ctx)).toEqual(['CN', 'MM', 'RU']);
  });

  it('pages with offset and limit and reports the total', () => {
    const { ctx } = seed();
    const page = listCases(ctx, { sort: 'reference', direction: 'asc', offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((c) => c.reference)).toEqual(['HR-2026-0003', 'HR-2026-0004']);
  });

  it('counts allegations per case', () => {
    const { ctx, made } = seed();
    for (let i = 0; i < 3; i++) {
      createAllegation(ctx, {
        caseId: made[0]!.id,
        category: 'slavery_forced_labour',
        period: { precision: 'unknown' },
        place: '',
        narrative: '',
        victims: [],
        status: 'alleged',
      });
    }
    const row = listCases(ctx, { search: 'ウイグル' }).items[0];
    expect(row?.allegationCount).toBe(3);
  });
});

describe('closing and reopening', () => {
  it('records who closed and reopened the case, when and why, and refuses edits while closed', () => {
    const ctx = testContext();
    const made = createCase(ctx, fields('強制失踪の事案'));
    ctx.setNow('2026-11-28T00:00:00.000Z');
    const closed = closeCase(ctx, { id: made.id, reason: '証拠不十分' });
    expect(closed.status).toBe('closed');
    expect(closed.closedReason).toBe('証拠不十分');
    expect(closed.closedAt).toBe('2026-11-28T00:00:00.000Z');

    expect(() => updateCase(ctx, { id: made.id, ...fields('changed') })).toThrow(Failure);
    expect(() => closeCase(ctx, { id: made.id, reason: 'again' })).toThrow(/closed/);
    expect(getCase(ctx, made.id).title).toBe('強制失踪の事案');

    ctx.setNow('2026-11-29T00:00:00.000Z');
    const reopened = reopenCase(ctx, { id: made.id, reason: '新たな証言' });
    expect(reopened.status).toBe('open');
    expect(reopened.closedReason).toBeNull();
    expect(reopened.history.map((e) => [e.kind, e.reason, e.actor])).toEqual([
      ['created', null, 'tester'],
      ['closed', '証拠不十分', 'tester'],
      ['reopened', '新たな証言', 'tester'],
    ]);
    expect(() => reopenCase(ctx, { id: made.id, reason: 'x' })).toThrow(/already open/);
  });

  it('answers NOT_FOUND for an unknown case', () => {
    const ctx = testContext();
    try {
      getCase(ctx, '01890000-0000-7000-8000-000000000000');
      expect.unreachable();
    } catch (error) {
      expect((error as Failure).code).toBe('NOT_FOUND');
    }
  });
});
