import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { call } from './support/api';
import { hostPerTest, TEST_IDENTITY } from './support/host';
import { findingDoc } from './support/richtext';

const env = hostPerTest();

const AUTHOR = `${TEST_IDENTITY.name} (${TEST_IDENTITY.organisation})`;
const REVIEWER = { name: 'Ben Carter', organisation: 'Human Rights Now' };

/**
 * What the UI is not the subject of here, through the API: an allegation whose period is not yet
 * known, a subject with a role but no identifier, a witness statement supporting the allegation,
 * and the findings and statement of reasons as the findings editor saves them.
 */
async function seed() {
  const kase = await call(env.host, 'cases.create', {
    title: '新疆における恣意的拘禁',
    country: 'CN',
    situation: 'Xinjiang 2017–2020',
    summary: '',
  });
  const allegation = await call(env.host, 'allegations.create', {
    caseId: kase.id,
    category: 'arbitrary_detention',
    period: { precision: 'unknown' },
    place: 'Urumqi',
    narrative: 'Detention in so-called vocational training centres.',
    victims: [{ pseudonym: 'W-01' }],
    status: 'alleged',
  });
  const subject = await call(env.host, 'subjects.create', {
    caseId: kase.id,
    type: 'person',
    names: [
      { script: 'latn', value: 'Zhu Hailun', primary: true },
      { script: 'hans', value: '朱海仑', primary: true },
    ],
    birthDates: [{ date: { precision: 'year', value: '1958' } }],
  });
  await call(env.host, 'subjects.setRoles', { caseId: kase.id, subjectId: subject.id, roles: [{ allegationId: allegation.id, role: 'commander' }] });
  const witness = await call(env.host, 'evidence.createTestimony', { caseId: kase.id, title: 'Witness W-01, interview', source: 'W-01' });
  await call(env.host, 'evidence.link', { itemId: witness.id, target: { type: 'allegation', id: allegation.id }, stance: 'supporting' });
  const finding = await call(env.host, 'findings.save', {
    caseId: kase.id,
    target: { type: 'allegation', id: allegation.id },
    section: 'finding',
    outcome: 'met',
    body: findingDoc('Detention in the Urumqi facilities is established by', [witness]),
    revision: 0,
  });
  const subjectTarget = { type: 'subject' as const, id: subject.id };
  await call(env.host, 'findings.save', { caseId: kase.id, target: subjectTarget, section: 'finding', outcome: 'met', body: findingDoc('As Deputy Secretary he directed the programme.'), revision: 0 });
  await call(env.host, 'findings.save', { caseId: kase.id, target: subjectTarget, section: 'reasons', outcome: null, body: findingDoc('Statement of reasons for Zhu Hailun.'), revision: 0 });
  return { kase, allegation, finding, witness };
}

async function openGate(page: Page) {
  await page.getByTestId('gate-open').click();
  await expect(page.getByTestId('gate-panel')).toBeVisible();
}

async function closeGate(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('gate-panel')).toBeHidden();
}

/** Advances through a met gate and waits until the stage bar shows the new stage. */
async function advance(page: Page, to: string) {
  await openGate(page);
  await expect(page.getByTestId('gate-checklist')).toHaveAttribute('data-to', to);
  await page.getByTestId('advance').click();
  await expect(page.getByTestId('stage-bar')).toHaveAttribute('data-stage', to);
  await closeGate(page);
}

/** Switches who is stamped on what happens next, as a colleague at the same machine would. */
async function becomes(page: Page, who: { name: string; organisation: string }) {
  await page.getByTestId('identity-menu').click();
  await page.getByTestId('identity-name').fill(who.name);
  await page.getByTestId('identity-organisation').fill(who.organisation);
  await page.getByTestId('identity-submit').click();
  await expect(page.getByTestId('identity-menu')).toHaveText(`${who.name} · ${who.organisation}`);
}

const check = (page: Page, id: string) => page.getByTestId('gate-check').and(page.locator(`[data-check="${id}"]`));

test('a case goes from intake to decision through its gates, with a return for revision in review by a second person', async ({ page }) => {
  const { kase } = await seed();
  await page.goto(env.host.url);
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByText(kase.reference).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${kase.id}`));

  // All seven stages, intake marked as the current one.
  const bar = page.getByTestId('stage-bar');
  await expect(bar).toHaveAttribute('data-stage', 'intake');
  for (const stage of ['intake', 'assessment', 'investigation', 'findings', 'proposal', 'review', 'decision']) {
    await expect(page.getByTestId(`stage-step-${stage}`)).toBeVisible();
  }
  await expect(page.getByTestId('stage-step-intake')).toHaveAttribute('data-state', 'current');
  await expect(page.getByTestId('stage-step-assessment')).toHaveAttribute('data-state', 'ahead');

  // Into assessment: the allegation's period is missing; the gate opens the allegation to fix it.
  await openGate(page);
  await expect(check(page, 'assessment.allegation_category_period')).toHaveAttribute('data-state', 'unmet');
  await expect(check(page, 'assessment.allegation_category_period')).toContainText('A-1: period unknown');
  await expect(page.getByTestId('advance')).toBeDisabled();
  await check(page, 'assessment.allegation_category_period').getByTestId('gate-fix').click();
  // The form opens on its first field, the conduct category, with its list open: move on past it.
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('listbox')).toBeHidden();
  await page.getByTestId('allegation-precision').getByText('Range', { exact: true }).click();
  await page.getByTestId('allegation-date-from').fill('2017-04');
  await page.getByTestId('allegation-date-to').fill('2019');
  await page.getByTestId('allegation-submit').click();
  await expect(page.getByTestId('allegation-submit')).toBeHidden();
  await expect(check(page, 'assessment.allegation_category_period')).toHaveAttribute('data-state', 'met');
  await page.getByTestId('advance').click();
  await expect(bar).toHaveAttribute('data-stage', 'assessment');
  await expect(page.getByTestId('stage-step-intake')).toHaveAttribute('data-state', 'done');

  // Into investigation: no partner list on this machine; the check is waived with a reason.
  await expect(page.getByTestId('gate-checklist')).toHaveAttribute('data-to', 'investigation');
  const partner = check(page, 'investigation.partner_check');
  await expect(partner).toContainText('S-1 Zhu Hailun: not screened');
  await expect(partner.getByTestId('gate-fix')).toHaveAttribute('data-place', 'screening');
  await page.screenshot({ path: path.join('test-results', 'workflow-gate-en.png') });
  // The same in Japanese.
  await closeGate(page);
  await page.getByTestId('language-switch').getByText('日本語').click();
  await openGate(page);
  await expect(partner).toContainText('S-1 Zhu Hailun: 現行の各国リストと照合されていません');
  await page.screenshot({ path: path.join('test-results', 'workflow-gate-ja.png') });
  await closeGate(page);
  await page.getByTestId('language-switch').getByText('English').click();
  await openGate(page);
  await partner.getByTestId('waive-check').click();
  await page.getByTestId('waive-submit').click();
  await expect(page.getByTestId('waive-text')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('waive-text').fill('No partner list has been imported on this offline machine yet; checked by hand on the OFAC website.');
  await page.getByTestId('waive-submit').click();
  await expect(partner).toHaveAttribute('data-state', 'waived');
  await expect(partner.getByTestId('waiver')).toContainText(AUTHOR);
  await page.getByTestId('advance').click();
  await expect(bar).toHaveAttribute('data-stage', 'investigation');

  // Into findings: the subject has no identifier beyond name and birth date; moving on needs a justification.
  await expect(page.getByTestId('gate-checklist')).toHaveAttribute('data-to', 'findings');
  await expect(check(page, 'findings.identifiers')).toHaveAttribute('data-state', 'unmet');
  await expect(page.getByTestId('advance')).toBeDisabled();
  await page.getByTestId('advance-anyway').click();
  await expect(page.getByTestId('justify')).toContainText('Each subject has an identifier beyond name and date of birth');
  await page.getByTestId('justify-submit').click();
  await expect(page.getByTestId('justify-text')).toHaveAttribute('aria-invalid', 'true');
  await expect(bar).toHaveAttribute('data-stage', 'investigation');
  await page.getByTestId('justify-text').fill('Passport number requested from the UK; findings can be drafted meanwhile.');
  await page.getByTestId('justify-submit').click();
  await expect(bar).toHaveAttribute('data-stage', 'findings');

  // Into proposal and review: the seeded findings and statement of reasons meet both gates.
  await expect(page.getByTestId('gate-checklist')).toHaveAttribute('data-to', 'proposal');
  await page.getByTestId('advance').click();
  await expect(bar).toHaveAttribute('data-stage', 'proposal');
  await expect(page.getByTestId('advance')).toHaveText('Submit for review');
  await page.getByTestId('advance').click();
  await expect(bar).toHaveAttribute('data-stage', 'review');
  // In review, the decision gate waits for a second person and offers no way around it.
  await expect(check(page, 'decision.review_approved')).toContainText('R-1: waiting for a reviewer');
  await expect(page.getByTestId('advance-anyway')).toHaveCount(0);
  await closeGate(page);

  // The author cannot review her own submission.
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('review-author-notice')).toBeVisible();
  await expect(page.getByTestId('review-submit')).toBeDisabled();

  // The reviewer returns it with a comment on the finding on A-1.
  await becomes(page, REVIEWER);
  await expect(page.getByTestId('review-author-notice')).toHaveCount(0);
  await page.getByTestId('review-decision').getByText('Return for revision').click();
  await page.getByTestId('review-add-comment').click();
  await page.getByTestId('review-comment-anchor-0').click();
  await page.getByRole('option', { name: 'Finding on A-1' }).click();
  await page.getByTestId('review-comment-body-0').fill('Cite the leaked camp roster, not only the witness.');
  await page.getByTestId('review-submit').click();
  await expect(bar).toHaveAttribute('data-stage', 'proposal');
  const r1 = page.getByTestId('review-round').and(page.locator('[data-reference="R-1"]'));
  await expect(r1).toHaveAttribute('data-status', 'returned');
  await expect(r1.getByTestId('review-comment-anchor')).toHaveText('Finding on A-1');
  await page.screenshot({ path: path.join('test-results', 'workflow-review-returned-en.png') });

  // The author revises, resolves the comment (the gate sends her to it) and submits again.
  await becomes(page, TEST_IDENTITY);
  await openGate(page);
  await expect(check(page, 'review.comments_resolved')).toContainText('Comment R-1 #1 not resolved');
  await expect(page.getByTestId('advance')).toBeDisabled();
  await check(page, 'review.comments_resolved').getByTestId('gate-fix').click();
  await expect(page.getByTestId('gate-panel')).toBeHidden();
  await r1.getByTestId('review-comment-resolve').click();
  await expect(r1.getByTestId('review-comment')).toHaveAttribute('data-resolved', 'true');
  await advance(page, 'review');

  // The reviewer approves round 2; the case moves to the decision.
  await becomes(page, REVIEWER);
  const r2 = page.getByTestId('review-round').and(page.locator('[data-reference="R-2"]'));
  await expect(r2).toHaveAttribute('data-status', 'pending');
  await page.getByTestId('review-summary').fill('Well evidenced; the roster is now cited.');
  await page.getByTestId('review-submit').click();
  await expect(r2).toHaveAttribute('data-status', 'approved');
  await advance(page, 'decision');

  // The decision, recorded on the Review tab.
  await page.getByTestId('decision-notice-date').fill('2026-12-01');
  await page.getByTestId('decision-notice-number').fill('財務省告示第320号');
  await page.getByTestId('decision-review-date').fill('2027-12-01');
  await page.getByTestId('decision-submit').click();
  await expect(page.getByTestId('decision-view')).toHaveAttribute('data-outcome', 'designated');
  await expect(page.getByTestId('decision-view')).toContainText('財務省告示第320号');
  await expect(page.getByTestId('gate-open')).toHaveText('Designated');
  await expect(page.getByTestId('stage-step-decision')).toHaveAttribute('data-state', 'current');
  await page.screenshot({ path: path.join('test-results', 'workflow-decision-en.png') });

  // The case history shows it all, in order, each step by whoever took it.
  await page.getByTestId('tab-overview').click();
  const rows = page.getByTestId('history-row');
  const WORKFLOW = ['stage_advanced', 'stage_returned', 'gate_waived', 'review_approved', 'review_returned', 'decision_recorded'];
  await expect(rows.first()).toHaveAttribute('data-kind', 'decision_recorded');
  await page.getByTestId('case-history').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join('test-results', 'workflow-history-en.png') });
  const history = (await rows.evaluateAll((els) => els.map((el) => [el.getAttribute('data-kind'), el.textContent ?? ''])))
    .filter(([kind]) => WORKFLOW.includes(kind ?? ''))
    .reverse(); // the table shows newest first
  expect(history.map(([kind]) => kind)).toEqual([
    'stage_advanced',
    'gate_waived',
    'stage_advanced',
    'stage_advanced',
    'stage_advanced',
    'stage_advanced',
    'review_returned',
    'stage_returned',
    'stage_advanced',
    'review_approved',
    'stage_advanced',
    'decision_recorded',
  ]);
  const by = (i: number) => history[i]![1];
  expect(by(0)).toContain('1 → 2');
  expect(by(1)).toContain('No partner list has been imported');
  expect(by(1)).toContain('[investigation.partner_check]');
  expect(by(3)).toContain('Passport number requested from the UK');
  expect(by(3)).toContain('[findings.identifiers]');
  expect(by(6)).toContain('A-1: Cite the leaked camp roster');
  expect(by(6)).toContain(REVIEWER.name);
  expect(by(8)).toContain(AUTHOR);
  expect(by(9)).toContain(REVIEWER.name);
  expect(by(11)).toContain('財務省告示第320号');
});
