import { Group, Modal, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconLockOpen, IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../app/useAppStatus';
import { lockWorkspace, useWorkspaceSecurity } from './queries';
import { SecuritySettings } from './SecuritySettings';
import { useIdleLock } from './useIdleLock';
import { useLockedElsewhere } from './useLockedElsewhere';

/** In the header while a workspace is open: lock now (encrypted), security settings, and the idle lock. */
export function LockControls() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const workspace = status.data?.workspace;
  const ready = workspace?.state === 'ready';
  const encrypted = ready && workspace.encrypted;
  const security = useWorkspaceSecurity(ready);
  useIdleLock(encrypted ? security.data?.idleLockMinutes : null);
  useLockedElsewhere();
  if (!ready) return null;
  // Kept narrow: the header also holds the navigation, search, identity and language.
  return (
    <Group gap="sm" wrap="nowrap">
      {encrypted ? (
        <>
          <Tooltip label={t('workspaceLock.lock.tooltip')}>
            <UnstyledButton c="slate.1" fz="xs" style={{ whiteSpace: 'nowrap' }} onClick={() => void lockWorkspace(queryClient)} data-testid="lock-workspace">
              <IconLock size={14} stroke={1.6} style={{ verticalAlign: 'middle', marginRight: 4 }} aria-hidden />
              {t('workspaceLock.lock.button')}
            </UnstyledButton>
          </Tooltip>
          <Tooltip label={t('workspaceLock.lock.security')}>
            <UnstyledButton c="slate.1" onClick={open} data-testid="security-open" aria-label={t('workspaceLock.lock.security')}>
              <IconShieldLock size={16} stroke={1.6} style={{ verticalAlign: 'middle' }} aria-hidden />
            </UnstyledButton>
          </Tooltip>
        </>
      ) : (
        <Tooltip label={t('workspaceLock.lock.unencryptedTooltip')}>
          <UnstyledButton c="orange.3" fz="xs" style={{ whiteSpace: 'nowrap' }} onClick={open} data-testid="security-open">
            <IconLockOpen size={14} stroke={1.6} style={{ verticalAlign: 'middle', marginRight: 4 }} aria-hidden />
            <span data-testid="unencrypted-badge">{t('workspaceLock.lock.unencrypted')}</span>
          </UnstyledButton>
        </Tooltip>
      )}
      <Modal opened={opened} onClose={close} title={t('workspaceLock.settings.title')} size="lg">
        {opened && <SecuritySettings encrypted={encrypted} onClose={close} />}
      </Modal>
    </Group>
  );
}
