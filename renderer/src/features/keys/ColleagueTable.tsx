import { ActionIcon, Badge, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Colleague } from '../../../../shared/contract';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { Fingerprint } from './Fingerprint';
import { RemoveColleagueModal } from './RemoveColleagueModal';

const nameKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

/** Colleagues' public keys, each with the fingerprint to compare by phone; two keys under one name are flagged. */
export function ColleagueTable({ colleagues }: { colleagues: Colleague[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [removing, setRemoving] = useState<Colleague | null>(null);
  const names = new Map<string, number>();
  for (const c of colleagues) names.set(nameKey(c.name), (names.get(nameKey(c.name)) ?? 0) + 1);
  return (
    <>
      <Table layout="fixed" striped highlightOnHover data-testid="colleague-table" miw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('keys.colleagues.columns.name')}</Table.Th>
            <Table.Th w={200}>{t('keys.colleagues.columns.fingerprint')}</Table.Th>
            <Table.Th w={132}>{t('keys.colleagues.columns.added')}</Table.Th>
            <Table.Th w={44}>
              <VisuallyHidden>{t('keys.colleagues.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {colleagues.map((c) => (
            <Table.Tr key={c.id} data-testid="colleague-row" data-name={c.name}>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="sm" fw={600} truncate="end" title={c.name}>
                  {c.name}
                </Text>
                {c.organisation && (
                  <Text size="xs" c="dimmed" truncate="end" title={c.organisation}>
                    {c.organisation}
                  </Text>
                )}
                {(names.get(nameKey(c.name)) ?? 0) > 1 && (
                  <Badge mt={4} size="xs" color="orange" variant="light" leftSection={<IconAlertTriangle size={10} />} data-testid="colleague-same-name">
                    {t('keys.colleagues.sameName')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Fingerprint value={c.fingerprint} size="sm" testId="colleague-fingerprint" />
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatDateTime(c.addedAt, language)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`keys.colleagues.addedFrom.${c.addedFrom}`)}
                </Text>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Tooltip label={t('keys.colleagues.remove', { name: c.name })}>
                  <ActionIcon variant="subtle" color="gray" onClick={() => setRemoving(c)} aria-label={t('keys.colleagues.remove', { name: c.name })} data-testid="colleague-remove">
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {removing && <RemoveColleagueModal colleague={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}
