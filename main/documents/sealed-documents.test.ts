import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { caseHistory } from '../services/case-history';
import type { EvidenceContext } from '../services/evidence-context';
import { tempDir } from '../test-support/temp-dir';
import { HEADER_BYTES } from '../vault/sealed-file';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import { downloadDocument, exportDocument, issueProposal, listDocuments, type DocumentDeps } from './document-service';
import { documentFonts } from './fonts/font-library';
import { playwrightPrinter } from './playwright-printer';
import { buildProposalCase } from './proposal-fixture';

/**
 * An issued proposal in an encrypted workspace (issue 7): the PDF and its HTML source are sealed in
 * the vault like evidence, and come back byte for byte, under the hash recorded when issued,
 * through the paths a user takes (download, export), also after the workspace is locked and opened again.
 */
const fonts = documentFonts();
const printer = playwrightPrinter({ fontFile: (url) => fonts.filePath(url) });
const deps: DocumentDeps = { fonts, printer, matrix: () => null, creator: 'Casebench test' };
afterAll(() => printer.close());

const opened: Workspace[] = [];
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});

/** An encrypted workspace as main opens it after an unlock: the database and the vault under one workspace key. */
function sealedContext(dir: string, key: Buffer): EvidenceContext {
  const workspace = openWorkspace(dir, { key: Buffer.from(key) });
  opened.push(workspace);
  return { db: workspace.db, vault: workspace.vault, actor: 'tester', now: () => '2026-11-27T09:00:00.000Z' };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Which needles occur, in UTF-8, in any file under `dir`. */
function plaintextUnder(dir: string, needles: string[]): string[] {
  const files = fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile());
  return files.flatMap((e) => {
    const bytes = fs.readFileSync(path.join(e.parentPath, e.name));
    return needles.filter((n) => bytes.includes(Buffer.from(n))).map((n) => `${path.relative(dir, path.join(e.parentPath, e.name))}: ${n}`);
  });
}

describe('an issued proposal in an encrypted workspace', () => {
  it('is sealed on disk and comes back byte-identical, under its recorded SHA-256, through download and export, also after a lock', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const ctx = sealedContext(dir, key);
    const pc = await buildProposalCase(ctx);
    const doc = await issueProposal(ctx, { caseId: pc.caseId, measure: 'asset_freeze', subjectIds: pc.subjects.map((s) => s.id), language: 'bilingual' }, deps);

    // What the PDF and its source hold in clear (read through the vault, which decrypts).
    const pdf = await ctx.vault.readAll(doc.sha256);
    const source = await ctx.vault.readAll(doc.sourceSha256);
    expect(sha256(pdf)).toBe(doc.sha256);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfNeedles = ['%PDF', '%%EOF', 'endstream'];
    const sourceNeedles = ['Zhu Hailun', '朱海侖', doc.number, '資産凍結措置に関する提案書'];
    for (const needle of pdfNeedles) expect(pdf.includes(Buffer.from(needle)), needle).toBe(true);
    for (const needle of sourceNeedles) expect(source.includes(Buffer.from(needle)), needle).toBe(true);

    // On disk: sealed files (header, then chunks a little larger than the plaintext), and none of it in clear anywhere in the workspace.
    const stored = fs.readFileSync(ctx.vault.contentPath(doc.sha256));
    expect(stored.subarray(0, 6).toString('latin1')).toBe('CBSEAL');
    expect(stored.length).toBeGreaterThan(pdf.length + HEADER_BYTES);
    expect(plaintextUnder(dir, [...pdfNeedles, ...sourceNeedles])).toEqual([]);

    // The recorded hash: the document's row and the case history's line.
    expect(listDocuments(ctx, pc.caseId).map((d) => d.sha256)).toEqual([doc.sha256]);
    expect(caseHistory(ctx, pc.caseId).find((e) => e.kind === 'document_issued')?.reason).toBe(`PDF SHA-256 ${doc.sha256}`);

    // Download (what the renderer saves) and export (a copy in a folder): the same bytes.
    const downloaded = Buffer.from((await downloadDocument(ctx, doc.id)).base64, 'base64');
    expect(downloaded.equals(pdf)).toBe(true);
    expect(sha256(downloaded)).toBe(doc.sha256);
    const folder = tempDir();
    const { fileName } = await exportDocument(ctx, { id: doc.id, folder }, {});
    const exported = fs.readFileSync(path.join(folder, fileName!));
    expect(exported.equals(pdf)).toBe(true);
    // A real PDF an official's tools read.
    expect(execFileSync('pdftotext', [path.join(folder, fileName!), '-'], { encoding: 'utf8' })).toContain('Proposal for an asset freeze');

    // Locked (closed, key forgotten) and opened again with the workspace key: the same bytes still.
    opened.splice(0).forEach((w) => w.close());
    const again = sealedContext(dir, key);
    const afterUnlock = Buffer.from((await downloadDocument(again, doc.id)).base64, 'base64');
    expect(afterUnlock.equals(pdf)).toBe(true);
    expect(listDocuments(again, pc.caseId)[0]?.sha256).toBe(sha256(afterUnlock));
  });

  it('never hands out a sealed PDF that has been changed on disk', async () => {
    const dir = tempDir();
    const ctx = sealedContext(dir, randomBytes(32));
    const pc = await buildProposalCase(ctx);
    const doc = await issueProposal(ctx, { caseId: pc.caseId, measure: 'travel_ban', subjectIds: [pc.subjects[0]!.id], language: 'ja' }, deps);
    const file = ctx.vault.contentPath(doc.sha256);
    const stored = fs.readFileSync(file);
    stored[HEADER_BYTES + 100] = stored[HEADER_BYTES + 100]! ^ 0x01; // one bit of the first chunk's ciphertext
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, stored);
    await expect(downloadDocument(ctx, doc.id)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Verify integrity/) });
    const folder = tempDir();
    await expect(exportDocument(ctx, { id: doc.id, folder }, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
