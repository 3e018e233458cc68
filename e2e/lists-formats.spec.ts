import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from './support/api';
import { startHost, tempWorkspace, type RunningHost } from './support/host';

/** The test files of the two newest formats (main/lists/testdata/SOURCES.md: real records, our files). */
const TESTDATA = path.resolve('main/lists/testdata');
const UK_CSV = path.join(TESTDATA, 'uk-sanctions-list_2026-08-14_from-xml-excerpt.csv');
const OFAC_ADVANCED = path.join(TESTDATA, 'sdn_advanced_burma-xinjiang_2021-07.xml');

let workspace: string;
let host: RunningHost;
let files: string;

test.beforeEach(async () => {
  workspace = tempWorkspace();
  host = await startHost(workspace);
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-formats-'));
});

test.afterEach(async () => {
  await host.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(files, { recursive: true, force: true });
});

function copy(source: string, name: string): string {
  const target = path.join(files, name);
  fs.copyFileSync(source, target);
  return target;
}

async function english(page: Page) {
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}\n${error.stack ?? ''}`));
  await call(host, 'settings.setLanguage', { language: 'en' });
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

const listRow = (page: Page, authority: string) => page.locator(`[data-testid="list-row"][data-authority="${authority}"]`);

test('the UK Sanctions List CSV and OFAC advanced XML import through the lists page, each under its format', async ({ page }) => {
  test.setTimeout(120_000);
  await english(page);
  await page.getByTestId('nav-lists').click();
  await page.getByTestId('list-file-input').setInputFiles([copy(UK_CSV, 'UK-Sanctions-List.csv'), copy(OFAC_ADVANCED, 'sdn_advanced.xml')]);
  const panel = page.getByTestId('list-import');
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
  const groups = page.getByTestId('list-import-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toHaveAttribute('data-state', 'done');
  await expect(groups.nth(0).getByTestId('list-import-summary')).toHaveText(/: 3 entries, 13 names imported, 0 records skipped\.$/);
  await expect(groups.nth(1)).toHaveAttribute('data-state', 'done');
  await expect(groups.nth(1).getByTestId('list-import-summary')).toHaveText(/: 5 entries, \d+ names imported, 0 records skipped\.$/);

  await expect(listRow(page, 'UK')).toContainText('UK Sanctions List (CSV)');
  await expect(listRow(page, 'UK').getByTestId('list-date')).toHaveText('14 Aug 2026');
  await expect(listRow(page, 'US')).toContainText('OFAC SDN advanced XML');
  await expect(listRow(page, 'US').getByTestId('list-entries')).toHaveText('5');
});
