import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import QRCode from 'qrcode';
import { call } from './support/api';
import { COLLEAGUE_CARDS } from './support/colleague-cards';
import { startHost, tempWorkspace, type RunningHost } from './support/host';

const made: { host: RunningHost; workspace: string }[] = [];

async function workspaceOf(identity: { name: string; organisation: string }) {
  const workspace = tempWorkspace();
  const host = await startHost(workspace, { identity });
  made.push({ host, workspace });
  return host;
}

test.afterEach(async () => {
  for (const { host, workspace } of made.splice(0)) {
    await host.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});

test('an investigator shows their public key, and adds a colleague from another workspace with the same fingerprint', async ({ page }) => {
  const mine = await workspaceOf({ name: 'Aiko Tanaka', organisation: 'Human Rights Now' });
  const theirs = await workspaceOf({ name: 'Ana Lima', organisation: 'Justiça Global' });
  const ana = await call(theirs, 'keys.own', {});

  await page.goto(mine.url);
  await page.getByTestId('language-switch').getByText('English').click();
  await page.getByTestId('nav-keys').click();

  // My key: as text to copy, as a QR code (an image that loaded), and my fingerprint.
  const myText = page.getByTestId('own-key-text');
  await expect(myText).toHaveValue(/^casebench-key-1:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{8}$/);
  await expect(page.getByTestId('own-key-name')).toHaveText('Aiko Tanaka');
  const qr = page.getByTestId('own-key-qr');
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const me = await call(mine, 'keys.own', {});
  await expect(myText).toHaveValue(me.text);
  // The QR code holds that very line (the same encoder, same options, makes the same picture).
  const qrSvg = decodeURIComponent((await qr.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
  expect(qrSvg).toBe(await QRCode.toString(me.text, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 }));
  await expect(page.getByTestId('own-fingerprint')).toHaveAttribute('data-fingerprint', me.fingerprint);
  await expect(page.getByTestId('own-fingerprint')).toContainText(me.fingerprint.split(' ')[0]!);
  await expect(page.getByTestId('colleagues-empty')).toBeVisible();

  // A paste cut short is caught, with what to do about it.
  const paste = page.getByTestId('colleague-paste');
  await paste.fill(ana.text.slice(0, 80));
  await page.getByTestId('colleague-read').click();
  await expect(page.getByTestId('add-colleague')).toContainText('not a whole Casebench public key');
  await expect(page.getByTestId('colleague-preview')).toHaveCount(0);

  // Ana's key as an e-mail brings it: wrapped, quoted. Read it, compare by phone, then add.
  await paste.fill(`Hi Aiko, my key:\n> ${ana.text.slice(0, 70)}\n> ${ana.text.slice(70)}\nAna`);
  await page.getByTestId('colleague-read').click();
  const preview = page.getByTestId('colleague-preview');
  await expect(preview).toHaveAttribute('data-standing', 'unknown');
  await expect(page.getByTestId('colleague-preview-name')).toHaveText('Ana Lima');
  await expect(page.getByTestId('colleague-preview-fingerprint')).toHaveAttribute('data-fingerprint', ana.fingerprint);
  await expect(page.getByTestId('colleague-confirm')).toBeDisabled();
  await page.getByTestId('colleague-compared').check();
  await page.getByTestId('colleague-confirm').click();
  const rows = page.getByTestId('colleague-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Justiça Global');
  await expect(rows.first().getByTestId('colleague-fingerprint')).toHaveAttribute('data-fingerprint', ana.fingerprint);
  expect((await call(mine, 'keys.colleagues', {})).colleagues.map((c) => c.signingKey)).toEqual([ana.card.signingKey]);

  // Pasting it again, or my own key, adds nothing.
  await paste.fill(ana.text);
  await page.getByTestId('colleague-read').click();
  await expect(preview).toHaveAttribute('data-standing', 'known');
  await expect(page.getByTestId('colleague-confirm')).toHaveCount(0);
  await paste.fill(me.text);
  await page.getByTestId('colleague-read').click();
  await expect(preview).toHaveAttribute('data-standing', 'self');
  await expect(page.getByTestId('colleague-confirm')).toHaveCount(0);

  // Another key under Ana's name is said plainly, and added beside her, never over her.
  await paste.fill(COLLEAGUE_CARDS.anaOtherKey);
  await page.getByTestId('colleague-read').click();
  await expect(preview).toHaveAttribute('data-standing', 'name-mismatch');
  await expect(page.getByTestId('colleague-name-mismatch')).toContainText('You already have a colleague named Ana Lima, with a different key');
  await expect(page.getByTestId('colleague-name-mismatch')).toContainText(ana.fingerprint);
  await page.getByTestId('colleague-compared').check();
  await page.getByTestId('colleague-confirm').click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('colleague-same-name')).toHaveCount(2);

  // Removing one is confirmed; Ana's first key stays.
  await rows.filter({ hasText: 'Free Mail Account' }).getByTestId('colleague-remove').click();
  await page.getByTestId('colleague-remove-confirm').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('colleague-fingerprint')).toHaveAttribute('data-fingerprint', ana.fingerprint);
  await expect(page.getByTestId('colleague-same-name')).toHaveCount(0);
});
