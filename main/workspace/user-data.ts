import os from 'node:os';
import path from 'node:path';

/**
 * Electron's `app.getPath('userData')` for Casebench, computed without Electron, so that the browser
 * host and the app open the same workspace by default.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, 'Casebench');
}

export const defaultWorkspaceDir = (userDataDir: string) => path.join(userDataDir, 'workspace');
