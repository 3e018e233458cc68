import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { tempDir } from '../test-support/temp-dir';
import { openWorkbench, type Workbench } from '../workbench';

const benches: Workbench[] = [];
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
});

async function investigator(name: string) {
  const bench = openWorkbench({ workspaceDir: tempDir(), appVersion: 'test', createUnencrypted: true });
  benches.push(bench);
  const call = (channel: string, input: unknown) => bench.router.invoke({ channel, input }) as Promise<Result<Record<string, unknown>>>;
  await call('identity.set', { name, organisation: 'HRN' });
  return call;
}

describe('the keys channels', () => {
  it('add a colleague in two steps, only the card whose fingerprint was confirmed', async () => {
    const aiko = await investigator('Aiko Tanaka');
    const ben = await investigator('Ben Carter');
    const own = await ben('keys.own', {});
    if (!own.ok) throw new Error(own.error.message);
    const text = own.value.text as string;
    const print = own.value.fingerprint as string;

    const read = await aiko('keys.readCard', { text });
    expect(read).toMatchObject({ ok: true, value: { card: { name: 'Ben Carter' }, fingerprint: print, standing: { kind: 'unknown' } } });
    expect(await aiko('keys.colleagues', {})).toEqual({ ok: true, value: { colleagues: [] } }); // reading wrote nothing

    const otherPrint = print.replace(/^\d/, (d) => String((Number(d) + 1) % 10));
    expect(await aiko('keys.addColleague', { text, fingerprint: otherPrint })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await aiko('keys.colleagues', {})).toEqual({ ok: true, value: { colleagues: [] } });

    const added = await aiko('keys.addColleague', { text, fingerprint: print });
    expect(added).toMatchObject({ ok: true, value: { colleague: { name: 'Ben Carter', fingerprint: print, addedFrom: 'pasted' }, standing: { kind: 'unknown' } } });
    expect(await aiko('keys.readCard', { text })).toMatchObject({ ok: true, value: { standing: { kind: 'known' } } });
    expect(await aiko('keys.readCard', { text: text.slice(0, -2) })).toMatchObject({
      ok: false,
      error: { code: 'KEY_TEXT_INVALID', fields: { text: { code: 'invalid' } } },
    });
  });

  it('show my card once I have said who I am, the same on every call', async () => {
    const bench = openWorkbench({ workspaceDir: tempDir(), appVersion: 'test', createUnencrypted: true });
    benches.push(bench);
    expect(await bench.router.invoke({ channel: 'keys.own', input: {} })).toMatchObject({ ok: false, error: { code: 'IDENTITY_REQUIRED' } });
    await bench.router.invoke({ channel: 'identity.set', input: { name: '田中 愛子', organisation: '' } });
    const first = await bench.router.invoke({ channel: 'keys.own', input: {} });
    expect(first).toMatchObject({ ok: true, value: { card: { name: '田中 愛子', organisation: '' } } });
    expect(await bench.router.invoke({ channel: 'keys.own', input: {} })).toEqual(first);
  });
});
