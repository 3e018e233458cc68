import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { hostPerTest, startHost } from './support/host';
import { setLanguage } from './support/ui';

const env = hostPerTest();

async function open(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('new-case')).toBeVisible();
}

async function addAllegation(
  page: Page,
  a: { category: string; precision: string; dates: Record<string, string>; place: string; narrative: string; victims: string[] },
) {
  await page.getByTestId('add-allegation').click();
  await page.getByTestId('allegation-category').click();
  await page.getByRole('option', { name: a.category, exact: true }).click();
  await page.getByTestId('allegation-precision').getByText(a.precision, { exact: true }).click();
  for (const [field, value] of Object.entries(a.dates)) await page.getByTestId(`allegation-date-${field}`).fill(value);
  await page.getByTestId('allegation-place').fill(a.place);
  await page.getByTestId('allegation-narrative').fill(a.narrative);
  for (const [i, pseudonym] of a.victims.entries()) {
    await page.getByTestId('allegation-victim-add').click();
    await page.getByTestId(`allegation-victim-${i}`).fill(pseudonym);
  }
  await page.getByTestId('allegation-submit').click();
  await expect(page.getByTestId('allegation-submit')).toBeHidden();
}

test('an investigator records a case with three allegations, closes and reopens it, and finds it all after a restart', async ({ page }) => {
  await open(page, env.host.url);
  await setLanguage(page, 'en');

  await page.getByTestId('new-case').click();
  await page.getByTestId('case-title-input').fill('新疆ウイグル自治区における強制労働と恣意的拘禁');
  await page.getByTestId('case-situation-input').fill('Xinjiang 2017–2020');
  await page.getByTestId('case-summary-input').fill('Mass detention of Uyghurs; designations by US, UK, EU and Canada.');
  await page.getByTestId('case-submit').click();

  await expect(page.getByTestId('case-reference')).toHaveText(/^HR-\d{4}-0001$/);
  const reference = (await page.getByTestId('case-reference').textContent())!.trim();

  await page.getByTestId('tab-allegations').click();
  await addAllegation(page, {
    category: 'Arbitrary arrest or detention',
    precision: 'Range',
    dates: { from: '2017-04', to: '2019' },
    place: 'Urumqi',
    narrative: 'Detention in so-called vocational training centres.',
    victims: ['W-01', 'W-02'],
  });
  await addAllegation(page, {
    category: 'Slavery and forced labour',
    precision: 'Year',
    dates: { value: '2019' },
    place: 'Kashgar',
    narrative: 'Labour transfer programmes.',
    victims: ['W-03'],
  });
  await addAllegation(page, {
    category: 'Torture and other cruel, inhuman or degrading treatment',
    precision: 'Unknown',
    dates: {},
    place: '',
    narrative: 'Testimony of former detainees.',
    victims: [],
  });
  await expect(page.getByTestId('allegation-row')).toHaveCount(3);

  await page.getByTestId('tab-overview').click();
  await page.getByTestId('close-case').click();
  await page.getByTestId('reason-input').fill('Awaiting new testimony');
  await page.getByTestId('reason-submit').click();
  await expect(page.getByTestId('case-status-badge')).toHaveText('Closed');
  await page.getByTestId('reopen-case').click();
  await page.getByTestId('reason-input').fill('New testimony received');
  await page.getByTestId('reason-submit').click();
  await expect(page.getByTestId('case-status-badge')).toHaveText('Open');

  await setLanguage(page, 'ja');
  await expect(page.getByTestId('case-status-badge')).toHaveText('進行中');

  // Restart: a new host process on the same workspace, a new page.
  await env.host.stop();
  env.host = await startHost(env.workspace);
  await open(page, env.host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');

  await page.getByTestId('case-search').fill('ウイグル');
  const row = page.getByTestId('case-row').filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(page.getByTestId('case-reference')).toHaveText(reference);
  await page.getByTestId('tab-allegations').click();
  await expect(page.getByTestId('allegation-row')).toHaveCount(3);
  await expect(page.getByTestId('allegation-row').first()).toContainText('A-1');
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('history-row').filter({ hasText: 'Awaiting new testimony' })).toHaveCount(1);
  await expect(page.getByTestId('history-row').filter({ hasText: 'New testimony received' })).toHaveCount(1);

  await page.screenshot({ path: path.join('test-results', 'case-workspace-ja.png') });
});

test('a validation error is shown at its field and nothing is saved', async ({ page }) => {
  await open(page, env.host.url);
  await setLanguage(page, 'en');
  await page.getByTestId('new-case').click();
  await page.getByTestId('case-title-input').fill('   ');
  await page.getByTestId('case-submit').click();
  const title = page.getByTestId('case-title-input');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  const errorId = await title.getAttribute('aria-describedby');
  expect(errorId).toBeTruthy();
  await expect(page.locator(`[id="${errorId!.split(' ').find((id) => id.includes('error'))}"]`)).toHaveText(/required/i);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('case-row')).toHaveCount(0);
});

test('the case list works from the keyboard: / to search, ↓ into the table, Enter to open', async ({ page }) => {
  const { call } = await import('./support/api');
  for (const title of ['Detention in Minsk', 'Killings in Rakhine', 'Disappearances in Chechnya']) {
    await call(env.host, 'cases.create', { title, country: null, situation: '', summary: '' });
  }
  await open(page, env.host.url);
  await expect(page.getByTestId('case-row')).toHaveCount(3);
  await page.keyboard.press('/');
  await expect(page.getByTestId('case-search')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  // Newest first: the last row is the first case made.
  await expect(page.getByTestId('case-reference')).toHaveText(/-0001$/);
});
