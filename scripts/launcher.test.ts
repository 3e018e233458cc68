import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  browserArgs,
  browserCandidates,
  fallbackMessage,
  findBrowser,
  findElectron,
  parseHostUrl,
} from './launcher.mjs';

const only = (...files: string[]) => (file: string) => files.includes(file);

describe('findElectron', () => {
  it('is null when the package has no binary (require throws)', () => {
    expect(
      findElectron({
        resolve: () => {
          throw new Error('Electron failed to install correctly');
        },
      }),
    ).toBeNull();
  });

  it('is null when the named binary is missing', () => {
    expect(findElectron({ resolve: () => '/nowhere/electron', exists: () => false })).toBeNull();
  });

  it('is the binary when it exists', () => {
    expect(findElectron({ resolve: () => '/opt/electron/electron', exists: only('/opt/electron/electron') })).toBe(
      '/opt/electron/electron',
    );
  });

  it('agrees with this machine', () => {
    // Whatever is installed here: a string naming an existing file, or null; never a throw.
    const found = findElectron();
    expect(found === null || typeof found === 'string').toBe(true);
  });
});

describe('findBrowser', () => {
  const linuxEnv = { PATH: '/usr/local/bin:/usr/bin:/bin' };

  it('prefers /usr/bin/chromium on Linux', () => {
    expect(
      findBrowser({ platform: 'linux', env: linuxEnv, isExecutable: only('/usr/bin/chromium', '/usr/bin/google-chrome') }),
    ).toBe('/usr/bin/chromium');
  });

  it('looks up chromium, then google-chrome, then chrome on PATH', () => {
    expect(findBrowser({ platform: 'linux', env: linuxEnv, isExecutable: only('/usr/local/bin/chromium') })).toBe(
      '/usr/local/bin/chromium',
    );
    expect(
      findBrowser({ platform: 'linux', env: linuxEnv, isExecutable: only('/bin/google-chrome', '/usr/bin/chrome') }),
    ).toBe('/bin/google-chrome');
    expect(findBrowser({ platform: 'linux', env: linuxEnv, isExecutable: only('/usr/bin/chrome') })).toBe(
      '/usr/bin/chrome',
    );
  });

  it('honours CASEBENCH_BROWSER first', () => {
    expect(
      findBrowser({
        platform: 'linux',
        env: { ...linuxEnv, CASEBENCH_BROWSER: '/opt/brave/brave' },
        isExecutable: only('/opt/brave/brave', '/usr/bin/chromium'),
      }),
    ).toBe('/opt/brave/brave');
  });

  it('finds Chrome in the standard macOS places', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ platform: 'darwin', env: { PATH: '/usr/bin' }, home: '/Users/a', isExecutable: only(chrome) })).toBe(
      chrome,
    );
    const userChromium = '/Users/a/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(
      findBrowser({ platform: 'darwin', env: { PATH: '/usr/bin' }, home: '/Users/a', isExecutable: only(userChromium) }),
    ).toBe(userChromium);
  });

  it('finds Chrome in the standard Windows places', () => {
    const env = {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local',
      Path: 'C:\\Windows\\system32',
    };
    const perUser = 'C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ platform: 'win32', env, isExecutable: only(perUser) })).toBe(perUser);
    const x86 = 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ platform: 'win32', env, isExecutable: only(x86, perUser) })).toBe(x86);
  });

  it('is null when nothing is installed', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(findBrowser({ platform, env: { PATH: '/usr/bin' }, home: '/h', isExecutable: () => false })).toBeNull();
    }
  });

  it('lists only Chromium-family browsers (the host needs Chromium)', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const { absolute, onPath } = browserCandidates({ platform, env: {}, home: '/h' });
      for (const name of [...absolute, ...onPath]) expect(name.toLowerCase()).toMatch(/chrom|edge/);
    }
  });

  it('finds the Chromium of this machine when there is one', () => {
    const found = findBrowser();
    if (found !== null) expect(path.isAbsolute(found)).toBe(true);
  });
});

describe('browserArgs', () => {
  const url = 'http://127.0.0.1:41234/?token=abc';

  it('opens the URL as an app window with its own profile and no background traffic', () => {
    const args = browserArgs({ url, userDataDir: '/tmp/casebench-browser-x' });
    expect(args[0]).toBe(`--app=${url}`);
    expect(args).toEqual(
      expect.arrayContaining([
        '--user-data-dir=/tmp/casebench-browser-x',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ]),
    );
    expect(args).not.toContain('--no-sandbox');
  });

  it('adds --no-sandbox only for root', () => {
    expect(browserArgs({ url, userDataDir: '/tmp/p', isRoot: true })).toContain('--no-sandbox');
  });
});

describe('parseHostUrl', () => {
  it('reads the host line', () => {
    expect(parseHostUrl('CASEBENCH_HOST_URL=http://127.0.0.1:41234/?token=abc\n')).toBe(
      'http://127.0.0.1:41234/?token=abc',
    );
  });

  it('ignores other lines and non-loopback URLs', () => {
    expect(parseHostUrl('[casebench] migrating to version 3')).toBeNull();
    expect(parseHostUrl('CASEBENCH_HOST_URL=')).toBeNull();
    expect(parseHostUrl('CASEBENCH_HOST_URL=not a url')).toBeNull();
    expect(parseHostUrl('CASEBENCH_HOST_URL=http://example.com/?token=abc')).toBeNull();
    expect(parseHostUrl('CASEBENCH_HOST_URL=file:///etc/passwd')).toBeNull();
  });
});

describe('fallbackMessage', () => {
  it('is one line that says why and where', () => {
    const message = fallbackMessage({ url: 'http://127.0.0.1:1/?token=t', browser: '/usr/bin/chromium' });
    expect(message).not.toContain('\n');
    expect(message).toMatch(/Electron binary not installed here \(installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1\)/);
    expect(message).toMatch(/in chromium instead at http:\/\/127\.0\.0\.1:1\/\?token=t$/);
    expect(fallbackMessage({ url: 'http://127.0.0.1:1/', browser: null })).toMatch(/no Chromium or Chrome found.*http:\/\/127/);
  });
});
