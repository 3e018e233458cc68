import { Button, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/contract';

interface Props {
  code: ErrorCode;
  onRetry: () => void;
  retrying: boolean;
}

export function WorkspaceError({ code, onRetry, retrying }: Props) {
  const { t } = useTranslation();
  return (
    <Center flex={1} p="xl" bg="gray.0">
      <Paper data-testid="workspace-error" data-code={code} withBorder p="xl" maw={560} radius="md">
        <Stack gap="md">
          <ThemeIcon size={44} radius="xl" variant="light" color="gray">
            <IconDatabaseOff size={24} stroke={1.5} aria-hidden />
          </ThemeIcon>
          <Title order={2} size="h4">
            {t('workspaceError.title')}
          </Title>
          <Text size="sm" lh={1.7}>
            {t(`errors.${code}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('workspaceError.detail', { code })}
          </Text>
          <div>
            <Button variant="default" size="sm" onClick={onRetry} loading={retrying}>
              {t('workspaceError.retry')}
            </Button>
          </div>
        </Stack>
      </Paper>
    </Center>
  );
}
