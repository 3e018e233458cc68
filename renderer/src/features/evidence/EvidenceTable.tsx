import { Badge, Box, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconMicrophone2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/contract';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useVirtualRows } from '../../ui/useVirtualRows';
import { bareType, formatBytes, grade } from './format';

const ROW_HEIGHT = 33;
const HEADER_HEIGHT = 32;
const PREFETCH_ROWS = 40;

interface Props {
  rows: EvidenceItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** With the detail panel open: fewer columns, so the table stays readable beside it. */
  compact: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/** Dense, virtualised list of a case's items: only the visible rows are in the DOM. */
export function EvidenceTable({ rows, selectedId, onSelect, compact, hasMore, loadingMore, loadMore }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const selected = rows.findIndex((r) => r.id === selectedId);
  const { scrollRef, items, onKeyDown, paddingTop, paddingBottom } = useVirtualRows({
    count: rows.length,
    selected,
    onSelect: (index) => rows[index] && onSelect(rows[index].id),
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    prefetchRows: PREFETCH_ROWS,
    hasMore,
    loadingMore,
    loadMore,
  });
  const num = { fontVariantNumeric: 'tabular-nums' } as const;

  return (
    <Box
      ref={scrollRef}
      flex={1}
      mih={0}
      className="cb-table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('evidence.tableLabel')}
      data-testid="evidence-table"
      onKeyDown={onKeyDown}
      style={{ overflow: 'auto', scrollPaddingTop: HEADER_HEIGHT }}
    >
      <Table stickyHeader highlightOnHover layout="fixed" miw={compact ? 560 : 1080} withRowBorders verticalSpacing={4}>
        <Table.Thead h={HEADER_HEIGHT} style={{ zIndex: 1 }}>
          <Table.Tr>
            <Table.Th w={80} style={{ whiteSpace: 'nowrap' }}>
              {t('evidence.columns.exhibit')}
            </Table.Th>
            <Table.Th>{t('evidence.columns.title')}</Table.Th>
            <Table.Th w={compact ? 140 : 170}>{t('evidence.columns.mediaType')}</Table.Th>
            <Table.Th w={78} ta="right">
              {t('evidence.columns.size')}
            </Table.Th>
            {!compact && <Table.Th w={110}>{t('evidence.columns.obtainedAt')}</Table.Th>}
            {!compact && <Table.Th w="14%">{t('evidence.columns.source')}</Table.Th>}
            <Table.Th w={64}>{t('evidence.columns.grade')}</Table.Th>
            <Table.Th w={86}>{t('evidence.columns.links')}</Table.Th>
            {!compact && <Table.Th w={96}>{t('evidence.columns.extraction')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 && <tr style={{ height: paddingTop }} aria-hidden />}
          {items.map((virtual) => {
            const row = rows[virtual.index];
            if (!row) return null;
            const g = grade(row);
            return (
              <Table.Tr
                key={row.id}
                data-testid="evidence-row"
                data-exhibit={row.exhibit}
                data-index={virtual.index}
                aria-selected={virtual.index === selected}
                className="cb-row"
                h={ROW_HEIGHT}
                style={{ cursor: 'pointer' }}
                onClick={() => onSelect(row.id)}
              >
                <Table.Td ff="monospace" fz="xs" fw={600}>
                  {row.exhibit}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {row.kind === 'testimony' && (
                      <IconMicrophone2 size={13} aria-label={t('evidence.facts.testimony')} style={{ flex: 'none' }} />
                    )}
                    <Text size="sm" truncate="end" title={row.originalName ? `${row.title}\n${row.originalName}` : row.title}>
                      {row.title}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" ff="monospace" truncate="end" title={row.mediaType ?? ''}>
                    {row.kind === 'testimony' ? t('evidence.testimonyShort') : bareType(row.mediaType ?? '')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fz="xs" style={num}>
                  {row.size === null ? '—' : formatBytes(row.size, language)}
                </Table.Td>
                {!compact && (
                  <Table.Td fz="xs" style={num} title={row.obtainedAt ?? ''}>
                    {row.obtainedAt ? formatDate(row.obtainedAt, language) : '—'}
                  </Table.Td>
                )}
                {!compact && (
                  <Table.Td>
                    <Text size="xs" truncate="end" title={row.source}>
                      {row.source || '—'}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td ff="monospace" fz="xs" fw={600} c={g ? undefined : 'dimmed'}>
                  {g ?? '—'}
                </Table.Td>
                <Table.Td>
                  <LinkBadges counts={row.linkCounts} />
                </Table.Td>
                {!compact && (
                  <Table.Td>
                    <Text size="xs" c={row.extraction.status === 'failed' ? 'orange.8' : 'dimmed'} truncate="end" title={row.extraction.error}>
                      {t(`evidence.extraction.${row.extraction.status}`)}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
          {paddingBottom > 0 && <tr style={{ height: paddingBottom }} aria-hidden />}
        </Table.Tbody>
      </Table>
      {loadingMore && (
        <Text size="xs" c="dimmed" ta="center" py={6}>
          {t('evidence.loadingMore')}
        </Text>
      )}
    </Box>
  );
}

/** Supporting and contradicting counts side by side; a contradiction is never quieter than support. */
function LinkBadges({ counts }: { counts: EvidenceItem['linkCounts'] }) {
  const { t } = useTranslation();
  if (counts.supporting === 0 && counts.contradicting === 0) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  const label = t('evidence.linksTitle', { supporting: counts.supporting, contradicting: counts.contradicting });
  return (
    <Tooltip label={label}>
      <Group gap={3} wrap="nowrap" aria-label={label} data-testid="evidence-link-counts">
        {counts.supporting > 0 && (
          <Badge color="teal" variant="light" data-stance="supporting" px={5}>
            +{counts.supporting}
          </Badge>
        )}
        {counts.contradicting > 0 && (
          <Badge color="red" variant="filled" data-stance="contradicting" px={5}>
            −{counts.contradicting}
          </Badge>
        )}
      </Group>
    </Tooltip>
  );
}
