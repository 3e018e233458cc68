import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { call } from './support/api';
import { hostPerTest } from './support/host';

const env = hostPerTest();

/** A case with an allegation, two exhibits and a subject, seeded through the API: this test is about findings. */
async function seedCase() {
  const detail = await call(env.host, 'cases.create', { title: '新疆の収容施設における拷問', country: 'CN', situation: 'Xinjiang, 2017–2019', summary: '' });
  const allegation = await call(env.host, 'allegations.create', {
    caseId: detail.id,
    category: 'torture',
    period: { precision: 'range', from: '2017', to: '2019' },
    place: 'Kashgar detention facility',
    narrative: '',
    victims: [],
    status: 'alleged',
  });
  const witness = await call(env.host, 'evidence.createTestimony', { caseId: detail.id, title: 'Witness W-3, interview on detention conditions' });
  const imagery = await call(env.host, 'evidence.createTestimony', { caseId: detail.id, title: 'Satellite imagery of the Kashgar facility' });
  const subject = await call(env.host, 'subjects.create', {
    caseId: detail.id,
    type: 'person',
    names: [
      { script: 'latn', value: 'Zhu Hailun', primary: true },
      { script: 'hans', value: '朱海仑' },
    ],
  });
  await call(env.host, 'settings.setLanguage', { language: 'en' });
  return { caseId: detail.id, allegation, witness, imagery, subject };
}

async function openFindings(page: Page, caseId: string, on = '') {
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}\n${error.stack ?? ''}`));
  await page.goto(`${env.host.url}#/cases/${caseId}/findings${on ? `?on=${on}` : ''}`);
  await expect(page.getByTestId('findings-panel')).toBeVisible();
}

const saved = (page: Page, doc: 'finding' | 'reasons') =>
  expect(page.getByTestId(doc).getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

async function pickReference(page: Page, search: string, expected: string) {
  await expect(page.getByTestId('reference-search')).toBeFocused();
  await page.getByTestId('reference-search').fill(search);
  await expect(page.getByTestId('reference-option').first()).toContainText(expected);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reference-search')).toHaveCount(0);
}

test('an investigator writes a finding citing exhibits, opens one, and loses nothing when the page closes mid-sentence', async ({ page, context }) => {
  test.setTimeout(150_000);
  const { caseId, witness, imagery } = await seedCase();
  await openFindings(page, caseId);
  await expect(page.getByTestId('finding-heading')).toHaveText('A-1 · Torture and other cruel, inhuman or degrading treatment');
  const editor = page.getByTestId('finding-editor-content');

  // A heading, a sentence citing an exhibit by shortcut and another by the toolbar, and a list.
  await editor.click();
  await page.getByTestId('rt-heading').click();
  await page.keyboard.type('Assessment of the torture allegation');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The account of ');
  await page.keyboard.press('Control+Shift+KeyE');
  await pickReference(page, 'Witness', 'E-1');
  await page.keyboard.type(' is corroborated by ');
  await page.getByTestId('rt-exhibit').click();
  await pickReference(page, 'E-2', 'Satellite imagery');
  await page.keyboard.type(', which shows:');
  await page.keyboard.press('Enter');
  await page.getByTestId('rt-bullet').click();
  await page.keyboard.type('new walls and watchtowers in 2018;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('a second compound in 2019.');
  await page.getByTestId('finding-outcome').getByText('Standard met').click();

  await expect(editor.locator('h2')).toHaveText('Assessment of the torture allegation');
  await expect(editor.locator('ul > li')).toHaveCount(2);
  await expect(editor.getByTestId('exhibit-ref')).toHaveText(['Exhibit E-1', 'Exhibit E-2']);
  await saved(page, 'finding');
  await expect(page.locator('[data-testid="finding-target"][data-target^="allegation:"] [data-outcome]')).toHaveAttribute('data-outcome', 'met');

  const [stored] = await call(env.host, 'findings.list', { caseId });
  expect(stored).toMatchObject({ outcome: 'met', revision: expect.any(Number), broken: { itemIds: [] } });
  const json = JSON.stringify(stored!.body);
  expect(json).toContain('"type":"heading"');
  expect(json).toContain('"listType":"bullet"');
  expect(json).toContain(`"itemId":"${witness.id}"`);
  expect(json).toContain(`"itemId":"${imagery.id}"`);

  await page.screenshot({ path: path.join('test-results', 'findings-en.png') });

  // The reference opens the exhibit: the evidence tab with the item selected; Back returns to the text.
  await editor.locator(`[data-testid="exhibit-ref"][data-item-id="${witness.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/evidence\\?item=${witness.id}`));
  await expect(page.getByTestId('evidence-detail-exhibit')).toHaveText('E-1');
  await page.goBack();
  await expect(editor.locator('h2')).toHaveText('Assessment of the torture allegation');

  // Close the page mid-sentence, without waiting for the pause that triggers a save.
  await editor.locator('ul > li').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('detainees were held without char');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await openFindings(again, caseId);
  await expect(again.getByTestId('finding-editor-content').locator('ul > li').last()).toHaveText('detainees were held without char');
  await expect(again.getByTestId('finding-editor-content').getByTestId('exhibit-ref')).toHaveText(['Exhibit E-1', 'Exhibit E-2']);
});

test('a statement of reasons takes a subject mention and a paste from Word, cleaned to what the editor supports', async ({ page }) => {
  const { caseId, subject } = await seedCase();
  await openFindings(page, caseId, `subject:${subject.id}`);
  await expect(page.getByTestId('finding-heading')).toHaveText('S-1 · Zhu Hailun');
  const editor = page.getByTestId('reasons-editor-content');
  await editor.click();
  await page.keyboard.press('Control+Shift+KeyK');
  await pickReference(page, '朱海', 'Zhu Hailun');
  await page.keyboard.type(' was Party Secretary of Xinjiang. ');
  await expect(editor.getByTestId('subject-mention')).toHaveText('Zhu Hailun');
  // Undo takes back what was just typed, and only that.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Typo to undo');
  await expect(editor).toContainText('Typo to undo');
  await page.keyboard.press('Control+KeyZ');
  await expect(editor).not.toContainText('Typo to undo');
  await expect(editor).toContainText('was Party Secretary of Xinjiang.');
  await expect(editor.locator('p')).toHaveCount(2);

  // What Word puts on the clipboard: class and inline styles everywhere, an image, a coloured table.
  const word =
    '<html><head><style>p.MsoNormal{color:#333}</style></head><body>' +
    '<h1 style="font-family:Calibri">Grounds</h1>' +
    '<p class="MsoNormal" style="color:red;font-size:14pt;text-align:center"><b><span style="font-family:Cambria;background:yellow">Directed</span></b> the <s>regional</s> <a href="https://example.org/x">campaign</a>.</p>' +
    '<img src="https://example.org/tracker.png">' +
    '<table style="width:600px" border="1"><tr><td style="background:#ff0;width:300px">Period</td><td>2016–2021</td></tr></table>' +
    '</body></html>';
  await editor.evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Grounds Directed the regional campaign. Period 2016–2021');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, word);
  await expect(editor.locator('table')).toHaveCount(1);
  // A small table from the toolbar, after the first paragraph, with a header row.
  await editor.getByText('was Party Secretary of Xinjiang.').click();
  await page.keyboard.press('End');
  await page.getByTestId('reasons').getByTestId('rt-table').click();
  await expect(editor.locator('table')).toHaveCount(2);
  await expect(editor.locator('table').first().locator('tr')).toHaveCount(3);
  await expect(editor.locator('table').first().locator('th')).toHaveCount(3);
  await saved(page, 'reasons');

  const reasons = (await call(env.host, 'findings.list', { caseId })).find((f) => f.section === 'reasons')!;
  const json = JSON.stringify(reasons.body);
  expect(json).toContain(`"subjectId":"${subject.id}"`);
  expect(json).toContain('"tag":"h2"');
  expect(json).toContain('Directed');
  expect(json).toContain('campaign');
  expect(json).toContain('"type":"table"');
  expect(json).not.toMatch(/color|Cambria|font-size|tracker\.png|example\.org|"type":"(image|link)"/);
  expect(json).not.toMatch(/"style":"[^"]/);
  expect(json).not.toMatch(/"format":"center"/);
  await expect(editor.locator('img, a, [style*="color"]')).toHaveCount(0);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join('test-results', 'findings-reasons-en.png') });

  // The same tab in Japanese.
  await call(env.host, 'settings.setLanguage', { language: 'ja' });
  await page.reload();
  await expect(page.getByTestId('reasons').getByTestId('save-status')).toHaveText('保存済み');
  await page.screenshot({ path: path.join('test-results', 'findings-reasons-ja.png') });
});

test('a save on top of someone else\'s newer version is refused, and the investigator chooses which to keep', async ({ page }) => {
  const { caseId, allegation } = await seedCase();
  await openFindings(page, caseId);
  const editor = page.getByTestId('finding-editor-content');
  await editor.click();
  await page.keyboard.type('My first draft.');
  await saved(page, 'finding');

  // Another window saves a newer version meanwhile.
  const [mine] = await call(env.host, 'findings.list', { caseId });
  const theirs = { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Their version.' }] }] } };
  await call(env.host, 'findings.save', {
    caseId,
    target: { type: 'allegation', id: allegation.id },
    section: 'finding',
    outcome: 'not_met',
    body: theirs,
    revision: mine!.revision,
  });

  await page.keyboard.type(' More of mine.');
  const status = page.getByTestId('finding').getByTestId('save-status');
  await expect(status).toHaveAttribute('data-code', 'REVISION_CONFLICT');
  await expect(status).toContainText('Not saved: Someone else saved this text after you opened it');
  expect((await call(env.host, 'findings.list', { caseId }))[0]!.body).toEqual(theirs);

  await page.getByTestId('conflict-load').click();
  await expect(editor).toHaveText('Their version.');
  await saved(page, 'finding');
  await expect(page.getByTestId('finding-outcome').getByRole('radio', { name: 'Not met' })).toBeChecked();
});
