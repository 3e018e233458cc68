import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../shared/contract';
import { ApiError, invoke } from '../../api/client';
import { useReopened } from './queries';

type Kind = ChannelInput<'workspace.unlock'>['kind'];

/** The locked workspace: the passphrase (or the recovery code) opens it; a wrong one says so, nothing more. */
export function UnlockScreen() {
  const { t } = useTranslation();
  const reopened = useReopened();
  const [kind, setKind] = useState<Kind>('passphrase');
  const [secret, setSecret] = useState('');
  const unlock = useMutation({
    mutationFn: () => invoke('workspace.unlock', { kind, secret }),
    onSuccess: async () => {
      setSecret('');
      if (kind === 'recoveryCode') notifications.show({ color: 'orange', message: t('workspaceLock.unlock.afterRecovery'), autoClose: false });
      await reopened();
    },
    onError: () => setSecret(''),
  });
  const errorCode = unlock.error instanceof ApiError ? unlock.error.code : unlock.error ? 'INTERNAL' : null;
  return (
    <Center flex={1} p="xl" bg="gray.0">
      <Paper withBorder p="xl" w={460} radius="md" data-testid="workspace-unlock">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (secret) unlock.mutate();
          }}
        >
          <Stack gap="md">
            <ThemeIcon size={44} radius="xl" variant="light" color="slate">
              <IconLock size={24} stroke={1.5} aria-hidden />
            </ThemeIcon>
            <Title order={2} size="h4">
              {t('workspaceLock.unlock.title')}
            </Title>
            <Text size="sm">{t('workspaceLock.unlock.intro')}</Text>
            {kind === 'passphrase' ? (
              <PasswordInput
                label={t('workspaceLock.unlock.passphrase')}
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                data-testid="unlock-passphrase"
                data-autofocus
                autoFocus
                autoComplete="current-password"
              />
            ) : (
              <TextInput
                label={t('workspaceLock.unlock.recoveryCode')}
                placeholder={t('workspaceLock.unlock.recoveryPlaceholder')}
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                ff="monospace"
                data-testid="unlock-recovery"
                autoFocus
                autoComplete="off"
                spellCheck={false}
              />
            )}
            {errorCode && (
              <Alert color="red" data-testid="unlock-error" data-code={errorCode}>
                {t(`errors.${errorCode}`, { max: '' })}
              </Alert>
            )}
            <Group justify="space-between">
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => {
                  setKind(kind === 'passphrase' ? 'recoveryCode' : 'passphrase');
                  setSecret('');
                  unlock.reset();
                }}
                data-testid="unlock-switch"
              >
                {kind === 'passphrase' ? t('workspaceLock.unlock.useRecovery') : t('workspaceLock.unlock.usePassphrase')}
              </Anchor>
              <Button type="submit" disabled={!secret} loading={unlock.isPending} data-testid="unlock-submit">
                {t('workspaceLock.unlock.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
