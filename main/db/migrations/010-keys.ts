import type { Migration } from './migration';

/**
 * The investigator's own key pair and the colleagues' public keys (main/keys, issue 5).
 *
 * own_keys holds one row, made on first use: an Ed25519 signing key and an age X25519 identity.
 * The private halves are stored here in the clear for now; issue 7 encrypts them at rest (a
 * workspace passphrase), so nothing else may read them except through main/keys.
 *
 * A colleague is their public card as it was confirmed: unique by signing key, since that key is
 * what a bundle's signature is checked against. Two colleagues may share a name (a name is only a
 * label; the UI says so plainly when a card repeats a known name with another key).
 */
export const keys: Migration = {
  version: 10,
  name: 'keys',
  up(db) {
    db.exec(`
      CREATE TABLE own_keys (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        -- Raw 32-byte Ed25519 public key, base64 (44 characters with padding).
        signing_public  TEXT NOT NULL CHECK (length(signing_public) = 44),
        -- PKCS#8 DER, base64. In the clear until issue 7 encrypts private keys at rest.
        signing_private TEXT NOT NULL CHECK (length(signing_private) > 0),
        -- 'AGE-SECRET-KEY-1…'. In the clear until issue 7 encrypts private keys at rest.
        age_identity    TEXT NOT NULL CHECK (age_identity LIKE 'AGE-SECRET-KEY-1%'),
        age_recipient   TEXT NOT NULL CHECK (age_recipient LIKE 'age1%'),
        created_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE colleagues (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL CHECK (length(name) > 0),
        organisation  TEXT NOT NULL,
        signing_key   TEXT NOT NULL UNIQUE CHECK (length(signing_key) = 44),
        age_recipient TEXT NOT NULL CHECK (age_recipient LIKE 'age1%'),
        fingerprint   TEXT NOT NULL,
        added_at      TEXT NOT NULL,
        added_from    TEXT NOT NULL CHECK (added_from IN ('pasted', 'bundle'))
      ) STRICT;
      CREATE INDEX colleagues_name ON colleagues (name);
    `);
  },
};
