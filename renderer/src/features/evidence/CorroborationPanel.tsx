import { ActionIcon, Alert, Badge, Group, Loader, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconFiles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allegation, EvidenceItem } from '../../../../shared/contract';
import { ApiError } from '../../api/client';
import { grade } from './format';
import { useCorroboration } from './queries';

/** A button for an allegation row that shows the evidence for and against it. */
export function CorroborationButton({ allegation }: { allegation: Allegation }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const label = t('evidence.corroboration.button', { reference: allegation.reference });
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon data-testid="allegation-corroboration" aria-label={label} onClick={() => setOpen(true)}>
          <IconFiles size={15} />
        </ActionIcon>
      </Tooltip>
      {open && (
        <Modal
          opened
          onClose={() => setOpen(false)}
          size={760}
          title={t('evidence.corroboration.title', { reference: allegation.reference })}
        >
          <CorroborationPanel allegationId={allegation.id} />
        </Modal>
      )}
    </>
  );
}

/** Supporting items, how many independent sources they come from, and contradicting items. */
export function CorroborationPanel({ allegationId }: { allegationId: string }) {
  const { t } = useTranslation();
  const data = useCorroboration(allegationId);
  if (data.isPending) return <Loader size="sm" />;
  if (data.isError) {
    return (
      <Alert color="red" variant="light">
        {t(`errors.${data.error instanceof ApiError ? data.error.code : 'INTERNAL'}`)}
      </Alert>
    );
  }
  const c = data.data;
  return (
    <Stack gap="md" data-testid="corroboration-panel">
      <Group gap="lg">
        <Stat label={t('evidence.corroboration.supporting')} value={c.supporting.length} color="teal" testId="corroboration-supporting-count" />
        <Stat
          label={t('evidence.corroboration.independentSources')}
          value={c.independentSources}
          color="slate"
          testId="corroboration-sources-count"
        />
        <Stat
          label={t('evidence.corroboration.contradicting')}
          value={c.contradicting.length}
          color="red"
          testId="corroboration-contradicting-count"
        />
      </Group>
      {c.sources.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('evidence.corroboration.sources')}: {c.sources.join(' · ')}
        </Text>
      )}
      {c.independentSources <= 1 && c.supporting.length > 0 && (
        <Text size="xs" c="orange.8">
          {t('evidence.corroboration.singleSource')}
        </Text>
      )}
      <section>
        <Title order={3} fz="sm" mb={4}>
          {t('evidence.corroboration.supporting')}
        </Title>
        <ItemList items={c.supporting} empty={t('evidence.corroboration.noneSupporting')} testId="corroboration-supporting" />
      </section>
      <section>
        <Title order={3} fz="sm" mb={4} c={c.contradicting.length > 0 ? 'red.8' : undefined}>
          {t('evidence.corroboration.contradicting')}
        </Title>
        <ItemList items={c.contradicting} empty={t('evidence.corroboration.noneContradicting')} testId="corroboration-contradicting" />
      </section>
    </Stack>
  );
}

function Stat({ label, value, color, testId }: { label: string; value: number; color: string; testId: string }) {
  return (
    <Group gap={6}>
      <Badge size="lg" color={color} variant={color === 'red' && value > 0 ? 'filled' : 'light'} data-testid={testId}>
        {value}
      </Badge>
      <Text size="sm">{label}</Text>
    </Group>
  );
}

function ItemList({ items, empty, testId }: { items: EvidenceItem[]; empty: string; testId: string }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {empty}
      </Text>
    );
  }
  return (
    <Table layout="fixed" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={64}>{t('evidence.columns.exhibit')}</Table.Th>
          <Table.Th>{t('evidence.columns.title')}</Table.Th>
          <Table.Th w="30%">{t('evidence.columns.source')}</Table.Th>
          <Table.Th w={64}>{t('evidence.columns.grade')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-exhibit={item.exhibit}>
            <Table.Td ff="monospace" fz="xs" fw={600}>
              {item.exhibit}
            </Table.Td>
            <Table.Td>
              <Text size="sm" truncate="end" title={item.title}>
                {item.title}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="xs" truncate="end" title={item.source}>
                {item.source || '—'}
              </Text>
            </Table.Td>
            <Table.Td ff="monospace" fz="xs">
              {grade(item) ?? '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
