/**
 * For tests: keys, entry sources from real files, and hand-made bundles (any tar, any manifest)
 * encrypted with the writer's own internals, to feed the reader what a good writer never makes.
 */
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { makeHeader } from './age-header';
import { MANIFEST_NAME, SIGNATURE_NAME } from './entry-names';
import { BUNDLE_FORMAT_VERSION, signManifest } from './manifest';
import { PayloadEncrypt } from './stream-cipher';
import type { BundleEncryption, BundleEntrySource, BundleSigner } from './types';

export function newSigner(): BundleSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return { privateKey, publicKey: raw.toString('base64') };
}

export async function newAgeKey(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An entry whose bytes are in a real file. */
export function fileEntry(name: string, file: string): BundleEntrySource {
  const bytes = fs.readFileSync(file);
  return { name, size: bytes.length, sha256: sha256(bytes), open: () => fs.createReadStream(file) };
}

/** An entry from bytes in memory (small tests). */
export function bytesEntry(name: string, bytes: Buffer): BundleEntrySource {
  return { name, size: bytes.length, sha256: sha256(bytes), open: () => Readable.from([bytes]) };
}

/** casebundle.json bytes exactly as a writer would make them, with any fields overridden. */
export function manifestBytes(fields: { signer: BundleSigner; entries: { name: string; size: number; sha256: string }[]; meta?: Record<string, unknown>; formatVersion?: number }): Buffer {
  const document = {
    format: 'casebundle',
    formatVersion: fields.formatVersion ?? BUNDLE_FORMAT_VERSION,
    signer: { algorithm: 'ed25519', publicKey: fields.signer.publicKey },
    meta: fields.meta ?? {},
    entries: fields.entries,
  };
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}

export const signatureOf = (manifest: Buffer, privateKey: KeyObject) => signManifest(manifest, privateKey);

export type TarPart = { name: string; body?: Buffer; size?: number; type?: 'file' | 'symlink' | 'link' | 'directory' | 'character-device'; linkname?: string };

/** A tar of `parts` in this order, as tar-stream writes it (size may lie: `size` overrides the body's length, padded with zeros). */
export async function tarOf(parts: TarPart[]): Promise<Buffer> {
  const pack = tar.pack();
  const done = (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of pack) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  })();
  for (const part of parts) {
    const type = part.type ?? 'file';
    if (type !== 'file') {
      await new Promise<void>((resolve, reject) => pack.entry({ name: part.name, type, linkname: part.linkname ?? 'target' }, (e) => (e ? reject(e) : resolve())).end(undefined));
      continue;
    }
    const body = part.size === undefined ? (part.body ?? Buffer.alloc(0)) : Buffer.concat([part.body ?? Buffer.alloc(0), Buffer.alloc(Math.max(0, part.size - (part.body?.length ?? 0)))]).subarray(0, part.size);
    await new Promise<void>((resolve, reject) => pack.entry({ name: part.name, size: body.length }, body, (e) => (e ? reject(e) : resolve())));
  }
  pack.finalize();
  return done;
}

/** The heads of a bundle: a manifest for `entries` signed by `signer`, and its signature. */
export function heads(signer: BundleSigner, entries: { name: string; body: Buffer }[], extra: { meta?: Record<string, unknown>; formatVersion?: number } = {}): TarPart[] {
  const manifest = manifestBytes({ signer, entries: entries.map((e) => ({ name: e.name, size: e.body.length, sha256: sha256(e.body) })), ...extra });
  return [
    { name: MANIFEST_NAME, body: manifest },
    { name: SIGNATURE_NAME, body: signatureOf(manifest, signer.privateKey) },
  ];
}

/** Encrypts `plaintext` into an age file at `file` with our own header and payload code. */
export async function encryptTo(file: string, encryption: BundleEncryption, plaintext: Buffer): Promise<void> {
  const { header, fileKey } = await makeHeader(encryption);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  out.write(header);
  await pipeline(Readable.from([plaintext]), new PayloadEncrypt(fileKey), out);
}

/** Every file under `dir`, relative; [] when `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}
