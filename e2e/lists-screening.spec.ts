import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from './support/api';
import { startHost, tempWorkspace, type RunningHost } from './support/host';

const FIXTURES = path.resolve('../shared/fixtures/sanctions');
const OFAC_SET = ['sdn.csv', 'alt.csv', 'add.csv'].map((f) => path.join(FIXTURES, 'us-ofac-sdn/excerpt-burma-xinjiang-2021-07', f));
const JP_MOF = path.join(FIXTURES, 'jp-mof/shisantouketsu20260305.xlsx');
const UN = path.join(FIXTURES, 'un/un_consolidated_2026-02-27_excerpt.xml');

let workspace: string;
let host: RunningHost;
let files: string;

test.beforeEach(async () => {
  workspace = tempWorkspace();
  host = await startHost(workspace);
  // The fixtures are read-only and shared: the browser is given copies.
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-lists-'));
});

test.afterEach(async () => {
  await host.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(files, { recursive: true, force: true });
});

function copy(source: string, name = path.basename(source)): string {
  const target = path.join(files, name);
  fs.copyFileSync(source, target);
  fs.chmodSync(target, 0o644);
  return target;
}

async function english(page: Page) {
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}\n${error.stack ?? ''}`));
  await call(host, 'settings.setLanguage', { language: 'en' });
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

const listRow = (page: Page, authority: string) => page.locator(`[data-testid="list-row"][data-authority="${authority}"]`);

test('an investigator imports the OFAC and Japanese lists, a bad file is refused, screens a case, confirms a match and sees the gap', async ({ page }) => {
  test.setTimeout(180_000);
  await english(page);

  // --- Lists: OFAC's CSV set (three files read as one list), Japan's workbook and the UN list, in one pick.
  await page.getByTestId('nav-lists').click();
  await expect(page.getByText('No sanctions list imported yet')).toBeVisible();
  await page.getByTestId('list-file-input').setInputFiles([...OFAC_SET.map((f) => copy(f)), copy(JP_MOF), copy(UN)]);
  const panel = page.getByTestId('list-import');
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 120_000 });
  const groups = page.getByTestId('list-import-group');
  await expect(groups).toHaveCount(3);
  await expect(groups.nth(0)).toHaveAttribute('data-state', 'done');
  await expect(groups.nth(0)).toContainText('sdn.csv + alt.csv + add.csv');
  await expect(groups.nth(0).getByTestId('list-import-summary')).toHaveText(/: 56 entries, \d+ names imported, 0 records skipped\.$/);
  await expect(groups.nth(0).getByTestId('list-import-replaced')).toHaveText('First version of this list in the workspace.');
  // Japan's workbook: its deleted (削除) rows are no longer designations, counted apart; the one row without a name is skipped, with where and why.
  await expect(groups.nth(1)).toHaveAttribute('data-state', 'done');
  await expect(groups.nth(1).getByTestId('list-import-summary')).toHaveText(/: 2,862 entries, [\d,]+ names imported, 1 record skipped\.$/);
  await expect(groups.nth(1).getByTestId('list-import-removed')).toHaveText('598 entries the list marks as removed (no longer designated) were not read.');
  await expect(groups.nth(1).getByTestId('list-import-skipped-row')).toHaveCount(1);
  const skippedRow = groups.nth(1).getByTestId('list-import-skipped-row');
  await expect(skippedRow.locator('td')).toHaveText(['sheet 2.タリバーン関係者等, row 276, 告示番号 274', 'no name']);
  // In Japanese, where and why are Japanese too, and so are the warnings (two entries written over several rows).
  await page.getByTestId('language-switch').getByText('日本語').click();
  await expect(skippedRow.locator('td')).toHaveText(['シート「2.タリバーン関係者等」、276 行目、告示番号 274', '名前がない']);
  await expect(groups.nth(1).getByTestId('list-import-warnings')).toContainText('シート「7.イラク前政権関係者等 (Ⅲ)」、3 行目、告示番号 197: 3, 4, 5 行目にわたる一件の記載を、一件として読んだ');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(skippedRow.locator('td')).toHaveText(['sheet 2.タリバーン関係者等, row 276, 告示番号 274', 'no name']);
  await expect(groups.nth(2)).toHaveAttribute('data-state', 'done');
  await expect(groups.nth(2).getByTestId('list-import-date')).toHaveText('Date of this version of the list: 27 Feb 2026');
  await expect(page.getByTestId('list-row')).toHaveCount(3);
  await expect(listRow(page, 'US').getByTestId('list-entries')).toHaveText('56');
  await expect(listRow(page, 'UN').getByTestId('list-date')).toHaveText('27 Feb 2026');
  await expect(listRow(page, 'JP')).toContainText('shisantouketsu20260305.xlsx');
  await expect(listRow(page, 'JP').getByTestId('list-removed')).toHaveText('598 removed');
  await expect(listRow(page, 'US').getByTestId('list-removed')).toHaveCount(0);

  // --- A bad file: an HTML error page saved under a list's name. Refused with a message that names it; the lists stay.
  const html = path.join(files, 'consolidated.xml');
  fs.writeFileSync(html, '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n');
  await page.getByTestId('list-file-input').setInputFiles(html);
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  const error = page.getByTestId('list-import-error');
  await expect(error).toHaveAttribute('data-code', 'LIST_UNREADABLE');
  await expect(error).toContainText('This file cannot be read as a sanctions list. The list already imported is unchanged.');
  await expect(error.getByTestId('list-import-error-detail')).toHaveText(
    'Details: consolidated.xml: line 1: this is an HTML page (an error page saved instead of the list?), not a sanctions list file',
  );
  await expect(error).not.toContainText('/tmp');
  await page.getByTestId('language-switch').getByText('日本語').click();
  await expect(error.getByTestId('list-import-error-detail')).toHaveText(
    '詳細: consolidated.xml: 1 行目: これは HTML ページです（リストの代わりにエラーページが保存された？）。制裁リストのファイルではありません',
  );
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('list-row')).toHaveCount(3);
  await expect(listRow(page, 'US').getByTestId('list-entries')).toHaveText('56');

  // The same OFAC set again: the report says which version it replaced.
  await page.getByTestId('list-file-input').setInputFiles(OFAC_SET.map((f) => path.join(files, path.basename(f))));
  await expect(panel).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
  await expect(page.getByTestId('list-import-replaced')).toHaveText(/^Replaces the previous version \(56 entries, imported .+\)\.$/);
  await page.getByTestId('list-import-dismiss').click();
  await expect(panel).toBeHidden();
  // The import report is kept with the list: its skipped count opens it, with where and why.
  await listRow(page, 'JP').getByTestId('list-skipped').click();
  const kept = page.getByRole('dialog');
  await expect(kept).toContainText('Import report: 資産凍結等の措置の対象者 (MOF)');
  await expect(kept.getByTestId('list-import-skipped-row').locator('td')).toHaveText(['sheet 2.タリバーン関係者等, row 276, 告示番号 274', 'no name']);
  await expect(kept.getByTestId('list-import-warnings').locator('li')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(kept).toBeHidden();

  // --- A case whose subjects are really listed, as Japanese and Chinese sources write them (seeded: not what is tested here).
  const kase = await call(host, 'cases.create', { title: 'ミャンマー国軍による弾圧と新疆での拘禁', country: 'MM', situation: '2021', summary: '' });
  const mah = await call(host, 'subjects.create', {
    caseId: kase.id,
    type: 'person',
    names: [{ script: 'jpan_kana', value: 'ミン・アウン・フライン' }],
    birthDates: [{ date: { precision: 'year', value: '1956' } }],
    nationalities: [{ country: 'MM' }],
  });
  // Born, by this source, in March of the year OFAC gives (Jan 1958).
  await call(host, 'subjects.create', {
    caseId: kase.id,
    type: 'person',
    names: [{ script: 'hans', value: '朱海仑' }],
    birthDates: [{ date: { precision: 'day', value: '1958-03-15' } }],
  });

  await page.goto(`${host.origin}/#/cases/${kase.id}/screening`);
  await expect(page.getByTestId('screening-lists')).toContainText('US', { timeout: 30_000 });
  await expect(page.getByTestId('screening-subject')).toHaveCount(2);
  await expect(page.getByTestId('screening-subject-status').first()).toHaveText('Not screened yet');
  await page.getByTestId('screening-run-case').click();

  const mahSection = page.locator(`[data-testid="screening-subject"][data-subject="${mah.reference}"]`);
  const candidate = mahSection.locator('[data-testid="candidate"][data-list="us-ofac-sdn"][data-ref="27225"]');
  await expect(candidate).toBeVisible({ timeout: 30_000 });
  await expect(candidate.getByTestId('candidate-decision')).toHaveText('To decide');
  // The reasons, readably: which name matched which, and how; what agreed.
  const nameMatch = candidate.getByTestId('candidate-name-match');
  await expect(nameMatch).toContainText('ミン・アウン・フライン');
  await expect(nameMatch).toContainText('HLAING, Min Aung');
  await expect(nameMatch.locator('[data-how="transliterated"]')).toHaveText('Other script, transliterated');
  await expect(candidate.locator('[data-testid="candidate-factor"][data-factor="birth_date"]')).toHaveAttribute('data-result', 'agrees');
  await expect(candidate.locator('[data-testid="candidate-factor"][data-factor="birth_date"]')).toContainText('1956');
  // The entry as the list states it.
  await candidate.getByTestId('candidate-entry-toggle').click();
  await expect(candidate.getByTestId('candidate-entry')).toContainText('Dawei');
  await expect(candidate.getByTestId('candidate-entry')).toContainText('BURMA-EO14014');

  // 朱海仑 finds ZHU, Hailun.
  const zhu = page.locator('[data-testid="screening-subject"]').filter({ hasText: '朱海仑' });
  await expect(zhu.locator('[data-testid="candidate"][data-ref="29219"]')).toBeVisible();
  await expect(zhu.locator('[data-testid="candidate"][data-ref="29219"]').getByTestId('candidate-name-match')).toContainText('ZHU, Hailun');
  const zhuBorn = zhu.locator('[data-testid="candidate"][data-ref="29219"] [data-testid="candidate-factor"][data-factor="birth_date"]');
  await expect(zhuBorn).toHaveAttribute('data-result', 'close');
  await expect(zhuBorn).toContainText('same year, another date');
  await expect(zhuBorn).toContainText('Jan 1958');
  await zhu.screenshot({ path: 'test-results/lists/candidate-same-year-en.png' });

  // Confirm, with a note: remembered, marked, and stamped in the case history.
  await candidate.getByTestId('candidate-note').fill('Same DOB year and nationality; commander-in-chief since 2011.');
  await candidate.getByTestId('candidate-confirm').click();
  await expect(candidate).toHaveAttribute('data-decision', 'confirmed');
  await expect(candidate.getByTestId('candidate-decision')).toHaveText('Confirmed match');
  await expect(candidate.getByTestId('candidate-decided')).toContainText('Confirmed as the same person by 田中 愛子');
  await expect(candidate.getByTestId('candidate-decided')).toContainText('commander-in-chief since 2011');
  await page.reload();
  await expect(candidate).toHaveAttribute('data-decision', 'confirmed');

  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('history-row').filter({ hasText: 'commander-in-chief since 2011' })).toHaveCount(1);

  // --- The coordination matrix of the case: the US designation with its regime and date; Japan's gap.
  await page.getByTestId('tab-screening').click();
  await page.getByTestId('screening-view').getByText('Coordination matrix').click();
  const row = page.locator(`[data-testid="matrix-row"][data-subject="${mah.reference}"]`);
  await expect(row).toHaveAttribute('data-gap', 'true');
  const us = row.locator('[data-testid="matrix-cell"][data-authority="US"]');
  await expect(us).toHaveAttribute('data-state', 'designated');
  await expect(us.getByTestId('matrix-regime')).toContainText('BURMA-EO14014');
  await expect(us.getByTestId('matrix-date')).not.toBeEmpty();
  await expect(row.locator('[data-testid="matrix-cell"][data-authority="JP"]')).toHaveAttribute('data-state', 'not_designated');
  await expect(row.locator('[data-testid="matrix-cell"][data-authority="UN"]')).toHaveAttribute('data-state', 'not_designated');
  await expect(row.locator('[data-testid="matrix-cell"][data-authority="UK"]')).toHaveAttribute('data-state', 'list_not_loaded');
  await expect(row.getByTestId('matrix-gap')).toContainText('Gap');
  // The other subject awaits a decision: no gap yet. Sorted by gap, the gap comes first; "only gaps" keeps it alone.
  const rows = page.getByTestId('matrix-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-subject', mah.reference);
  await page.getByTestId('matrix-sort-gap').getByRole('button').click();
  await expect(rows.first()).not.toHaveAttribute('data-subject', mah.reference);
  await page.getByTestId('matrix-only-gaps').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-subject', mah.reference);

  // A click on the subject leads back to its candidates.
  await row.getByText('ミン・アウン・フライン').click();
  await expect(mahSection).toBeVisible();

  // --- The workspace-wide matrix from the header.
  await page.getByTestId('nav-coordination').click();
  await expect(page.getByTestId('workspace-matrix')).toBeVisible();
  const workspaceRow = page.locator(`[data-testid="matrix-row"][data-subject="${mah.reference}"]`);
  await expect(workspaceRow).toHaveAttribute('data-gap', 'true');
  await expect(page.getByTestId('matrix-summary')).toContainText('1 with a gap');
  // Across cases, each subject says which case it is in; its name opens it there, at its candidates.
  await expect(workspaceRow.getByTestId('matrix-cases')).toHaveText(` · ${kase.reference}`);
  await workspaceRow.getByText('ミン・アウン・フライン').click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${kase.id}/screening\\?subject=${mah.id}$`));
  await expect(mahSection).toBeInViewport();
});

test('removing a list asks first, and the matrix then says the list is not loaded', async ({ page }) => {
  await english(page);
  await page.goto(`${host.origin}/#/lists`);
  await page.getByTestId('list-file-input').setInputFiles(OFAC_SET.map((f) => copy(f)));
  await expect(page.getByTestId('list-import')).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
  await expect(page.getByTestId('list-row')).toHaveCount(1);

  await listRow(page, 'US').getByTestId('list-remove').click();
  await expect(page.getByRole('dialog')).toContainText('56 entries');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('list-row')).toHaveCount(1);
  // Keyboard: the remove button is reachable and the dialog confirms with Enter on its button.
  await listRow(page, 'US').getByTestId('list-remove').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('list-remove-confirm').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('list-row')).toHaveCount(0);
  await expect(page.getByText('No sanctions list imported yet')).toBeVisible();

  await page.getByTestId('nav-coordination').click();
  await expect(page.getByTestId('screening-no-lists')).toBeVisible();
});

test("the Japanese list's entry reads as the workbook means it: names apart from their notes, a Latin spelling as a name, a day-number date as a date", async ({ page }) => {
  test.setTimeout(120_000);
  await english(page);
  await page.goto(`${host.origin}/#/lists`);
  await page.getByTestId('list-file-input').setInputFiles([copy(JP_MOF)]);
  await expect(page.getByTestId('list-import')).toHaveAttribute('data-running', 'false', { timeout: 90_000 });
  await expect(listRow(page, 'JP')).toContainText('5 Mar 2026'); // the latest notice it records

  const kase = await call(host, 'cases.create', { title: 'Taliban finance', country: 'AF', situation: '2001', summary: '' });
  // 2-139: "ABDUL GHAFAR SHINWARI", date of birth given as the spreadsheet day number 23830.
  await call(host, 'subjects.create', { caseId: kase.id, type: 'person', names: [{ script: 'latn', value: 'Abdul Ghafar Shinwari' }] });
  // 9-2: the alias cell reads "フランク・カコレレ(FRANK KAKORERE)、".
  await call(host, 'subjects.create', { caseId: kase.id, type: 'person', names: [{ script: 'latn', value: 'Frank Kakorere' }] });
  // 15-53: "RI YONG MU", born in 1925: a day number of four digits, 9157 (once read as the year 9157).
  await call(host, 'subjects.create', { caseId: kase.id, type: 'person', names: [{ script: 'latn', value: 'Ri Yong Mu' }] });
  await page.goto(`${host.origin}/#/cases/${kase.id}/screening`);
  await page.getByTestId('screening-run-case').click();

  const shinwari = page.locator('[data-testid="candidate"][data-list="jp-mof"][data-ref="2-139"]');
  await expect(shinwari).toBeVisible({ timeout: 30_000 });
  await shinwari.getByTestId('candidate-entry-toggle').click();
  await expect(shinwari.getByTestId('candidate-entry')).toContainText('29 Mar 1965 (the list writes 23830, a spreadsheet day number)');
  const ri = page.locator('[data-testid="candidate"][data-list="jp-mof"][data-ref="15-53"]');
  await ri.getByTestId('candidate-entry-toggle').click();
  await expect(ri.getByTestId('candidate-entry')).toContainText('25 Jan 1925 (the list writes 9157, a spreadsheet day number)');

  const kakorere = page.locator('[data-testid="candidate"][data-list="jp-mof"][data-ref="9-2"]');
  await expect(kakorere.getByTestId('candidate-name-match')).toContainText('FRANK KAKORERE');
  await kakorere.getByTestId('candidate-entry-toggle').click();
  const names = kakorere.getByTestId('candidate-entry');
  await expect(names).toContainText('フランク・カコレレ (strong alias)FRANK KAKORERE (strong alias)');
  fs.mkdirSync('test-results/lists', { recursive: true });
  await kakorere.screenshot({ path: 'test-results/lists/jp-entry-en.png' });
  await call(host, 'settings.setLanguage', { language: 'ja' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await kakorere.getByTestId('candidate-entry-toggle').click();
  await expect(kakorere.getByTestId('candidate-entry')).toContainText('フランク・カコレレ (確度の高い別名)FRANK KAKORERE (確度の高い別名)');
  await kakorere.screenshot({ path: 'test-results/lists/jp-entry-ja.png' });
  await shinwari.getByTestId('candidate-entry-toggle').click();
  await expect(shinwari.getByTestId('candidate-entry')).toContainText('1965年3月29日（リストの表記は表計算ソフトの日付番号 23830）');
  await shinwari.screenshot({ path: 'test-results/lists/jp-entry-day-number-ja.png' });
});
