/**
 * The Electron shell: one window on app://casebench, one IPC channel to the router, everything else
 * refused. All decisions live in ../security/policy (plain Node, unit-tested); this file only wires.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import path from 'node:path';
import { openWorkbench, type Workbench } from '../workbench';
import { resolveWorkspaceDir } from '../workspace/locate';
import { denyPermissions, hardenWebContents } from './hardening';
import { bindIpc } from './ipc';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { createMainWindow } from './window';
import { electronPrinter } from './print-to-pdf';
import { documentFonts } from '../documents/fonts/font-library';
import { registerShellPrinting } from '../documents/shell-printing';
import { electronKeychain } from './keychain';

// dist/main/app.cjs → dist/main/preload.cjs and dist/renderer/.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');

registerAppScheme();
hardenWebContents();

let workbench: Workbench | null = null;
let mainWindow: BrowserWindow | null = null;

function showWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow({ preloadPath, devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  let workspaceDir: string;
  try {
    workspaceDir = resolveWorkspaceDir({
      argv: process.argv,
      env: process.env,
      defaultDir: path.join(app.getPath('userData'), 'workspace'),
    });
  } catch (error) {
    dialog.showErrorBox('Casebench', error instanceof Error ? error.message : String(error));
    app.exit(2);
    return;
  }

  await app.whenReady();
  // A workspace that cannot be opened still yields a router; app.status tells the window why.
  // Proposal documents print with Electron's Chromium; exports go to a folder the user chooses.
  registerShellPrinting({
    printer: electronPrinter((url) => documentFonts().filePath(url)),
    chooseFolder: async () => {
      const options = { properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  // A new workspace is created encrypted, with a passphrase, on its first run. Unpackaged runs (the
  // Electron tests) may ask for a plain one with --create-unencrypted, as the host's e2e runs do.
  workbench = openWorkbench({
    workspaceDir,
    appVersion: app.getVersion(),
    keychain: electronKeychain(),
    createUnencrypted: !app.isPackaged && process.argv.includes('--create-unencrypted'),
  });
  bindIpc(() => workbench?.router ?? null);
  denyPermissions(session.defaultSession);
  serveAppProtocol(session.defaultSession, rendererDir, workbench.evidence);
  showWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Casebench is running: it gets focus (second-instance), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    workbench?.close();
    workbench = null;
  });
  start().catch((error: unknown) => {
    console.error('[casebench] start-up failed:', error);
    dialog.showErrorBox('Casebench could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
