import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import type { Stage } from '../shared/domain/workflow';
import { call } from './support/api';
import { startHost, tempWorkspace, TEST_IDENTITY, type RunningHost } from './support/host';
import { findingDoc } from './support/richtext';
import { setLanguage } from './support/ui';

/**
 * Two investigators on two machines (two hosts, two workspaces, two identities) pass one case back
 * and forth as bundles, through the UI: Aiko shares it with Ken, who imports it; both change the
 * same allegation, Ken sends his version back and Aiko resolves the conflict field by field; then
 * Ken, as reviewer, returns the case with a comment and sends it back, and Aiko sees the comment and
 * the return in her history.
 */
const REVIEWER = { name: '佐藤 健', organisation: 'アジア人権ネットワーク' };
const ARTEFACTS = path.join('test-results', 'bundles');

const made: { host: RunningHost; workspace: string }[] = [];
async function machine(identity: { name: string; organisation: string }) {
  const workspace = tempWorkspace();
  const host = await startHost(workspace, { identity });
  made.push({ host, workspace });
  return host;
}

test.beforeEach(() => {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
});

test.afterEach(async () => {
  for (const { host, workspace } of made.splice(0)) {
    await host.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});

/** Each adds the other's public key, as they would after comparing fingerprints by phone. */
async function introduce(a: RunningHost, b: RunningHost) {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const own = await call(from, 'keys.own', {});
    await call(to, 'keys.addColleague', { text: own.text, fingerprint: own.fingerprint });
  }
}

async function fileExhibit(host: RunningHost, caseId: string, name: string, content: string) {
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const response = await fetch(`${host.origin}/api/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin: host.origin, 'x-casebench-filename': encodeURIComponent(name) },
    body: content,
  });
  const upload = ((await response.json()) as { value: { uploadId: string } }).value;
  return (await call(host, 'evidence.import', { caseId, uploads: [{ uploadId: upload.uploadId, originalName: name }] })).items[0]!;
}

/** Aiko's case, which the UI is not the subject of here, submitted for review. */
async function seed(host: RunningHost) {
  const kase = await call(host, 'cases.create', { title: '新疆ウイグル自治区における恣意的拘禁', country: 'CN', situation: 'Xinjiang 2017–2020', summary: '' });
  const allegation = await call(host, 'allegations.create', {
    caseId: kase.id,
    category: 'arbitrary_detention',
    period: { precision: 'range', from: '2017-04', to: '2019' },
    place: 'Urumqi',
    narrative: 'Detention in so-called vocational training centres.',
    victims: [{ pseudonym: 'W-01' }],
    status: 'alleged',
  });
  const subject = await call(host, 'subjects.create', {
    caseId: kase.id,
    type: 'person',
    names: [
      { script: 'latn', value: 'Zhu Hailun', primary: true },
      { script: 'hans', value: '朱海仑', primary: true },
    ],
    birthDates: [{ date: { precision: 'year', value: '1958' } }],
  });
  await call(host, 'subjects.setRoles', { caseId: kase.id, subjectId: subject.id, roles: [{ allegationId: allegation.id, role: 'commander' }] });
  const witness = await call(host, 'evidence.createTestimony', { caseId: kase.id, title: 'Witness W-01, interview', source: 'W-01' });
  await call(host, 'evidence.link', { itemId: witness.id, target: { type: 'allegation', id: allegation.id }, stance: 'supporting' });
  const roster = await fileExhibit(host, kase.id, 'roster.txt', 'Camp roster, block 3: 212 detainees.\n');
  await call(host, 'evidence.link', { itemId: roster.id, target: { type: 'allegation', id: allegation.id }, stance: 'supporting' });
  await call(host, 'findings.save', {
    caseId: kase.id,
    target: { type: 'allegation', id: allegation.id },
    section: 'finding',
    outcome: 'met',
    body: findingDoc('Detention in the Urumqi facilities is established by', [witness]),
    revision: 0,
  });
  const target = { type: 'subject' as const, id: subject.id };
  await call(host, 'findings.save', { caseId: kase.id, target, section: 'finding', outcome: 'met', body: findingDoc('He directed the programme.'), revision: 0 });
  await call(host, 'findings.save', { caseId: kase.id, target, section: 'reasons', outcome: null, body: findingDoc('Statement of reasons for Zhu Hailun.'), revision: 0 });
  const stages: Stage[] = ['intake', 'assessment', 'investigation', 'findings', 'proposal'];
  for (const from of stages) await call(host, 'workflow.advance', { caseId: kase.id, from, justification: 'Seeded for the bundle test.' });
  return { kase, allegation };
}

/** Share → the colleague → Export; the browser host hands the file over as a download. */
async function share(page: Page, colleague: string, file: string, screenshot?: string) {
  await page.getByTestId('share-case-open').click();
  await page.getByTestId('share-colleagues').click();
  await page.getByRole('option', { name: new RegExp(colleague) }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-protected')).not.toBeChecked();
  await expect(page.getByTestId('share-evidence')).toBeChecked();
  if (screenshot) {
    await page.getByTestId('share-what').getByText(/Chosen parts|選んだ部分だけ/).click();
    await expect(page.getByTestId('share-pick-allegations')).toBeVisible();
    await page.screenshot({ path: path.join(ARTEFACTS, `${screenshot}.png`) });
    await page.getByTestId('share-what').getByText(/The whole case|案件全体/).click();
  }
  const download = page.waitForEvent('download');
  await page.getByTestId('share-export').click();
  await (await download).saveAs(file);
  await expect(page.getByTestId('share-done')).toBeVisible();
  await page.getByTestId('share-close').click();
}

/** From the case list: Import bundle → choose the file → the plan. */
async function openBundle(page: Page, file: string) {
  const back = page.getByRole('link', { name: /All cases|案件一覧/ });
  if (await back.isVisible()) await back.click();
  await page.getByTestId('import-bundle-open').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('bundle-pick').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('bundle-plan')).toBeVisible();
}

test('two investigators send a case back and forth: share, import, resolve a conflict field by field, and a review returned', async ({ browser }) => {
  test.setTimeout(150_000);
  const aiko = await machine(TEST_IDENTITY);
  const ken = await machine(REVIEWER);
  await introduce(aiko, ken);
  const { kase, allegation } = await seed(aiko);
  const files = fs.mkdtempSync(path.join(ARTEFACTS, 'files-'));

  // Aiko shares the whole case with Ken: protected identities stay home (off by default).
  const a = await browser.newPage();
  await a.goto(aiko.url);
  await setLanguage(a, 'ja');
  await a.getByText(kase.reference).click();
  const first = path.join(files, 'to-ken.casebundle');
  await share(a, REVIEWER.name, first, 'share-dialog-ja');
  await setLanguage(a, 'en');

  // Ken imports it: known colleague, a new case, nothing to resolve.
  const k = await browser.newPage();
  await k.goto(ken.url);
  await setLanguage(k, 'en');
  await openBundle(k, first);
  await expect(k.getByTestId('bundle-standing')).toHaveAttribute('data-standing', 'known');
  await expect(k.getByTestId('bundle-standing')).toContainText(TEST_IDENTITY.name);
  await expect(k.getByTestId('bundle-case-new')).toHaveAttribute('data-new', 'true');
  await expect(k.getByTestId('bundle-protected')).toHaveAttribute('data-included', 'false');
  await expect(k.getByTestId('bundle-counts')).toHaveAttribute('data-conflicts', '0');
  await expect(k.getByTestId('bundle-conflict')).toHaveCount(0);
  await k.getByTestId('bundle-apply').click();
  await expect(k.getByTestId('bundle-result')).toContainText(`${kase.reference} imported`);
  await k.getByTestId('bundle-open-case').click();
  await expect(k).toHaveURL(new RegExp(`#/cases/${kase.id}`));
  await expect(k.getByTestId('stage-bar')).toHaveAttribute('data-stage', 'review');

  // Both change allegation A-1: Aiko its narrative; Ken its narrative and its place.
  const edit = (host: RunningHost, patch: { narrative: string; place?: string }) =>
    call(host, 'allegations.update', {
      id: allegation.id,
      category: allegation.category,
      period: allegation.period,
      place: patch.place ?? allegation.place,
      narrative: patch.narrative,
      victims: allegation.victims,
      status: allegation.status,
    });
  await edit(aiko, { narrative: 'Detention of at least 212 people in block 3 (roster).' });
  await edit(ken, { narrative: 'Detention in vocational training centres, per W-01.', place: 'Urumqi No. 3 camp' });

  // Ken sends his version back.
  const back = path.join(files, 'to-aiko.casebundle');
  await share(k, TEST_IDENTITY.name, back);

  // Aiko sees the conflict, field by field, and keeps her narrative but takes his place.
  await openBundle(a, back);
  await expect(a.getByTestId('bundle-standing')).toHaveAttribute('data-standing', 'known');
  await expect(a.getByTestId('bundle-case-new')).toHaveAttribute('data-new', 'false');
  const conflict = a.getByTestId('bundle-conflict').and(a.locator('[data-label="A-1"]'));
  await expect(conflict).toHaveCount(1);
  const field = (name: string) => conflict.getByTestId('conflict-field').and(a.locator(`[data-field="${name}"]`));
  await expect(field('narrative')).toContainText('at least 212 people');
  await expect(field('narrative')).toContainText('per W-01');
  await expect(field('place')).toContainText('Urumqi No. 3 camp');
  await expect(conflict.getByTestId('conflict-field')).toHaveCount(2);
  await field('place').getByText('Theirs').click();
  await expect(field('place')).toHaveAttribute('data-choice', 'incoming');
  await expect(field('narrative')).toHaveAttribute('data-choice', 'local');
  await a.screenshot({ path: path.join(ARTEFACTS, 'import-conflict-en.png'), fullPage: true });
  // Closing the preview writes nothing; the same bundle opens again, in Japanese this time.
  await a.getByTestId('import-bundle').getByRole('button', { name: 'Cancel' }).click();
  expect((await call(aiko, 'allegations.list', { caseId: kase.id }))[0]!.place).toBe('Urumqi');
  await setLanguage(a, 'ja');
  await openBundle(a, back);
  await expect(field('place')).toContainText('場所');
  await field('place').getByText('相手').click();
  await expect(field('place')).toHaveAttribute('data-choice', 'incoming');
  await a.screenshot({ path: path.join(ARTEFACTS, 'import-conflict-ja.png'), fullPage: true });
  await a.getByTestId('bundle-apply').click();
  await expect(a.getByTestId('bundle-result-updated')).toContainText('更新 1 件');
  await a.screenshot({ path: path.join(ARTEFACTS, 'import-result-ja.png') });
  await a.getByTestId('bundle-open-case').click();
  await setLanguage(a, 'en');
  const mine = (await call(aiko, 'allegations.list', { caseId: kase.id }))[0]!;
  expect([mine.narrative, mine.place]).toEqual(['Detention of at least 212 people in block 3 (roster).', 'Urumqi No. 3 camp']);

  // Ken, the reviewer, returns the case with a comment on the finding, and sends it back.
  await k.reload();
  await k.getByTestId('tab-review').click();
  await k.getByTestId('review-decision').getByText('Return for revision').click();
  await k.getByTestId('review-add-comment').click();
  await k.getByTestId('review-comment-anchor-0').click();
  await k.getByRole('option', { name: 'Finding on A-1' }).click();
  await k.getByTestId('review-comment-body-0').fill('Cite the camp roster in the finding, not only the witness.');
  await k.getByTestId('review-submit').click();
  await expect(k.getByTestId('stage-bar')).toHaveAttribute('data-stage', 'proposal');
  const review = path.join(files, 'review.casebundle');
  await share(k, TEST_IDENTITY.name, review);

  // Aiko imports it: no conflict (only Ken changed the review), the case is back at the proposal stage.
  await openBundle(a, review);
  await expect(a.getByTestId('bundle-counts')).toHaveAttribute('data-conflicts', '0');
  await expect(a.getByTestId('bundle-update').and(a.locator('[data-label="R-1"]'))).toBeVisible();
  await a.getByTestId('bundle-apply').click();
  await a.getByTestId('bundle-open-case').click();
  await expect(a.getByTestId('stage-bar')).toHaveAttribute('data-stage', 'proposal');
  await a.getByTestId('tab-review').click();
  const r1 = a.getByTestId('review-round').and(a.locator('[data-reference="R-1"]'));
  await expect(r1).toHaveAttribute('data-status', 'returned');
  await expect(r1.getByTestId('review-comment')).toContainText('Cite the camp roster in the finding');
  await a.getByTestId('tab-overview').click();
  const rows = a.getByTestId('history-row');
  await expect(rows.and(a.locator('[data-kind="review_returned"]'))).toContainText(REVIEWER.name);
  await expect(rows.and(a.locator('[data-kind="stage_returned"]'))).toHaveCount(1);
  // Her two imports, and Ken's import of her first bundle, which travelled back in his history.
  const imports = await rows
    .and(a.locator('[data-kind="bundle_imported"]'))
    .evaluateAll((els) => els.map((el) => el.lastElementChild?.textContent ?? '').sort());
  expect(imports.map((who) => who.split(' (')[0])).toEqual([TEST_IDENTITY.name, TEST_IDENTITY.name, REVIEWER.name].sort());
  await a.getByTestId('case-history').scrollIntoViewIfNeeded();
  await a.screenshot({ path: path.join(ARTEFACTS, 'history-after-review-en.png') });
  // Each value of hers a bundle replaced is kept, named as she knows the record: her place of A-1,
  // then the case's stage and the review round the returned review moved on.
  const replaced = rows.and(a.locator('[data-kind="bundle_replaced"]'));
  await expect(replaced.filter({ hasText: '"place":"Urumqi"' })).toContainText('A-1');
  await expect(replaced.filter({ hasText: '"stage":"review"' })).toContainText(kase.reference);
  await expect(replaced.filter({ hasText: '"status":"pending"' })).toContainText('R-1');
  await expect(replaced).toHaveCount(3);
});
