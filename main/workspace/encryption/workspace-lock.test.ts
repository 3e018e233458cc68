import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Failure } from '../../ipc/failure';
import { tempDir } from '../../test-support/temp-dir';
import { DATABASE_FILE, openWorkspace } from '../open-workspace';
import { DEFAULT_KDF } from './key-derivation';
import { KEY_FILE, readKeyFile } from './key-file';
import { applyKey } from './sqlcipher';
import { unwrapWorkspaceKey } from './workspace-keys';
import { failureCode, ok, STRONG, STRONGER, TEST_KDF, workbenchOn } from './test-workbench';

const SECRETS = ['Uyghur detention witness KX-4471', '拘禁施設の証言者 ナザルバエフ', 'SECRET-ORGANISATION-ALPHA'];
/** What a plain SQLite file shows in clear: its magic and its schema. */
const MARKERS = ['SQLite format 3', 'CREATE TABLE'];

type Bench = ReturnType<typeof workbenchOn>;

async function seed(bench: Bench): Promise<void> {
  await ok(bench.call('identity.set', { name: SECRETS[1]!, organisation: SECRETS[2]! }));
  for (let i = 0; i < 40; i++) {
    await ok(bench.call('cases.create', { title: `${SECRETS[i % 3]} ${i}`, country: null, situation: SECRETS[2]!, summary: `${SECRETS[0]} `.repeat(20) }));
  }
}

/** Which of the needles appear, in UTF-8 or UTF-16, in any file of the folder. */
function plaintextIn(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile()) continue;
    const bytes = fs.readFileSync(file);
    for (const needle of needles) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(needle, encoding))) hits.push(`${name}: ${needle} (${encoding})`);
      }
    }
  }
  return hits;
}

function failureOf(run: () => unknown): Failure {
  try {
    run();
  } catch (error) {
    if (error instanceof Failure) return error;
    throw error;
  }
  throw new Error('expected a Failure');
}

async function createdWorkspace(): Promise<{ dir: string; recoveryCode: string }> {
  const dir = tempDir();
  const bench = workbenchOn(dir);
  const { recoveryCode } = await ok<{ recoveryCode: string }>(bench.call('workspace.create', { passphrase: STRONG }));
  await seed(bench);
  bench.close();
  return { dir, recoveryCode };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('an encrypted workspace', () => {
  it('starts as new, is created with a passphrase, and keeps no known plaintext in the database or its WAL', async () => {
    const dir = path.join(tempDir(), 'first', 'run'); // a first run's folder does not exist yet
    const bench = workbenchOn(dir);
    expect(await ok(bench.call('app.status', {}))).toMatchObject({ workspace: { state: 'new' } });
    const { recoveryCode } = await ok<{ recoveryCode: string }>(bench.call('workspace.create', { passphrase: STRONG }));
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(await ok(bench.call('app.status', {}))).toMatchObject({ workspace: { state: 'ready', encrypted: true } });
    await seed(bench);
    // Before a checkpoint the new rows live in the WAL: it must be as unreadable as the database.
    expect(fs.statSync(path.join(dir, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(0);
    expect(plaintextIn(dir, [...SECRETS, ...MARKERS])).toEqual([]);
    bench.close();
    expect(plaintextIn(dir, [...SECRETS, ...MARKERS])).toEqual([]);
    // The key file holds no secret in clear either: not the recovery code, not the passphrase.
    const keyFile = fs.readFileSync(path.join(dir, KEY_FILE), 'utf8');
    for (const group of recoveryCode.split('-')) expect(keyFile).not.toContain(group);
    expect(keyFile).not.toContain(STRONG.split(' ')[0]);
  });

  it('opens locked; a wrong passphrase is refused with no hint, the right one opens it, and lock closes it again', async () => {
    const { dir } = await createdWorkspace();
    const bench = workbenchOn(dir);
    expect(await ok(bench.call('app.status', {}))).toMatchObject({ workspace: { state: 'locked' } });
    expect(await failureCode(bench.call('cases.list', {}))).toBe('WORKSPACE_NOT_UNLOCKED');
    const wrong = await bench.call('workspace.unlock', { kind: 'passphrase', secret: `${STRONG}x` });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WORKSPACE_PASSPHRASE_WRONG' } });
    expect(JSON.stringify(wrong)).not.toContain(STRONG);
    await ok(bench.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }));
    const list = await ok<{ items: { title: string }[]; total: number }>(bench.call('cases.list', { limit: 100 }));
    expect(list.items.map((c) => c.title)).toContain(`${SECRETS[0]} 0`);

    await ok(bench.call('workspace.lock', {}));
    expect(await ok(bench.call('app.status', {}))).toMatchObject({ workspace: { state: 'locked' }, identity: null });
    expect(await failureCode(bench.call('cases.list', {}))).toBe('WORKSPACE_NOT_UNLOCKED');
    // Locked means closed: another process may open the database now (with the key), this one holds nothing.
    expect(fs.existsSync(path.join(dir, '.casebench.lock'))).toBe(false);
    await ok(bench.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }));
    expect(await ok(bench.call('app.status', {}))).toMatchObject({ workspace: { state: 'ready', encrypted: true } });
  });

  it('opens with the recovery code as printed or as typed (lower case, spaces, O for 0)', async () => {
    const { dir, recoveryCode } = await createdWorkspace();
    const bench = workbenchOn(dir);
    expect(await failureCode(bench.call('workspace.unlock', { kind: 'recoveryCode', secret: STRONG }))).toBe('WORKSPACE_PASSPHRASE_WRONG');
    const typed = recoveryCode.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    await ok(bench.call('workspace.unlock', { kind: 'recoveryCode', secret: typed }));
    expect(await ok(bench.call('app.status', {}))).toMatchObject({ workspace: { state: 'ready' } });
  });

  it('refuses a weak passphrase and writes nothing', async () => {
    const dir = tempDir();
    const bench = workbenchOn(dir);
    for (const weak of ['password1', 'qwertyuiop', 'casebench2026', 'aaaaaaaaaaaaaaaa']) {
      expect(await failureCode(bench.call('workspace.create', { passphrase: weak }))).toBe('WORKSPACE_PASSPHRASE_WEAK');
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    const strength = await ok<{ score: number; warning: string | null }>(bench.call('workspace.passphraseStrength', { passphrase: 'password1' }));
    expect(strength).toMatchObject({ score: 0, acceptable: false, warning: 'common' });
    expect(await ok(bench.call('workspace.passphraseStrength', { passphrase: STRONG }))).toMatchObject({ acceptable: true });
  });

  it('changes the passphrase by rewriting only its slot: the old one stops working, the recovery code and the database stay', async () => {
    const { dir, recoveryCode } = await createdWorkspace();
    const before = readKeyFile(dir)!;
    const database = sha256(path.join(dir, DATABASE_FILE));
    const bench = workbenchOn(dir);
    await ok(bench.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }));
    expect(await failureCode(bench.call('workspace.changePassphrase', { current: { kind: 'passphrase', secret: STRONG }, next: 'password1' }))).toBe(
      'WORKSPACE_PASSPHRASE_WEAK',
    );
    expect(
      await failureCode(bench.call('workspace.changePassphrase', { current: { kind: 'passphrase', secret: STRONGER }, next: STRONGER })),
    ).toBe('WORKSPACE_PASSPHRASE_WRONG');
    await ok(bench.call('workspace.changePassphrase', { current: { kind: 'passphrase', secret: STRONG }, next: STRONGER }));
    const after = readKeyFile(dir)!;
    expect(after.slots.recovery).toEqual(before.slots.recovery);
    expect(after.recoveryCode).toEqual(before.recoveryCode);
    expect(after.slots.passphrase.salt).not.toBe(before.slots.passphrase.salt);
    bench.close();
    expect(sha256(path.join(dir, DATABASE_FILE))).toBe(database);

    const again = workbenchOn(dir);
    expect(await failureCode(again.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }))).toBe('WORKSPACE_PASSPHRASE_WRONG');
    await ok(again.call('workspace.unlock', { kind: 'passphrase', secret: STRONGER }));
    // A forgotten passphrase is replaced with the recovery code.
    await ok(again.call('workspace.changePassphrase', { current: { kind: 'recoveryCode', secret: recoveryCode }, next: STRONG }));
    expect(await ok(again.call('workspace.showRecoveryCode', { passphrase: STRONG }))).toEqual({ recoveryCode });
    expect(await failureCode(again.call('workspace.showRecoveryCode', { passphrase: STRONGER }))).toBe('WORKSPACE_PASSPHRASE_WRONG');
  });

  it('names a flipped byte in the key file as damage, never as a wrong passphrase, and changes nothing', async () => {
    const { dir } = await createdWorkspace();
    const file = path.join(dir, KEY_FILE);
    const original = fs.readFileSync(file, 'utf8');
    const body = JSON.parse(original) as { slots: { passphrase: { wrapped: string; salt: string } } };
    for (const field of ['wrapped', 'salt'] as const) {
      const bytes = Buffer.from(body.slots.passphrase[field], 'base64');
      bytes[3]! ^= 0x01;
      fs.writeFileSync(file, original.replace(body.slots.passphrase[field], bytes.toString('base64')));
      const damaged = fs.readFileSync(file);
      const bench = workbenchOn(dir);
      expect(await ok(bench.call('app.status', {}))).toMatchObject({ workspace: { state: 'unavailable', code: 'WORKSPACE_KEY_FILE_DAMAGED' } });
      expect(await failureCode(bench.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }))).not.toBe('WORKSPACE_PASSPHRASE_WRONG');
      bench.close();
      expect(fs.readFileSync(file)).toEqual(damaged);
    }
    fs.writeFileSync(file, original.slice(0, 200)); // cut short
    expect(await ok(workbenchOn(dir).call('app.status', {}))).toMatchObject({ workspace: { code: 'WORKSPACE_KEY_FILE_DAMAGED' } });
  });

  it('names a flipped byte in the database: on its first page when unlocking, deeper when the page is read', async () => {
    const { dir } = await createdWorkspace();
    const file = path.join(dir, DATABASE_FILE);
    const original = fs.readFileSync(file);
    const pageSize = 4096;

    const first = Buffer.from(original);
    first[100]! ^= 0x01;
    fs.writeFileSync(file, first);
    const bench = workbenchOn(dir);
    expect(await failureCode(bench.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }))).toBe('WORKSPACE_CORRUPT');
    bench.close();
    expect(fs.readFileSync(file)).toEqual(first);

    // One flipped byte in the page holding the cases table: SQLCipher's per-page HMAC fails on reading it.
    const key = await unwrapWorkspaceKey(readKeyFile(dir)!, { kind: 'passphrase', secret: STRONG });
    fs.writeFileSync(file, original);
    const probe = new Database(file, { readonly: true });
    applyKey(probe, key);
    const root = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'cases'").pluck().get() as number;
    probe.close();
    const deep = Buffer.from(original);
    deep[(root - 1) * pageSize + 200]! ^= 0x01;
    fs.writeFileSync(file, deep);
    const reopened = workbenchOn(dir);
    await ok(reopened.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }));
    expect(await failureCode(reopened.call('cases.list', { limit: 100 }))).toBe('WORKSPACE_CORRUPT');
    reopened.close();
    expect(fs.readFileSync(file)).toEqual(deep);
  });

  it('refuses to open an encrypted database without its key, or with another key', () => {
    return createdWorkspace().then(({ dir }) => {
      expect(failureOf(() => openWorkspace(dir)).code).toBe('WORKSPACE_PASSPHRASE_WRONG');
      expect(failureOf(() => openWorkspace(dir, { key: Buffer.alloc(32, 7) })).code).toBe('WORKSPACE_PASSPHRASE_WRONG');
      // Plain SQLite sees no database at all.
      const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
      expect(() => db.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
      db.close();
    });
  });

  it('encrypts a plain workspace in place: the same records, no known plaintext left in any file, then it locks like any other', async () => {
    const dir = tempDir();
    const plain = workbenchOn(dir, { createUnencrypted: true });
    expect(await ok(plain.call('app.status', {}))).toMatchObject({ workspace: { state: 'ready', encrypted: false } });
    await seed(plain);
    expect(plaintextIn(dir, SECRETS).length).toBeGreaterThan(0);
    const before = await ok<{ total: number }>(plain.call('cases.list', { limit: 1 }));
    expect(await failureCode(plain.call('workspace.encryptExisting', { passphrase: 'password1' }))).toBe('WORKSPACE_PASSPHRASE_WEAK');
    const { recoveryCode } = await ok<{ recoveryCode: string }>(plain.call('workspace.encryptExisting', { passphrase: STRONG }));
    expect(await ok(plain.call('app.status', {}))).toMatchObject({ workspace: { state: 'ready', encrypted: true } });
    expect(await ok<{ total: number }>(plain.call('cases.list', { limit: 1 }))).toMatchObject({ total: before.total });
    await ok(plain.call('cases.create', { title: `${SECRETS[0]} after`, country: null, situation: '', summary: SECRETS[1]! }));
    expect(plaintextIn(dir, [...SECRETS, ...MARKERS])).toEqual([]);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.encrypting') || n.includes('.pending'))).toEqual([]);
    await ok(plain.call('workspace.lock', {}));
    await ok(plain.call('workspace.unlock', { kind: 'recoveryCode', secret: recoveryCode }));
    expect(await ok<{ total: number }>(plain.call('cases.list', { limit: 1 }))).toMatchObject({ total: before.total + 1 });
    plain.close();
    expect(plaintextIn(dir, [...SECRETS, ...MARKERS])).toEqual([]);
  });

  it('refuses the keychain where it would not protect the key, and uses one that does', async () => {
    const { dir } = await createdWorkspace();
    const noKeyring = workbenchOn(dir, { keychain: { unprotectedReason: () => 'plain-text', encrypt: (b) => b, decrypt: (b) => b } });
    await ok(noKeyring.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }));
    expect(await ok(noKeyring.call('workspace.security', {}))).toMatchObject({ keychain: { unprotectedReason: 'plain-text', enabled: false } });
    expect(await failureCode(noKeyring.call('workspace.setKeychain', { enabled: true, passphrase: STRONG }))).toBe('KEYCHAIN_UNAVAILABLE');
    noKeyring.close();
    expect(readKeyFile(dir)!.keychain).toBeUndefined();

    // A stand-in for safeStorage: what it stores is opaque, and only it can read it back.
    const sealed = new Map<string, Buffer>();
    const keychain = {
      unprotectedReason: () => null,
      encrypt: (data: Buffer) => {
        const handle = Buffer.from(`handle-${sealed.size}`);
        sealed.set(handle.toString(), Buffer.from(data));
        return handle;
      },
      decrypt: (blob: Buffer) => sealed.get(blob.toString())!,
    };
    const first = workbenchOn(dir, { keychain });
    await ok(first.call('workspace.unlock', { kind: 'passphrase', secret: STRONG }));
    expect(await failureCode(first.call('workspace.setKeychain', { enabled: true, passphrase: STRONGER }))).toBe('WORKSPACE_PASSPHRASE_WRONG');
    await ok(first.call('workspace.setKeychain', { enabled: true, passphrase: STRONG }));
    first.close();
    // At the next start the keychain opens it; without the keychain (another machine) it stays locked.
    const second = workbenchOn(dir, { keychain });
    expect(await ok(second.call('app.status', {}))).toMatchObject({ workspace: { state: 'ready', encrypted: true } });
    second.close();
    expect(await ok(workbenchOn(dir).call('app.status', {}))).toMatchObject({ workspace: { state: 'locked' } });
  });

  it('derives slot keys with the stated cost (scrypt N=2^17, r=8, p=1) by default', async () => {
    const dir = tempDir();
    const bench = workbenchOn(dir, { kdf: undefined });
    await ok(bench.call('workspace.create', { passphrase: STRONG }));
    const body = readKeyFile(dir)!;
    expect(body.slots.passphrase.kdf).toEqual(DEFAULT_KDF);
    expect(body.slots.recovery.kdf).toEqual(DEFAULT_KDF);
    expect(DEFAULT_KDF).toEqual({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    void TEST_KDF;
  });
});
