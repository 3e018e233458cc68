import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../shared/contract';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'pong' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

describe('preload', () => {
  beforeEach(async () => {
    exposed.clear();
    invoke.mockClear();
    vi.resetModules();
    await import('./preload');
  });

  it('uses the contract channel', async () => {
    const { PRELOAD_IPC_CHANNEL } = await import('./preload');
    expect(PRELOAD_IPC_CHANNEL).toBe(IPC_CHANNEL);
  });

  it('exposes window.casebench with invoke and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['casebench']);
    const api = exposed.get('casebench') as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
  });

  it('forwards { channel, input } on the one IPC channel and returns the answer', async () => {
    const api = exposed.get('casebench') as { invoke: (channel: string, input: unknown) => Promise<unknown> };
    await expect(api.invoke('app.status', {})).resolves.toEqual({ ok: true, value: 'pong' });
    expect(invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNEL, { channel: 'app.status', input: {} });
  });
});
