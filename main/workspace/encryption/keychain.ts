/**
 * The operating system's keychain, as the Electron shell offers it (safeStorage), injected into the
 * workbench like the folder chooser: plain Node (the browser host, tests) has none.
 */
export interface Keychain {
  /**
   * null when the keychain really protects what it stores; otherwise why not: 'unavailable' (no
   * keychain at all) or 'plain-text' (Linux without a keyring: safeStorage's basic_text backend
   * would store the key with a hard-coded password, i.e. unprotected).
   */
  unprotectedReason(): 'unavailable' | 'plain-text' | null;
  encrypt(data: Buffer): Buffer;
  decrypt(blob: Buffer): Buffer;
}
