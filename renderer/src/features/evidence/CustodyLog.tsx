import { Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CustodyEvent } from '../../../../shared/contract';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { shortHash } from './format';

const FIELD_KEYS = [
  'title',
  'description',
  'obtainedAt',
  'obtainedHow',
  'source',
  'collectedBy',
  'sourceReliability',
  'informationCredibility',
  'tags',
  'notes',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];
const isField = (key: string): key is FieldKey => (FIELD_KEYS as readonly string[]).includes(key);

const show = (value: unknown) =>
  value === null || value === undefined || value === '' ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** A readable line for an entry's details; unknown shapes are shown as they are, never hidden. */
function describe(event: CustodyEvent, t: TFunction): string {
  const d = event.details;
  const changed = d['changed'];
  if (changed && typeof changed === 'object') {
    return Object.entries(changed as Record<string, { from?: unknown; to?: unknown }>)
      .map(([key, change]) => {
        const label = isField(key) ? t(`evidence.form.${key}`) : key;
        return `${label}: ${show(change?.from)} → ${show(change?.to)}`;
      })
      .join('\n');
  }
  const parts: string[] = [];
  const reference = d['targetReference'] ?? (d['target'] as { reference?: unknown } | undefined)?.reference;
  if (typeof reference === 'string') parts.push(reference);
  if (d['stance'] === 'supporting' || d['stance'] === 'contradicting') parts.push(t(`evidence.links.${d['stance']}`));
  if (typeof d['originalName'] === 'string') parts.push(d['originalName']);
  if (parts.length > 0) return parts.join(' · ');
  const rest = Object.keys(d).length > 0 ? JSON.stringify(d) : '';
  return rest;
}

function Hash({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <Text span ff="monospace" fz={11} title={value} style={{ cursor: 'help' }}>
      {shortHash(value)}
    </Text>
  );
}

/** The item's chain of custody, oldest first, as it is stored: who, when, what, why and the hashes. */
export function CustodyLog({ events }: { events: CustodyEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table layout="fixed" data-testid="custody-log" fz="xs" verticalSpacing={4} miw={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={34}>#</Table.Th>
          <Table.Th w={130}>{t('evidence.custody.at')}</Table.Th>
          <Table.Th w={110}>{t('evidence.custody.actor')}</Table.Th>
          <Table.Th>{t('evidence.custody.what')}</Table.Th>
          <Table.Th w={120}>{t('evidence.custody.reason')}</Table.Th>
          <Table.Th w={118}>{t('evidence.custody.hashes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((e) => (
          <Table.Tr key={e.seq} data-testid="custody-row" data-kind={e.kind}>
            <Table.Td style={{ fontVariantNumeric: 'tabular-nums', verticalAlign: 'top' }}>{e.seq}</Table.Td>
            <Table.Td style={{ fontVariantNumeric: 'tabular-nums', verticalAlign: 'top' }}>
              <span title={e.at}>{formatDateTime(e.at, language)}</span>
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top', overflowWrap: 'anywhere' }}>{e.actor}</Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <Text size="xs" fw={600}>
                {t(`evidence.custody.kinds.${e.kind}`)}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {describe(e, t)}
              </Text>
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {e.reason ?? ''}
            </Table.Td>
            <Table.Td style={{ verticalAlign: 'top' }}>
              <div>
                <Text span c="dimmed" fz={10}>
                  {t('evidence.custody.before')}{' '}
                </Text>
                <Hash value={e.hashBefore} />
              </div>
              <div>
                <Text span c="dimmed" fz={10}>
                  {t('evidence.custody.after')}{' '}
                </Text>
                <Hash value={e.hashAfter} />
              </div>
              <div>
                <Text span c="dimmed" fz={10}>
                  {t('evidence.custody.entry')}{' '}
                </Text>
                <Hash value={e.entryHash} />
              </div>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
