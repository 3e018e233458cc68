import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { PublicCard } from '../../shared/contract/channels/keys';
import { Failure } from '../ipc/failure';
import type { ServiceContext } from '../services/context';
import { getIdentity } from '../services/identity-service';

export interface InvestigatorKeys {
  /** Ed25519; publicKey is the raw 32 bytes, base64. */
  signing: { publicKey: string; privateKey: KeyObject };
  /** 'AGE-SECRET-KEY-1…' */
  ageIdentity: string;
  /** 'age1…' */
  ageRecipient: string;
}

interface OwnKeysRow {
  signing_public: string;
  signing_private: string;
  age_identity: string;
  age_recipient: string;
}

function storedKeys(db: ServiceContext['db']): InvestigatorKeys | null {
  const row = db
    .prepare('SELECT signing_public, signing_private, age_identity, age_recipient FROM own_keys WHERE id = 1')
    .get() as OwnKeysRow | undefined;
  if (!row) return null;
  return {
    signing: {
      publicKey: row.signing_public,
      privateKey: createPrivateKey({ key: Buffer.from(row.signing_private, 'base64'), format: 'der', type: 'pkcs8' }),
    },
    ageIdentity: row.age_identity,
    ageRecipient: row.age_recipient,
  };
}

/**
 * This investigator's key pair, made once on first use and kept in the workspace database.
 * Async because age's identityToRecipient is (it may use WebCrypto). Two first calls at once
 * both make a pair, but only the first one stored is ever used or returned.
 *
 * The private keys are stored in the clear for now: issue 7 encrypts them at rest.
 */
export async function ownKeys(ctx: Pick<ServiceContext, 'db'> & Partial<Pick<ServiceContext, 'now'>>): Promise<InvestigatorKeys> {
  const stored = storedKeys(ctx.db);
  if (stored) return stored;

  const signing = generateKeyPairSync('ed25519');
  const ageIdentity = await generateX25519Identity();
  const ageRecipient = await identityToRecipient(ageIdentity);
  const jwk = signing.publicKey.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('Ed25519 public key without x');
  ctx.db
    .prepare(
      `INSERT INTO own_keys (id, signing_public, signing_private, age_identity, age_recipient, created_at)
       VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    )
    .run(
      Buffer.from(jwk.x, 'base64url').toString('base64'),
      signing.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      ageIdentity,
      ageRecipient,
      ctx.now?.() ?? new Date().toISOString(),
    );
  const kept = storedKeys(ctx.db);
  if (!kept) throw new Error('own keys were not stored');
  return kept;
}

/** The signing key stored, if any; never makes one (reading a bundle's standing must not create keys). */
export function ownSigningKey(ctx: Pick<ServiceContext, 'db'>): string | null {
  return (ctx.db.prepare('SELECT signing_public FROM own_keys WHERE id = 1').pluck().get() as string | undefined) ?? null;
}

/** What this investigator hands colleagues: their name and organisation (identity-service) and public keys. */
export async function ownCard(ctx: Pick<ServiceContext, 'db'> & Partial<Pick<ServiceContext, 'now'>>): Promise<PublicCard> {
  const identity = getIdentity(ctx);
  if (!identity) {
    throw new Failure('IDENTITY_REQUIRED', 'Say who you are (your name and organisation) before sharing your public key.');
  }
  const keys = await ownKeys(ctx);
  return { name: identity.name, organisation: identity.organisation, signingKey: keys.signing.publicKey, ageRecipient: keys.ageRecipient };
}
