import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { call } from './support/api';
import { hostPerTest } from './support/host';
import { setLanguage } from './support/ui';

/**
 * A first run: a fresh workspace, the identity asked once, then the empty case list offers the demo
 * case next to "New case". One click builds it from public facts (main/demo) and shows it, marked
 * as a demo everywhere: banner, list badge, and the draft proposal's DEMO mark.
 */
const ARTEFACTS = path.join('test-results', 'demo');

const env = hostPerTest({ identity: null });

test.beforeEach(() => {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
});

test('a new user opens the demo case from the empty case list and sees the whole workflow, marked as a demo', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(env.host.url);
  await setLanguage(page, 'en');

  // The identity comes first; the demo's records are not stamped with it.
  await expect(page.getByTestId('identity-prompt')).toBeVisible();
  await page.getByTestId('identity-name').fill('Aiko Tanaka');
  await page.getByTestId('identity-organisation').fill('Human Rights Now');
  await page.getByTestId('identity-submit').click();

  // The empty list offers the demo next to "New case".
  await expect(page.getByTestId('new-case-empty')).toBeVisible();
  await expect(page.getByText('New here? The demo case walks through the whole workflow')).toBeVisible();
  await page.screenshot({ path: path.join(ARTEFACTS, 'first-run-en.png') });
  await page.getByTestId('open-demo-empty').click();

  // The case, with its banner, at the proposal stage.
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('demo-banner')).toContainText('Demo — built from public sources; not an investigation');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Demo: Xinjiang designations, 2020–2021');
  await expect(page.getByTestId('stage-step-proposal')).toHaveAttribute('data-state', 'current');
  const history = page.getByTestId('history-row');
  await expect(history.first()).toBeVisible();
  const actors = await history.evaluateAll((rows) => rows.map((row) => row.lastElementChild?.textContent ?? ''));
  expect(new Set(actors)).toEqual(new Set(['Casebench demo']));
  await expect(page.locator('[data-testid=history-row][data-kind=subject_reasons_saved]')).toHaveCount(8);
  await page.screenshot({ path: path.join(ARTEFACTS, 'demo-case-en.png') });

  // Its subjects, in Latin and Han script.
  await page.getByTestId('tab-subjects').click();
  await expect(page.getByTestId('subject-row')).toHaveCount(8);
  await expect(page.getByTestId('subject-row').filter({ hasText: 'Zhu Hailun' })).toContainText('朱海仑');
  await expect(page.getByTestId('demo-banner')).toBeVisible();

  // The draft asset-freeze proposal: ready, and marked DEMO in the document itself.
  await page.getByTestId('tab-proposals').click();
  const preview = page.frameLocator('[data-testid=proposal-preview]');
  await expect(preview.getByRole('heading', { name: /資産凍結措置に関する提案書/ })).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByText('DEMO — built from public sources; not an investigation')).toBeVisible();
  await expect(page.getByTestId('proposal-ready')).toBeVisible();
  await page.screenshot({ path: path.join(ARTEFACTS, 'demo-proposal-en.png') });

  // Back in the list: the badge; no second offer while the demo is open.
  await page.goto(`${env.host.origin}/#/`);
  const row = page.getByTestId('case-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('demo-badge')).toHaveText('Demo');
  await expect(page.getByTestId('open-demo')).toHaveCount(0);
  await page.screenshot({ path: path.join(ARTEFACTS, 'demo-list-en.png') });

  // In Japanese, the same marks.
  await setLanguage(page, 'ja');
  await expect(row.getByTestId('demo-badge')).toHaveText('デモ');
  await row.click();
  await expect(page.getByTestId('demo-banner')).toContainText('公開情報のみから作成した見本であり、調査ではありません');
  await page.screenshot({ path: path.join(ARTEFACTS, 'demo-case-ja.png') });
});

test('a closed demo case is offered again from the case list, and opening it builds a fresh one', async ({ page }) => {
  test.setTimeout(150_000); // prints a PDF
  await call(env.host, 'identity.set', { name: 'Aiko Tanaka', organisation: 'Human Rights Now' });
  const first = await call(env.host, 'cases.openDemo', {});
  expect(first).toMatchObject({ demo: true, stage: 'proposal' });
  expect((await call(env.host, 'cases.openDemo', {})).id).toBe(first.id);

  // A PDF issued from the demo says DEMO on its first page and in every page's header.
  const subjects = await call(env.host, 'subjects.listForCase', { caseId: first.id });
  const issued = await call(env.host, 'documents.issue', { caseId: first.id, measure: 'asset_freeze', subjectIds: subjects.map((s) => s.subject.id), language: 'en' });
  const pdf = path.join(ARTEFACTS, issued.fileName);
  fs.writeFileSync(pdf, Buffer.from((await call(env.host, 'documents.download', { id: issued.id })).base64, 'base64'));
  const pages = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  expect(pages).toHaveLength(issued.pageCount);
  expect(pages[0]).toContain('DEMO — built from public sources; not an investigation');
  for (const page of pages) expect(page).toMatch(/DEMO/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(ARTEFACTS, 'demo-proposal-page-1')]);

  // Closed like any case, by the user.
  await page.goto(env.host.url);
  await setLanguage(page, 'en');
  await page.goto(`${env.host.origin}/#/cases/${first.id}`);
  await page.getByTestId('close-case').click();
  await page.getByTestId('reason-input').fill('Seen it.');
  await page.getByTestId('reason-submit').click();
  await expect(page.getByTestId('closed-banner')).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toBeVisible();

  // Back in the list at once, the offer is there again (the closed demo no longer counts).
  await page.getByText('All cases').click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(first.id));
  expect((await call(env.host, 'cases.list', {})).items.map((c) => [c.demo, c.status])).toEqual(
    expect.arrayContaining([
      [true, 'open'],
      [true, 'closed'],
    ]),
  );
});
