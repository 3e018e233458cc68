import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { createCaseVia, importFile, invoke } from '../test-support/workbench-import';
import { openWorkbench } from '../workbench';

/**
 * Text extraction on real documents, not hand-made byte strings: a PDF printed by Chromium (with
 * the Noto CJK fonts, so the Japanese is real embedded glyphs with a ToUnicode map) and a DOCX
 * written as Word writes one. Both go through the real import, and the evidence search must find
 * words from inside them, Japanese and English.
 */
const CHROMIUM = '/usr/bin/chromium';
const JA = '新疆の綿花工場における強制労働';
const EN = 'Zhenxiang quarterly shipment ledger';
const JA_DOCX = 'ラカイン州の拘禁施設の衛星写真';
const EN_DOCX = 'Sittwe detention compound imagery';

async function printPdf(file: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><html lang="ja"><meta charset="utf-8"><body style="font-family: 'Noto Sans CJK JP', sans-serif">
       <h1>調査報告書</h1><p>${JA}についての証言。</p><p>Exhibit: ${EN}, March 2026.</p></body></html>`,
    );
    fs.writeFileSync(file, await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}

/** The smallest DOCX Word and mammoth accept: content types, package relationships, the document. */
async function writeDocx(file: string): Promise<void> {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>
  <w:p><w:r><w:t>${JA_DOCX}に関するメモ。</w:t></w:r></w:p>
  <w:p><w:r><w:t xml:space="preserve">Attached: </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${EN_DOCX}</w:t></w:r></w:p>
</w:body></w:document>`,
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const skipReason = fs.existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} to print a PDF with`;

describe('text extraction from real documents', () => {
  it.skipIf(skipReason !== null)(
    'finds Japanese and English words inside a Chromium-printed PDF and a DOCX',
    async () => {
      const sources = tempDir('casebench-docs-');
      const pdf = path.join(sources, '調査報告書.pdf');
      const docx = path.join(sources, 'memo.docx');
      await Promise.all([printPdf(pdf), writeDocx(docx)]);

      const bench = openWorkbench({ workspaceDir: tempDir(), appVersion: 'test', actor: 'tester' });
      try {
        const caseId = await createCaseVia(bench);
        const fromPdf = await importFile(bench, caseId, pdf);
        const fromDocx = await importFile(bench, caseId, docx);
        expect(fromPdf.upload.mediaType).toBe('application/pdf');
        expect(fromDocx.upload.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        for (const { id } of [fromPdf, fromDocx]) {
          expect(await invoke(bench, 'evidence.get', { id }), id).toMatchObject({ extraction: { status: 'ok' } });
        }

        const found = async (search: string) =>
          (await invoke<{ items: { id: string }[] }>(bench, 'evidence.list', { caseId, search })).items.map((i) => i.id);
        // Whole phrases, and pieces from the middle of them (the FTS trigram index, not the title).
        for (const words of [JA, '綿花工場', '強制労働', EN, 'shipment ledger', 'zhenxiang']) expect(await found(words), words).toEqual([fromPdf.id]);
        for (const words of [JA_DOCX, '拘禁施設', 'Sittwe detention', 'compound imagery']) expect(await found(words), words).toEqual([fromDocx.id]);
        expect(await found('存在しない語句')).toEqual([]);

        // And from the one search box across the workspace.
        const { groups } = await invoke<{ groups: { kind: string; hits: { id: string }[] }[] }>(bench, 'search.query', {
          text: '綿花工場',
          kinds: ['evidence'],
          caseId: null,
          limit: 5,
        });
        expect(groups.find((g) => g.kind === 'evidence')?.hits.map((h) => h.id)).toEqual([fromPdf.id]);
      } finally {
        bench.close();
      }
    },
    60_000,
  );
});
