import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from './support/api';
import { hostPerTest } from './support/host';

/**
 * A list file of 8 MiB or more is read in a worker thread (main/lists/entry-stream.ts), which the
 * built host loads from dist/main/list-reader.cjs: this is that path end to end, from the lists
 * page, with the real UN list made large and then broken.
 */
const UN_2020 = path.resolve('..', 'shared/fixtures/sanctions/un/un_consolidated_2020-03-20.xml');
const COPIES = 7;
const WORKER_MIN_BYTES = 8 * 2 ** 20;

const env = hostPerTest();
let files: string;
test.beforeEach(() => {
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-large-list-'));
});
test.afterEach(() => fs.rmSync(files, { recursive: true, force: true }));

/** The UN 2020 list with its records `copies` times over, each copy under new references. */
function largeUnList(name: string, copies = COPIES): { file: string; text: string } {
  const xml = fs.readFileSync(UN_2020, 'utf8');
  const start = xml.indexOf('<INDIVIDUALS>');
  const end = xml.lastIndexOf('</ENTITIES>') + '</ENTITIES>'.length;
  const records = Array.from({ length: copies }, (_, c) =>
    xml.slice(start, end).replace(/<REFERENCE_NUMBER>([^<]+)<\/REFERENCE_NUMBER>/g, `<REFERENCE_NUMBER>$1-${c}</REFERENCE_NUMBER>`),
  );
  const text = xml.slice(0, start) + records.join('') + xml.slice(end);
  const file = path.join(files, name);
  fs.writeFileSync(file, text);
  expect(fs.statSync(file).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
  return { file, text };
}

async function english(page: Page) {
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}\n${error.stack ?? ''}`));
  await call(env.host, 'settings.setLanguage', { language: 'en' });
  await page.goto(env.host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('a large list imports through the lists page, read in the worker; a large broken one is refused with its line, the list kept', async ({ page }) => {
  test.setTimeout(180_000);
  await english(page);
  await page.getByTestId('nav-lists').click();

  const { file, text } = largeUnList('consolidated.xml');
  await page.getByTestId('list-file-input').setInputFiles(file);
  const panel = page.getByTestId('list-import');
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 150_000 });
  const group = page.getByTestId('list-import-group');
  await expect(group).toHaveAttribute('data-state', 'done');
  await expect(group.getByTestId('list-import-summary')).toHaveText(new RegExp(`: ${(1014 * COPIES).toLocaleString('en')} entries, [\\d,]+ names imported, 0 records skipped\\.$`));
  const row = page.locator('[data-testid="list-row"][data-authority="UN"]');
  await expect(row.getByTestId('list-entries')).toHaveText((1014 * COPIES).toLocaleString('en'));

  // Broken near the end, after several batches were written: refused, naming the file and line.
  const at = text.indexOf('<FIRST_NAME>', Math.floor(text.length * 0.9));
  const line = text.slice(0, at).split('\n').length;
  const broken = path.join(files, 'consolidated (2).xml');
  fs.writeFileSync(broken, `${text.slice(0, at)}<FIRST_NAME>ALI</SECOND_NAME>${text.slice(at + '<FIRST_NAME>'.length)}`);
  await page.getByTestId('list-file-input').setInputFiles(broken);
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 150_000 });
  const error = page.getByTestId('list-import-error');
  await expect(error).toHaveAttribute('data-code', 'LIST_UNREADABLE');
  await expect(page.getByTestId('list-import-error-detail')).toContainText(`consolidated (2).xml: line ${line}, column `);
  await expect(page.getByTestId('list-import-error-detail')).toContainText(`: not well-formed XML: `);
  await expect(row.getByTestId('list-entries')).toHaveText((1014 * COPIES).toLocaleString('en'));
});

test('a large import stopped from the lists page while it writes leaves the list in use as it was', async ({ page }) => {
  test.setTimeout(180_000);
  await english(page);
  await page.getByTestId('nav-lists').click();
  await page.getByTestId('list-file-input').setInputFiles(UN_2020);
  const panel = page.getByTestId('list-import');
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
  const row = page.locator('[data-testid="list-row"][data-authority="UN"]');
  await expect(row.getByTestId('list-entries')).toHaveText('1,014');

  // 40 copies (61 MB, 40,560 entries): read in the worker for long enough to stop it midway.
  const { file } = largeUnList('consolidated (large).xml', 40);
  await page.getByTestId('list-file-input').setInputFiles(file);
  // How much of the file is read, as a bar and in words, and then (a few seconds in) the time left.
  const progress = page.getByTestId('list-import-progress');
  await expect(progress).toHaveText(/: \d{1,2}% read, \d{1,2},\d{3} entries stored so far/, { timeout: 120_000 });
  const read = Number(await progress.getAttribute('data-read'));
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThan(1);
  await expect(page.getByTestId('list-import-read')).toBeVisible();
  await expect(progress).toHaveText(/ · (about \d+ minutes|about a minute|less than a minute) left$/, { timeout: 60_000 });
  await page.screenshot({ path: path.join('test-results', 'lists-import-progress-en.png') });
  await page.getByTestId('list-import-cancel').click();
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  await expect(page.getByTestId('list-import-group')).toHaveAttribute('data-state', 'cancelled');
  await expect(panel).toContainText('Import stopped');
  await expect(panel).toContainText('Stopped. The list already in use was not changed.');
  await expect(row.getByTestId('list-entries')).toHaveText('1,014');
  await page.screenshot({ path: path.join('test-results', 'lists-import-stopped-en.png') });
  await page.getByTestId('language-switch').getByText('日本語').click();
  await expect(panel).toContainText('取込みを中止しました');
  await page.screenshot({ path: path.join('test-results', 'lists-import-stopped-ja.png') });
});
