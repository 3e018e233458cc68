import type { workspaceChannels, WorkspaceSecurity } from '../../shared/contract/channels/workspace';
import type { Handlers } from '../ipc/router';
import { getIdleLockMinutes, setIdleLockMinutes } from '../services/idle-lock-setting';
import { passphraseStrength } from '../workspace/encryption/passphrase-strength';
import type { WorkspaceSession } from '../workspace/encryption/session';
import type { RunService } from './run-service';

export const workspaceHandlers = (session: WorkspaceSession, service: RunService): Pick<Handlers, keyof typeof workspaceChannels> => {
  const security = (): WorkspaceSecurity => {
    const keychain = session.keychainStatus();
    return {
      encrypted: session.isEncrypted(),
      idleLockMinutes: service((c) => getIdleLockMinutes(c)),
      keychain: { unprotectedReason: keychain.reason, enabled: keychain.enabled },
    };
  };
  return {
    'workspace.create': (input) => session.create(input.passphrase),
    'workspace.unlock': async (input) => {
      await session.unlock(input);
      return {};
    },
    'workspace.lock': () => {
      session.lock();
      return {};
    },
    'workspace.changePassphrase': async (input) => {
      await session.changePassphrase(input.current, input.next);
      return {};
    },
    'workspace.showRecoveryCode': (input) => session.showRecoveryCode(input.passphrase),
    'workspace.encryptExisting': (input) => session.encryptExisting(input.passphrase),
    'workspace.passphraseStrength': (input) => passphraseStrength(input.passphrase),
    'workspace.security': security,
    'workspace.setIdleLock': (input) => {
      service((c) => setIdleLockMinutes(c, input.minutes));
      return security();
    },
    'workspace.setKeychain': async (input) => {
      await session.setKeychain(input.enabled, input.passphrase);
      return security();
    },
  };
};
