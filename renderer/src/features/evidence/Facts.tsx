import { ActionIcon, CopyButton, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDetail } from '../../../../shared/contract';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { formatBytes, formatCount } from './format';

/** What the item is, as received: facts the investigator cannot edit. */
export function Facts({ item }: { item: EvidenceDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, React.ReactNode][] =
    item.kind === 'testimony'
      ? [[t('evidence.facts.kind'), t('evidence.facts.testimony')]]
      : [
          [t('evidence.facts.originalName'), <span style={{ overflowWrap: 'anywhere' }}>{item.originalName}</span>],
          [t('evidence.facts.mediaType'), <Text span ff="monospace" size="xs">{item.mediaType}</Text>],
          [
            t('evidence.facts.size'),
            item.size === null
              ? '—'
              : `${formatBytes(item.size, language)} (${t('evidence.facts.bytes', { count: item.size, n: formatCount(item.size, language) })})`,
          ],
          [t('evidence.facts.sha256'), <Sha256 hash={item.sha256 ?? ''} />],
          [
            t('evidence.facts.extraction'),
            <>
              {t(`evidence.extraction.${item.extraction.status}`)}
              {item.extraction.error ? ` — ${item.extraction.error}` : ''}
            </>,
          ],
        ];
  rows.push([t('evidence.facts.recorded'), formatDateTime(item.createdAt, language)]);
  rows.push([
    t('evidence.facts.custody'),
    <Group gap={6} wrap="nowrap">
      <span>{t('evidence.facts.entries', { count: item.custody.count })}</span>
      <Text span ff="monospace" size="xs" c="dimmed" title={item.custody.headHash}>
        {t('evidence.facts.head')} {item.custody.headHash.slice(0, 12)}…
      </Text>
    </Group>,
  ]);

  return (
    <Table layout="fixed" withRowBorders={false} verticalSpacing={3} data-testid="evidence-facts">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={150} fw={500} c="dimmed" fz="xs" style={{ verticalAlign: 'top' }}>
              {label}
            </Table.Th>
            <Table.Td fz="sm">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function Sha256({ hash }: { hash: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Text ff="monospace" fz={11} data-testid="evidence-sha256" style={{ overflowWrap: 'anywhere', lineHeight: 1.45 }}>
        {hash}
      </Text>
      <CopyButton value={hash}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('evidence.facts.copied') : t('evidence.facts.copy')}>
            <ActionIcon aria-label={t('evidence.facts.copy')} onClick={copy} color={copied ? 'teal' : 'gray'}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
