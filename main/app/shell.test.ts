/**
 * The Electron shell's wiring, against a stand-in `electron` module: the binary cannot run here, so
 * this is where main.ts, window.ts, protocol.ts, ipc.ts and hardening.ts are seen to do what the
 * policy says. (e2e/electron/security.spec.ts checks the same in a real Electron where there is one.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../shared/contract';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, WEB_PREFERENCES } from '../security/policy';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const state = {
    gotLock: true,
    appListeners: new Map<string, Listener[]>(),
    windows: [] as FakeWindow[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    privileged: [] as unknown[],
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    devicePermission: null as Listener | null,
    displayMedia: null as Listener | null,
    errorBoxes: [] as string[],
    quit: 0,
    exitCodes: [] as number[],
    readyCalledBeforeScheme: false,
    ready: false,
  };

  class FakeWindow {
    static getAllWindows = () => state.windows.filter((w) => !w.destroyed);
    options: Record<string, unknown>;
    url = '';
    shown = false;
    focused = 0;
    destroyed = false;
    listeners = new Map<string, Listener[]>();
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: Listener) {
      return this.on(event, fn);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      this.focused += 1;
    }
  }

  const session = {
    protocol: {
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => {
        state.protocolHandlers.set(scheme, handler);
      },
    },
    setPermissionRequestHandler: (fn: Listener) => (state.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Listener) => (state.permissionCheck = fn),
    setDevicePermissionHandler: (fn: Listener) => (state.devicePermission = fn),
    setDisplayMediaRequestHandler: (fn: Listener) => (state.displayMedia = fn),
  };

  const electron = {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => state.gotLock,
      quit: () => (state.quit += 1),
      exit: (code: number) => state.exitCodes.push(code),
      on: (event: string, fn: Listener) => {
        state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), fn]);
      },
      whenReady: () => {
        state.ready = true;
        return Promise.resolve();
      },
      getPath: (name: string) => `/fake/${name}`,
      getVersion: () => '9.9.9',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.readyCalledBeforeScheme = state.ready;
        state.privileged.push(...schemes);
      },
    },
    session: { defaultSession: session },
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, fn: Listener) => state.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    dialog: { showErrorBox: (_title: string, text: string) => state.errorBoxes.push(text) },
  };

  const workbench = {
    invoke: vi.fn(async (request: unknown) => ({ ok: true as const, value: { echoed: request } })),
    close: vi.fn(),
    open: vi.fn(),
  };
  return { state, electron, workbench, FakeWindow };
});

vi.mock('electron', () => h.electron);
vi.mock('../workbench', () => ({
  openWorkbench: (options: unknown) => {
    h.workbench.open(options);
    return { router: { invoke: h.workbench.invoke }, close: h.workbench.close };
  },
}));

const emitApp = (event: string, ...args: unknown[]) => {
  for (const fn of h.state.appListeners.get(event) ?? []) fn(...args);
};

const argvBefore = process.argv;

async function startShell(argv: string[] = []) {
  process.argv = ['/fake/electron', '/fake/app', ...argv];
  vi.resetModules();
  await import('./main');
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  const { state } = h;
  state.gotLock = true;
  state.appListeners.clear();
  state.windows.length = 0;
  state.ipcHandlers.clear();
  state.protocolHandlers.clear();
  state.privileged.length = 0;
  state.errorBoxes.length = 0;
  state.exitCodes.length = 0;
  state.quit = 0;
  state.ready = false;
  h.workbench.invoke.mockClear();
  h.workbench.close.mockClear();
  h.workbench.open.mockClear();
});

afterAll(() => {
  process.argv = argvBefore;
});

describe('start-up', () => {
  it('registers app:// as a privileged standard scheme before the app is ready', async () => {
    await startShell();
    expect(h.state.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(h.state.readyCalledBeforeScheme).toBe(false);
  });

  it('opens the workspace named by --workspace, with the app version', async () => {
    await startShell(['--workspace', '/tmp/some-workspace']);
    expect(h.workbench.open).toHaveBeenCalledExactlyOnceWith({
      workspaceDir: path.resolve('/tmp/some-workspace'),
      appVersion: '9.9.9',
      // A new workspace asks for a passphrase (issue 7); the OS keychain is offered through safeStorage.
      createUnencrypted: false,
      keychain: expect.objectContaining({ unprotectedReason: expect.any(Function) }),
    });
  });

  it('defaults to a workspace folder in userData', async () => {
    const env = process.env.CASEBENCH_WORKSPACE;
    delete process.env.CASEBENCH_WORKSPACE;
    try {
      await startShell();
    } finally {
      if (env !== undefined) process.env.CASEBENCH_WORKSPACE = env;
    }
    expect(h.workbench.open).toHaveBeenCalledWith(
      expect.objectContaining({ workspaceDir: path.resolve('/fake/userData/workspace') }),
    );
  });

  it('refuses a --workspace flag without a folder, saying so', async () => {
    await startShell(['--workspace']);
    expect(h.state.errorBoxes[0]).toMatch(/needs a folder/);
    expect(h.state.exitCodes).toEqual([2]);
    expect(h.workbench.open).not.toHaveBeenCalled();
  });

  it('leaves at once when another Casebench holds the single-instance lock', async () => {
    h.state.gotLock = false;
    await startShell();
    expect(h.state.quit).toBe(1);
    expect(h.state.windows).toHaveLength(0);
    expect(h.workbench.open).not.toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startShell();
    emitApp('second-instance');
    expect(h.state.windows).toHaveLength(1);
    expect(h.state.windows[0]?.focused).toBe(1);
  });

  it('closes the workbench when the app quits', async () => {
    await startShell();
    emitApp('will-quit');
    expect(h.workbench.close).toHaveBeenCalledOnce();
  });
});

describe('window', () => {
  it('is one hidden-until-ready window on app://casebench with the policy webPreferences and the preload', async () => {
    await startShell();
    const [window] = h.state.windows;
    expect(window?.options).toMatchObject({ title: 'Casebench', show: false, backgroundColor: expect.any(String) });
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ ...WEB_PREFERENCES });
    expect(path.basename(String(prefs.preload))).toBe('preload.cjs');
    expect(path.isAbsolute(String(prefs.preload))).toBe(true);
    expect(window?.url).toBe(APP_ENTRY_URL);
    expect(window?.shown).toBe(false);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(true);
  });
});

describe('hardening of every web contents', () => {
  function fakeContents() {
    const handlers = new Map<string, Listener>();
    let windowOpen: Listener | null = null;
    const contents = {
      setWindowOpenHandler: (fn: Listener) => (windowOpen = fn),
      on: (event: string, fn: Listener) => handlers.set(event, fn),
    };
    emitApp('web-contents-created', {}, contents);
    const fire = (event: string, url: string) => {
      const preventDefault = vi.fn();
      handlers.get(event)?.({ url, preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    return { handlers, fire, windowOpen: () => windowOpen };
  }

  it('denies window.open, whatever the URL', async () => {
    await startShell();
    const { windowOpen } = fakeContents();
    expect(windowOpen()?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(windowOpen()?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects off app://casebench', async () => {
    await startShell();
    const { fire } = fakeContents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(event, 'https://example.com/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'app://evil/index.html')).toBe(true);
      expect(fire(event, `${APP_ENTRY_URL}#/cases`)).toBe(false);
    }
  });

  it('prevents <webview> from attaching', async () => {
    await startShell();
    const { handlers } = fakeContents();
    const preventDefault = vi.fn();
    handlers.get('will-attach-webview')?.({ preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every permission request and check', async () => {
    await startShell();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      h.state.permissionRequest?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(h.state.permissionCheck?.({}, permission)).toBe(false);
    }
    expect(h.state.devicePermission?.({})).toBe(false);
    const callback = vi.fn();
    h.state.displayMedia?.({}, callback);
    expect(callback).toHaveBeenCalledWith({});
  });
});

describe('IPC', () => {
  const mainFrame = (url: string) => ({ url, parent: null, frameToken: 'main', detached: false, isDestroyed: () => false });
  const event = (frame: unknown) => ({ senderFrame: frame, sender: { mainFrame: { frameToken: 'main' } } });
  const request = { channel: 'app.status', input: {} };

  async function handler() {
    await startShell();
    const handle = h.state.ipcHandlers.get(IPC_CHANNEL);
    expect(handle).toBeTypeOf('function');
    return handle as (event: unknown, request: unknown) => Promise<unknown>;
  }

  it('listens on the one contract channel only', async () => {
    await handler();
    expect([...h.state.ipcHandlers.keys()]).toEqual([IPC_CHANNEL]);
  });

  it('passes requests from our main frame to the router', async () => {
    const handle = await handler();
    await expect(handle(event(mainFrame(APP_ENTRY_URL)), request)).resolves.toEqual({
      ok: true,
      value: { echoed: request },
    });
    expect(h.workbench.invoke).toHaveBeenCalledExactlyOnceWith(request);
  });

  it.each([
    ['a sub-frame', { ...mainFrame(APP_ENTRY_URL), parent: {}, frameToken: 'child' }],
    ['a frame that is not the main frame of its contents', { ...mainFrame(APP_ENTRY_URL), frameToken: 'other' }],
    ['a page from elsewhere', mainFrame('https://example.com/')],
    ['a file:// page', mainFrame('file:///tmp/x.html')],
    ['a destroyed frame', { ...mainFrame(APP_ENTRY_URL), isDestroyed: () => true }],
    ['no frame at all', null],
  ])('refuses %s with FORBIDDEN, never reaching the router', async (_label, frame) => {
    const handle = await handler();
    await expect(handle(event(frame), request)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.workbench.invoke).not.toHaveBeenCalled();
  });

  it('turns a router that throws into INTERNAL, without details', async () => {
    const handle = await handler();
    h.workbench.invoke.mockRejectedValueOnce(new Error('/home/someone/secret path'));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await handle(event(mainFrame(APP_ENTRY_URL)), request);
    spy.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The request failed.' } });
  });
});

describe('app:// protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-protocol-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Casebench</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  async function serve(url: string, method = 'GET') {
    const { serveAppProtocol } = await import('./protocol');
    serveAppProtocol(h.electron.session.defaultSession as never, root);
    const handle = h.state.protocolHandlers.get('app');
    if (!handle) throw new Error('no app:// handler');
    return handle({ url, method });
  }

  it('serves the renderer with its content type and the CSP', async () => {
    const response = await serve(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Casebench</title>');
    const script = await serve('app://casebench/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('serves index.html for client-side routes', async () => {
    const response = await serve('app://casebench/cases/0190');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Casebench</title>');
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await serve(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await serve(APP_ENTRY_URL, 'POST')).status).toBe(405);
  });

  it('refuses traversal and foreign hosts, and 404s missing assets', async () => {
    expect((await serve('app://casebench/%2e%2e/secret')).status).toBe(400);
    expect((await serve('app://evil/index.html')).status).toBe(400);
    expect((await serve('app://casebench/assets/missing.js')).status).toBe(404);
  });

  it('is what main.ts registers for the default session', async () => {
    await startShell();
    expect(h.state.protocolHandlers.has('app')).toBe(true);
  });
});
