import { Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { CaseStatusBadge } from '../../ui/badges';
import { CaseDetailsForm } from './CaseDetailsForm';
import { CaseHistory } from './CaseHistory';
import { CloseReopenModal } from './CloseReopenModal';

export function CaseOverview({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [modalOpen, modal] = useDisclosure(false);
  const closed = detail.status === 'closed';

  return (
    <Stack gap="md" p="md" maw={1400}>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h6" mb="sm">
              {t('overview.details')}
            </Title>
            <CaseDetailsForm key={`${detail.id}:${detail.updatedAt}:${detail.status}`} detail={detail} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} size="h6">
                  {t('overview.lifecycle')}
                </Title>
                <CaseStatusBadge status={detail.status} />
              </Group>
              <Text size="xs" c="dimmed">
                {t(closed ? 'overview.closedHint' : 'overview.openHint')}
              </Text>
              <div>
                {closed ? (
                  <Button data-testid="reopen-case" variant="default" size="sm" leftSection={<IconLockOpen size={14} />} onClick={modal.open}>
                    {t('overview.reopenCase')}
                  </Button>
                ) : (
                  <Button data-testid="close-case" variant="default" color="red" size="sm" leftSection={<IconLock size={14} />} onClick={modal.open}>
                    {t('overview.closeCase')}
                  </Button>
                )}
              </div>
              <Stack gap={2} pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
                <Text size="xs" c="dimmed">
                  {t('overview.created')}: {formatDateTime(detail.createdAt, language)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('overview.updated')}: {formatDateTime(detail.updatedAt, language)}
                </Text>
              </Stack>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md">
        <Title order={2} size="h6" mb="sm">
          {t('history.title')}
        </Title>
        <CaseHistory events={detail.history} />
      </Paper>
      <CloseReopenModal detail={detail} opened={modalOpen} onClose={modal.close} />
    </Stack>
  );
}
