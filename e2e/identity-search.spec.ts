import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { call } from './support/api';
import { startHost, tempWorkspace, type RunningHost } from './support/host';

let workspace: string;
let host: RunningHost;

test.afterEach(async () => {
  await host.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('on first use the investigator says who they are, and that name is stamped on what they do', async ({ page }) => {
  workspace = tempWorkspace();
  host = await startHost(workspace, { identity: null });
  await page.goto(host.url);
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('identity-prompt')).toBeVisible();

  await page.getByTestId('identity-submit').click();
  await expect(page.getByTestId('identity-name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByTestId('identity-name').fill('Aiko Tanaka');
  await page.getByTestId('identity-organisation').fill('Human Rights Now');
  await page.getByTestId('identity-submit').click();
  await expect(page.getByTestId('identity-menu')).toHaveText('Aiko Tanaka · Human Rights Now');

  await page.getByTestId('new-case').click();
  await page.getByTestId('case-title-input').fill('Enforced disappearances in Chechnya');
  await page.getByTestId('case-submit').click();
  await expect(page.getByTestId('history-row').first()).toContainText('Aiko Tanaka (Human Rights Now)');
});

test('one search box finds cases and allegations by a Japanese substring, with the match highlighted', async ({ page }) => {
  workspace = tempWorkspace();
  host = await startHost(workspace);
  const kase = await call(host, 'cases.create', {
    title: '新疆ウイグル自治区における強制労働',
    country: 'CN',
    situation: '',
    summary: '',
  });
  await call(host, 'allegations.create', {
    caseId: kase.id,
    category: 'torture',
    period: { precision: 'unknown' },
    place: 'ウルムチ市の収容施設',
    narrative: '元被拘禁者が取調べ中の暴行を証言した。',
    victims: [],
    status: 'alleged',
  });
  await page.goto(host.url);
  await page.getByTestId('language-switch').getByText('日本語').click();
  await page.keyboard.press('Control+K');
  await expect(page.getByTestId('global-search')).toBeFocused();
  await page.keyboard.type('収容施設');
  await page.keyboard.press('Enter');

  const allegationHit = page.getByTestId('search-hit').and(page.locator('[data-kind="allegation"]'));
  await expect(allegationHit).toHaveCount(1);
  await expect(allegationHit.locator('mark')).toHaveText('収容施設');
  await expect(allegationHit).toContainText('拷問等');
  await page.screenshot({ path: 'test-results/search-ja.png' });

  await page.getByTestId('global-search').fill('ウイグル');
  await page.getByTestId('global-search').press('Enter');
  const caseHit = page.getByTestId('search-hit').and(page.locator('[data-kind="case"]'));
  await expect(caseHit.locator('mark')).toHaveText('ウイグル');
  await caseHit.getByRole('link').click();
  await expect(page.getByTestId('case-reference')).toHaveText(kase.reference);
});
