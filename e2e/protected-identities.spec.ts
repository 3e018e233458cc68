import { expect, test } from '@playwright/test';
import { call } from './support/api';
import { hostPerTest } from './support/host';

const env = hostPerTest();

test('an investigator records a victim under a pseudonym, names her in an allegation, and reveals her identity only on purpose', async ({ page }) => {
  const kase = await call(env.host, 'cases.create', { title: 'Xinjiang detention 2017–2019', country: 'CN', situation: 'Xinjiang', summary: '' });
  await call(env.host, 'allegations.create', {
    caseId: kase.id,
    category: 'arbitrary_detention',
    period: { precision: 'year', value: '2018' },
    place: 'Urumqi',
    narrative: '',
    victims: [],
    status: 'alleged',
  });

  await page.goto(env.host.url);
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto(`${env.host.origin}/#/cases/${kase.id}/protected`);

  // Recorded under a pseudonym, the real identity kept apart.
  await page.getByTestId('add-protected').click();
  await page.getByTestId('protected-pseudonym').fill('V-01');
  await page.getByTestId('protected-full-name').fill('Gulnar Yusup');
  await page.getByTestId('protected-other-names').fill('グリナル・ユスプ');
  await page.getByTestId('protected-contact').fill('Through the Almaty office');
  await page.getByTestId('protected-submit').click();
  const row = page.locator('[data-testid="protected-row"][data-pseudonym="V-01"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Victim');
  await expect(row).toContainText('Recorded');
  // Hidden: nowhere on the page until revealed.
  await expect(page.getByText('Gulnar Yusup')).toHaveCount(0);

  // A second pseudonym with the same name is refused on its field.
  await page.getByTestId('add-protected').click();
  await page.getByTestId('protected-pseudonym').fill('V-01');
  await page.getByTestId('protected-submit').click();
  await expect(page.getByTestId('protected-form')).toContainText('Given twice');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Picked as a victim in the allegation form, from the protected persons' pseudonyms.
  await page.getByTestId('tab-allegations').click();
  await page.getByTestId('allegation-row').click();
  await page.getByTestId('allegation-victim-add').click();
  await page.getByTestId('allegation-victim-0').click();
  await page.getByRole('option', { name: 'V-01', exact: true }).click();
  await expect(page.getByTestId('allegation-victim-0')).toHaveValue('V-01');
  await page.getByTestId('allegation-submit').click();
  await expect(page.getByTestId('allegation-submit')).toBeHidden();

  await page.getByTestId('tab-protected').click();
  await expect(row).toContainText('A-1');
  await expect(page.getByTestId('protected-identity')).toHaveCount(0);
  await row.getByTestId('protected-reveal').click();
  const identity = page.getByTestId('protected-identity');
  await expect(identity).toContainText('Gulnar Yusup');
  await expect(identity).toContainText('グリナル・ユスプ');
  await expect(identity).toContainText('Through the Almaty office');

  // Leaving the tab forgets it: coming back shows the pseudonym only.
  await page.getByTestId('tab-overview').click();
  const viewed = page.locator('[data-testid="history-row"][data-kind="identity_viewed"]');
  await expect(viewed).toHaveCount(1);
  await expect(viewed).toContainText('Identity viewed');
  await expect(viewed).toContainText('V-01');
  // The history says who looked and when, never what they saw.
  await expect(page.getByTestId('case-history')).not.toContainText('Gulnar');
  await page.getByTestId('tab-protected').click();
  await expect(page.getByTestId('protected-row')).toHaveCount(1);
  await expect(page.getByTestId('protected-identity')).toHaveCount(0);
  await expect(page.getByText('Gulnar Yusup')).toHaveCount(0);

  // Hidden again on request, too.
  await row.getByTestId('protected-reveal').click();
  await expect(identity).toContainText('Gulnar Yusup');
  await page.getByTestId('protected-hide').click();
  await expect(page.getByTestId('protected-identity')).toHaveCount(0);
});
