import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startHost, tempWorkspace } from './support/host';

test('a workspace already open elsewhere is refused with a message that says what to do', async ({ page }) => {
  const workspace = tempWorkspace();
  const first = await startHost(workspace);
  const second = await startHost(workspace);
  try {
    await page.goto(second.url);
    await expect(page.getByTestId('workspace-error')).toBeVisible();
    await expect(page.getByTestId('workspace-error')).toContainText(/Casebench/);
    // The first instance is unaffected.
    await page.goto(first.url);
    await expect(page.getByTestId('new-case')).toBeVisible();
  } finally {
    await second.stop();
    await first.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});

test('a corrupt workspace database is refused and left as it was', async ({ page }) => {
  const workspace = tempWorkspace();
  const file = path.join(workspace, 'casebench.sqlite');
  fs.writeFileSync(file, 'not a database '.repeat(500));
  const before = fs.readFileSync(file);
  const host = await startHost(workspace);
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('workspace-error')).toBeVisible();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  } finally {
    await host.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});
