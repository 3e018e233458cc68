/** Caps a reader enforces before and while it extracts; a bundle over any of them is refused whole (BUNDLE_TOO_LARGE). */
export interface BundleLimits {
  /** Sum of all entries' bytes. */
  maxTotalBytes: number;
  /** Number of entries (casebundle.json and casebundle.sig not counted). */
  maxEntries: number;
  /** Bytes of any one entry. */
  maxEntryBytes: number;
}

const GiB = 1024 ** 3;

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxTotalBytes: 64 * GiB,
  maxEntries: 100_000,
  maxEntryBytes: 16 * GiB,
};

/** casebundle.json is read into memory to be verified: 100,000 entries of ≤ 200-character names fit with room. */
export const MANIFEST_MAX_BYTES = 48 * 1024 * 1024;
