/**
 * Issue 7 in the Electron shell: a first run asks for a passphrase (no --create-unencrypted), and
 * the keychain (safeStorage) is offered only where it protects the key — on Linux without a keyring
 * (safeStorage's basic_text backend) it is refused, saying why. Where the Electron binary is not
 * installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1), every test reports itself skipped with the reason.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../shared/contract';

const repoDir = path.resolve(import.meta.dirname, '..', '..');

function findElectron(): { executable: string } | { reason: string } {
  try {
    const executable: unknown = createRequire(path.join(repoDir, 'package.json'))('electron');
    if (typeof executable === 'string' && fs.existsSync(executable)) return { executable };
    return { reason: `require('electron') names ${String(executable)}, which does not exist` };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { reason: `node_modules/electron has no executable (require('electron') threw "${message}")` };
  }
}

const found = findElectron();
const SKIP_REASON = `Electron binary not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1): ${'reason' in found ? found.reason : ''}`;
test.skip('reason' in found, SKIP_REASON);
if ('reason' in found && !process.env.TEST_WORKER_INDEX) console.log(`[electron] workspace-lock tests skipped. ${SKIP_REASON}`);
test.describe.configure({ mode: 'serial' });

type CasebenchBridge = { invoke(channel: string, input: unknown): Promise<Result<unknown>> };
declare global {
  interface Window {
    casebench: CasebenchBridge;
  }
}

const PASSPHRASE = 'lantern orbit cobalt meadow 47';
let workspace: string;
let configHome: string;

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  if (!('executable' in found)) throw new Error(SKIP_REASON);
  const app = await electron.launch({
    executablePath: found.executable,
    args: [repoDir, '--workspace', workspace, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: repoDir,
    env: { ...process.env, XDG_CONFIG_HOME: configHome },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

const invoke = (page: Page, channel: string, input: unknown) =>
  page.evaluate(([c, i]) => window.casebench.invoke(c as string, i), [channel, input] as const);

test.beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-electron-lock-'));
  configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-electron-config-'));
});
test.afterAll(() => {
  for (const dir of [workspace, configHome]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('a first run asks for a passphrase, and the keychain is offered only where it protects the key', async () => {
  const { app, page } = await launch();
  try {
    await expect(page.getByTestId('workspace-create')).toBeVisible();
    expect(await invoke(page, 'workspace.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const security = (await invoke(page, 'workspace.security', {})) as Result<{ keychain: { unprotectedReason: string | null } }>;
    expect(security.ok).toBe(true);
    if (!security.ok) return;
    const reason = security.value.keychain.unprotectedReason;
    const stored = await invoke(page, 'workspace.setKeychain', { enabled: true, passphrase: PASSPHRASE });
    if (reason) {
      // No keyring (or basic_text): refused, and the key file holds no keychain copy.
      expect(stored).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
      expect(JSON.parse(fs.readFileSync(path.join(workspace, 'casebench.keys.json'), 'utf8'))).not.toHaveProperty('keychain');
    } else {
      expect(stored).toMatchObject({ ok: true });
    }
  } finally {
    await app.close();
  }
  // The next start: opened by the keychain where it was kept, locked otherwise.
  const again = await launch();
  try {
    const status = (await invoke(again.page, 'app.status', {})) as Result<{ workspace: { state: string } }>;
    const keychain = JSON.parse(fs.readFileSync(path.join(workspace, 'casebench.keys.json'), 'utf8')) as { keychain?: unknown };
    expect(status).toMatchObject({ ok: true, value: { workspace: { state: keychain.keychain ? 'ready' : 'locked' } } });
  } finally {
    await again.app.close();
  }
});
