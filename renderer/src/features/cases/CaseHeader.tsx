import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseDetail } from '../../../../shared/contract';
import { countryName } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { CaseStatusBadge, StageBadge } from '../../ui/badges';
import { WorkflowBar } from '../workflow/WorkflowBar';
import { ShareCaseButton } from '../bundles/ShareButtons';

export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const place = [detail.country && countryName(detail.country, language), detail.situation].filter(Boolean).join(' · ');
  return (
    <Stack gap={4} px="md" pt="xs" pb="sm">
      <Anchor component={Link} to="/" size="xs" c="dimmed" w="fit-content">
        <Group gap={2}>
          <IconChevronLeft size={12} aria-hidden />
          {t('workspace.back')}
        </Group>
      </Anchor>
      <Group gap="sm" wrap="nowrap" align="center">
        <Text data-testid="case-reference" ff="monospace" fw={700} size="sm" c="slate.8" style={{ whiteSpace: 'nowrap' }}>
          {detail.reference}
        </Text>
        <Title order={1} size="h4" fw={600} lineClamp={1} title={detail.title}>
          {detail.title}
        </Title>
        <StageBadge stage={detail.stage} />
        <CaseStatusBadge status={detail.status} testId="case-status-badge" />
        <ShareCaseButton caseId={detail.id} />
      </Group>
      {place && (
        <Text size="xs" c="dimmed">
          {place}
        </Text>
      )}
      <WorkflowBar detail={detail} />
    </Stack>
  );
}
