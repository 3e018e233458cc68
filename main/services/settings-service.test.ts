import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Failure } from '../ipc/failure';
import { makeReadOnly } from '../test-support/read-only-dir';
import { testContext } from '../test-support/service-context';
import { tempDir } from '../test-support/temp-dir';
import { failureCode, ok, STRONG, workbenchOn } from '../workspace/encryption/test-workbench';
import { getLanguage, PREFERENCES_FILE, rememberedLanguage, rememberLanguage, setLanguage, syncLanguageAtOpen } from './settings-service';

/** The UI language: a preference of this machine, kept beside the workspace so that a locked one can show and change it. */
const preferences = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, PREFERENCES_FILE), 'utf8')) as unknown;
const statusLanguage = async (bench: ReturnType<typeof workbenchOn>) => (await ok<{ language: string | null }>(bench.call('app.status', {}))).language;

describe('the UI language', () => {
  it('is switched and remembered while an encrypted workspace is locked, and is there after a restart and the unlock', async () => {
    const dir = tempDir();
    const bench = workbenchOn(dir);
    await ok(bench.call('workspace.create', { passphrase: STRONG }));
    await ok(bench.call('settings.setLanguage', { language: 'en' }));
    await ok(bench.call('workspace.lock', {}));
    expect(await failureCode(bench.call('cases.list', {}))).toBe('WORKSPACE_NOT_UNLOCKED');
    expect(await statusLanguage(bench)).toBe('en');

    await ok(bench.call('settings.setLanguage', { language: 'ja' }));
    expect(await statusLanguage(bench)).toBe('ja');
    // Nothing of the workspace in the plain file: the language alone.
    expect(preferences(dir)).toEqual({ language: 'ja' });
    bench.close();

    const restarted = workbenchOn(dir);
    expect(await ok(restarted.call('app.status', {}))).toMatchObject({ workspace: { state: 'locked' }, language: 'ja' });
    await ok(restarted.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }));
    expect(await ok(restarted.call('app.status', {}))).toMatchObject({ workspace: { state: 'ready' }, language: 'ja' });
  });

  it('reaches the database at open when chosen while locked, and seeds the file from a workspace that had only the database', () => {
    const ctx = testContext();
    setLanguage(ctx, 'en');
    rememberLanguage(ctx.dir, null, 'ja'); // chosen on the unlock screen
    expect(getLanguage(ctx)).toBe('en');
    syncLanguageAtOpen(ctx.dir, ctx);
    expect(getLanguage(ctx)).toBe('ja');

    const before = testContext(); // a workspace from before the file
    setLanguage(before, 'en');
    expect(fs.existsSync(path.join(before.dir, PREFERENCES_FILE))).toBe(false);
    syncLanguageAtOpen(before.dir, before);
    expect(preferences(before.dir)).toEqual({ language: 'en' });
    expect(rememberedLanguage(before.dir, null)).toBe('en');
  });

  it('opens a plain workspace with the language it had, writing it beside the database for the next start', async () => {
    const dir = tempDir();
    const first = workbenchOn(dir, { createUnencrypted: true });
    await ok(first.call('settings.setLanguage', { language: 'en' }));
    first.close();
    fs.rmSync(path.join(dir, PREFERENCES_FILE)); // as a workspace from before the file
    const second = workbenchOn(dir, { createUnencrypted: true });
    expect(await statusLanguage(second)).toBe('en');
    expect(preferences(dir)).toEqual({ language: 'en' });
  });

  it('treats a damaged file as no choice, and replaces it at the next switch', () => {
    const ctx = testContext();
    setLanguage(ctx, 'en');
    for (const damaged of ['{"language":"fr"}', '{"lang', '']) {
      fs.writeFileSync(path.join(ctx.dir, PREFERENCES_FILE), damaged);
      expect(rememberedLanguage(ctx.dir, null)).toBeNull();
      expect(rememberedLanguage(ctx.dir, ctx)).toBe('en');
    }
    rememberLanguage(ctx.dir, ctx, 'ja');
    expect(rememberedLanguage(ctx.dir, null)).toBe('ja');
    expect(getLanguage(ctx)).toBe('ja');
  });

  it('leaves a workspace that failed to open untouched', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'casebench.sqlite'), 'not a database at all, and long enough to be read as one');
    const bench = workbenchOn(dir);
    expect(await ok(bench.call('app.status', {}))).toMatchObject({ workspace: { state: 'unavailable' } });
    expect(await failureCode(bench.call('settings.setLanguage', { language: 'ja' }))).toBe('WORKSPACE_UNAVAILABLE');
    expect(fs.readdirSync(dir).filter((name) => name.includes('preferences'))).toEqual([]);
  });

  it('says so when the folder cannot be written, and keeps the language remembered before', () => {
    const dir = tempDir();
    rememberLanguage(dir, null, 'ja');
    const lock = makeReadOnly(dir);
    if ('unavailable' in lock) return console.warn(`read-only folder not tested: ${lock.unavailable}`);
    try {
      const error = (() => {
        try {
          rememberLanguage(dir, null, 'en');
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(Failure);
      expect(error).toMatchObject({ code: 'WORKSPACE_UNAVAILABLE' });
      expect((error as Failure).message).not.toContain(dir);
      expect(preferences(dir)).toEqual({ language: 'ja' });
    } finally {
      lock.restore();
    }
  });
});
