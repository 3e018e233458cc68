import {
  contract,
  isChannel,
  type AppError,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
  type Result,
} from '../../shared/contract';
import { Failure } from './failure';
import { errnoCode } from '../fs/errno';
import { fieldIssues } from './field-issues';

/** One function per channel; each gets input already validated against the contract. */
export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface Router {
  /** Takes `{ channel, input }` exactly as it arrived from a transport; never throws. */
  invoke(request: unknown): Promise<Result<unknown>>;
}

const fail = (error: AppError): Result<never> => ({ ok: false, error });

/**
 * SQLite errors the user can act on. Each statement runs in a transaction, so in every case the
 * change was not saved and nothing stored was altered.
 */
function storageFailure(error: unknown): Failure | null {
  const code = errnoCode(error);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new Failure('WORKSPACE_CORRUPT', 'Part of the workspace database is damaged. Nothing was changed; restore it from a backup.');
  }
  if (code === 'SQLITE_FULL') {
    return new Failure('DISK_FULL', 'The disk is full; the change was not saved. Free some space and try again.');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new Failure('WORKSPACE_READ_ONLY', 'The workspace cannot be written to; the change was not saved.');
  }
  return null;
}

export interface RouterOptions {
  /** Where unexpected errors go (the console by default); they never cross the boundary. */
  onInternalError?: (error: unknown, channel: Channel) => void;
}

export function createRouter(handlers: Handlers, options: RouterOptions = {}): Router {
  const onInternalError = options.onInternalError ?? ((error, channel) => console.error(`[casebench] ${channel} failed:`, error));
  return {
    async invoke(request) {
      if (typeof request !== 'object' || request === null || !('channel' in request)) {
        return fail({ code: 'BAD_REQUEST', message: 'A request names a channel and carries an input.' });
      }
      const { channel, input } = request as { channel: unknown; input?: unknown };
      if (!isChannel(channel)) {
        return fail({ code: 'UNKNOWN_CHANNEL', message: 'Casebench has no such operation.' });
      }
      const parsed = contract[channel].input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail({
          code: 'VALIDATION_FAILED',
          message: 'Some fields need attention.',
          fields: fieldIssues(parsed.error),
        });
      }
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof Failure) return fail(error.toAppError());
        const storage = storageFailure(error);
        if (storage) return fail(storage.toAppError());
        onInternalError(error, channel);
        return fail({
          code: 'INTERNAL',
          message: 'Something went wrong inside Casebench; the change was not saved. Please try again.',
        });
      }
    },
  };
}
