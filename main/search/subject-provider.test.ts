import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, SearchQuerySchema } from '../../shared/contract/channels/search';
import { SubjectFieldsSchema } from '../../shared/contract/channels/subjects';
import { createCase } from '../services/case-service';
import { createSubject } from '../services/subject-service';
import { testContext } from '../test-support/service-context';
import { subjectSearchProvider } from './subject-provider';

const seed = () => {
  const ctx = testContext();
  const kase = createCase(ctx, { title: 'Myanmar', country: 'MM', situation: '', summary: '' });
  const mah = createSubject(ctx, {
    ...SubjectFieldsSchema.parse({
      type: 'person',
      names: [
        { script: 'latn', value: 'Min Aung Hlaing' },
        { script: 'jpan_kana', value: 'ミン・アウン・フライン' },
        { script: 'mymr', value: 'မင်းအောင်လှိုင်' },
      ],
      aliases: [{ script: 'latn', value: 'Senior General', strength: 'weak' }],
    }),
    caseId: kase.id,
  });
  const zhu = createSubject(
    ctx,
    SubjectFieldsSchema.parse({
      type: 'person',
      names: [
        { script: 'hans', value: '朱海仑' },
        { script: 'hant', value: '朱海侖' },
        { script: 'latn', value: 'Zhu Hailun' },
      ],
    }),
  );
  const cafe = createSubject(ctx, SubjectFieldsSchema.parse({ type: 'company', names: [{ script: 'latn', value: 'Société Générale du Café' }] }));
  return { ctx, kase, mah, zhu, cafe };
};

const search = (ctx: ReturnType<typeof seed>['ctx'], text: string, caseId: string | null = null) =>
  subjectSearchProvider.search(ctx, SearchQuerySchema.parse({ text, caseId }));

describe('subject search provider', () => {
  it('finds a katakana, Chinese or Burmese substring of any name', () => {
    const { ctx, mah, zhu, kase } = seed();
    const hit = search(ctx, 'アウン');
    expect(hit.hits.map((h) => h.id)).toEqual([mah.id]);
    expect(hit.hits[0]).toMatchObject({ kind: 'subject', reference: 'S-1', title: 'Min Aung Hlaing', caseId: kase.id, caseReference: kase.reference });
    expect(hit.hits[0]?.snippet).toBe(`ミン・${MATCH_START}アウン${MATCH_END}・フライン`);
    expect(search(ctx, '海仑').hits.map((h) => h.id)).toEqual([zhu.id]); // 2 characters: LIKE
    expect(search(ctx, '朱海侖').hits.map((h) => h.id)).toEqual([zhu.id]);
    expect(search(ctx, 'အောင်').hits.map((h) => h.id)).toEqual([mah.id]);
    expect(search(ctx, '朱海侖').hits[0]?.caseId).toBeNull();
  });

  it('finds Latin names and aliases regardless of case and accents, one hit per subject', () => {
    const { ctx, mah, cafe } = seed();
    expect(search(ctx, 'HLAING').hits.map((h) => h.id)).toEqual([mah.id]);
    expect(search(ctx, 'senior gen').hits.map((h) => h.id)).toEqual([mah.id]);
    expect(search(ctx, 'societe generale').hits.map((h) => h.id)).toEqual([cafe.id]);
    expect(search(ctx, 'min').total).toBe(1);
  });

  it('keeps to one case when asked, and treats query syntax as text', () => {
    const { ctx, kase } = seed();
    expect(search(ctx, 'Zhu', kase.id).hits).toEqual([]);
    expect(search(ctx, '"Zhu" OR NEAR(').hits).toEqual([]);
    expect(search(ctx, '%').hits).toEqual([]);
  });
});
