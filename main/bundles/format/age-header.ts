import { Decrypter, Encrypter, type Recipient } from 'age-encryption';
import type { FileHandle } from 'node:fs/promises';
import { Failure } from '../../ipc/failure';
import type { BundleEncryption } from './types';

/**
 * The age header (recipient stanzas and header MAC) is made and opened by age-encryption, the
 * implementation by age's author: X25519 and scrypt stanzas and the MAC are not ours to rewrite.
 * Only the payload is done natively (stream-cipher.ts).
 */
const MAGIC = 'age-encryption.org/v1\n';
/** A header with hundreds of recipients is a few tens of KiB; past this it is not an age file. */
const HEADER_MAX_BYTES = 1024 * 1024;
/** age's default passphrase work factor. Higher needs 2^logN KiB of memory (1 GiB at 20), so a bundle asking more is refused. */
export const SCRYPT_MAX_LOG_N = 18;

/** The header bytes of an age file made with `encrypter` over empty input (the header ends at the MAC line). */
async function headerOf(encrypter: Encrypter): Promise<Uint8Array> {
  const file = await encrypter.encrypt(new Uint8Array(0));
  const end = headerEnd(file);
  if (end < 0) throw new Error('age-encryption produced no header');
  return file.subarray(0, end);
}

/** The length of the header at the start of `bytes` (through the "--- MAC" line's newline), or -1. */
function headerEnd(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith(MAGIC)) return -1;
  // Stanza lines start with "-> " and bodies are base64: "\n---" only begins the MAC line.
  const mac = text.indexOf('\n---', MAGIC.length - 1);
  if (mac < 0) return -1;
  const newline = text.indexOf('\n', mac + 1);
  return newline < 0 ? -1 : newline + 1;
}

/** A new file key and the age header that wraps it for `encryption`. */
export async function makeHeader(encryption: BundleEncryption): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
  const encrypter = new Encrypter();
  if ('passphrase' in encryption) {
    if (!encryption.passphrase) throw new Failure('BAD_REQUEST', 'A passphrase bundle needs a passphrase.');
    // The library keeps passphrases and recipients apart, so the file key is read back from the
    // header it made (one more scrypt, about a second).
    encrypter.setPassphrase(encryption.passphrase);
    const header = await headerOf(encrypter);
    const decrypter = new Decrypter();
    decrypter.addPassphrase(encryption.passphrase);
    return { header, fileKey: await decrypter.decryptHeader(header) };
  }
  if (encryption.recipients.length === 0) throw new Failure('BAD_REQUEST', 'A bundle needs at least one recipient.');
  for (const recipient of encryption.recipients) {
    try {
      encrypter.addRecipient(recipient);
    } catch {
      throw new Failure('BAD_REQUEST', 'A recipient is not an age public key (age1…).');
    }
  }
  let fileKey: Uint8Array | null = null;
  // Sees the file key the library draws for this header, and adds no stanza of its own.
  const capture: Recipient = {
    wrapFileKey(key) {
      fileKey = key.slice();
      return [];
    },
  };
  encrypter.addRecipient(capture);
  const header = await headerOf(encrypter);
  if (!fileKey) throw new Error('age-encryption did not wrap a file key');
  return { header, fileKey };
}

/** Reads the age header at the start of a bundle file; NOT_A_BUNDLE if there is none. */
export async function readHeader(handle: FileHandle): Promise<Uint8Array> {
  let buffer = Buffer.alloc(64 * 1024);
  let have = 0;
  for (;;) {
    if (have === buffer.length) {
      if (buffer.length >= HEADER_MAX_BYTES) throw damagedHeader();
      const larger = Buffer.alloc(Math.min(HEADER_MAX_BYTES, buffer.length * 4));
      buffer.copy(larger, 0, 0, have);
      buffer = larger;
    }
    const { bytesRead } = await handle.read(buffer, have, buffer.length - have, have);
    have += bytesRead;
    const prefix = Math.min(have, MAGIC.length);
    if (buffer.toString('latin1', 0, prefix) !== MAGIC.slice(0, prefix)) throw notABundle();
    const end = headerEnd(buffer.subarray(0, have));
    if (end >= 0) return Uint8Array.prototype.slice.call(buffer, 0, end);
    if (bytesRead === 0) throw have < MAGIC.length ? notABundle() : damagedHeader();
  }
}

const notABundle = () => new Failure('BUNDLE_NOT_A_BUNDLE', 'This file is not a case bundle: it is not an age-encrypted file.');
const damagedHeader = () => new Failure('BUNDLE_DAMAGED', 'The bundle is damaged or cut short: its encryption header is incomplete.');

/** The stanza types ("X25519", "scrypt", …) and the scrypt work factor, read from the header text. */
function stanzasOf(header: Uint8Array): { types: string[]; scryptLogN: number | null } {
  const lines = Buffer.from(header).toString('latin1').split('\n');
  const stanzas = lines.filter((line) => line.startsWith('-> ')).map((line) => line.slice(3).split(' '));
  const scrypt = stanzas.find((args) => args[0] === 'scrypt');
  return { types: stanzas.map((args) => args[0] ?? ''), scryptLogN: scrypt ? Number(scrypt[2]) : null };
}

/** The file key, or the Failure that says why this reader cannot have it. */
export async function openHeader(header: Uint8Array, identities: readonly string[], passphrase: string | undefined): Promise<Uint8Array> {
  const { types, scryptLogN } = stanzasOf(header);
  const forPassphrase = types.includes('scrypt');
  if (forPassphrase) {
    if (!passphrase) throw new Failure('BUNDLE_WRONG_PASSPHRASE', 'This bundle is protected by a passphrase; enter the passphrase to open it.');
    if (!(Number.isInteger(scryptLogN) && scryptLogN! >= 1 && scryptLogN! <= SCRYPT_MAX_LOG_N)) {
      throw new Failure('BUNDLE_TOO_LARGE', `This bundle's passphrase asks for more work than Casebench allows (scrypt work factor over ${SCRYPT_MAX_LOG_N}).`);
    }
  }
  const decrypter = new Decrypter();
  if (forPassphrase) decrypter.addPassphrase(passphrase!);
  for (const identity of identities) {
    try {
      decrypter.addIdentity(identity);
    } catch {
      throw new Failure('BAD_REQUEST', 'One of the keys offered to open the bundle is not an age identity (AGE-SECRET-KEY-1…).');
    }
  }
  try {
    return await decrypter.decryptHeader(header);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/no identity matched/.test(message)) {
      throw forPassphrase
        ? new Failure('BUNDLE_WRONG_PASSPHRASE', 'The passphrase does not open this bundle.')
        : new Failure('BUNDLE_NOT_FOR_YOU', 'This bundle is encrypted to other keys; none of yours opens it.');
    }
    if (/^invalid version/.test(message)) throw notABundle();
    // A bad MAC, a malformed stanza: the header was changed.
    throw new Failure('BUNDLE_DAMAGED', 'The bundle is damaged: its encryption header does not check out.');
  }
}
