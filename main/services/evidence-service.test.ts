import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SubjectFieldsSchema } from '../../shared/contract/channels/subjects';
import { createAllegation } from './allegation-service';
import { closeCase } from './case-service';
import {
  corroboration,
  createTestimony,
  getEvidence,
  importUploads,
  linkEvidence,
  listEvidence,
  unlinkEvidence,
  updateEvidence,
} from './evidence-service';
import { createSubject } from './subject-service';
import { bytes, evidenceContext } from '../test-support/evidence-context';
import { extractAndStore } from '../vault/extract-text';
import { evidenceSearchProvider } from '../search/evidence-provider';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function importOne(ctx: ReturnType<typeof evidenceContext>, content: string | Buffer, name: string) {
  const upload = await ctx.vault.receive(bytes(content));
  return importUploads(ctx, { caseId: ctx.caseId, uploads: [{ uploadId: upload.uploadId, originalName: name }] }).items[0]!;
}

describe('evidence import', () => {
  it('stores the bytes by SHA-256, numbers exhibits and starts the custody log', async () => {
    const ctx = evidenceContext();
    const first = await importOne(ctx, 'witness statement, 12 March', 'statement.txt');
    const second = await importOne(ctx, PNG, 'photo.png');
    expect([first.exhibit, second.exhibit]).toEqual(['E-1', 'E-2']);
    const item = getEvidence(ctx, first.id);
    expect(item).toMatchObject({ kind: 'file', originalName: 'statement.txt', mediaType: 'text/plain; charset=utf-8', size: 27 });
    expect(fs.readFileSync(ctx.vault.contentPath(item.sha256!), 'utf8')).toBe('witness statement, 12 March');
    expect(fs.statSync(ctx.vault.contentPath(item.sha256!)).mode & 0o222).toBe(0);
    expect(item.custodyLog).toHaveLength(1);
    expect(item.custodyLog[0]).toMatchObject({ kind: 'imported', actor: 'tester', hashBefore: null, hashAfter: item.sha256 });
    expect(item.custody).toEqual({ count: 1, headHash: item.custodyLog[0]!.entryHash });
  });

  it('sniffs the media type from the bytes, never the name', async () => {
    const ctx = evidenceContext();
    const png = await importOne(ctx, PNG, 'notes.txt');
    expect(getEvidence(ctx, png.id).mediaType).toBe('image/png');
    const binary = await importOne(ctx, Buffer.from([0x00, 0x9c, 0x13, 0x37, 0x00, 0x81]), 'photo.jpg');
    expect(getEvidence(ctx, binary.id).mediaType).toBe('application/octet-stream');
    const japanese = await importOne(ctx, '新疆ウイグル自治区'.repeat(50_000), 'x.bin');
    expect(getEvidence(ctx, japanese.id).mediaType).toBe('text/plain; charset=utf-8');
  });

  it('keeps one stored copy of the same bytes and says the second import is a duplicate', async () => {
    const ctx = evidenceContext();
    const first = await importOne(ctx, 'same bytes', 'a.txt');
    const again = await importOne(ctx, 'same bytes', 'b.txt');
    expect(again).toMatchObject({ duplicate: true, id: first.id, exhibit: 'E-1' });
    expect(listEvidence(ctx, { caseId: ctx.caseId }).total).toBe(1);
    expect(fs.readdirSync(ctx.vault.tmpDir)).toEqual([]);
    const next = await importOne(ctx, 'other bytes', 'c.txt');
    expect(next.exhibit).toBe('E-2');
  });

  it('imports a batch in one call, a file repeated within it as a duplicate of its first copy, each item with its custody entry', async () => {
    const ctx = evidenceContext();
    const uploads = [];
    for (const [content, name] of [['first', 'a.txt'], ['second', 'b.txt'], ['first', 'a copy.txt']] as const) {
      uploads.push({ uploadId: (await ctx.vault.receive(bytes(content))).uploadId, originalName: name });
    }
    const { items } = importUploads(ctx, { caseId: ctx.caseId, uploads });
    expect(items.map(({ exhibit, duplicate }) => ({ exhibit, duplicate }))).toEqual([
      { exhibit: 'E-1', duplicate: false },
      { exhibit: 'E-2', duplicate: false },
      { exhibit: 'E-1', duplicate: true },
    ]);
    expect(items[2]!.id).toBe(items[0]!.id);
    for (const item of items.slice(0, 2)) expect(getEvidence(ctx, item.id).custodyLog.map((c) => c.kind)).toEqual(['imported']);
    expect(fs.readdirSync(ctx.vault.tmpDir)).toEqual([]);
  });

  it('imports the rest of a batch when the vault cannot take one file, and names that file', async () => {
    const ctx = evidenceContext();
    const uploads: { uploadId: string; originalName: string }[] = [];
    for (const [content, name] of [['first', 'a.txt'], ['lost', 'b.txt'], ['third', 'c.txt']] as const) {
      uploads.push({ uploadId: (await ctx.vault.receive(bytes(content))).uploadId, originalName: name });
    }
    // The second upload's waiting copy disappears before the import moves it into the vault.
    for (const name of fs.readdirSync(ctx.vault.tmpDir).filter((n) => n.startsWith(uploads[1]!.uploadId))) {
      fs.rmSync(path.join(ctx.vault.tmpDir, name));
    }
    // And one upload the vault never had (or no longer has: uploads expire after a day).
    const unknown = { uploadId: '01a227c1-0000-7000-8000-000000000000', originalName: 'd.txt' };
    const { items, failed } = importUploads(ctx, { caseId: ctx.caseId, uploads: [...uploads, unknown] });
    expect(items.map(({ uploadId, exhibit, duplicate }) => ({ uploadId, exhibit, duplicate }))).toEqual([
      { uploadId: uploads[0]!.uploadId, exhibit: 'E-1', duplicate: false },
      { uploadId: uploads[2]!.uploadId, exhibit: 'E-2', duplicate: false },
    ]);
    expect(failed).toEqual([
      { uploadId: uploads[1]!.uploadId, code: 'UPLOAD_GONE', message: expect.stringMatching(/temporary copy was removed/) },
      { uploadId: unknown.uploadId, code: 'UPLOAD_GONE', message: expect.stringMatching(/no longer waiting/) },
    ]);
    expect(failed[0]!.message).not.toContain(ctx.dir);
    for (const item of items) {
      const stored = getEvidence(ctx, item.id);
      expect(fs.readFileSync(ctx.vault.contentPath(stored.sha256!), 'utf8')).toBe(item.exhibit === 'E-1' ? 'first' : 'third');
      expect(stored.custodyLog.map((c) => c.kind)).toEqual(['imported']);
    }
    expect(listEvidence(ctx, { caseId: ctx.caseId }).total).toBe(2);
    // The failed upload no longer waits, and nothing of it is left in the holding area.
    expect(ctx.vault.upload(uploads[1]!.uploadId)).toBeUndefined();
    expect(fs.readdirSync(ctx.vault.tmpDir)).toEqual([]);
  });

  it('refuses file names with control characters or over 1,000 characters with a field error', async () => {
    const ctx = evidenceContext();
    const upload = await ctx.vault.receive(bytes('x'));
    expect(() => importUploads(ctx, { caseId: ctx.caseId, uploads: [{ uploadId: upload.uploadId, originalName: 'a\u0007b' }] })).toThrow();
    expect(() => importUploads(ctx, { caseId: ctx.caseId, uploads: [{ uploadId: upload.uploadId, originalName: 'a'.repeat(2000) }] })).toThrow();
    const ok = importUploads(ctx, { caseId: ctx.caseId, uploads: [{ uploadId: upload.uploadId, originalName: '証拠 写真 (1).jpg' }] });
    expect(getEvidence(ctx, ok.items[0]!.id).originalName).toBe('証拠 写真 (1).jpg');
  });

  it('refuses a file that changes while it is imported, and leaves nothing behind', async () => {
    const ctx = evidenceContext();
    const source = path.join(ctx.dir, 'growing.bin');
    fs.writeFileSync(source, Buffer.alloc(8 * 1024 * 1024, 1));
    const importing = ctx.vault.receiveFile(source);
    // Change the file once the import is under way (its partial copy exists), not before the
    // import has looked at it: appending at once raced the import's first stat of the file.
    while (!fs.readdirSync(ctx.vault.tmpDir).some((name) => name.endsWith('.part'))) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    fs.appendFileSync(source, 'more');
    await expect(importing).rejects.toThrow(/changed while it was being imported/);
    expect(fs.readdirSync(ctx.vault.tmpDir)).toEqual([]);
  });

  it('refuses imports into a closed case', async () => {
    const ctx = evidenceContext();
    const upload = await ctx.vault.receive(bytes('x'));
    closeCase(ctx, { id: ctx.caseId, reason: 'done' });
    expect(() => importUploads(ctx, { caseId: ctx.caseId, uploads: [{ uploadId: upload.uploadId, originalName: 'x' }] })).toThrow(/closed/);
  });
});

describe('evidence metadata, links and corroboration', () => {
  it('records each changed field in the custody log', async () => {
    const ctx = evidenceContext();
    const { id } = await importOne(ctx, 'report', 'r.txt');
    const item = updateEvidence(ctx, { id, title: 'NGO report', sourceReliability: 'B', informationCredibility: 2, tags: ['xinjiang'], reason: 'graded' });
    expect(item).toMatchObject({ title: 'NGO report', sourceReliability: 'B', informationCredibility: 2, tags: ['xinjiang'] });
    const event = item.custodyLog.at(-1)!;
    expect(event).toMatchObject({ kind: 'metadata_changed', reason: 'graded' });
    expect(event.details).toEqual({
      changed: {
        title: { from: 'r.txt', to: 'NGO report' },
        sourceReliability: { from: null, to: 'B' },
        informationCredibility: { from: null, to: 2 },
        tags: { from: [], to: ['xinjiang'] },
      },
    });
    expect(event.prevHash).toBe(item.custodyLog[0]!.entryHash);
    // Nothing changed: no entry.
    expect(updateEvidence(ctx, { id, title: 'NGO report' }).custodyLog).toHaveLength(2);
  });

  it('links items to allegations and counts independent sources', async () => {
    const ctx = evidenceContext();
    const allegation = createAllegation(ctx, {
      caseId: ctx.caseId,
      category: 'arbitrary_detention',
      period: { precision: 'unknown' },
      place: '',
      narrative: '',
      victims: [],
      status: 'alleged',
    });
    const a = createTestimony(ctx, { caseId: ctx.caseId, title: 'Witness W-1', source: 'Witness W-1' });
    const b = await importOne(ctx, 'satellite', 's.txt');
    updateEvidence(ctx, { id: b.id, source: ' witness w-1 ' });
    const c = createTestimony(ctx, { caseId: ctx.caseId, title: 'Official denial', source: 'Ministry' });
    linkEvidence(ctx, { itemId: a.id, target: { type: 'allegation', id: allegation.id }, stance: 'supporting' });
    linkEvidence(ctx, { itemId: b.id, target: { type: 'allegation', id: allegation.id }, stance: 'supporting' });
    const linked = linkEvidence(ctx, { itemId: c.id, target: { type: 'allegation', id: allegation.id }, stance: 'contradicting', note: 'denies' });
    expect(linked.links).toEqual([
      expect.objectContaining({ target: { type: 'allegation', id: allegation.id }, targetReference: 'A-1', stance: 'contradicting', note: 'denies' }),
    ]);
    expect(linked.custodyLog.at(-1)?.kind).toBe('linked');
    const result = corroboration(ctx, allegation.id);
    expect(result.supporting.map((i) => i.exhibit)).toEqual(['E-1', 'E-2']);
    expect(result.contradicting.map((i) => i.exhibit)).toEqual(['E-3']);
    expect(result.independentSources).toBe(1);
    const unlinked = unlinkEvidence(ctx, { itemId: c.id, target: { type: 'allegation', id: allegation.id }, reason: 'wrong allegation' });
    expect(unlinked.links).toEqual([]);
    expect(unlinked.custodyLog.at(-1)).toMatchObject({ kind: 'unlinked', reason: 'wrong allegation' });
    expect(() => linkEvidence(ctx, { itemId: a.id, target: { type: 'subject', id: allegation.id }, stance: 'supporting' })).toThrow(/subject/);
  });

  it('counts each item\'s supporting and contradicting links to allegations and subjects, in one query for a whole page', async () => {
    const ctx = evidenceContext();
    const base = { caseId: ctx.caseId, period: { precision: 'unknown' as const }, place: '', narrative: '', victims: [], status: 'alleged' as const };
    const a1 = createAllegation(ctx, { ...base, category: 'arbitrary_detention' });
    const a2 = createAllegation(ctx, { ...base, category: 'torture' });
    const subject = createSubject(ctx, { ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'latn', value: 'Commander X' }] }), caseId: ctx.caseId });
    const items = [];
    for (let i = 0; i < 5; i++) items.push(createTestimony(ctx, { caseId: ctx.caseId, title: `Witness ${i}` }));
    const [e1, e2, e3] = items as [(typeof items)[number], (typeof items)[number], (typeof items)[number]];
    linkEvidence(ctx, { itemId: e1.id, target: { type: 'allegation', id: a1.id }, stance: 'supporting' });
    linkEvidence(ctx, { itemId: e1.id, target: { type: 'allegation', id: a2.id }, stance: 'supporting' });
    linkEvidence(ctx, { itemId: e1.id, target: { type: 'subject', id: subject.id }, stance: 'contradicting', note: 'alibi' });
    linkEvidence(ctx, { itemId: e2.id, target: { type: 'subject', id: subject.id }, stance: 'supporting' });
    linkEvidence(ctx, { itemId: e3.id, target: { type: 'allegation', id: a1.id }, stance: 'contradicting' });
    // Re-linking with another stance moves the count; it does not add one.
    linkEvidence(ctx, { itemId: e3.id, target: { type: 'allegation', id: a1.id }, stance: 'supporting' });

    const prepare = vi.spyOn(ctx.db, 'prepare');
    const list = listEvidence(ctx, { caseId: ctx.caseId });
    const linkQueries = prepare.mock.calls.filter(([sql]) => sql.includes('evidence_links'));
    prepare.mockRestore();
    expect(linkQueries).toHaveLength(1);
    expect(list.items.map((i) => [i.exhibit, i.linkCounts])).toEqual([
      ['E-1', { supporting: 2, contradicting: 1 }],
      ['E-2', { supporting: 1, contradicting: 0 }],
      ['E-3', { supporting: 1, contradicting: 0 }],
      ['E-4', { supporting: 0, contradicting: 0 }],
      ['E-5', { supporting: 0, contradicting: 0 }],
    ]);

    const detail = getEvidence(ctx, e1.id);
    expect(detail.linkCounts).toEqual({ supporting: 2, contradicting: 1 });
    expect(detail.links.find((l) => l.target.type === 'subject')).toMatchObject({ targetReference: 'Commander X', stance: 'contradicting', note: 'alibi' });
    expect(corroboration(ctx, a1.id).supporting.map((i) => [i.exhibit, i.linkCounts])).toEqual([
      ['E-1', { supporting: 2, contradicting: 1 }],
      ['E-3', { supporting: 1, contradicting: 0 }],
    ]);
    expect(unlinkEvidence(ctx, { itemId: e1.id, target: { type: 'subject', id: subject.id } }).linkCounts).toEqual({ supporting: 2, contradicting: 0 });
  });
});

describe('text extraction and search', () => {
  it('indexes plain text and finds it by substring, Japanese included, and by short LIKE queries', async () => {
    const ctx = evidenceContext();
    const { id } = await importOne(ctx, '拘禁施設の衛星写真について。Detention camp near Kashgar.', 'memo.txt');
    expect(await extractAndStore(ctx, id)).toEqual({ status: 'ok' });
    expect(listEvidence(ctx, { caseId: ctx.caseId, search: 'kashgar' }).total).toBe(1);
    expect(listEvidence(ctx, { caseId: ctx.caseId, search: '衛星写' }).total).toBe(1);
    expect(listEvidence(ctx, { caseId: ctx.caseId, search: 'me' }).total).toBe(1); // memo.txt, LIKE
    expect(listEvidence(ctx, { caseId: ctx.caseId, search: 'nothing here' }).total).toBe(0);
    const found = evidenceSearchProvider.search(ctx, { text: 'Kashgar', kinds: [], caseId: null, limit: 5 });
    expect(found.total).toBe(1);
    expect(found.hits[0]).toMatchObject({ kind: 'evidence', reference: 'E-1', caseId: ctx.caseId });
    expect(found.hits[0]!.snippet).toContain('\u0002Kashgar\u0003');
  });

  it('records a failed extraction on the item without failing', async () => {
    const ctx = evidenceContext();
    const { id } = await importOne(ctx, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x80)]), 'broken.pdf');
    expect(getEvidence(ctx, id).mediaType).toBe('application/pdf');
    const result = await extractAndStore(ctx, id);
    expect(result.status).toBe('failed');
    expect(getEvidence(ctx, id).extraction.status).toBe('failed');
    const png = await importOne(ctx, PNG, 'p.png');
    expect(await extractAndStore(ctx, png.id)).toEqual({ status: 'unsupported' });
  });
});
