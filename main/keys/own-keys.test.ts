import { Decrypter, Encrypter, identityToRecipient } from 'age-encryption';
import { createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Failure } from '../ipc/failure';
import { setIdentity } from '../services/identity-service';
import { tempDir } from '../test-support/temp-dir';
import { testContext } from '../test-support/service-context';
import { openWorkspace } from '../workspace/open-workspace';
import { ownCard, ownKeys } from './own-keys';

const rawEd25519 = (base64: string) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(base64, 'base64').toString('base64url') }, format: 'jwk' });

describe('own keys', () => {
  it('are made once on first use and are the same after the workspace is closed and reopened', async () => {
    const dir = tempDir();
    const first = openWorkspace(dir);
    const ctx = { db: first.db, now: () => '2026-11-27T09:00:00.000Z' };
    expect(first.db.prepare('SELECT count(*) FROM own_keys').pluck().get()).toBe(0);
    const made = await ownKeys(ctx);
    const again = await ownKeys(ctx);
    expect(again.signing.publicKey).toBe(made.signing.publicKey);
    expect(again.ageIdentity).toBe(made.ageIdentity);
    first.close();

    const reopened = openWorkspace(dir);
    const read = await ownKeys({ db: reopened.db });
    expect(read.signing.publicKey).toBe(made.signing.publicKey);
    expect(read.ageIdentity).toBe(made.ageIdentity);
    expect(read.ageRecipient).toBe(made.ageRecipient);
    expect(read.signing.privateKey.export({ format: 'der', type: 'pkcs8' })).toEqual(made.signing.privateKey.export({ format: 'der', type: 'pkcs8' }));
    expect(reopened.db.prepare('SELECT count(*) FROM own_keys').pluck().get()).toBe(1);
    reopened.close();
  });

  it('keeps one pair when two first calls race', async () => {
    const ctx = testContext();
    const [a, b] = await Promise.all([ownKeys(ctx), ownKeys(ctx)]);
    expect(a.signing.publicKey).toBe(b.signing.publicKey);
    expect(a.ageIdentity).toBe(b.ageIdentity);
  });

  it('sign with Ed25519 (raw 32-byte public key, base64) and receive with an age X25519 identity', async () => {
    const ctx = testContext();
    const keys = await ownKeys(ctx);
    expect(Buffer.from(keys.signing.publicKey, 'base64')).toHaveLength(32);
    expect(keys.signing.privateKey.asymmetricKeyType).toBe('ed25519');
    const message = Buffer.from('manifest');
    const signature = sign(null, message, keys.signing.privateKey);
    expect(verify(null, message, rawEd25519(keys.signing.publicKey), signature)).toBe(true);
    expect(verify(null, Buffer.from('manifesT'), rawEd25519(keys.signing.publicKey), signature)).toBe(false);

    expect(keys.ageIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect(await identityToRecipient(keys.ageIdentity)).toBe(keys.ageRecipient);
    const encrypter = new Encrypter();
    encrypter.addRecipient(keys.ageRecipient);
    const decrypter = new Decrypter();
    decrypter.addIdentity(keys.ageIdentity);
    expect(await decrypter.decrypt(await encrypter.encrypt('for my eyes'), 'text')).toBe('for my eyes');
  });

  it('differ between two workspaces', async () => {
    const [a, b] = await Promise.all([ownKeys(testContext()), ownKeys(testContext())]);
    expect(a.signing.publicKey).not.toBe(b.signing.publicKey);
    expect(a.ageRecipient).not.toBe(b.ageRecipient);
  });
});

describe('own card', () => {
  it('is the identity (name, organisation) with the public keys, never a private one', async () => {
    const ctx = testContext();
    setIdentity(ctx, { name: '田中 愛子', organisation: 'Human Rights Now' });
    const card = await ownCard(ctx);
    const keys = await ownKeys(ctx);
    expect(card).toEqual({ name: '田中 愛子', organisation: 'Human Rights Now', signingKey: keys.signing.publicKey, ageRecipient: keys.ageRecipient });
    expect(JSON.stringify(card)).not.toContain('AGE-SECRET-KEY');
  });

  it('needs an identity first, and says so without making keys', async () => {
    const ctx = testContext();
    const failure = await ownCard(ctx).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Failure);
    expect((failure as Failure).code).toBe('IDENTITY_REQUIRED');
    expect(ctx.db.prepare('SELECT count(*) FROM own_keys').pluck().get()).toBe(0);
  });
});
