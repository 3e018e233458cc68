import fs from 'node:fs';
import { Failure } from '../../ipc/failure';
import { openWorkspace, type Workspace } from '../open-workspace';
import { encryptExisting } from './convert';
import { DEFAULT_KDF, type KdfParams } from './key-derivation';
import { readKeyFile, writeKeyFile } from './key-file';
import type { Keychain } from './keychain';
import { workspaceKind } from './layout';
import {
  changePassphrase,
  newWorkspaceKeys,
  readKeyFileOrFail,
  revealRecoveryCode,
  unwrapWorkspaceKey,
  type UnlockSecret,
} from './workspace-keys';

export interface SessionOptions {
  dir: string;
  /** The key derivation cost for new slots (tests lower it; the stored slots say what they used). */
  kdf?: KdfParams;
  /** A folder with no workspace gets a plain one at once instead of waiting for a passphrase (tests, dev). */
  createUnencrypted?: boolean;
  keychain?: Keychain;
  /** The workspace is open: services may start. */
  onOpened(workspace: Workspace): void;
  /** The workspace is about to close (lock, conversion): services drop what they hold. */
  onClosing(): void;
}

export type SessionState =
  | { kind: 'open'; workspace: Workspace; encrypted: boolean }
  | { kind: 'new' }
  | { kind: 'locked' }
  | { kind: 'failed'; failure: Failure };

function asFailure(error: unknown): Failure {
  if (error instanceof Failure) return error;
  console.error('[casebench] workspace could not be opened:', error);
  return new Failure('WORKSPACE_UNAVAILABLE', 'The workspace could not be opened.');
}

const notUnlocked = () => new Failure('WORKSPACE_NOT_UNLOCKED', 'The workspace is locked. Unlock it with the passphrase first.');

/**
 * The workspace's life: new (no database yet) → created with a passphrase → open ⇄ locked; or a
 * plain workspace, open as before, that can be encrypted in place. Keys are held only for as long
 * as it takes to open the database; SQLCipher keeps its own copy until the database is closed.
 */
export class WorkspaceSession {
  private state: SessionState;
  private readonly kdf: KdfParams;
  /** One key operation at a time: two unlocks must not race to open the database twice. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SessionOptions) {
    this.kdf = options.kdf ?? DEFAULT_KDF;
    this.state = this.initial();
  }

  private initial(): SessionState {
    try {
      const kind = workspaceKind(this.options.dir);
      if (kind === 'plain' || (kind === 'new' && this.options.createUnencrypted)) return this.opened(openWorkspace(this.options.dir), false);
      if (kind === 'new') return { kind: 'new' };
      const body = readKeyFileOrFail(this.options.dir); // a damaged key file is said at once, not at the first unlock
      const fromKeychain = this.keychainKey(body.keychain?.blob);
      return fromKeychain ? this.openEncrypted(fromKeychain) : { kind: 'locked' };
    } catch (error) {
      return { kind: 'failed', failure: asFailure(error) };
    }
  }

  private opened(workspace: Workspace, encrypted: boolean): SessionState {
    this.state = { kind: 'open', workspace, encrypted };
    this.options.onOpened(workspace);
    return this.state;
  }

  /** Opens with a key the key file vouched for: "wrong key" from the database then means damage. */
  private openEncrypted(key: Buffer): SessionState {
    try {
      return this.opened(openWorkspace(this.options.dir, { key }), true);
    } catch (error) {
      if (error instanceof Failure && error.code === 'WORKSPACE_PASSPHRASE_WRONG') {
        throw new Failure('WORKSPACE_CORRUPT', 'The passphrase is right, but the workspace database does not accept its key: the start of the file is damaged. Nothing was changed; restore it from a backup.');
      }
      throw error;
    } finally {
      key.fill(0);
    }
  }

  private keychainKey(blob: string | undefined): Buffer | null {
    const keychain = this.options.keychain;
    if (!blob || !keychain || keychain.unprotectedReason()) return null;
    try {
      return keychain.decrypt(Buffer.from(blob, 'base64'));
    } catch {
      return null; // another OS account or a reset keychain: the passphrase still opens it
    }
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  get current(): SessionState {
    if (this.state.kind === 'failed') this.state = this.initial(); // "Try again" on the error page
    return this.state;
  }

  workspace(): Workspace | null {
    return this.state.kind === 'open' ? this.state.workspace : null;
  }

  isEncrypted(): boolean {
    return this.state.kind === 'open' ? this.state.encrypted : this.state.kind === 'locked';
  }

  /** First run: a new encrypted workspace. Returns the recovery code, which is never shown again unasked. */
  create(passphrase: string): Promise<{ recoveryCode: string }> {
    return this.serial(async () => {
      if (this.state.kind !== 'new' || workspaceKind(this.options.dir) !== 'new') {
        throw new Failure('VALIDATION_FAILED', 'This workspace already exists.');
      }
      const keys = await newWorkspaceKeys(passphrase, this.kdf);
      // The key file first: a crash before the database exists leaves a locked, empty workspace.
      try {
        fs.mkdirSync(this.options.dir, { recursive: true }); // the default folder does not exist on a first run
        writeKeyFile(this.options.dir, keys.body);
      } catch (error) {
        keys.key.fill(0);
        if (['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) {
          throw new Failure('WORKSPACE_READ_ONLY', 'The workspace folder cannot be written to. Choose a folder you can write to, or change its permissions.');
        }
        throw error;
      }
      try {
        this.openEncrypted(keys.key);
      } catch (error) {
        this.state = { kind: 'locked' };
        throw error;
      }
      return { recoveryCode: keys.recoveryCode };
    });
  }

  unlock(secret: UnlockSecret): Promise<void> {
    return this.serial(async () => {
      if (this.state.kind === 'open') return;
      if (this.state.kind !== 'locked') throw new Failure('WORKSPACE_UNAVAILABLE', 'There is no locked workspace to open.');
      const key = await unwrapWorkspaceKey(readKeyFileOrFail(this.options.dir), secret);
      this.openEncrypted(key);
    });
  }

  /** Closes the database (SQLCipher forgets the key) and drops what services hold. */
  lock(): void {
    if (this.state.kind !== 'open' || !this.state.encrypted) return;
    this.options.onClosing();
    this.state.workspace.close();
    this.state = { kind: 'locked' };
  }

  changePassphrase(current: UnlockSecret, next: string): Promise<void> {
    return this.serial(async () => {
      this.requireEncryptedOpen();
      await changePassphrase(this.options.dir, current, next, this.kdf);
    });
  }

  showRecoveryCode(passphrase: string): Promise<{ recoveryCode: string }> {
    return this.serial(async () => {
      this.requireEncryptedOpen();
      return { recoveryCode: await revealRecoveryCode(this.options.dir, passphrase) };
    });
  }

  /** Converts the open plain workspace in place (convert.ts); it is reopened encrypted. */
  encryptExisting(passphrase: string): Promise<{ recoveryCode: string }> {
    return this.serial(async () => {
      const state = this.state;
      if (state.kind !== 'open' || state.encrypted) throw new Failure('VALIDATION_FAILED', 'Only an open, unencrypted workspace can be encrypted.');
      const { workspace } = state;
      const { key, recoveryCode } = await encryptExisting({
        dir: this.options.dir,
        db: workspace.db,
        close: () => {
          this.options.onClosing();
          workspace.close();
          this.state = { kind: 'locked' };
        },
        passphrase,
        kdf: this.kdf,
      });
      this.openEncrypted(key);
      return { recoveryCode };
    });
  }

  keychainStatus(): { reason: 'unavailable' | 'plain-text' | null; enabled: boolean } {
    const reason = this.options.keychain ? this.options.keychain.unprotectedReason() : 'unavailable';
    const body = this.state.kind === 'open' && this.state.encrypted ? readKeyFile(this.options.dir) : null;
    return { reason, enabled: Boolean(body?.keychain) };
  }

  /** Keeps the workspace key in the OS keychain, so that this OS account opens it at start-up. */
  setKeychain(enabled: boolean, passphrase: string | undefined): Promise<void> {
    return this.serial(async () => {
      this.requireEncryptedOpen();
      const body = readKeyFileOrFail(this.options.dir);
      if (!enabled) {
        const { keychain: _dropped, ...rest } = body;
        writeKeyFile(this.options.dir, rest);
        return;
      }
      const keychain = this.options.keychain;
      const reason = keychain ? keychain.unprotectedReason() : 'unavailable';
      if (!keychain || reason) {
        throw new Failure(
          'KEYCHAIN_UNAVAILABLE',
          reason === 'plain-text'
            ? 'This system has no keyring, so the key would be stored unprotected. It was not stored.'
            : 'There is no keychain here to keep the key in. It was not stored.',
        );
      }
      const key = await unwrapWorkspaceKey(body, { kind: 'passphrase', secret: passphrase ?? '' });
      try {
        writeKeyFile(this.options.dir, { ...body, keychain: { blob: keychain.encrypt(key).toString('base64') } });
      } finally {
        key.fill(0);
      }
    });
  }

  private requireEncryptedOpen(): void {
    if (this.state.kind === 'locked') throw notUnlocked();
    if (this.state.kind !== 'open' || !this.state.encrypted) throw new Failure('VALIDATION_FAILED', 'This workspace is not encrypted.');
  }

  close(): void {
    if (this.state.kind === 'open') this.state.workspace.close();
  }
}
