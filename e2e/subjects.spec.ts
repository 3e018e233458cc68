import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { call } from './support/api';
import { hostPerTest } from './support/host';
import { setLanguage } from './support/ui';

const env = hostPerTest();

async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an investigator records a subject in three scripts, links it to an allegation, relates it to a unit and sees the graph', async ({ page }) => {
  const kase = await call(env.host, 'cases.create', { title: 'ラカイン州における超法規的殺害', country: 'MM', situation: 'Rakhine 2017', summary: '' });
  await call(env.host, 'allegations.create', {
    caseId: kase.id,
    category: 'extrajudicial_killing',
    period: { precision: 'month', value: '2017-08' },
    place: 'Maung Nu',
    narrative: '',
    victims: [],
    status: 'alleged',
  });
  // A unit already recorded (as if from another case), to be related to the new subject.
  await call(env.host, 'subjects.create', {
    caseId: kase.id,
    type: 'state_body',
    names: [
      { script: 'latn', value: '33rd Light Infantry Division' },
      { script: 'jpan_kanji', value: '第33軽歩兵師団' },
    ],
  });

  // An exhibit already in the case, to be cited on the subject's name.
  await call(env.host, 'evidence.createTestimony', { caseId: kase.id, title: 'Defector testimony naming the commander' });

  await page.goto(env.host.url);
  await setLanguage(page, 'en');
  await page.goto(`${env.host.origin}/#/cases/${kase.id}/subjects`);
  await expect(page.getByTestId('subject-row')).toHaveCount(1);

  await page.getByTestId('subject-add').click();
  await page.getByTestId('subject-name-0').fill('Min Aung Hlaing');
  // The name rests on E-1: chosen from the case's evidence, shown at once as a chip.
  await page.getByTestId('subject-name-0-cite').click();
  await page.getByTestId('subject-name-0-evidence').click();
  await page.getByRole('option', { name: 'E-1 · Defector testimony naming the commander' }).click();
  await page.getByTestId('subject-name-0-cite').click();
  await expect(page.getByTestId('subject-name-0-evidence')).toBeHidden();
  await expect(page.getByTestId('subject-section-names').getByTestId('subject-cites')).toHaveText(/Cites\s*E-1/);
  await page.getByTestId('subject-names-add').click();
  await choose(page, 'subject-name-script-1', 'Chinese (simplified)');
  await page.getByTestId('subject-name-1').fill('敏昂莱');
  await page.getByTestId('subject-names-add').click();
  await choose(page, 'subject-name-script-2', 'Japanese (katakana)');
  await page.getByTestId('subject-name-2').fill('ミン・アウン・フライン');
  await page.getByTestId('subject-aliases-add').click();
  await page.getByTestId('subject-alias-0').fill('Senior General');
  await page.getByTestId('subject-alias-strength-0').getByText('Weak').click();

  await page.getByTestId('subject-birthDates-add').click();
  await page.getByTestId('subject-dob-0-precision').getByText('Range', { exact: true }).click();
  await page.getByTestId('subject-dob-0-date-from').fill('1963');
  await page.getByTestId('subject-dob-0-date-to').fill('1968');
  await page.getByTestId('subject-dob-source-0').fill('1963年から1968年の間');

  await page.getByTestId('subject-documents-add').click();
  await page.getByTestId('subject-document-number-0').fill('MA 123456');
  await choose(page, 'subject-document-country-0', 'Myanmar (Burma)');

  await page.getByTestId('subject-roles-add').click();
  await choose(page, 'subject-role-allegation-0', 'A-1 · Extrajudicial, summary or arbitrary killing');
  await choose(page, 'subject-role-0', 'Commander or superior');

  // A name far too long is refused by the server, shown at its field, and nothing is saved.
  await page.getByTestId('subject-names-add').click();
  await page.getByTestId('subject-name-3').fill('x'.repeat(600));
  await page.getByTestId('subject-save').click();
  const longName = page.getByTestId('subject-section-names').getByText('Too long: at most 500 characters.');
  await expect(longName).toBeVisible();
  await expect(page.getByTestId('subject-row')).toHaveCount(1);
  await page.getByTestId('subject-names-remove-3').click();
  await page.getByTestId('subject-save').click();
  await expect(page.getByTestId('subject-save')).toBeHidden();

  const row = page.getByTestId('subject-row').filter({ hasText: 'Min Aung Hlaing' });
  await expect(row).toContainText('敏昂莱');
  await expect(row).toContainText('ミン・アウン・フライン');
  await expect(row).toContainText('(Senior General)');
  await expect(row).toContainText('1963 – 1968');
  await expect(row.getByTestId('subject-role-badge')).toHaveText('A-1 · Commander or superior');

  await page.getByTestId('relationship-add').click();
  await choose(page, 'relationship-from', 'S-2 Min Aung Hlaing');
  await choose(page, 'relationship-to', 'S-1 33rd Light Infantry Division');
  await page.getByTestId('relationship-note').fill('Chain of command, August 2017');
  await page.getByTestId('relationship-submit').click();
  await expect(page.getByTestId('relationship-row')).toHaveCount(1);
  await expect(page.getByTestId('relationship-row')).toContainText('commands');
  await expect(page.getByTestId('subject-graph-node')).toHaveCount(2);
  await expect(page.getByTestId('subject-graph-edge')).toHaveAttribute('data-kind', 'commands');

  // The relationship is edited in the same form, prefilled, and saved in place.
  await page.getByTestId('relationship-edit').click();
  await expect(page.getByRole('dialog', { name: 'Edit relationship' })).toBeVisible();
  await expect(page.getByTestId('relationship-from')).toHaveValue('S-2 Min Aung Hlaing');
  await expect(page.getByTestId('relationship-to')).toHaveValue('S-1 33rd Light Infantry Division');
  await expect(page.getByTestId('relationship-note')).toHaveValue('Chain of command, August 2017');
  await page.getByTestId('relationship-precision').getByText('Year', { exact: true }).click();
  await page.getByTestId('relationship-date-value').fill('2017');
  await page.getByTestId('relationship-note').fill('Chain of command, August–September 2017');
  await page.getByTestId('relationship-submit').click();
  await expect(page.getByRole('dialog', { name: 'Edit relationship' })).toBeHidden();
  await expect(page.getByTestId('relationship-row')).toHaveCount(1);
  await expect(page.getByTestId('relationship-row')).toContainText('Chain of command, August–September 2017');
  await expect(page.getByTestId('relationship-row')).toContainText('2017');
  await expect(page.getByTestId('subject-graph-edge')).toHaveCount(1);

  // The export offered as a download is FollowTheMoney JSON lines.
  const downloading = page.waitForEvent('download');
  await row.getByTestId('subject-export-ftm').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('S-2.ftm.json');
  const entities = fs
    .readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { schema: string });
  expect(entities.map((e) => e.schema)).toEqual(['Person', 'Passport', 'PublicBody', 'Directorship']);

  // Found again by a katakana substring, from another case.
  const other = await call(env.host, 'cases.create', { title: 'Post-coup crackdown', country: 'MM', situation: '', summary: '' });
  await page.goto(`${env.host.origin}/#/cases/${other.id}/subjects`);
  await page.getByTestId('subject-add-existing').click();
  await page.getByTestId('subject-find').fill('アウン');
  await expect(page.getByTestId('subject-find-result')).toHaveCount(1);
  await page.getByTestId('subject-find-add').click();
  await expect(page.getByTestId('subject-row')).toContainText(['Min Aung Hlaing']);
  await expect(page.getByTestId('subject-row')).toContainText(['Also in']);

  fs.mkdirSync('test-results', { recursive: true });
  for (const language of ['en', 'ja'] as const) {
    await setLanguage(page, language);
    await page.goto(`${env.host.origin}/#/cases/${kase.id}/subjects`);
    await expect(page.getByTestId('subject-graph')).toBeVisible();
    // Let the confirmations fade, so the picture shows the panel itself.
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
    await page.screenshot({ path: `test-results/subjects-panel-${language}.png`, fullPage: true });
  }
  await page.getByTestId('subject-row').filter({ hasText: 'Min Aung Hlaing' }).click();
  await expect(page.getByTestId('subject-form')).toBeVisible();
  // The citation was saved with the name.
  await expect(page.getByTestId('subject-section-names').getByTestId('subject-cites')).toHaveText(/根拠\s*E-1/);
  await page.screenshot({ path: 'test-results/subjects-editor-ja.png' });
});
