import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { Failure } from '../../ipc/failure';
import { entryNamesProblem } from './entry-names';
import type { BundleEntry } from './types';

/**
 * casebundle.json: the format version, the caller's meta, the signer's key and every entry's name,
 * size and SHA-256. casebundle.sig is the Ed25519 signature over its exact bytes, base64.
 * Every version keeps `format` and `formatVersion` at the top of casebundle.json, so that any
 * reader can say "too new" rather than "damaged".
 */
export const BUNDLE_FORMAT_VERSION = 1;
const FORMAT = 'casebundle';

const SHA256 = /^[0-9a-f]{64}$/;
const EntrySchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(SHA256),
});
const ManifestV1Schema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(1),
  signer: z.object({ algorithm: z.literal('ed25519'), publicKey: z.string() }),
  meta: z.record(z.string(), z.unknown()),
  entries: z.array(EntrySchema),
});

export interface Manifest {
  formatVersion: number;
  signerPublicKey: string;
  meta: Record<string, unknown>;
  entries: BundleEntry[];
}

/** The raw 32-byte Ed25519 key as a KeyObject, or null when `base64` is not one. */
export function ed25519PublicKey(base64: string): KeyObject | null {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== base64) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** The bytes of casebundle.json (pretty-printed: people may read it after `age -d | tar -x`). */
export function encodeManifest(m: Omit<Manifest, 'formatVersion'>): Buffer {
  const document = {
    format: FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    signer: { algorithm: 'ed25519', publicKey: m.signerPublicKey },
    meta: m.meta,
    entries: m.entries.map(({ name, size, sha256 }) => ({ name, size, sha256 })),
  };
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}

/** casebundle.sig: the Ed25519 signature over the manifest's exact bytes, base64. */
export const signManifest = (manifest: Buffer, privateKey: KeyObject): Buffer =>
  Buffer.from(sign(null, manifest, privateKey).toString('base64'), 'ascii');

const damaged = (why: string) => new Failure('BUNDLE_DAMAGED', `The bundle is damaged: ${why}.`);

/**
 * Reads and checks casebundle.json against casebundle.sig, in this order: a bundle at all, not
 * newer than this reader, signature over the exact bytes, then the shape and the entry names.
 */
export function openManifest(bytes: Buffer, signature: Buffer): Manifest {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw damaged('its manifest is not JSON');
  }
  const head = document as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== FORMAT) {
    throw new Failure('BUNDLE_NOT_A_BUNDLE', 'This file is not a case bundle: its manifest is not a Casebench manifest.');
  }
  const version = head.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw damaged('its format version is not a number');
  if (version > BUNDLE_FORMAT_VERSION) {
    throw new Failure(
      'BUNDLE_TOO_NEW',
      `This bundle is in format version ${version}; this Casebench reads versions up to ${BUNDLE_FORMAT_VERSION}. Update Casebench to open it.`,
    );
  }
  // One branch per format version ever shipped: older bundles stay readable.
  const parsed = ManifestV1Schema.safeParse(document);
  if (!parsed.success) throw damaged('its manifest does not have the expected shape');
  const m = parsed.data;

  const key = ed25519PublicKey(m.signer.publicKey);
  const raw = Buffer.from(signature.toString('ascii').trim(), 'base64');
  if (!key || raw.length !== 64 || !verify(null, bytes, key, raw)) {
    throw new Failure('BUNDLE_SIGNATURE_INVALID', 'The bundle’s signature does not match its manifest and the key it names.');
  }
  const problem = entryNamesProblem(m.entries.map((e) => e.name));
  if (problem) throw new Failure('BUNDLE_UNSAFE_ENTRY', `The bundle lists an entry "${problem.name}" with ${problem.reason}.`);
  return { formatVersion: version, signerPublicKey: m.signer.publicKey, meta: m.meta, entries: m.entries };
}
