import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueProposal, type DocumentDeps } from '../../main/documents/document-service';
import { documentFonts } from '../../main/documents/fonts/font-library';
import { playwrightPrinter } from '../../main/documents/playwright-printer';
import { buildProposalCase } from '../../main/documents/proposal-fixture';
import { openWorkspace } from '../../main/workspace/open-workspace';
import { report, sample } from './stats';

/**
 * Producing a proposal: a bilingual asset-freeze proposal for two subjects with 200 exhibits, about
 * 30 A4 pages (CASEBENCH_BENCH_DOCUMENT_PARAGRAPHS sets the findings' length), issued end to end —
 * gathered from the case data, laid out, printed twice (the first printing finds the table of
 * contents' pages), metadata set, stored in the vault. Against the floor of the same run: the same
 * Chromium printing a blank page. Chromium is started before either is timed.
 */
export async function benchDocuments(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-bench-documents-'));
  const workspace = openWorkspace(dir);
  // The fonts as the build ships them (npm run bench builds first).
  const built = path.resolve('dist', 'renderer', 'fonts');
  const fonts = documentFonts(fs.existsSync(built) ? built : undefined);
  const printer = playwrightPrinter({ fontFile: (url) => fonts.filePath(url) });
  try {
    const ctx = { db: workspace.db, vault: workspace.vault, actor: 'Benchmark', now: () => new Date().toISOString() };
    const paragraphs = Number(process.env.CASEBENCH_BENCH_DOCUMENT_PARAGRAPHS ?? 52);
    const pc = await buildProposalCase(ctx, { exhibits: 200, paragraphs });
    const deps: DocumentDeps = { fonts, printer, matrix: () => null, creator: 'Casebench bench' };
    const request = { caseId: pc.caseId, measure: 'asset_freeze' as const, subjectIds: pc.subjects.map((s) => s.id), language: 'bilingual' as const };

    const blank = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>';
    await printer.printToPdf(blank, { outline: false }); // starts Chromium
    const first = await issueProposal(ctx, request, deps); // and warms the font cache
    const baseline = await sample(5, () => printer.printToPdf(blank, { outline: false }));
    const samples = await sample(5, () => issueProposal(ctx, request, deps));
    console.log(
      `\n${report({
        name: `documents: issue a bilingual proposal, 2 subjects, ${pc.exhibits.length} exhibits, ${first.pageCount} A4 pages (${(first.size / 1e6).toFixed(2)} MB PDF)`,
        samples,
        baseline,
        baselineName: 'the same Chromium printing a blank page',
        goalMs: 3000,
      })}`,
    );
  } finally {
    await printer.close();
    workspace.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
