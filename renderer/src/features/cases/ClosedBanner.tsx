import { Alert, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';

/** Says plainly why nothing can be edited, with the recorded reason. */
export function ClosedBanner({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert
      data-testid="closed-banner"
      color="gray"
      variant="light"
      radius={0}
      py="xs"
      icon={<IconLock size={16} />}
      title={t('workspace.closedBanner')}
    >
      <Text size="sm">
        {t('workspace.closedDetail', {
          date: detail.closedAt ? formatDate(detail.closedAt, language) : '—',
          reason: detail.closedReason ?? '—',
        })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('workspace.closedHint')}
      </Text>
    </Alert>
  );
}
