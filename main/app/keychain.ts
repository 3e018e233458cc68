import { safeStorage } from 'electron';
import type { Keychain } from '../workspace/encryption/keychain';

/**
 * Electron's safeStorage as the workspace's keychain. Call after app ready (before it, Linux
 * reports no backend). On Linux without a keyring safeStorage falls back to 'basic_text', which
 * encrypts with a fixed password: that would be the key in plain sight, so it counts as unprotected.
 */
export function electronKeychain(): Keychain {
  return {
    unprotectedReason() {
      if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
      if (process.platform === 'linux') {
        const backend = safeStorage.getSelectedStorageBackend();
        if (backend === 'basic_text' || backend === 'unknown') return 'plain-text';
      }
      return null;
    },
    encrypt: (data) => safeStorage.encryptString(data.toString('hex')),
    decrypt: (blob) => Buffer.from(safeStorage.decryptString(blob), 'hex'),
  };
}
