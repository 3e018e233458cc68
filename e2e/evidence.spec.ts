import { expect, test, type Browser, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { call } from './support/api';
import { hostPerTest } from './support/host';

const env = hostPerTest();

interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A case with two allegations, seeded through the API: this test is about evidence. */
async function seedCase() {
  const detail = await call(env.host, 'cases.create', {
    title: 'ミャンマー国軍による恣意的拘禁',
    country: 'MM',
    situation: 'Post-coup crackdown, 2021',
    summary: '',
  });
  const base = {
    period: { precision: 'year' as const, value: '2021' },
    narrative: '',
    victims: [],
    status: 'alleged' as const,
  };
  const a1 = await call(env.host, 'allegations.create', { ...base, caseId: detail.id, category: 'arbitrary_detention', place: 'Insein prison' });
  const a2 = await call(env.host, 'allegations.create', { ...base, caseId: detail.id, category: 'torture', place: 'Yangon' });
  return { caseId: detail.id, a1, a2 };
}

/** Real files made in the browser: a PDF with a distinctive word, a PNG screenshot, and eight more. */
async function makeFiles(browser: Browser): Promise<UploadFile[]> {
  const maker = await browser.newPage({ viewport: { width: 480, height: 320 } });
  await maker.setContent(
    '<html><body style="font-family:sans-serif;padding:24px"><h1>Witness statement W-01</h1>' +
      '<p>The distinctive word is <b>QUETZALCOATLUS</b>.</p><p>Detained on 3 March 2021 at Insein.</p></body></html>',
  );
  const pdf = await maker.pdf({ format: 'A5' });
  await maker.setContent(
    '<html><body style="margin:0;background:#24406b;color:white;font:28px sans-serif;display:flex;align-items:center;justify-content:center;height:100vh">Satellite image 2021-03-04</body></html>',
  );
  const png = await maker.screenshot();
  await maker.close();
  const text = Buffer.from('Interview notes, W-02.\n拘禁の状況について証言。\nSecond line.\n');
  return [
    { name: 'statement W-01.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'satellite.png', mimeType: 'image/png', buffer: png },
    { name: 'interview-notes.txt', mimeType: 'text/plain', buffer: text },
    {
      name: 'leaked-page.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<!doctype html><html><body><script>document.title="PWNED"</script><h1>Leaked order</h1></body></html>'),
    },
    {
      name: 'map.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="document.title=\'PWNED\'"><circle r="5"/></svg>'),
    },
    { name: 'detainees.csv', mimeType: 'text/csv', buffer: Buffer.from('pseudonym,date\nW-01,2021-03-03\nW-02,2021-03-04\n') },
    { name: 'metadata.json', mimeType: 'application/json', buffer: Buffer.from('{"camera":"unknown","taken":"2021-03-04"}') },
    { name: 'feed.xml', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?><feed><entry>Arrests</entry></feed>') },
    { name: 'blob.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 7, 8]) },
    // The same bytes as the notes, under another name: recognised as a duplicate, not imported twice.
    { name: 'notes (copy).txt', mimeType: 'text/plain', buffer: text },
  ];
}

async function openEvidence(page: Page, caseId: string) {
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}\n${error.stack ?? ''}`));
  await page.goto(`${env.host.url}#/cases/${caseId}/evidence`);
  await expect(page.getByTestId('evidence-dropzone')).toBeVisible();
}

const row = (page: Page, exhibit: string) => page.locator(`[data-testid="evidence-row"][data-exhibit="${exhibit}"]`);

async function openItem(page: Page, exhibit: string, tab: 'preview' | 'details' | 'links' | 'custody') {
  await row(page, exhibit).click();
  await expect(page.getByTestId('evidence-detail-exhibit')).toHaveText(exhibit);
  await page.getByTestId(`evidence-tab-${tab}`).click();
}

async function linkTo(page: Page, reference: string, stance: 'Supporting' | 'Contradicting') {
  await page.getByTestId('evidence-link-target').click();
  await page.getByRole('option', { name: new RegExp(`^${reference} `) }).click();
  await page.getByTestId('evidence-link-stance').getByText(stance, { exact: true }).click();
  await page.getByTestId('evidence-link-add').click();
  await expect(page.getByTestId('evidence-link-row').filter({ hasText: reference })).toHaveCount(1);
}

test('an investigator imports ten files, previews them safely, links, grades, verifies and sees corroboration', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { caseId } = await seedCase();
  await call(env.host, 'subjects.create', { caseId, type: 'person', names: [{ script: 'latn', value: 'Major Kyaw Zin' }] });
  await call(env.host, 'settings.setLanguage', { language: 'en' });
  const files = await makeFiles(browser);
  await openEvidence(page, caseId);
  await expect(page.getByText('No evidence yet')).toBeVisible();

  await page.getByTestId('evidence-file-input').setInputFiles(files);
  const progress = page.getByTestId('evidence-import-progress');
  await expect(progress).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  await expect(page.getByTestId('evidence-import-summary')).toHaveText(
    'Import finished: 9 imported, 1 already in the case, 0 failed.',
  );
  await expect(page.locator('[data-testid="evidence-import-result"][data-status="duplicate"]')).toContainText(
    'Identical to E-3, already in this case: not imported again.',
  );
  await expect(page.getByTestId('evidence-row')).toHaveCount(9);
  await expect(page.getByTestId('evidence-count')).toHaveText('9 items');

  // The PDF is drawn by pdf.js on a canvas, with page navigation; the canvas has ink on it.
  await openItem(page, 'E-1', 'preview');
  await expect(page.getByTestId('evidence-preview')).toHaveAttribute('data-preview', 'pdf');
  await expect(page.getByTestId('pdf-page')).toHaveText('Page 1 of 1');
  const canvas = page.getByTestId('pdf-canvas');
  await expect(canvas).toHaveAttribute('data-pages', '1');
  await expect
    .poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0) return 0;
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 0) dark++;
        return dark;
      }),
    )
    .toBeGreaterThan(200);
  await page.screenshot({ path: path.join('test-results', 'evidence-pdf-en.png') });

  // The image, by a relative vault URL.
  await openItem(page, 'E-2', 'preview');
  const image = page.getByTestId('evidence-preview').locator('img');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  expect(await image.getAttribute('src')).toMatch(/^\/vault\/[0-9a-f]{64}$/);

  // Text is fetched and shown as text.
  await openItem(page, 'E-3', 'preview');
  await expect(page.getByTestId('preview-text')).toContainText('拘禁の状況について証言。');

  // HTML, SVG and XML are shown as their source, never rendered: the script text is visible, not run.
  for (const [exhibit, source] of [
    ['E-4', '<script>document.title="PWNED"</script>'],
    ['E-5', 'onload="document.title'],
    ['E-8', '<feed><entry>Arrests</entry></feed>'],
  ] as const) {
    await openItem(page, exhibit, 'preview');
    await expect(page.getByTestId('evidence-preview')).toHaveAttribute('data-preview', 'source');
    await expect(page.getByTestId('preview-source-notice')).toBeVisible();
    await expect(page.getByTestId('preview-text')).toContainText(source);
  }
  await expect(page.getByTestId('evidence-preview').locator('script, svg[onload], iframe, object')).toHaveCount(0);
  expect(await page.title()).toBe('Casebench');

  // Unknown bytes: metadata only.
  await openItem(page, 'E-9', 'preview');
  await expect(page.getByTestId('evidence-preview')).toHaveAttribute('data-preview', 'none');

  // Details: facts as received, and metadata saved with a reason into the custody log.
  await openItem(page, 'E-1', 'details');
  const pdfHash = createHash('sha256').update(files[0]!.buffer).digest('hex');
  await expect(page.getByTestId('evidence-sha256')).toHaveText(pdfHash);
  await expect(page.getByTestId('evidence-facts')).toContainText('statement W-01.pdf');
  await expect(page.getByTestId('evidence-facts')).toContainText('application/pdf');
  await page.getByTestId('evidence-title-input').fill('');
  await page.getByTestId('evidence-save').click();
  await expect(page.getByTestId('evidence-title-input')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('evidence-title-input').fill('Statement of W-01 on the Insein detention');
  await page.getByTestId('evidence-obtained-at').fill('2021-03-05 09:30');
  await expect(page.getByTestId('evidence-form')).toContainText('Local time:');
  await page.getByTestId('evidence-source').fill('Witness W-01');
  await page.getByTestId('evidence-reliability').click();
  await page.getByRole('option', { name: 'B — Usually reliable' }).click();
  await page.getByTestId('evidence-credibility').click();
  await page.getByRole('option', { name: '2 — Probably true' }).click();
  await page.getByTestId('evidence-reason').fill('Graded after the second interview');
  await page.getByTestId('evidence-save').click();
  await expect(row(page, 'E-1')).toContainText('Statement of W-01 on the Insein detention');
  await expect(row(page, 'E-1')).toContainText('B2');

  const items = await call(env.host, 'evidence.list', { caseId });
  const byExhibit = new Map(items.items.map((item) => [item.exhibit, item]));
  await call(env.host, 'evidence.update', { id: byExhibit.get('E-2')!.id, source: 'Commercial satellite provider' });
  await call(env.host, 'evidence.update', { id: byExhibit.get('E-3')!.id, source: 'Witness W-02' });

  // Links: two supporting A-1 from different sources, one contradicting it.
  await openItem(page, 'E-1', 'links');
  await linkTo(page, 'A-1', 'Supporting');
  await openItem(page, 'E-2', 'links');
  await linkTo(page, 'A-1', 'Supporting');
  await linkTo(page, 'A-2', 'Supporting');
  await openItem(page, 'E-3', 'links');
  await linkTo(page, 'A-1', 'Contradicting');
  await expect(page.getByTestId('evidence-link-row').filter({ hasText: 'A-1' }).locator('[data-stance="contradicting"]')).toBeVisible();
  await expect(row(page, 'E-3').locator('[data-stance="contradicting"]')).toHaveText('−1');
  await expect(row(page, 'E-2').locator('[data-stance="supporting"]')).toHaveText('+2');
  // A link made by mistake is removed again, and the removal is in the log.
  await linkTo(page, 'A-2', 'Supporting');
  await page.getByTestId('evidence-link-row').filter({ hasText: 'A-2' }).getByTestId('evidence-link-remove').click();
  await expect(page.getByTestId('evidence-link-row')).toHaveCount(1);

  // The picker offers the case's subjects too: E-3 contradicts what is said of a subject, with a note.
  await page.getByTestId('evidence-link-target').click();
  await expect(page.getByRole('option', { name: /^A-1 / })).toBeVisible();
  await page.getByRole('option', { name: 'S-1 · Major Kyaw Zin' }).click();
  await page.getByTestId('evidence-link-stance').getByText('Contradicting', { exact: true }).click();
  await page.getByTestId('evidence-link-note').fill('Was on leave in Mandalay that week');
  await page.getByTestId('evidence-link-add').click();
  const subjectLink = page.locator('[data-testid="evidence-link-row"][data-target-type="subject"]');
  await expect(subjectLink).toContainText('S-1');
  await expect(subjectLink).toContainText('Major Kyaw Zin');
  await expect(subjectLink).toContainText('Was on leave in Mandalay that week');
  await expect(subjectLink).toHaveAttribute('data-stance', 'contradicting');
  // The table counts links to subjects as well as to allegations.
  await expect(row(page, 'E-3').locator('[data-stance="contradicting"]')).toHaveText('−2');
  const e3 = (await call(env.host, 'evidence.list', { caseId })).items.find((item) => item.exhibit === 'E-3')!;
  expect(e3.linkCounts).toEqual({ supporting: 0, contradicting: 2 });

  // The chain of custody of E-1: imported, changed (with the reason), linked.
  await openItem(page, 'E-1', 'custody');
  const log = page.getByTestId('custody-row');
  await expect(log.first()).toHaveAttribute('data-kind', 'imported');
  await expect(page.locator('[data-testid="custody-row"][data-kind="metadata_changed"]')).toContainText(
    'Graded after the second interview',
  );
  await expect(page.locator('[data-testid="custody-row"][data-kind="linked"]')).toHaveCount(1);
  await expect(log.first().locator(`[title="${pdfHash}"]`).first()).toBeVisible();

  // Testimony without a file.
  await page.getByTestId('testimony-add').click();
  await page.getByTestId('testimony-submit').click();
  await expect(page.getByTestId('testimony-form').getByTestId('evidence-title-input')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('testimony-form').getByTestId('evidence-title-input').fill('Testimony of W-03 (interview, Mae Sot)');
  await page.getByTestId('testimony-form').getByTestId('evidence-description-input').fill('W-03 describes the interrogation.');
  await page.getByTestId('testimony-submit').click();
  await expect(row(page, 'E-10')).toContainText('Testimony of W-03');
  await expect(page.getByTestId('evidence-detail-exhibit')).toHaveText('E-10');

  // The filter narrows the table.
  await page.getByTestId('evidence-filter').fill('satellite');
  await expect(page.getByTestId('evidence-row')).toHaveCount(1);
  await page.getByTestId('evidence-filter').fill('');
  await expect(page.getByTestId('evidence-row')).toHaveCount(10);

  // A word inside the PDF finds it, in the evidence filter and in the workspace search.
  await page.getByTestId('evidence-filter').fill('quetzalcoatlus');
  await expect(page.getByTestId('evidence-row')).toHaveCount(1);
  await expect(page.getByTestId('evidence-row').first()).toHaveAttribute('data-exhibit', 'E-1');
  await page.getByTestId('evidence-filter').fill('');
  await page.getByTestId('global-search').fill('QUETZALCOATLUS');
  await page.getByTestId('global-search').press('Enter');
  const hit = page.getByTestId('search-hit').and(page.locator('[data-kind="evidence"]'));
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText(/quetzalcoatlus/i);
  // The snippet comes from the text the search index reads from evidence_text (migration 016).
  await page.screenshot({ path: path.join('test-results', 'evidence-search-en.png') });
  await page.goBack();
  await expect(page.getByTestId('evidence-row')).toHaveCount(10);

  // Screenshots for people: the table with an open PDF preview, in both languages.
  await openItem(page, 'E-1', 'preview');
  await expect(page.getByTestId('pdf-page')).toHaveText('Page 1 of 1');
  await page.screenshot({ path: path.join('test-results', 'evidence-en.png') });
  await page.getByTestId('language-switch').getByText('日本語').click();
  await expect(page.getByTestId('pdf-page')).toHaveText('1 / 1 ページ');
  await page.screenshot({ path: path.join('test-results', 'evidence-ja.png') });
  await openItem(page, 'E-1', 'custody');
  await page.screenshot({ path: path.join('test-results', 'evidence-custody-ja.png') });
  await page.getByTestId('language-switch').getByText('English').click();
  await openItem(page, 'E-1', 'details');
  await page.screenshot({ path: path.join('test-results', 'evidence-details-en.png') });

  // Integrity: clean first.
  await page.getByTestId('evidence-verify').click();
  const report = page.getByTestId('evidence-verify-report');
  await expect(report).toHaveAttribute('data-clean', 'true', { timeout: 30_000 });
  await expect(report).toContainText('No problems found');
  await page.getByTestId('evidence-verify-close').click();

  // Corroboration of A-1, from the Allegations tab.
  await page.getByTestId('tab-allegations').click();
  await page.locator('[data-testid="allegation-row"][data-reference="A-1"]').getByTestId('allegation-corroboration').click();
  const panel = page.getByTestId('corroboration-panel');
  await expect(panel.getByTestId('corroboration-supporting-count')).toHaveText('2');
  await expect(panel.getByTestId('corroboration-sources-count')).toHaveText('2');
  await expect(panel.getByTestId('corroboration-contradicting-count')).toHaveText('1');
  await expect(panel.getByTestId('corroboration-contradicting')).toContainText('E-3');
  await page.screenshot({ path: path.join('test-results', 'evidence-corroboration-en.png') });
});

test('verification reports a changed and a missing file exactly, and repairs nothing', async ({ page }) => {
  const { caseId } = await seedCase();
  await call(env.host, 'settings.setLanguage', { language: 'en' });
  await openEvidence(page, caseId);
  const a = Buffer.from('Original statement A\n');
  const b = Buffer.from('Original statement B\n');
  await page.getByTestId('evidence-file-input').setInputFiles([
    { name: 'a.txt', mimeType: 'text/plain', buffer: a },
    { name: 'b.txt', mimeType: 'text/plain', buffer: b },
  ]);
  await expect(page.getByTestId('evidence-row')).toHaveCount(2);

  const stored = (bytes: Buffer) => {
    const sha = createHash('sha256').update(bytes).digest('hex');
    return { sha, file: path.join(env.workspace, 'vault', 'sha256', sha.slice(0, 2), sha.slice(2, 4), sha) };
  };
  const changed = stored(a);
  fs.chmodSync(changed.file, 0o600);
  fs.writeFileSync(changed.file, 'Tampered statement A\n');
  const actual = createHash('sha256').update('Tampered statement A\n').digest('hex');
  const missing = stored(b);
  fs.chmodSync(missing.file, 0o600);
  fs.rmSync(missing.file);

  await page.getByTestId('evidence-verify').click();
  const report = page.getByTestId('evidence-verify-report');
  await expect(report).toHaveAttribute('data-clean', 'false', { timeout: 30_000 });
  await expect(report).toContainText('Casebench has not repaired or changed anything.');
  const changedRow = page.locator('[data-testid="evidence-verify-problem"][data-kind="changed_file"]');
  await expect(changedRow).toContainText('E-1');
  await expect(changedRow).toContainText(changed.sha);
  await expect(changedRow).toContainText(actual);
  await expect(changedRow.getByTestId('evidence-verify-note')).toHaveText('The stored file no longer matches its SHA-256: it was changed.');
  const missingRow = page.locator('[data-testid="evidence-verify-problem"][data-kind="missing_file"]');
  await expect(missingRow).toContainText('E-2');
  await page.screenshot({ path: path.join('test-results', 'evidence-verify-problems-en.png') });
  // In Japanese, what is wrong is said in Japanese too (verified again: nothing was repaired in between).
  await page.getByTestId('evidence-verify-close').click();
  await page.getByTestId('language-switch').getByText('日本語').click();
  await page.getByTestId('evidence-verify').click();
  await expect(report).toHaveAttribute('data-clean', 'false', { timeout: 30_000 });
  await expect(changedRow.getByTestId('evidence-verify-note')).toHaveText('保管されたファイルが SHA-256 と一致しません。変更されています。');
  await expect(missingRow.getByTestId('evidence-verify-note')).toHaveText('保管されたファイルが保管庫にありません。');
  await page.screenshot({ path: path.join('test-results', 'evidence-verify-problems-ja.png') });
  await page.getByTestId('evidence-verify-close').click();
  await page.getByTestId('language-switch').getByText('English').click();
  // Nothing was put back.
  expect(fs.readFileSync(changed.file, 'utf8')).toBe('Tampered statement A\n');
  expect(fs.existsSync(missing.file)).toBe(false);
});

test('a file the vault cannot take fails alone: the others of its batch are imported, and the summary says so', async ({ page }) => {
  const { caseId } = await seedCase();
  await call(env.host, 'settings.setLanguage', { language: 'en' });
  await openEvidence(page, caseId);
  // The second file's waiting copy disappears after its upload, before the import moves it into the vault.
  await page.route('**/api/invoke', async (route) => {
    const body = route.request().postDataJSON() as { channel: string; input: { uploads?: { uploadId: string; originalName: string }[] } };
    const lost = body.channel === 'evidence.import' ? body.input.uploads?.find((u) => u.originalName === 'page-2.txt') : undefined;
    if (lost) {
      const tmp = path.join(env.workspace, 'vault', 'tmp');
      for (const name of fs.readdirSync(tmp).filter((n) => n.startsWith(lost.uploadId))) fs.rmSync(path.join(tmp, name));
    }
    await route.continue();
  });
  const files = [1, 2, 3].map((i) => ({ name: `page-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Scanned page ${i}\n`) }));
  await page.getByTestId('evidence-file-input').setInputFiles(files);
  await expect(page.getByTestId('evidence-import-progress')).toHaveAttribute('data-running', 'false', { timeout: 15_000 });
  await expect(page.getByTestId('evidence-import-summary')).toHaveText('Import finished: 2 imported, 0 already in the case, 1 failed.');
  const failed = page.locator('[data-testid="evidence-import-result"][data-status="failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('page-2.txt');
  // Why, in words the investigator can act on (not "something went wrong inside Casebench").
  await expect(failed).toContainText('its temporary copy was removed');
  await expect(page.getByTestId('evidence-row')).toHaveCount(2);
  await page.getByTestId('evidence-import-progress').screenshot({ path: 'test-results/evidence/import-one-failed-en.png' });
  const listed = await call(env.host, 'evidence.list', { caseId });
  expect(listed.items.map((i) => i.originalName).sort()).toEqual(['page-1.txt', 'page-3.txt']);
});

test('cancelling an import keeps what was imported and says what was not', async ({ page }) => {
  const { caseId } = await seedCase();
  await call(env.host, 'settings.setLanguage', { language: 'en' });
  await openEvidence(page, caseId);
  // Slow each upload down, so there is time to cancel part-way.
  await page.route('**/api/upload', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  const files = Array.from({ length: 20 }, (_, i) => ({
    name: `scan-${String(i + 1).padStart(2, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Scanned page ${i + 1}\n`),
  }));
  await page.getByTestId('evidence-file-input').setInputFiles(files);
  await expect(page.getByTestId('evidence-import-progress')).toHaveAttribute('data-running', 'true');
  await expect(page.getByTestId('evidence-row').first()).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('evidence-import-cancel').click();
  await expect(page.getByTestId('evidence-import-progress')).toHaveAttribute('data-running', 'false');
  const summary = (await page.getByTestId('evidence-import-summary').textContent()) ?? '';
  const match = /Import cancelled: (\d+) imported, 0 already in the case, 0 failed, (\d+) not imported\./.exec(summary);
  expect(match, summary).not.toBeNull();
  const imported = Number(match![1]);
  expect(imported).toBeGreaterThan(0);
  expect(imported + Number(match![2])).toBe(20);
  expect(Number(match![2])).toBeGreaterThan(0);
  await expect(page.getByTestId('evidence-row')).toHaveCount(imported);
  await expect(page.getByTestId('evidence-import-progress')).toContainText('stay in the case');
  const listed = await call(env.host, 'evidence.list', { caseId });
  expect(listed.total).toBe(imported);
});
