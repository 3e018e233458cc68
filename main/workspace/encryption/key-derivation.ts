import { scrypt } from 'node:crypto';

/**
 * scrypt from node:crypto (no extra dependency; Argon2 would need a native module). The cost is
 * stored beside each slot, so it can be raised later without locking anyone out.
 */
export interface KdfParams {
  name: 'scrypt';
  /** CPU/memory cost (a power of two); 2^17 takes about half a second here, which is also the wrong-passphrase delay. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_KDF: KdfParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

export const SLOT_KEY_BYTES = 32;

/** scrypt needs 128·N·r bytes; node's default ceiling (32 MiB) is below 2^17's 128 MiB. */
const maxmem = (params: KdfParams) => 256 * params.N * params.r;

/**
 * The key that wraps the workspace key in one slot. The secret is NFC-normalized, so a passphrase
 * typed with a different input method (composed or decomposed kana, accents) still opens.
 */
export function deriveSlotKey(secret: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, SLOT_KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem: maxmem(params) }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
