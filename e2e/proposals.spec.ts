import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from './support/api';
import { hostPerTest } from './support/host';
import { findingDoc } from './support/richtext';
import { setLanguage } from './support/ui';

/**
 * Proposal documents through the UI: the draft previewed exactly as it prints, gaps listed in
 * words, both measures issued, the PDF downloaded and read back with poppler as an official's
 * tools would, a copy saved to a folder (and refused for one that cannot be written to).
 */
const ARTEFACTS = path.join('test-results', 'proposals');

const env = hostPerTest();

test.beforeEach(() => {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
});

/** A file into the vault through the host's upload endpoint, then into the case as an exhibit. */
async function fileExhibit(caseId: string, name: string, content: string, title: string) {
  const token = new URL(env.host.url).searchParams.get('token') ?? '';
  const response = await fetch(`${env.host.origin}/api/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin: env.host.origin, 'x-casebench-filename': encodeURIComponent(name) },
    body: content,
  });
  const upload = ((await response.json()) as { value: { uploadId: string; sha256: string } }).value;
  const item = (await call(env.host, 'evidence.import', { caseId, uploads: [{ uploadId: upload.uploadId, originalName: name }] })).items[0]!;
  await call(env.host, 'evidence.update', { id: item.id, title, obtainedAt: '2021-03-22T10:00:00.000Z', sourceReliability: 'A', informationCredibility: 2 });
  return { id: item.id, exhibit: item.exhibit, sha256: upload.sha256 };
}

/** A case with one allegation and one subject (public facts: the 2021 Xinjiang listings), evidenced and found on. */
async function seedCase(options: { reasons: boolean }) {
  const kase = await call(env.host, 'cases.create', { title: '新疆ウイグル自治区における恣意的拘禁', country: 'CN', situation: 'Xinjiang', summary: '' });
  const allegation = await call(env.host, 'allegations.create', {
    caseId: kase.id,
    category: 'arbitrary_detention',
    period: { precision: 'range', from: '2017-04', to: '2019' },
    place: 'Xinjiang Uyghur Autonomous Region',
    narrative: 'Mass arbitrary detention in so-called vocational training centres.',
    victims: [{ pseudonym: 'W-01' }],
    status: 'substantiated',
  });
  const subject = await call(env.host, 'subjects.create', {
    caseId: kase.id,
    type: 'person',
    names: [
      { script: 'latn', value: 'Zhu Hailun', primary: true },
      { script: 'jpan_kanji', value: '朱海侖', primary: true },
    ],
    birthDates: [{ date: { precision: 'month', value: '1958-12' } }],
    nationalities: [{ country: 'CN' }],
  });
  await call(env.host, 'subjects.setRoles', { caseId: kase.id, subjectId: subject.id, roles: [{ allegationId: allegation.id, role: 'commander' }] });
  const regulation = await fileExhibit(kase.id, 'eu-2021-478.txt', 'Council Implementing Regulation (EU) 2021/478, Annex, entry 1.\n', 'Council Implementing Regulation (EU) 2021/478 — Annex');
  const ofac = await fileExhibit(kase.id, 'ofac-2020-07-09.txt', 'Treasury press release, 9 July 2020.\n', 'US Treasury press release, 9 July 2020');
  for (const e of [regulation, ofac]) await call(env.host, 'evidence.link', { itemId: e.id, target: { type: 'allegation', id: allegation.id }, stance: 'supporting' });
  const save = (target: { type: 'allegation' | 'subject'; id: string }, section: 'finding' | 'reasons', body: unknown) =>
    call(env.host, 'findings.save', { caseId: kase.id, target, section, outcome: section === 'finding' ? 'met' : null, body, revision: 0 });
  await save({ type: 'allegation', id: allegation.id }, 'finding', findingDoc('The detention is established by the regional regulations and official listings.', [regulation, ofac]));
  await save({ type: 'subject', id: subject.id }, 'finding', findingDoc('As Secretary of the Political and Legal Affairs Committee he directed the detention system.', [regulation]));
  if (options.reasons) await save({ type: 'subject', id: subject.id }, 'reasons', findingDoc('対象者は、自治区党委員会政法委員会書記として、恣意的拘禁を指揮した。', [regulation]));
  return { kase, allegation, subject, exhibits: [regulation, ofac] };
}

const pdfFonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);

test('an investigator previews a bilingual proposal as it prints, issues both measures, and downloads a PDF an official can read', async ({ page }) => {
  test.setTimeout(180_000);
  const { kase, exhibits } = await seedCase({ reasons: true });
  await page.goto(env.host.url);
  await setLanguage(page, 'en');
  const fontLoads: number[] = [];
  page.on('response', (response) => {
    if (/\/fonts\/noto-s(ans|erif)-jp-[\w-]+\.woff2$/.test(response.url())) fontLoads.push(response.status());
  });
  await page.goto(`${env.host.origin}/#/cases/${kase.id}/proposals`);

  // The draft, in the same HTML the PDF is printed from, in a sandboxed frame, with its fonts from the app.
  const preview = page.frameLocator('[data-testid=proposal-preview]');
  await expect(preview.getByRole('heading', { name: /資産凍結措置に関する提案書/ })).toBeVisible();
  await expect(preview.getByText('Proposal for an asset freeze', { exact: true })).toBeVisible();
  await expect(preview.getByText('DRAFT — not issued')).toBeVisible();
  await expect(page.getByTestId('proposal-ready')).toBeVisible();
  await expect(page.getByTestId('proposal-number')).toHaveText(`${kase.reference}-AF-01 · version 1 (draft)`);
  await expect.poll(() => fontLoads.length).toBeGreaterThan(0);
  expect(fontLoads.every((status) => status === 200)).toBe(true);
  await expect(page.getByTestId('proposal-preview')).toHaveAttribute('sandbox', 'allow-same-origin');

  // Both measures: two documents; the preview switches between them.
  await page.locator('label').filter({ hasText: /^Travel ban$/ }).click();
  await page.getByTestId('proposal-preview-measure').getByText('Travel ban').click();
  await expect(preview.getByRole('heading', { name: /入国禁止措置に関する提案書/ })).toBeVisible();
  await expect(page.getByTestId('proposal-issue')).toHaveText('Issue 2 documents');
  await expect(page.getByTestId('proposal-issue')).toBeEnabled();
  await page.screenshot({ path: path.join(ARTEFACTS, 'proposals-tab-en.png') });
  await page.getByTestId('proposal-issue').click();
  await expect(page.getByTestId('issued-document')).toHaveCount(2, { timeout: 90_000 });
  const issued = await call(env.host, 'documents.list', { caseId: kase.id });
  expect(issued.map((d) => [d.number, d.version, d.measure, d.language])).toEqual(
    expect.arrayContaining([
      [`${kase.reference}-AF-01`, 1, 'asset_freeze', 'bilingual'],
      [`${kase.reference}-TB-01`, 1, 'travel_ban', 'bilingual'],
    ]),
  );

  // The asset-freeze PDF, downloaded as a user would, read back with poppler.
  const assetFreeze = issued.find((d) => d.measure === 'asset_freeze')!;
  const card = page.locator(`[data-testid=issued-document][data-number="${assetFreeze.number}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('issued-download').click()]);
  expect(download.suggestedFilename()).toBe(`${assetFreeze.number}_v1_bilingual.pdf`);
  const file = path.join(ARTEFACTS, download.suggestedFilename());
  await download.saveAs(file);
  expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(assetFreeze.sha256);
  const pdfText = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  for (const words of ['資産凍結措置に関する提案書', 'Proposal for an asset freeze', '外国為替及び外国貿易法', 'Foreign Exchange and Foreign Trade Act', '朱海侖', 'Zhu Hailun', '恣意的拘禁を指揮した']) {
    expect(pdfText).toContain(words);
  }
  for (const e of exhibits) expect(pdfText).toContain(`SHA-256 ${e.sha256}`);
  for (let n = 1; n <= assetFreeze.pageCount; n++) expect(pdfText).toContain(`${n} / ${assetFreeze.pageCount}`);
  expect(pdfText.replace(/\s/g, '')).toContain(assetFreeze.sourceSha256);
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+NotoS(ans|erif)JP\S*\s+CID TrueType\s+Identity-H\s+yes/);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(ARTEFACTS, 'asset-freeze-page-1')]);
  expect(fs.statSync(path.join(ARTEFACTS, 'asset-freeze-page-1.png')).size).toBeGreaterThan(10_000);
  // Kept beside the README's pictures, regenerated on every run like them (e2e/screenshots.spec.ts).
  fs.mkdirSync('docs/screenshots', { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '3', '-singlefile', file, 'docs/screenshots/proposal-asset-freeze-page-3']);

  // A copy into a folder: one that cannot be written to is refused, saying so, and gets nothing.
  const notAFolder = path.join(env.workspace, 'casebench.sqlite');
  await card.getByTestId('issued-folder').fill(notAFolder);
  await card.getByTestId('issued-save').click();
  await expect(card.getByText('This folder cannot be written to, so nothing was saved there. Choose another folder.')).toBeVisible();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-export-'));
  try {
    await card.getByTestId('issued-folder').fill(folder);
    await card.getByTestId('issued-save').click();
    await expect(page.getByText(`Saved ${assetFreeze.fileName}.`)).toBeVisible();
    expect(fs.readdirSync(folder)).toEqual([assetFreeze.fileName]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  // The case history records each issue with the PDF's hash.
  const detail = await call(env.host, 'cases.get', { id: kase.id });
  expect(detail.history.filter((e) => e.kind === 'document_issued').map((e) => e.reason)).toEqual(
    expect.arrayContaining(issued.map((d) => `PDF SHA-256 ${d.sha256}`)),
  );
});

test('a proposal the case data cannot support lists what is missing, in Japanese, and cannot be issued', async ({ page }) => {
  const { kase, subject } = await seedCase({ reasons: false });
  await page.goto(env.host.url);
  await setLanguage(page, 'ja');
  await page.goto(`${env.host.origin}/#/cases/${kase.id}/proposals`);
  const problems = page.getByTestId('proposal-problems');
  await expect(problems).toContainText('S-1 Zhu Hailun の理由書がありません。「認定」タブで記入してください。');
  await expect(page.getByTestId('proposal-issue')).toBeDisabled();
  await page.screenshot({ path: path.join(ARTEFACTS, 'proposals-tab-ja-problems.png') });

  // Written elsewhere, the reasons reach the draft when the tab is shown again.
  await call(env.host, 'findings.save', {
    caseId: kase.id,
    target: { type: 'subject', id: subject.id },
    section: 'reasons',
    outcome: null,
    body: findingDoc('理由書。', []),
    revision: 0,
  });
  await page.reload();
  await expect(page.getByTestId('proposal-ready')).toBeVisible();
  await expect(page.getByTestId('proposal-issue')).toBeEnabled();
  expect(await call(env.host, 'documents.list', { caseId: kase.id })).toEqual([]);
});
