import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ENTRY_URL, WEB_PREFERENCES } from '../security/policy';

export interface MainWindowOptions {
  preloadPath: string;
  /** DevTools only in development builds. */
  devTools: boolean;
}

export function createMainWindow({ preloadPath, devTools }: MainWindowOptions): BrowserWindow {
  const webPreferences = { ...WEB_PREFERENCES, preload: preloadPath, devTools } satisfies WebPreferences;
  const window = new BrowserWindow({
    title: 'Casebench',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: true,
    webPreferences,
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
