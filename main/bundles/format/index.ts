/**
 * Case bundles, the file format (docs/bundle-format.md): an age-encrypted tar of a signed manifest
 * (casebundle.json, casebundle.sig) and the entries it lists. What goes in the entries and meta is
 * the caller's (main/bundles/case); keys are main/keys'.
 */
export { BUNDLE_FORMAT_VERSION } from './manifest';
export { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from './limits';
export { MAX_ENTRY_NAME, unsafeEntryName } from './entry-names';
export { writeBundle } from './write-bundle';
export { readBundle } from './read-bundle';
export type {
  BundleEncryption,
  BundleEntry,
  BundleEntrySource,
  BundleSigner,
  OpenedBundle,
  ReadBundleOptions,
  WriteBundleOptions,
} from './types';
