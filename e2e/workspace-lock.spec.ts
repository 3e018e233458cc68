import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { call } from './support/api';
import { startHost, tempWorkspace, TEST_IDENTITY } from './support/host';

/**
 * Issue 7: the real first run (no --create-unencrypted): a workspace created with a passphrase,
 * locked, and unlocked with a wrong then the right passphrase. Screenshots of the create and unlock
 * screens go to test-results/workspace-lock/ (English and Japanese).
 */
const ARTEFACTS = path.join('test-results', 'workspace-lock');
const PASSPHRASE = 'lantern orbit cobalt meadow 47';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  await page.waitForTimeout(300); // Mantine's modal and alert transitions, for a settled picture
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`) });
}

test('create an encrypted workspace, lock it, unlock with a wrong then the right passphrase', async ({ page }) => {
  const workspace = tempWorkspace();
  const host = await startHost(workspace, { createUnencrypted: false, identity: null });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('workspace-create')).toBeVisible();
    expect(fs.readdirSync(workspace).filter((n) => n.startsWith('casebench.'))).toEqual([]);

    // A weak passphrase is shown as weak, with zxcvbn's advice, and cannot be submitted.
    await page.getByTestId('create-passphrase').fill('password1');
    await page.getByTestId('create-confirm').fill('password1');
    await expect(page.getByTestId('strength-meter')).toHaveAttribute('data-score', '0');
    await expect(page.getByTestId('strength-meter')).toContainText('commonly used password');
    await expect(page.getByTestId('create-submit')).toBeDisabled();

    await page.getByTestId('create-passphrase').fill(PASSPHRASE);
    await page.getByTestId('create-confirm').fill(PASSPHRASE);
    await expect(page.getByTestId('strength-meter')).toHaveAttribute('data-score', /[34]/);
    await shot(page, 'create-en');
    await page.getByTestId('create-submit').click();

    // The recovery code, once; the workbench opens only after "I have written it down".
    const code = page.getByTestId('recovery-code');
    await expect(code).toBeVisible({ timeout: 20_000 });
    const recoveryCode = await code.getAttribute('data-code');
    expect(recoveryCode).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/);
    await shot(page, 'recovery-code-en');
    await expect(page.getByTestId('recovery-continue')).toBeDisabled();
    await page.getByTestId('recovery-written').check();
    await page.getByTestId('recovery-continue').click();

    // First use: who is working, then the case list of an encrypted workspace.
    await page.getByTestId('identity-name').fill(TEST_IDENTITY.name);
    await page.getByTestId('identity-organisation').fill(TEST_IDENTITY.organisation);
    await page.getByTestId('identity-submit').click();
    await expect(page.getByTestId('new-case')).toBeVisible();
    const keyFile = JSON.parse(fs.readFileSync(path.join(workspace, 'casebench.keys.json'), 'utf8')) as { cipher: string };
    expect(keyFile.cipher).toBe('sqlcipher4-raw-key');
    expect(fs.readFileSync(path.join(workspace, 'casebench.sqlite')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    // Lock: the unlock screen replaces everything; nothing of the workspace stays on the page.
    await page.getByTestId('lock-workspace').click();
    await expect(page.getByTestId('workspace-unlock')).toBeVisible();
    await expect(page.getByTestId('new-case')).toHaveCount(0);
    await expect(page.getByText(TEST_IDENTITY.name)).toHaveCount(0);

    await page.getByTestId('unlock-passphrase').fill('lantern orbit cobalt meadow 48');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('unlock-error')).toHaveAttribute('data-code', 'WORKSPACE_PASSPHRASE_WRONG');
    await expect(page.getByTestId('unlock-error')).toContainText('does not open this workspace');
    await shot(page, 'unlock-wrong-en');

    await page.getByTestId('unlock-passphrase').fill(PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('new-case')).toBeVisible();
    await expect(page.getByTestId('identity-menu')).toContainText(TEST_IDENTITY.name);

    // Evidence of an encrypted workspace: sealed in the vault, served decrypted to the preview, with ranges.
    const token = new URL(host.url).searchParams.get('token') ?? '';
    const content = Buffer.from(`${'拘禁施設の証言 Kashgar witness statement. '.repeat(4000)}end`);
    const uploaded = await fetch(`${host.origin}/api/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: host.origin, 'x-casebench-filename': encodeURIComponent('statement.txt') },
      body: content,
    });
    const upload = ((await uploaded.json()) as { value: { uploadId: string; sha256: string } }).value;
    const kase = await call(host, 'cases.create', { title: 'Sealed evidence', country: null, situation: '', summary: '' });
    await call(host, 'evidence.import', { caseId: kase.id, uploads: [{ uploadId: upload.uploadId, originalName: 'statement.txt' }] });
    const sha = upload.sha256;
    const stored = fs.readFileSync(path.join(workspace, 'vault', 'sha256', sha.slice(0, 2), sha.slice(2, 4), sha));
    expect(stored.includes(Buffer.from('Kashgar witness'))).toBe(false);
    const whole = await page.request.get(`${host.origin}/vault/${sha}`);
    expect(whole.status()).toBe(200);
    expect((await whole.body()).equals(content)).toBe(true);
    const ranged = await page.request.get(`${host.origin}/vault/${sha}`, { headers: { Range: 'bytes=65530-131100' } });
    expect(ranged.status()).toBe(206);
    expect((await ranged.body()).equals(content.subarray(65530, 131101))).toBe(true);

    // Security: the recovery code again, after the passphrase.
    await page.getByTestId('security-open').click();
    await page.getByTestId('show-passphrase').fill(PASSPHRASE);
    await page.getByTestId('show-submit').click();
    await expect(page.getByTestId('security-settings').getByTestId('recovery-code')).toHaveAttribute('data-code', recoveryCode!);
    await shot(page, 'security-en');
    // The print-friendly sheet: only the code and its note, nothing of the app.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.recovery-print-sheet')).toContainText(recoveryCode!.split('-').join('  '));
    await expect(page.getByTestId('new-case')).toBeHidden();
    await shot(page, 'recovery-print-en');
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');

    // The same screens in Japanese.
    await page.getByTestId('language-switch').getByText('日本語').click();
    await page.getByTestId('lock-workspace').click();
    await expect(page.getByTestId('workspace-unlock')).toContainText('ロックされています');
    await shot(page, 'unlock-ja');
  } finally {
    await host.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});

test('a plain workspace opens as before and offers to encrypt itself', async ({ page }) => {
  const workspace = tempWorkspace();
  const host = await startHost(workspace);
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('new-case')).toBeVisible();
    await expect(page.getByTestId('unencrypted-badge')).toBeVisible();
    await page.getByTestId('security-open').click();
    await expect(page.getByTestId('security-settings')).toBeVisible();
    await shot(page, 'encrypt-existing-en');
    await page.getByTestId('encrypt-passphrase').fill(PASSPHRASE);
    await page.getByTestId('encrypt-confirm').fill(PASSPHRASE);
    await expect(page.getByTestId('encrypt-submit')).toBeEnabled();
    await page.getByTestId('encrypt-submit').click();
    await expect(page.getByTestId('recovery-code')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('recovery-written').check();
    await page.getByTestId('recovery-continue').click();
    await expect(page.getByTestId('lock-workspace')).toBeVisible();
    await expect(page.getByTestId('unencrypted-badge')).toHaveCount(0);
    expect(fs.existsSync(path.join(workspace, 'casebench.keys.json'))).toBe(true);
  } finally {
    await host.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});
