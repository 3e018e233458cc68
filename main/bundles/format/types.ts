import type { KeyObject } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { BundleLimits } from './limits';

/** One file a bundle carries. */
export interface BundleEntrySource {
  /** Relative POSIX path, e.g. 'records/allegations.json', 'evidence/<sha256>' (entry-names.ts says what is allowed). */
  name: string;
  size: number;
  /** Hex SHA-256 of the bytes open() yields; the writer re-checks it while writing. */
  sha256: string;
  open(): NodeJS.ReadableStream | Readable;
}

export interface BundleSigner {
  /** Ed25519 private key (node:crypto KeyObject) and its raw 32-byte public key, base64. */
  privateKey: KeyObject;
  publicKey: string;
}

export type BundleEncryption = { recipients: string[] /* 'age1…' */ } | { passphrase: string };

export interface WriteBundleOptions {
  /** Final path; written to a temp file beside it, fsynced, renamed. */
  file: string;
  entries: BundleEntrySource[];
  /** JSON that part C defines (what the bundle holds, sender card, options). */
  meta: Record<string, unknown>;
  encryption: BundleEncryption;
  signer: BundleSigner;
  /** Entry bytes written so far, of all entries' bytes. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ReadBundleOptions {
  file: string;
  /** 'AGE-SECRET-KEY-1…' the reader holds (may be empty). */
  identities: string[];
  passphrase?: string;
  /** Created by readBundle, removed by it on any failure (and by dispose()). */
  stagingDir: string;
  /** Entry bytes extracted so far, of all entries' bytes (known once the manifest is verified). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  limits?: Partial<BundleLimits>;
}

export interface BundleEntry {
  name: string;
  size: number;
  sha256: string;
}

export interface OpenedBundle {
  formatVersion: number;
  meta: Record<string, unknown>;
  entries: BundleEntry[];
  /** The signature over the manifest has been verified against this key; who it belongs to is the caller's judgement. */
  signer: { publicKey: string };
  /** SHA-256 of the whole .casebundle file. */
  bundleSha256: string;
  /** Absolute path of a verified entry inside stagingDir. */
  pathOf(name: string): string;
  /** Removes stagingDir. */
  dispose(): void;
}
