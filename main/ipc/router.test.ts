import { describe, expect, it, vi } from 'vitest';
import { openWorkbench } from '../workbench';
import { tempDir } from '../test-support/temp-dir';
import { afterEach } from 'vitest';
import type { Workbench } from '../workbench';

const benches: Workbench[] = [];
afterEach(() => benches.splice(0).forEach((b) => b.close()));

function router() {
  const bench = openWorkbench({ workspaceDir: tempDir(), appVersion: '9.9.9', actor: 'tester' });
  benches.push(bench);
  return bench.router;
}

const validCase = { title: '新疆の強制労働', country: 'CN', situation: '', summary: '' };

describe('the router', () => {
  it('answers a valid call with its value', async () => {
    const result = await router().invoke({ channel: 'cases.create', input: validCase });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ reference: expect.stringMatching(/^HR-\d{4}-0001$/) });
  });

  it('refuses an unknown channel and a malformed request', async () => {
    const r = router();
    expect(await r.invoke({ channel: 'fs.readFile', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await r.invoke({ channel: '__proto__', input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await r.invoke('cases.list')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await r.invoke(null)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('names each invalid field with a code the UI can translate', async () => {
    const result = await router().invoke({
      channel: 'cases.create',
      input: { title: '   ', country: 'XX', situation: 'a\u0007b', summary: 'x'.repeat(20_001) },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
        fields: {
          title: { code: 'required' },
          country: { code: 'invalid_choice' },
          situation: { code: 'invalid' },
          summary: { code: 'too_long', max: 20_000 },
        },
      },
    });
  });

  it('reports nested fields of an allegation by their path', async () => {
    const r = router();
    const created = await r.invoke({ channel: 'cases.create', input: validCase });
    const caseId = created.ok ? (created.value as { id: string }).id : '';
    const result = await r.invoke({
      channel: 'allegations.create',
      input: {
        caseId,
        category: 'not-a-category',
        period: { precision: 'range', from: '2019-02-30', to: '2018' },
        place: '',
        narrative: '',
        victims: [{ pseudonym: '' }],
        status: 'alleged',
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fields).toEqual({
        category: { code: 'invalid_choice' },
        'period.from': { code: 'invalid_date' },
        'victims.0.pseudonym': { code: 'required' },
      });
    }
    const reversed = await r.invoke({
      channel: 'allegations.create',
      input: {
        caseId,
        category: 'torture',
        period: { precision: 'range', from: '2019-03', to: '2018' },
        place: '',
        narrative: '',
        victims: [],
        status: 'alleged',
      },
    });
    expect(reversed.ok ? null : reversed.error.fields).toEqual({ 'period.to': { code: 'range_reversed' } });
  });

  it('passes expected failures through and hides unexpected ones', async () => {
    const r = router();
    const missing = await r.invoke({ channel: 'cases.get', input: { id: '01890000-0000-7000-8000-000000000000' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const bench = openWorkbench({ workspaceDir: tempDir(), appVersion: '1', actor: 't' });
    bench.close(); // the database is now closed: any query throws a TypeError inside better-sqlite3
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = await bench.router.invoke({ channel: 'cases.list', input: {} });
    spy.mockRestore();
    expect(broken).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(broken)).not.toMatch(/at |\/tmp|\.ts/);
  });

  it('reports an unavailable workspace through app.status and refuses other channels', async () => {
    const dir = tempDir();
    const first = openWorkbench({ workspaceDir: dir, appVersion: '1', actor: 't' });
    benches.push(first);
    const second = openWorkbench({ workspaceDir: dir, appVersion: '1', actor: 't' });
    benches.push(second);
    expect(await second.router.invoke({ channel: 'app.status', input: {} })).toMatchObject({
      ok: true,
      value: { workspace: { state: 'unavailable', code: 'WORKSPACE_LOCKED' }, language: null },
    });
    expect(await second.router.invoke({ channel: 'cases.list', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_UNAVAILABLE' },
    });
    // Once the other instance lets go, asking for the status again ("Try again") opens it.
    first.close();
    expect(await second.router.invoke({ channel: 'app.status', input: {} })).toMatchObject({
      ok: true,
      value: { workspace: { state: 'ready' } },
    });
    expect(await second.router.invoke({ channel: 'cases.list', input: {} })).toMatchObject({ ok: true });
  });

  it('remembers the chosen language in the workspace', async () => {
    const dir = tempDir();
    const first = openWorkbench({ workspaceDir: dir, appVersion: '1', actor: 't' });
    await first.router.invoke({ channel: 'settings.setLanguage', input: { language: 'en' } });
    first.close();
    const second = openWorkbench({ workspaceDir: dir, appVersion: '1', actor: 't' });
    benches.push(second);
    expect(await second.router.invoke({ channel: 'app.status', input: {} })).toMatchObject({
      ok: true,
      value: { version: '1', workspace: { state: 'ready' }, language: 'en' },
    });
  });
});
