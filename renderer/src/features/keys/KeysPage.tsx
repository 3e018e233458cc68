import { Alert, Box, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { AddColleague } from './AddColleague';
import { ColleagueTable } from './ColleagueTable';
import { OwnKeyPanel } from './OwnKeyPanel';
import { useColleagues } from './queries';

/**
 * Keys and colleagues: my public key to hand out (text, QR code, fingerprint), and the colleagues'
 * keys that bundles are encrypted to and whose signatures are recognised.
 */
export function KeysPage() {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const list = colleagues.data?.colleagues ?? [];

  let body;
  if (colleagues.isPending) {
    body = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (colleagues.isError) {
    body = (
      <Alert color="red" variant="light">
        {t(`errors.${colleagues.error instanceof ApiError ? colleagues.error.code : 'INTERNAL'}`, { max: '' })}
      </Alert>
    );
  } else if (list.length === 0) {
    body = (
      <Text size="sm" c="dimmed" data-testid="colleagues-empty">
        {t('keys.colleagues.empty')}
      </Text>
    );
  } else {
    body = <ColleagueTable colleagues={list} />;
  }

  return (
    <Box data-testid="keys-page" flex={1} mih={0} style={{ display: 'flex', flexDirection: 'column' }}>
      <Group px="md" py={8} gap="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Title order={4} style={{ whiteSpace: 'nowrap' }}>
          {t('keys.title')}
        </Title>
      </Group>
      <Box flex={1} mih={0} p="md" style={{ overflow: 'auto' }}>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          <OwnKeyPanel />
          <Stack gap="md">
            <AddColleague />
            <Stack gap="xs">
              <Group gap="sm">
                <Title order={5}>{t('keys.colleagues.title')}</Title>
                {list.length > 0 && (
                  <Text size="xs" c="dimmed" data-testid="colleague-count">
                    {t('keys.colleagues.count', { count: list.length })}
                  </Text>
                )}
              </Group>
              <Box style={{ overflowX: 'auto' }}>{body}</Box>
            </Stack>
          </Stack>
        </SimpleGrid>
      </Box>
    </Box>
  );
}
