import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../services/case-service';
import type { EvidenceContext } from '../services/evidence-context';
import { importUploads } from '../services/evidence-service';
import { bytes } from '../test-support/evidence-context';
import { tempDir } from '../test-support/temp-dir';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import { extractAndStore } from './extract-text';
import { Jobs } from './jobs';
import { HEADER_BYTES, PLAIN_CHUNK, SEALED_CHUNK } from './sealed-file';
import { DOCX } from './extract-text';
import { HTML, JSON_TYPE, OCTET_STREAM, PLAIN_TEXT } from './sniff';
import { createEvidenceTransport } from './transport';
import { verifyEvidence } from './verify';

/** Evidence in an encrypted workspace's vault: sealed on disk, plaintext through the vault. */
const SECRETS = ['Kashgar camp guard roster', '強制労働の証言', 'witness W-17 home address'];

const opened: Workspace[] = [];
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});

function sealedContext(dir = tempDir(), key = randomBytes(32)) {
  const workspace = openWorkspace(dir, { key });
  opened.push(workspace);
  const ctx: EvidenceContext = { db: workspace.db, vault: workspace.vault, actor: 'tester', now: () => '2026-11-28T09:00:00.000Z' };
  const caseId = createCase(ctx, { title: 'Sealed case', country: null, situation: '', summary: '' }).id;
  return { ...ctx, dir, key, caseId, workspace };
}

async function importBytes(ctx: ReturnType<typeof sealedContext>, content: Buffer, name: string) {
  const upload = await ctx.vault.receive(bytes(content), { name });
  const item = importUploads(ctx, { caseId: ctx.caseId, uploads: [{ uploadId: upload.uploadId, originalName: name }] }).items[0]!;
  return { ...item, sha256: upload.sha256 };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function verify(ctx: EvidenceContext) {
  const jobs = new Jobs();
  const job = await jobs.settled(jobs.start('evidence.verify', (control) => verifyEvidence(ctx, null, control)));
  expect(job.state).toBe('done');
  return job.report!;
}

/** A PNG's signature and chunks (IHDR, one IDAT of this many bytes, IEND), as file-type walks them. */
function png(idatBytes: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from('00000010000000100806000000', 'hex'); // 16×16, 8-bit RGBA
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', randomBytes(idatBytes)), chunk('IEND', Buffer.alloc(0))]);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function collect(stream: AsyncIterable<Buffer> | null): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream ?? []) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('a sealed vault', () => {
  it('stores files encrypted under their plaintext SHA-256 and reads them back whole, in ranges, and as text', async () => {
    const ctx = sealedContext();
    expect(ctx.vault.sealed).toBe(true);
    const text = Buffer.from(SECRETS.join('\n').repeat(40));
    const large = Buffer.concat([randomBytes(3 * 1024 * 1024), Buffer.from(SECRETS.join(' ')), randomBytes(100_001)]);
    const small = await importBytes(ctx, text, 'statement.txt');
    const big = await importBytes(ctx, large, 'recording.bin');
    const empty = await importBytes(ctx, Buffer.alloc(0), 'empty.txt');
    expect(small.sha256).toBe(sha(text));
    expect(big.sha256).toBe(sha(large));
    expect(empty.sha256).toBe(sha(Buffer.alloc(0)));

    // Nothing in the vault (content store and tmp) holds the plaintext; uploads are gone once claimed.
    const stored = filesUnder(ctx.vault.root);
    expect(stored.filter((f) => path.relative(ctx.vault.tmpDir, f).split(path.sep)[0] !== '..')).toEqual([]);
    for (const file of stored) {
      const content = fs.readFileSync(file);
      for (const secret of SECRETS) expect(content.includes(Buffer.from(secret)), `${secret} in ${path.basename(file)}`).toBe(false);
    }
    expect(fs.statSync(ctx.vault.contentPath(big.sha256)).size).toBeGreaterThan(large.length);

    expect((await ctx.vault.readAll(big.sha256)).equals(large)).toBe(true);
    expect((await ctx.vault.readAll(empty.sha256)).length).toBe(0);
    expect(await ctx.vault.hash(big.sha256)).toBe(big.sha256);
    expect(ctx.vault.stat(big.sha256)?.size).toBe(large.length);

    // Preview and download through the transport, with Range requests across chunk boundaries.
    const transport = createEvidenceTransport(() => ({ vault: ctx.vault, db: ctx.db }));
    const whole = transport.file(big.sha256, 'GET', null);
    expect(whole.status).toBe(200);
    expect(whole.headers['Content-Length']).toBe(String(large.length));
    expect((await collect(whole.body)).equals(large)).toBe(true);
    const start = 2 * PLAIN_CHUNK - 5;
    const end = 5 * PLAIN_CHUNK + 9;
    const ranged = transport.file(big.sha256, 'GET', `bytes=${start}-${end}`);
    expect(ranged.status).toBe(206);
    expect(ranged.headers['Content-Range']).toBe(`bytes ${start}-${end}/${large.length}`);
    expect((await collect(ranged.body)).equals(large.subarray(start, end + 1))).toBe(true);
    const tail = transport.file(big.sha256, 'GET', 'bytes=-70000');
    expect((await collect(tail.body)).equals(large.subarray(large.length - 70000))).toBe(true);

    expect(await extractAndStore(ctx, small.id)).toEqual({ status: 'ok' });
    expect(ctx.db.prepare('SELECT text FROM evidence_text WHERE item_id = ?').pluck().get(small.id)).toContain('強制労働の証言');

    // Reopened with the same key (as after a lock): the same files, unchanged.
    ctx.workspace.close();
    const again = sealedContext(ctx.dir, ctx.key);
    expect((await again.vault.readAll(small.sha256)).equals(text)).toBe(true);
    expect((await verify(again)).clean).toBe(true);
  }, 60_000);

  it('verify names each damaged item (flipped byte, truncation, swapped chunks, dropped last chunk) and repairs nothing', async () => {
    const ctx = sealedContext();
    const items = [];
    for (let i = 0; i < 5; i++) items.push(await importBytes(ctx, randomBytes(3 * PLAIN_CHUNK + 500 + i), `file-${i}.bin`));
    const edit = (sha256: string, change: (b: Buffer) => Buffer) => {
      const file = ctx.vault.contentPath(sha256);
      fs.chmodSync(file, 0o600);
      fs.writeFileSync(file, change(fs.readFileSync(file)));
      return fs.readFileSync(file);
    };
    const chunk = (b: Buffer, i: number) => b.subarray(HEADER_BYTES + i * SEALED_CHUNK, HEADER_BYTES + (i + 1) * SEALED_CHUNK);
    const flipped = edit(items[0]!.sha256, (b) => {
      b[HEADER_BYTES + SEALED_CHUNK + 17]! ^= 4;
      return b;
    });
    edit(items[1]!.sha256, (b) => b.subarray(0, b.length - 100));
    edit(items[2]!.sha256, (b) => Buffer.concat([b.subarray(0, HEADER_BYTES), chunk(b, 1), chunk(b, 0), b.subarray(HEADER_BYTES + 2 * SEALED_CHUNK)]));
    edit(items[3]!.sha256, (b) => b.subarray(0, HEADER_BYTES + 3 * SEALED_CHUNK));

    const report = await verify(ctx);
    expect(report.clean).toBe(false);
    const byItem = (id: string) => report.problems.filter((p) => p.itemId === id);
    for (const damaged of items.slice(0, 4)) {
      const found = byItem(damaged.id);
      expect(found.some((p) => p.kind === 'changed_file' && /damaged/.test(p.message)), damaged.exhibit).toBe(true);
      expect(found[0]!.exhibit).toBe(damaged.exhibit);
    }
    expect(byItem(items[0]!.id)[0]).toMatchObject({ note: 'sealed_chunk_fails', values: { chunk: 2 }, message: 'The stored file is damaged: chunk 2 fails its authentication check.' });
    expect(byItem(items[3]!.id).map((p) => p.kind)).toContain('size_mismatch');
    expect(byItem(items[4]!.id)).toEqual([]);
    // Never repaired: the damaged file is left as it was found.
    expect(fs.readFileSync(ctx.vault.contentPath(items[0]!.sha256)).equals(flipped)).toBe(true);
    // The transport serves the damaged file's good chunks and ends the stream at the bad one.
    const transport = createEvidenceTransport(() => ({ vault: ctx.vault, db: ctx.db }));
    expect((await collect(transport.file(items[0]!.sha256, 'GET', 'bytes=0-99').body)).length).toBe(100);
    await expect(collect(transport.file(items[0]!.sha256, 'GET', null).body)).rejects.toThrow(/authentication/);
  }, 60_000);

  it('keeps no plaintext of a waiting upload, and sniffs its media type through the sealed bytes as a plain vault does', async () => {
    // A DOCX whose content types come after 200 KB of stored media: file-type must seek past the first chunks.
    const zip = new JSZip();
    zip.file('word/media/image1.bin', randomBytes(200_000), { compression: 'STORE' });
    zip.file('word/document.xml', `<w:document><w:body><w:p><w:r><w:t>${SECRETS[0]}</w:t></w:r></w:p></w:body></w:document>`);
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    const samples: [string, Buffer, string][] = [
      ['report.docx', await zip.generateAsync({ type: 'nodebuffer' }), DOCX],
      ['photo.png', png(70_000), 'image/png'],
      ['page.html', Buffer.from(`<!doctype html><html><body>${SECRETS[1]}</body></html>`), HTML],
      ['roster.json', Buffer.from(JSON.stringify({ roster: SECRETS, padding: 'x'.repeat(3 * PLAIN_CHUNK) })), JSON_TYPE],
      ['notes.txt', Buffer.from(`${SECRETS.join('\n')}\n`.repeat(5000)), PLAIN_TEXT],
      ['blob.bin', Buffer.concat([Buffer.alloc(1000, 0x80), Buffer.from(SECRETS[2]!)]), OCTET_STREAM],
      ['empty.txt', Buffer.alloc(0), OCTET_STREAM],
    ];
    const ctx = sealedContext();
    const plain = openWorkspace(tempDir());
    opened.push(plain);
    for (const [name, content, type] of samples) {
      const upload = await ctx.vault.receive(bytes(content), { name });
      expect(upload.mediaType, name).toBe(type);
      expect(upload.mediaType, name).toBe((await plain.vault.receive(bytes(content), { name })).mediaType);
      // Waiting to be claimed: only sealed bytes in tmp.
      for (const file of filesUnder(ctx.vault.tmpDir)) {
        const stored = fs.readFileSync(file);
        for (const secret of SECRETS) expect(stored.includes(Buffer.from(secret)), `${name}: ${secret} in ${path.basename(file)}`).toBe(false);
      }
      ctx.vault.discard(upload.uploadId);
    }
    expect(filesUnder(ctx.vault.tmpDir)).toEqual([]);

    // A list or bundle import asks for a plain file: decrypted then, removed with the upload.
    const list = Buffer.from(SECRETS.join('\n'));
    const held = await ctx.vault.receive(bytes(list), { name: 'list.csv' });
    const file = ctx.vault.heldFile(held.uploadId)!;
    expect(fs.readFileSync(file).equals(list)).toBe(true);
    expect(ctx.vault.heldFile(held.uploadId)).toBe(file);
    ctx.vault.discard(held.uploadId);
    expect(filesUnder(ctx.vault.tmpDir)).toEqual([]);

    // Claimed after a held copy was made: the evidence is the sealed file, the plain copy is gone.
    const both = await ctx.vault.receive(bytes(list), { name: 'statement.txt' });
    ctx.vault.heldFile(both.uploadId);
    ctx.vault.claim(both.uploadId);
    expect(filesUnder(ctx.vault.tmpDir)).toEqual([]);
    expect(fs.readFileSync(ctx.vault.contentPath(both.sha256)).includes(Buffer.from(SECRETS[0]!))).toBe(false);
    expect((await ctx.vault.readAll(both.sha256)).equals(list)).toBe(true);
  });

  it('a plain workspace keeps a plain vault; a sealed vault never opens without its key', async () => {
    const dir = tempDir();
    const plain = openWorkspace(dir);
    opened.push(plain);
    const upload = await plain.vault.receive(bytes(SECRETS[0]!));
    plain.vault.claim(upload.uploadId);
    expect(plain.vault.sealed).toBe(false);
    expect(fs.readFileSync(plain.vault.contentPath(upload.sha256), 'utf8')).toBe(SECRETS[0]);

    const sealed = sealedContext();
    sealed.workspace.close();
    expect(() => openWorkspace(sealed.dir)).toThrow();
  });
});
