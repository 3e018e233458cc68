import { randomBytes } from 'node:crypto';
import { Failure } from '../../ipc/failure';
import type { KdfParams } from './key-derivation';
import {
  makeSlot,
  newKeyFileBody,
  openSlot,
  readKeyFile,
  sealRecoveryCode,
  unsealRecoveryCode,
  WORKSPACE_KEY_BYTES,
  writeKeyFile,
  type KeyFileBody,
} from './key-file';
import { assertStrongPassphrase } from './passphrase-strength';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery-code';

/** What a person gives to open the workspace: the passphrase, or the printed recovery code. */
export type UnlockSecret = { kind: 'passphrase'; secret: string } | { kind: 'recoveryCode'; secret: string };

export interface NewKeys {
  body: KeyFileBody;
  /** The random workspace key: the database's raw SQLCipher key. The caller zeroes it when done. */
  key: Buffer;
  /** Shown once to the user; kept in the key file only sealed under the workspace key. */
  recoveryCode: string;
}

/** A new random workspace key, wrapped under the passphrase and under a new recovery code. Nothing is written. */
export async function newWorkspaceKeys(passphrase: string, kdf: KdfParams): Promise<NewKeys> {
  assertStrongPassphrase(passphrase);
  const key = randomBytes(WORKSPACE_KEY_BYTES);
  const recoveryCode = generateRecoveryCode();
  const [passphraseSlot, recoverySlot] = await Promise.all([
    makeSlot('passphrase', passphrase, key, kdf),
    makeSlot('recovery', recoveryCode, key, kdf),
  ]);
  return { body: newKeyFileBody({ passphrase: passphraseSlot, recovery: recoverySlot }, sealRecoveryCode(key, recoveryCode)), key, recoveryCode };
}

export const wrongSecret = (kind: UnlockSecret['kind']) =>
  new Failure(
    'WORKSPACE_PASSPHRASE_WRONG',
    kind === 'passphrase'
      ? 'That passphrase does not open this workspace. Check the keyboard layout and Caps Lock, then try again.'
      : 'That recovery code does not open this workspace. Check each group against the printout, then try again.',
  );

/**
 * The workspace key, or WORKSPACE_PASSPHRASE_WRONG. The delay of a wrong guess is the key
 * derivation itself (one scrypt): nothing is added, nothing says which part was wrong.
 */
export async function unwrapWorkspaceKey(body: KeyFileBody, unlock: UnlockSecret): Promise<Buffer> {
  if (unlock.kind === 'passphrase') {
    const key = await openSlot('passphrase', body.slots.passphrase, unlock.secret);
    if (!key) throw wrongSecret('passphrase');
    return key;
  }
  const code = normalizeRecoveryCode(unlock.secret);
  const key = code ? await openSlot('recovery', body.slots.recovery, code) : null;
  if (!key) throw wrongSecret('recoveryCode');
  return key;
}

export function readKeyFileOrFail(dir: string): KeyFileBody {
  const body = readKeyFile(dir);
  if (!body) throw new Failure('WORKSPACE_KEY_FILE_DAMAGED', 'The workspace key file (casebench.keys.json) is missing, so no passphrase can open the workspace. Restore it from a backup.');
  return body;
}

/**
 * A new passphrase slot, written atomically over the key file: the workspace key, the database
 * and the recovery code stay as they are. A crash leaves the old file or the new one, whole.
 * `current` may be the old passphrase or the recovery code (a forgotten passphrase is replaced so).
 */
export async function changePassphrase(dir: string, current: UnlockSecret, next: string, kdf: KdfParams): Promise<void> {
  assertStrongPassphrase(next);
  const body = readKeyFileOrFail(dir);
  const key = await unwrapWorkspaceKey(body, current);
  try {
    const slot = await makeSlot('passphrase', next, key, kdf);
    writeKeyFile(dir, { ...body, slots: { ...body.slots, passphrase: slot } });
  } finally {
    key.fill(0);
  }
}

/** The recovery code, again, for the person who can give the passphrase. */
export async function revealRecoveryCode(dir: string, passphrase: string): Promise<string> {
  const body = readKeyFileOrFail(dir);
  const key = await unwrapWorkspaceKey(body, { kind: 'passphrase', secret: passphrase });
  try {
    return unsealRecoveryCode(key, body.recoveryCode);
  } finally {
    key.fill(0);
  }
}
