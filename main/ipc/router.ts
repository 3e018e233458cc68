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
        onInternalError(error, channel);
        return fail({
          code: 'INTERNAL',
          message: 'Something went wrong inside Casebench; the change was not saved. Please try again.',
        });
      }
    },
  };
}
