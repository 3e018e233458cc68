import { Alert, Button, Center, Checkbox, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, invoke } from '../../api/client';
import { NewPassphraseFields, useNewPassphrase, type NewPassphrase } from './NewPassphraseFields';
import { useReopened } from './queries';
import { RecoveryCode } from './RecoveryCode';

/** First run: the workspace is created encrypted, with a passphrase; then its recovery code is shown once. */
export function CreateWorkspace() {
  const { t } = useTranslation();
  const [value, setValue] = useState<NewPassphrase>({ passphrase: '', confirm: '' });
  const { ready } = useNewPassphrase(value);
  const create = useMutation({ mutationFn: (passphrase: string) => invoke('workspace.create', { passphrase }) });
  if (create.data) return <ShowRecoveryCodeOnce code={create.data.recoveryCode} />;
  return (
    <Center flex={1} p="xl" bg="gray.0">
      <Paper withBorder p="xl" w={520} radius="md" data-testid="workspace-create">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) create.mutate(value.passphrase);
          }}
        >
          <Stack gap="md">
            <ThemeIcon size={44} radius="xl" variant="light" color="slate">
              <IconLock size={24} stroke={1.5} aria-hidden />
            </ThemeIcon>
            <Title order={2} size="h4">
              {t('workspaceLock.create.title')}
            </Title>
            <Text size="sm" lh={1.7}>
              {t('workspaceLock.create.intro')}
            </Text>
            <NewPassphraseFields
              value={value}
              onChange={setValue}
              labels={{ passphrase: t('workspaceLock.create.passphrase'), confirm: t('workspaceLock.create.confirm') }}
              testId="create"
              autoFocus
            />
            {create.error && (
              <Alert color="red" data-testid="create-error">
                {t(`errors.${create.error instanceof ApiError ? create.error.code : 'INTERNAL'}`, { max: '' })}
              </Alert>
            )}
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {create.isPending ? t('workspaceLock.create.working') : ''}
              </Text>
              <Button type="submit" disabled={!ready} loading={create.isPending} data-testid="create-submit">
                {t('workspaceLock.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/** The code, once, until the user says it is written down; only then does the workbench open. */
export function ShowRecoveryCodeOnce({ code, onDone }: { code: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const reopened = useReopened();
  const [written, setWritten] = useState(false);
  return (
    <Center flex={1} p="xl" bg="gray.0">
      <Paper withBorder p="xl" w={560} radius="md" data-testid="recovery-once">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('workspaceLock.recovery.title')}
          </Title>
          <Text size="sm" lh={1.7}>
            {t('workspaceLock.recovery.intro')}
          </Text>
          <RecoveryCode code={code} />
          <Checkbox
            label={t('workspaceLock.recovery.written')}
            checked={written}
            onChange={(e) => setWritten(e.currentTarget.checked)}
            data-testid="recovery-written"
          />
          <Group justify="flex-end">
            <Button
              disabled={!written}
              data-testid="recovery-continue"
              onClick={() => {
                onDone?.();
                void reopened();
              }}
            >
              {t('workspaceLock.recovery.continue')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
