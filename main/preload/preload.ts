/**
 * Runs sandboxed, with context isolation: exposes exactly one function on one fixed channel.
 * The main process checks the sender and validates every input; nothing else crosses.
 *
 * The channel name is repeated here rather than imported from shared/contract/channels, because
 * that module builds the zod schemas at load time and would pull ~750 KB of zod into every page's
 * preload. preload.test.ts proves the two names are the same.
 */
import { contextBridge, ipcRenderer } from 'electron';

export const PRELOAD_IPC_CHANNEL = 'casebench:invoke';

contextBridge.exposeInMainWorld('casebench', {
  invoke: (channel: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(PRELOAD_IPC_CHANNEL, { channel, input }),
});
