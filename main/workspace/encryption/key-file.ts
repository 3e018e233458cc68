import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Failure } from '../../ipc/failure';
import { writeFileAtomic } from '../../fs/durable';
import { deriveSlotKey, type KdfParams } from './key-derivation';

/**
 * The small file beside the database that holds the workspace key, wrapped: once under the
 * passphrase, once under the recovery code. Changing the passphrase rewrites one slot of this file
 * (atomically); the database is never re-encrypted.
 */
export const KEY_FILE = 'casebench.keys.json';
const FORMAT = 'casebench-workspace-keys';
const VERSION = 1;
export const WORKSPACE_KEY_BYTES = 32;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const KdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});
/** AES-256-GCM of the workspace key under a key derived from a secret: the tag is what says "wrong secret". */
const SlotSchema = z.object({ kdf: KdfSchema, salt: b64, iv: b64, wrapped: b64, tag: b64 });
/** AES-256-GCM under the workspace key itself (the recovery code, for showing it again). */
const SealedSchema = z.object({ iv: b64, sealed: b64, tag: b64 });
const BodySchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  /** How the database uses the key: SQLCipher 4 page format, the key given raw (no second KDF). */
  cipher: z.literal('sqlcipher4-raw-key'),
  slots: z.object({ passphrase: SlotSchema, recovery: SlotSchema }),
  recoveryCode: SealedSchema,
  /** The workspace key encrypted by the operating system's keychain (Electron safeStorage), if the user chose it. */
  keychain: z.object({ blob: b64 }).optional(),
});
export type KeyFileBody = z.infer<typeof BodySchema>;
export type Slot = z.infer<typeof SlotSchema>;
export type SlotName = keyof KeyFileBody['slots'];

export const keyFilePath = (dir: string) => path.join(dir, KEY_FILE);
export const keyFileExists = (dir: string) => fs.existsSync(keyFilePath(dir));

/**
 * A checksum over the body: a flipped byte in a salt or a wrapped key would otherwise look exactly
 * like a wrong passphrase. It is not a secret and proves nothing against a forger (who gains
 * nothing: the GCM tags still stand between them and the key); it tells damage from a typo.
 */
const digestOf = (body: KeyFileBody) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

const damaged = () =>
  new Failure(
    'WORKSPACE_KEY_FILE_DAMAGED',
    'The workspace key file (casebench.keys.json) is damaged, so no passphrase can open the workspace. Nothing was changed; restore the file from a backup.',
  );

/** The key file, checked; null if the folder has none. */
export function readKeyFile(dir: string): KeyFileBody | null {
  let text: string;
  try {
    text = fs.readFileSync(keyFilePath(dir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw damaged();
  }
  if (typeof raw === 'object' && raw !== null && 'version' in raw && typeof raw.version === 'number' && raw.version > VERSION) {
    throw new Failure('WORKSPACE_TOO_NEW', `This workspace's key file was written by a newer Casebench (format ${raw.version}; this version reads ${VERSION}). Nothing was changed; update Casebench to open it.`);
  }
  const { digest, ...rest } = (raw ?? {}) as { digest?: unknown };
  const parsed = BodySchema.safeParse(rest);
  if (!parsed.success || digest !== digestOf(parsed.data)) throw damaged();
  return parsed.data;
}

/** The file's text: the body and its checksum. */
export const serializeKeyFile = (body: KeyFileBody): string => `${JSON.stringify({ ...body, digest: digestOf(body) }, null, 2)}\n`;

export function writeKeyFile(dir: string, body: KeyFileBody): void {
  writeFileAtomic(keyFilePath(dir), serializeKeyFile(body));
}

const aad = (label: string) => Buffer.from(`${FORMAT}/v${VERSION}/${label}`);

function gcmSeal(key: Buffer, plaintext: Buffer, label: string): { iv: string; data: string; tag: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(label));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** null when the tag does not match: a wrong key (the file's checksum has already ruled out damage). */
function gcmOpen(key: Buffer, sealed: { iv: string; data: string; tag: string }, label: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64')).setAAD(aad(label));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export async function makeSlot(name: SlotName, secret: string, workspaceKey: Buffer, kdf: KdfParams): Promise<Slot> {
  const salt = randomBytes(16);
  const slotKey = await deriveSlotKey(secret, salt, kdf);
  const { iv, data, tag } = gcmSeal(slotKey, workspaceKey, `slot/${name}`);
  slotKey.fill(0);
  return { kdf, salt: salt.toString('base64'), iv, wrapped: data, tag };
}

/** The workspace key, or null if `secret` is not the one this slot was made with. */
export async function openSlot(name: SlotName, slot: Slot, secret: string): Promise<Buffer | null> {
  const slotKey = await deriveSlotKey(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
  const key = gcmOpen(slotKey, { iv: slot.iv, data: slot.wrapped, tag: slot.tag }, `slot/${name}`);
  slotKey.fill(0);
  return key && key.length === WORKSPACE_KEY_BYTES ? key : null;
}

export function sealRecoveryCode(workspaceKey: Buffer, code: string): KeyFileBody['recoveryCode'] {
  const { iv, data, tag } = gcmSeal(workspaceKey, Buffer.from(code, 'utf8'), 'recovery-code');
  return { iv, sealed: data, tag };
}

export function unsealRecoveryCode(workspaceKey: Buffer, sealed: KeyFileBody['recoveryCode']): string {
  const code = gcmOpen(workspaceKey, { iv: sealed.iv, data: sealed.sealed, tag: sealed.tag }, 'recovery-code');
  if (!code) throw damaged();
  return code.toString('utf8');
}

export function newKeyFileBody(slots: KeyFileBody['slots'], recoveryCode: KeyFileBody['recoveryCode']): KeyFileBody {
  return { format: FORMAT, version: VERSION, cipher: 'sqlcipher4-raw-key', slots, recoveryCode };
}
