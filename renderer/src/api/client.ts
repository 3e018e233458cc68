import {
  HOST_INVOKE_PATH,
  type AppError,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type Result,
} from '../../../shared/contract';

/** What the Electron preload exposes on window.casebench; nothing else crosses the bridge. */
export interface Bridge {
  invoke(channel: string, input: unknown, options?: InvokeOptions): Promise<Result<unknown>>;
}

export interface InvokeOptions {
  /**
   * The page is going away (pagehide): let the request outlive it. Over HTTP that is fetch's
   * `keepalive` (bodies up to 64 KB); Electron's IPC message is sent at once and needs nothing.
   */
  keepalive?: boolean;
}

declare global {
  interface Window {
    casebench?: Bridge;
  }
}

/** A failed call, thrown so that React Query and forms can catch it; carries the contract's error. */
export class ApiError extends Error {
  readonly code: AppError['code'];
  readonly fields: AppError['fields'];
  readonly listProblem: AppError['listProblem'];
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields;
    this.listProblem = error.listProblem;
  }
}

const TOKEN_KEY = 'casebench.hostToken';

/**
 * In a browser (the host), the page is opened as /?token=…; keep the token for this tab and take it
 * out of the address bar so it is not bookmarked or shown.
 */
function hostToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): Bridge {
  const token = hostToken();
  return {
    async invoke(channel, input, options) {
      const response = await fetch(HOST_INVOKE_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, input }),
        keepalive: options?.keepalive ?? false,
      });
      return (await response.json()) as Result<unknown>;
    },
  };
}

let bridge: Bridge | undefined;

/** Calls a channel through Electron's preload or the browser host: one typed client, two transports. */
export async function invoke<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options?: InvokeOptions,
): Promise<ChannelOutput<C>> {
  bridge ??= window.casebench ?? httpBridge();
  let result: Result<unknown>;
  try {
    result = await bridge.invoke(channel, input, options);
  } catch {
    throw new ApiError({ code: 'WORKSPACE_UNAVAILABLE', message: 'The workbench service did not answer.' });
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ChannelOutput<C>;
}
