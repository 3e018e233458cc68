import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, SearchQuerySchema } from '../../shared/contract/channels/search';
import { createAllegation } from '../services/allegation-service';
import { createCase } from '../services/case-service';
import { testContext } from '../test-support/service-context';
import { allegationSearchProvider } from './allegation-provider';
import { caseSearchProvider } from './case-provider';
import { searchWorkspace } from './search-service';

const PROVIDERS = [caseSearchProvider, allegationSearchProvider];

function seeded() {
  const ctx = testContext();
  const xinjiang = createCase(ctx, {
    title: '新疆ウイグル自治区における強制労働',
    country: 'CN',
    situation: 'Xinjiang',
    summary: 'Détention massive dans des « centres de formation ».',
  });
  const myanmar = createCase(ctx, { title: 'Rakhine clearance operations', country: 'MM', situation: '', summary: '' });
  createAllegation(ctx, {
    caseId: xinjiang.id,
    category: 'torture',
    period: { precision: 'unknown' },
    place: 'ウルムチ市の収容施設',
    narrative: 'Former detainees describe beatings during interrogation.',
    victims: [{ pseudonym: 'W-07' }],
    status: 'alleged',
  });
  createAllegation(ctx, {
    caseId: myanmar.id,
    category: 'extrajudicial_killing',
    period: { precision: 'year', value: '2017' },
    place: 'Maungdaw',
    narrative: 'Villagers killed during clearance operations; interrogation of survivors.',
    victims: [],
    status: 'alleged',
  });
  return { ctx, xinjiang, myanmar };
}

const search = (ctx: ReturnType<typeof testContext>, input: Record<string, unknown>) =>
  searchWorkspace(ctx, SearchQuerySchema.parse(input), PROVIDERS);

const hitsOf = (result: ReturnType<typeof search>, kind: string) => result.groups.find((g) => g.kind === kind)?.hits ?? [];

describe('workspace search', () => {
  it('finds Japanese text by a substring, with the match marked in the snippet', () => {
    const { ctx } = seeded();
    const result = search(ctx, { text: '収容施設' });
    const [hit] = hitsOf(result, 'allegation');
    expect(hit).toMatchObject({ reference: 'A-1', caseReference: expect.stringMatching(/^HR-/), title: 'torture' });
    expect(hit?.snippet).toContain(`${MATCH_START}収容施設${MATCH_END}`);
  });

  it('finds Latin text regardless of case and diacritics, requiring every term', () => {
    const { ctx } = seeded();
    expect(hitsOf(search(ctx, { text: 'DETENTION massive' }), 'case')).toHaveLength(1);
    expect(hitsOf(search(ctx, { text: 'formation' }), 'case')).toHaveLength(1);
    expect(hitsOf(search(ctx, { text: 'interrogation' }), 'allegation')).toHaveLength(2);
    expect(hitsOf(search(ctx, { text: 'interrogation survivors' }), 'allegation')).toHaveLength(1);
  });

  it('falls back to a scan for one- and two-character queries', () => {
    const { ctx } = seeded();
    const [hit] = hitsOf(search(ctx, { text: '新疆' }), 'case');
    expect(hit?.title).toBe('新疆ウイグル自治区における強制労働');
    expect(hit?.snippet).toContain(`${MATCH_START}新疆${MATCH_END}`);
    expect(hitsOf(search(ctx, { text: '07' }), 'allegation')).toHaveLength(1);
  });

  it('limits to one case and to chosen kinds, and reports totals', () => {
    const { ctx, myanmar } = seeded();
    const scoped = search(ctx, { text: 'interrogation', caseId: myanmar.id });
    expect(hitsOf(scoped, 'allegation').map((h) => h.caseId)).toEqual([myanmar.id]);
    const onlyCases = search(ctx, { text: 'Rakhine', kinds: ['case'] });
    expect(onlyCases.groups.map((g) => g.kind)).toEqual(['case']);
    expect(onlyCases.groups[0]?.total).toBe(1);
    const limited = search(ctx, { text: 'interrogation', limit: 1 });
    expect(limited.groups.find((g) => g.kind === 'allegation')).toMatchObject({ total: 2, hits: [expect.anything()] });
  });

  it('reads query syntax as text', () => {
    const { ctx } = seeded();
    for (const text of ['"', 'NEAR(a b)', 'a* OR b', '%', "'; DROP TABLE cases; --"]) {
      expect(() => search(ctx, { text })).not.toThrow();
    }
  });
});
