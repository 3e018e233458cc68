import { describe, expect, it } from 'vitest';
import { createCase } from '../services/case-service';
import { testContext } from '../test-support/service-context';
import { evidenceSearchProvider, MATCH_CAP } from './evidence-provider';

/** Items with extracted text, written straight to the tables (the import path is tested elsewhere). */
function withItems(texts: string[]) {
  const ctx = testContext();
  const caseId = createCase(ctx, { title: 'Case', country: null, situation: '', summary: '' }).id;
  const item = ctx.db.prepare(
    `INSERT INTO evidence_items (id, case_id, seq, kind, title, custody_head, created_at, updated_at)
     VALUES (?, ?, ?, 'testimony', ?, '', '', '')`,
  );
  const text = ctx.db.prepare('INSERT INTO evidence_text (item_id, text) VALUES (?, ?)');
  ctx.db.transaction(() => {
    texts.forEach((t, i) => {
      const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      item.run(id, caseId, i + 1, `Item ${i + 1}`);
      text.run(id, t);
    });
  })();
  return { ctx, caseId };
}

const search = (ctx: ReturnType<typeof testContext>, text: string, caseId: string | null = null) =>
  evidenceSearchProvider.search(ctx, { text, kinds: [], caseId, limit: 3 });

describe('evidence search', () => {
  it('ranks by bm25 and counts exactly up to the cap', () => {
    const filler = 'nothing of note in this long statement about other matters. '.repeat(20);
    const { ctx } = withItems([`${filler} Kashgar`, 'Kashgar Kashgar Kashgar', `${filler} Kashgar ${filler}`]);
    const found = search(ctx, 'kashgar');
    expect(found.total).toBe(3);
    expect(found.capped).toBe(false);
    expect(found.hits.map((h) => h.reference)[0]).toBe('E-2');
  });

  it('reports the cap as the total and shows the newest matches when a term is very common', () => {
    const { ctx, caseId } = withItems([...Array.from({ length: MATCH_CAP + 5 }, (_, i) => `report ${i} on detention${i % 100 === 0 ? ' near Kashgar' : ''}`), 'unrelated']);
    const found = search(ctx, 'detention');
    expect(found.total).toBe(MATCH_CAP);
    expect(found.capped).toBe(true);
    expect(found.hits.map((h) => h.reference)).toEqual([`E-${MATCH_CAP + 5}`, `E-${MATCH_CAP + 4}`, `E-${MATCH_CAP + 3}`]);
    expect(search(ctx, 'detention', caseId).total).toBe(MATCH_CAP);
    expect(search(ctx, 'kashgar detention').total).toBe(11); // few enough to count and rank
  });
});
