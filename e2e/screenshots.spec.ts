import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { call } from './support/api';
import { startHost, tempWorkspace } from './support/host';

// The README's pictures come from here, so they show the workbench as it is today.
test('screenshots of the workbench for the README, in Japanese and English', async ({ page }) => {
  const workspace = tempWorkspace();
  const host = await startHost(workspace);
  try {
    const cases = [
      { title: '新疆ウイグル自治区における強制労働と恣意的拘禁', country: 'CN', situation: '新疆 2017–2020' },
      { title: 'ミャンマー国軍によるラカイン州での超法規的殺害', country: 'MM', situation: 'ラカイン州 2017' },
      { title: 'Arbitrary detention of protesters in Minsk', country: 'BY', situation: 'Belarus 2020' },
      { title: 'Enforced disappearances in Chechnya', country: 'RU', situation: 'Chechnya 2017–2019' },
      { title: 'Killing of protesters in Nicaragua', country: 'NI', situation: 'Nicaragua 2018' },
    ] as const;
    let first = '';
    for (const c of cases) {
      const made = await call(host, 'cases.create', { ...c, summary: '' });
      first ||= made.id;
    }
    await call(host, 'allegations.create', {
      caseId: first,
      category: 'arbitrary_detention',
      period: { precision: 'range', from: '2017-04', to: '2019' },
      place: 'ウルムチ市',
      narrative: '「職業技能教育訓練センター」と称する施設への大規模な拘禁。',
      victims: [{ pseudonym: 'W-01' }, { pseudonym: 'W-02' }],
      status: 'alleged',
    });
    await call(host, 'allegations.create', {
      caseId: first,
      category: 'slavery_forced_labour',
      period: { precision: 'year', value: '2019' },
      place: 'カシュガル地区',
      narrative: '労働力移転プログラムによる強制労働。',
      victims: [{ pseudonym: 'W-03' }],
      status: 'alleged',
    });

    fs.mkdirSync('docs/screenshots', { recursive: true });
    await page.goto(host.url);
    for (const language of ['ja', 'en'] as const) {
      await page.getByTestId('language-switch').getByText(language === 'ja' ? '日本語' : 'English').click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page.goto(`${host.origin}/#/`);
      await expect(page.getByTestId('case-row')).toHaveCount(cases.length);
      await page.screenshot({ path: `docs/screenshots/case-list-${language}.png` });
      await page.getByTestId('case-row').filter({ hasText: cases[0].title }).click();
      await page.getByTestId('tab-allegations').click();
      await expect(page.getByTestId('allegation-row')).toHaveCount(2);
      await page.screenshot({ path: `docs/screenshots/case-allegations-${language}.png` });
    }
  } finally {
    await host.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});
