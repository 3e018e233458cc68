import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL, type Result } from '../../shared/contract';
import type { Router } from '../ipc/router';
import { isTrustedSender } from '../security/policy';

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Casebench window.' },
};

/** The frame that sent an IPC message, as the policy sees it (a destroyed frame has no URL). */
export function describeSender(event: IpcMainInvokeEvent): { url: string | null; isMainFrame: boolean } {
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed() || frame.detached) return { url: null, isMainFrame: false };
  const isMainFrame = frame.parent === null && frame.frameToken === event.sender.mainFrame.frameToken;
  return { url: frame.url, isMainFrame };
}

/** The one IPC channel: requests from our own main frame go to the router, anything else is refused. */
export function bindIpc(getRouter: () => Router | null): void {
  ipcMain.handle(IPC_CHANNEL, async (event, request: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(describeSender(event))) return FORBIDDEN;
    const router = getRouter();
    if (!router) {
      return { ok: false, error: { code: 'WORKSPACE_UNAVAILABLE', message: 'Casebench is shutting down.' } };
    }
    try {
      return await router.invoke(request);
    } catch (error) {
      console.error('[casebench] IPC request failed:', error);
      return { ok: false, error: { code: 'INTERNAL', message: 'The request failed.' } };
    }
  });
}

export function unbindIpc(): void {
  ipcMain.removeHandler(IPC_CHANNEL);
}
