import { Modal, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../app/useAppStatus';
import { IdentityForm } from './IdentityForm';

/** The header shows who is stamped on events; clicking it corrects a typo for later events. */
export function IdentityMenu() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const [opened, { open, close }] = useDisclosure(false);
  const identity = status.data?.identity;
  if (!identity) return null;
  return (
    <>
      <UnstyledButton onClick={open} c="slate.1" fz="xs" data-testid="identity-menu" title={t('identity.edit')}>
        <IconUser size={14} stroke={1.6} style={{ verticalAlign: 'middle', marginRight: 4 }} aria-hidden />
        {identity.organisation ? `${identity.name} · ${identity.organisation}` : identity.name}
      </UnstyledButton>
      <Modal opened={opened} onClose={close} title={t('identity.edit')} size="md">
        <IdentityForm initial={identity} onSaved={close} />
      </Modal>
    </>
  );
}
