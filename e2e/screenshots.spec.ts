import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from './support/api';
import { COLLEAGUE_CARDS } from './support/colleague-cards';
import { startHost, tempWorkspace } from './support/host';

// The README's pictures come from here, so they show the workbench as it is today.
test('screenshots of the workbench for the README, in Japanese and English', async ({ page }) => {
  test.setTimeout(180_000); // imports two real sanctions lists
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

    // Keys and colleagues: two colleagues added, and a pasted key that repeats a known name with another key.
    for (const text of [COLLEAGUE_CARDS.ana, COLLEAGUE_CARDS.sato]) {
      await call(host, 'keys.addColleague', { text, fingerprint: (await call(host, 'keys.readCard', { text })).fingerprint });
    }
    for (const language of ['ja', 'en'] as const) {
      await page.goto(`${host.origin}/#/`);
      await page.getByTestId('language-switch').getByText(language === 'ja' ? '日本語' : 'English').click();
      await page.getByTestId('nav-keys').click();
      await expect(page.getByTestId('own-key-qr')).toBeVisible();
      await expect(page.getByTestId('colleague-row')).toHaveCount(2);
      await page.getByTestId('colleague-paste').fill(COLLEAGUE_CARDS.anaOtherKey);
      await page.getByTestId('colleague-read').click();
      await expect(page.getByTestId('colleague-name-mismatch')).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/keys-colleagues-${language}.png` });
    }

    // Sanctions lists and the coordination matrix: real OFAC (Xinjiang/Burma excerpt) and Japanese
    // MOF files. Only lists that are complete for these subjects are loaded, so no cell claims "not
    // designated" for a partner whose list is only an excerpt here.
    const listDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-shot-lists-'));
    const ofac = ['sdn.csv', 'alt.csv', 'add.csv'].map((name) => {
      const target = path.join(listDir, name);
      fs.copyFileSync(path.resolve('../shared/fixtures/sanctions/us-ofac-sdn/excerpt-burma-xinjiang-2021-07', name), target);
      return target;
    });
    const mof = path.join(listDir, 'shisantouketsu20260305.xlsx');
    fs.copyFileSync(path.resolve('../shared/fixtures/sanctions/jp-mof/shisantouketsu20260305.xlsx'), mof);
    await page.goto(`${host.origin}/#/lists`);
    await page.getByTestId('list-file-input').setInputFiles([...ofac, mof]);
    await expect(page.getByTestId('list-import')).toHaveAttribute('data-running', 'false', { timeout: 120_000 });
    await expect(page.getByTestId('list-row')).toHaveCount(2);

    const xinjiang = [
      { names: [{ script: 'hans' as const, value: '朱海仑' }], birth: '1958-01', ref: '29219' },
      { names: [{ script: 'hans' as const, value: '陈全国' }], birth: '1955', ref: '29220' },
      { names: [{ script: 'hans' as const, value: '王君正' }], birth: '1963-05', ref: '31492' },
      { names: [{ script: 'hans' as const, value: '王明山' }], birth: '1964-01', ref: null },
    ];
    for (const s of xinjiang) {
      const precision = s.birth.length === 4 ? ('year' as const) : ('month' as const);
      await call(host, 'subjects.create', {
        caseId: first,
        type: 'person',
        names: s.names,
        birthDates: [{ date: { precision, value: s.birth } }],
        nationalities: [{ country: 'CN' }],
      });
    }
    await call(host, 'screening.run', { scope: 'case', caseId: first });
    const screened = await call(host, 'screening.candidates', { caseId: first });
    for (const s of xinjiang) {
      if (!s.ref) continue; // left to decide: the matrix shows it as pending
      const candidate = screened
        .flatMap((subject) => subject.persons.flatMap((p) => p.candidates))
        .find((c) => c.listKey === 'us-ofac-sdn' && c.listRef === s.ref);
      if (!candidate) throw new Error(`no candidate for OFAC ${s.ref}`);
      await call(host, 'screening.decide', { candidateId: candidate.id, decision: 'confirmed', note: 'Name and date of birth agree; the list gives no nationality.', caseId: first });
    }

    for (const language of ['ja', 'en'] as const) {
      await page.getByTestId('language-switch').getByText(language === 'ja' ? '日本語' : 'English').click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      // A newer download of the OFAC list replaces the one in use: the report says what it read and replaced.
      await page.goto(`${host.origin}/#/lists`);
      await page.getByTestId('list-file-input').setInputFiles(ofac);
      await expect(page.getByTestId('list-import')).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
      await expect(page.getByTestId('list-import-report')).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/sanctions-lists-${language}.png` });
      await call(host, 'screening.run', { scope: 'case', caseId: first }); // as an investigator would after a new list

      await page.goto(`${host.origin}/#/cases/${first}/screening?view=matrix`);
      await expect(page.locator('[data-testid="matrix-row"][data-gap="true"]')).toHaveCount(3);
      await page.screenshot({ path: `docs/screenshots/coordination-matrix-${language}.png` });
      // Across the workspace: each subject with the case it is in.
      await page.goto(`${host.origin}/#/coordination`);
      await expect(page.getByTestId('matrix-cases')).toHaveCount(4);
      await page.screenshot({ path: `docs/screenshots/coordination-workspace-${language}.png` });

      await page.goto(`${host.origin}/#/cases/${first}/screening`);
      await expect(page.getByTestId('candidate').first()).toBeVisible();
      await page.screenshot({ path: `docs/screenshots/screening-candidates-${language}.png` });
    }

    // The demo case a first run offers (main/demo): marked as a demo, at the proposal stage.
    const demo = await call(host, 'cases.openDemo', {});
    for (const language of ['ja', 'en'] as const) {
      await page.getByTestId('language-switch').getByText(language === 'ja' ? '日本語' : 'English').click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page.goto(`${host.origin}/#/cases/${demo.id}`);
      await expect(page.getByTestId('demo-banner')).toBeVisible();
      await expect(page.getByTestId('stage-step-proposal')).toHaveAttribute('data-state', 'current');
      await page.screenshot({ path: `docs/screenshots/demo-case-${language}.png` });
    }
    fs.rmSync(listDir, { recursive: true, force: true });
  } finally {
    await host.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});
