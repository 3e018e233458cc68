import { afterEach } from 'vitest';
import type { Channel, ChannelInput, Result } from '../../../shared/contract';
import { openWorkbench, type Workbench, type WorkbenchOptions } from '../../workbench';
import type { KdfParams } from './key-derivation';

/** A cheap scrypt for tests (the stored slot says which cost it used); the real cost has its own test. */
export const TEST_KDF: KdfParams = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 };
export const STRONG = 'lantern orbit cobalt meadow 47';
export const STRONGER = 'quiet harbour violet trellis 92';

const open: Workbench[] = [];
afterEach(() => {
  for (const bench of open.splice(0)) bench.close();
});

/** A workbench on `dir` as the app starts it (no --create-unencrypted), closed after the test. */
export function workbenchOn(dir: string, options: Partial<WorkbenchOptions> = {}): Workbench & { call: typeof call } {
  const bench = openWorkbench({ workspaceDir: dir, appVersion: 'test', actor: 'tester', kdf: TEST_KDF, createUnencrypted: false, ...options });
  open.push(bench);
  function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<unknown>> {
    return bench.router.invoke({ channel, input });
  }
  return Object.assign(bench, { call });
}

/** The value of a call that must succeed (the failure is shown if it does not). */
export async function ok<T = unknown>(result: Promise<Result<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`expected success, got ${settled.error.code}: ${settled.error.message}`);
  return settled.value as T;
}

export async function failureCode(result: Promise<Result<unknown>>): Promise<string> {
  const settled = await result;
  if (settled.ok) throw new Error('expected a failure');
  return settled.error.code;
}
