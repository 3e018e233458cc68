import type { Channel, ChannelInput, ChannelOutput, Result } from '../../shared/contract';
import type { RunningHost } from './host';

/** Calls the host as the renderer does, for seeding data a test is not about. */
export async function call<C extends Channel>(host: RunningHost, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const token = new URL(host.url).searchParams.get('token') ?? '';
  const response = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: host.origin },
    body: JSON.stringify({ channel, input }),
  });
  const result = (await response.json()) as Result<ChannelOutput<C>>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
