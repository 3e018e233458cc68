import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IdentityForm } from './IdentityForm';

/** First run: the workbench asks once who is working, before anything can be recorded. */
export function IdentityPrompt() {
  const { t } = useTranslation();
  return (
    <Center flex={1} p="xl">
      <Paper withBorder p="lg" w={460} data-testid="identity-prompt">
        <Stack gap="sm">
          <Title order={4}>{t('identity.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('identity.intro')}
          </Text>
          <IdentityForm initial={null} />
        </Stack>
      </Paper>
    </Center>
  );
}
