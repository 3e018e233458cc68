import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { call } from './support/api';
import { startHost, tempWorkspace, TEST_IDENTITY, type RunningHost } from './support/host';

/**
 * Issue 7, the lock's remaining corners: the idle lock driven by Playwright's clock (the page's
 * Date and timers; main's clock is real and plays no part), and the language on the unlock screen.
 * Screenshots go to test-results/idle-lock/.
 */
const ARTEFACTS = path.join('test-results', 'idle-lock');
const PASSPHRASE = 'lantern orbit cobalt meadow 47';
const CASE_TITLE = 'Kashgar detention facility transfers';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  await page.waitForTimeout(300); // Mantine's transitions, for a settled picture
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`) });
}

/** An encrypted workspace, created as the first run would (through the API: the create screen has its own spec), with one case. */
async function encryptedHost(workspace: string): Promise<RunningHost> {
  const host = await startHost(workspace, { createUnencrypted: false, identity: null });
  await call(host, 'workspace.create', { passphrase: PASSPHRASE });
  await call(host, 'identity.set', TEST_IDENTITY);
  await call(host, 'cases.create', { title: CASE_TITLE, country: null, situation: '', summary: '' });
  return host;
}

/**
 * Records, in the page, each channel the renderer calls, at the moment it calls fetch. The idle
 * check calls it synchronously from its timer, so once `clock.runFor` returns, whether the page
 * asked main to lock is known without waiting for the answer (test instrumentation only).
 */
async function recordCalls(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const calls: string[] = [];
    Object.assign(window, { invokedChannels: calls });
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (typeof init?.body === 'string') calls.push((JSON.parse(init.body) as { channel: string }).channel);
      return original(input, init);
    };
  });
  return () => page.evaluate(() => (window as unknown as { invokedChannels: string[] }).invokedChannels.filter((c) => c === 'workspace.lock').length);
}

test('locks after the chosen idle time, not while the investigator is active, and then holds no case data', async ({ page }) => {
  const workspace = tempWorkspace();
  const host = await encryptedHost(workspace);
  try {
    // The page's clock is Playwright's from the first script on; it flows naturally until advanced.
    await page.clock.install();
    const locks = await recordCalls(page);
    await page.goto(host.url);
    await expect(page.getByTestId('case-row').filter({ hasText: CASE_TITLE })).toBeVisible();

    // Security settings: the shortest idle time offered is five minutes (never under a minute).
    await page.getByTestId('security-open').click();
    await page.getByTestId('idle-lock').click();
    await expect(page.getByRole('option')).toHaveText(['Never', '5 minutes', '15 minutes', '30 minutes', '60 minutes', '120 minutes']);
    await page.getByRole('option', { name: '5 minutes', exact: true }).click();
    await expect(page.getByTestId('idle-lock')).toHaveValue('5 minutes');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('security-settings')).toHaveCount(0);
    const row = page.getByTestId('case-row').filter({ hasText: CASE_TITLE });

    // Four idle minutes: still open. A key press, then two more: six since the setting, two since the key.
    await page.clock.runFor('04:00');
    expect(await locks()).toBe(0);
    await page.keyboard.press('Shift');
    await page.clock.runFor('02:00');
    expect(await locks()).toBe(0);
    await expect(row).toBeVisible();

    // A pointer movement counts too: four and a half minutes after it, still open.
    await page.mouse.move(400, 500);
    await page.mouse.move(420, 520);
    await page.clock.runFor('04:30');
    expect(await locks()).toBe(0);
    await expect(row).toBeVisible();

    // Five and a half minutes without activity: locked (the check runs every 15 s).
    await page.clock.runFor('01:00');
    expect(await locks()).toBe(1);
    await expect(page.getByTestId('workspace-unlock')).toBeVisible();
    await expect(page.getByText(CASE_TITLE)).toHaveCount(0);
    await expect(page.getByTestId('case-row')).toHaveCount(0);
    await expect(page.getByText(TEST_IDENTITY.name)).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('HR-20');
    // Main holds no key: it refuses every call for workspace data.
    await expect(call(host, 'cases.list', {})).rejects.toThrow(/WORKSPACE_NOT_UNLOCKED/);
    expect(await call(host, 'app.status', {})).toMatchObject({ workspace: { state: 'locked' }, identity: null });

    // The passphrase opens it again, with the idle time kept.
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await expect(row).toBeVisible();
    expect((await call(host, 'workspace.security', {})).idleLockMinutes).toBe(5);
  } finally {
    await host.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});

test('the unlock screen switches between Japanese and English, and the choice is kept through a reload, a restart and the unlock', async ({ page }) => {
  const workspace = tempWorkspace();
  let host = await encryptedHost(workspace);
  try {
    await call(host, 'settings.setLanguage', { language: 'en' });
    await call(host, 'workspace.lock', {});
    await page.goto(host.url);
    const unlock = page.getByTestId('workspace-unlock');
    await expect(unlock).toContainText('This workspace is locked');

    await page.getByTestId('language-switch').getByText('日本語').click();
    await expect(unlock).toContainText('このワークスペースはロックされています');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByText('could not be remembered')).toHaveCount(0);
    await expect(page.getByText('保存できませんでした')).toHaveCount(0);
    await shot(page, 'unlock-ja');

    // Remembered while locked: a reload, then a restart of main, start in Japanese (the browser says en-US).
    await page.reload();
    await expect(unlock).toContainText('このワークスペースはロックされています');
    await host.stop();
    host = await startHost(workspace, { createUnencrypted: false, identity: null });
    await page.goto(host.url);
    await expect(unlock).toContainText('このワークスペースはロックされています');

    // Unlocked, the workspace keeps it; and back to English from the unlock screen works the same.
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('case-row').filter({ hasText: CASE_TITLE })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    expect((await call(host, 'app.status', {})).language).toBe('ja');

    // Switched at once, while the lock is on its way: the pick stands.
    await page.getByTestId('lock-workspace').click();
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(unlock).toContainText('This workspace is locked');
    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('case-row').filter({ hasText: CASE_TITLE })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    await host.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});
