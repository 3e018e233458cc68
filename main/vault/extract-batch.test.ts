import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { importUploads } from '../services/evidence-service';
import { bytes, evidenceContext } from '../test-support/evidence-context';
import { extractAndStoreAll } from './extract-text';

/** FTS5 index segments of evidence_fts: a row of its data table is (segment id << 37) + page. */
const segments = (db: Database) => db.prepare('SELECT count(DISTINCT id >> 37) FROM evidence_fts_data WHERE id >= 1 << 37').pluck().get() as number;

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');

describe('the texts of one import batch', () => {
  it('are stored in one transaction: each searchable, one index segment for all, outcomes in the order asked', async () => {
    const ctx = evidenceContext();
    const words = ['kashgarroster', 'transferquota', 'guardrotation', '拘禁施設の名簿', 'witnessstatement'];
    const files = [...words.map((word, i) => ({ name: `statement-${i}.txt`, content: Buffer.from(`Statement ${i}: ${word} and more.`) })), { name: 'photo.png', content: PNG }];
    const uploads = [];
    for (const file of files) uploads.push({ uploadId: (await ctx.vault.receive(bytes(file.content), { name: file.name })).uploadId, originalName: file.name });
    const { items } = importUploads(ctx, { caseId: ctx.caseId, uploads });
    const before = segments(ctx.db);

    // The first item asked for twice: read once, answered twice.
    const outcomes = await extractAndStoreAll(ctx, [...items.map((item) => item.id), items[0]!.id]);

    expect(outcomes).toEqual([...words.map(() => ({ status: 'ok' })), { status: 'unsupported' }, { status: 'ok' }]);
    // One transaction, so one new segment; a transaction a text would have written five.
    expect(segments(ctx.db) - before).toBe(1);
    const find = ctx.db.prepare('SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?').pluck();
    const rowOf = ctx.db.prepare('SELECT rowid FROM evidence_items WHERE id = ?').pluck();
    words.forEach((word, i) => expect(find.all(`"${word}"`)).toEqual([rowOf.get(items[i]!.id)]));
    const status = ctx.db.prepare('SELECT extraction_status FROM evidence_items WHERE id = ?').pluck();
    expect(items.map((item) => status.get(item.id))).toEqual([...words.map(() => 'ok'), 'unsupported']);
  });

  it("leaves an item pending, not half-stored, when the workspace closes while the batch's texts are read", async () => {
    const ctx = evidenceContext();
    const uploads = [];
    for (const i of [0, 1]) uploads.push({ uploadId: (await ctx.vault.receive(bytes(Buffer.from(`text ${i}`)), { name: `t${i}.txt` })).uploadId, originalName: `t${i}.txt` });
    const { items } = importUploads(ctx, { caseId: ctx.caseId, uploads });
    const reading = extractAndStoreAll(
      ctx,
      items.map((item) => item.id),
    );
    ctx.workspace.close(); // while the first text is being read
    expect(await reading).toEqual([{ status: 'none' }, { status: 'none' }]);
    ctx.reopen();
    const status = ctx.db.prepare('SELECT extraction_status FROM evidence_items ORDER BY rowid').pluck();
    expect(status.all()).toEqual(['none', 'none']);
  });
});
