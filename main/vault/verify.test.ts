import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestimony, getEvidence, importUploads, updateEvidence } from '../services/evidence-service';
import { bytes, evidenceContext } from '../test-support/evidence-context';
import { Jobs } from './jobs';
import { verifyEvidence } from './verify';

type Ctx = ReturnType<typeof evidenceContext>;

async function seeded() {
  const ctx = evidenceContext();
  const upload = await ctx.vault.receive(bytes('the evidential copy '.repeat(1000)));
  const { id } = importUploads(ctx, { caseId: ctx.caseId, uploads: [{ uploadId: upload.uploadId, originalName: 'e.txt' }] }).items[0]!;
  updateEvidence(ctx, { id, title: 'one' });
  updateEvidence(ctx, { id, title: 'two' });
  updateEvidence(ctx, { id, title: 'three' });
  return { ctx, id, sha256: upload.sha256 };
}

async function verify(ctx: Ctx) {
  const jobs = new Jobs();
  const jobId = jobs.start('evidence.verify', (control) => verifyEvidence(ctx, null, control));
  const job = await jobs.settled(jobId);
  expect(job.state).toBe('done');
  expect(job.done).toBe(job.total);
  return job.report!;
}

/** Each problem's kind, entry and note (what the UI says of it). */
const kinds = (report: Awaited<ReturnType<typeof verify>>) => report.problems.map((p) => [p.kind, p.entry ?? null, p.note]);

describe('integrity verification', () => {
  it('finds nothing wrong in an untouched vault and appends a verified entry', async () => {
    const { ctx, id } = await seeded();
    createTestimony(ctx, { caseId: ctx.caseId, title: 'W-1' });
    const report = await verify(ctx);
    expect(report).toMatchObject({ clean: true, itemsChecked: 2, filesChecked: 1, problems: [] });
    expect(getEvidence(ctx, id).custodyLog.at(-1)).toMatchObject({ kind: 'verified', seq: 5 });
    expect((await verify(ctx)).clean).toBe(true); // the verified entries themselves chain correctly
  });

  it('catches one changed byte of a stored file', async () => {
    const { ctx, id, sha256 } = await seeded();
    const file = ctx.vault.contentPath(sha256);
    fs.chmodSync(file, 0o644);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('T'), 0, 1, 100);
    fs.closeSync(fd);
    const report = await verify(ctx);
    expect(report.clean).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ itemId: id, exhibit: 'E-1', kind: 'changed_file', expected: sha256, note: 'file_changed' })]);
    expect(report.problems[0]!.actual).not.toBe(sha256);
    expect(getEvidence(ctx, id).custodyLog.at(-1)?.kind).toBe('metadata_changed'); // no verified entry
  });

  it('catches a deleted stored file', async () => {
    const { ctx, sha256 } = await seeded();
    fs.rmSync(ctx.vault.contentPath(sha256));
    expect(kinds(await verify(ctx))).toEqual([['missing_file', null, 'file_missing']]);
  });

  it('catches an edited custody entry', async () => {
    const { ctx, id } = await seeded();
    ctx.db.prepare("UPDATE custody_events SET actor = 'someone else' WHERE item_id = ? AND seq = 2").run(id);
    const report = await verify(ctx);
    expect(kinds(report)).toEqual([['entry_changed', 2, 'entry_altered']]);
    expect(report.problems[0]).toMatchObject({ values: { entry: 2 }, message: 'Custody entry 2 was changed after it was written.' });
  });

  it('catches a removed entry in the middle and at the end', async () => {
    const { ctx, id } = await seeded();
    ctx.db.prepare('DELETE FROM custody_events WHERE item_id = ? AND seq = 2').run(id);
    expect(kinds(await verify(ctx))).toEqual([['entry_removed', 2, 'entry_missing']]);
    const other = await seeded();
    other.ctx.db.prepare('DELETE FROM custody_events WHERE item_id = ? AND seq = 4').run(other.id);
    const atEnd = await verify(other.ctx);
    expect(kinds(atEnd)).toEqual([['entry_removed', 4, 'last_entries_missing']]);
    expect(atEnd.problems[0]).toMatchObject({ values: { total: 4 }, message: 'The custody log should have 4 entries; the last ones are missing.' });
  });

  it('catches reordered entries', async () => {
    const { ctx, id } = await seeded();
    const swap = ctx.db.prepare('UPDATE custody_events SET seq = ? WHERE item_id = ? AND seq = ?');
    ctx.db.transaction(() => {
      swap.run(-1, id, 2);
      swap.run(2, id, 3);
      swap.run(3, id, -1);
    })();
    expect(kinds(await verify(ctx))).toEqual([
      ['reordered', 2, 'entry_moved'],
      ['reordered', 3, 'entry_moved'],
    ]);
  });

  it('catches a broken link: an entry re-hashed to hide an edit', async () => {
    const { ctx, id } = await seeded();
    const { entryHash } = await import('./custody');
    const row = ctx.db.prepare('SELECT * FROM custody_events WHERE item_id = ? AND seq = 2').get(id) as Parameters<typeof entryHash>[0];
    const forged = { ...row, actor: 'forger' };
    ctx.db.prepare('UPDATE custody_events SET actor = ?, entry_hash = ? WHERE item_id = ? AND seq = 2').run('forger', entryHash(forged), id);
    expect(kinds(await verify(ctx))).toEqual([['broken_link', 3, 'entry_unlinked']]);
  });

  it('can be cancelled', async () => {
    const { ctx } = await seeded();
    const jobs = new Jobs();
    const jobId = jobs.start('evidence.verify', (control) => verifyEvidence(ctx, null, control));
    expect(jobs.cancel(jobId).state).toBe('running');
    expect((await jobs.settled(jobId)).state).toBe('cancelled');
  });
});

describe('start-up sweep', () => {
  it('removes partial files, unclaimed uploads and files no item references', async () => {
    const { ctx, sha256 } = await seeded();
    await ctx.vault.receive(bytes('never imported'));
    fs.writeFileSync(`${ctx.vault.tmpDir}/0190-crash.part`, 'half');
    const orphan = ctx.vault.contentPath('ab'.repeat(32));
    fs.mkdirSync(orphan.slice(0, orphan.lastIndexOf('/')), { recursive: true });
    fs.writeFileSync(orphan, 'orphan');
    ctx.reopen();
    expect(fs.readdirSync(ctx.vault.tmpDir)).toEqual([]);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.existsSync(ctx.vault.contentPath(sha256))).toBe(true);
  });
});
