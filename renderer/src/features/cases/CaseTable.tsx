import { Box, Table, Text } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/contract';
import { useVirtualRows } from '../../ui/useVirtualRows';
import { CaseRow } from './CaseRow';
import { SortHeader } from './SortHeader';
import type { SortField } from './useCaseListParams';

const ROW_HEIGHT = 35;
const HEADER_HEIGHT = 34;
const PREFETCH_ROWS = 30;

interface Props {
  rows: CaseSummary[];
  sort: SortField;
  direction: 'asc' | 'desc';
  onSort: (field: SortField, direction: 'asc' | 'desc') => void;
  onOpen: (row: CaseSummary) => void;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** The focusable scroll area, so the search box can hand the keyboard over with ↓. */
  focusRef: Ref<HTMLDivElement>;
}

/** Dense, virtualised list of cases: only the visible rows are in the DOM, pages load on scroll. */
export function CaseTable({ rows, sort, direction, onSort, onOpen, hasMore, loadingMore, loadMore, focusRef }: Props) {
  const { t } = useTranslation();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = rows.findIndex((r) => r.id === selectedId);
  const { scrollRef, items, onKeyDown, paddingTop, paddingBottom } = useVirtualRows({
    count: rows.length,
    selected,
    onSelect: (index) => setSelectedId(rows[index]?.id ?? null),
    onEnter: (index) => rows[index] && onOpen(rows[index]),
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    prefetchRows: PREFETCH_ROWS,
    hasMore,
    loadingMore,
    loadMore,
  });
  const mergedRef = useMergedRef(scrollRef, focusRef);
  const header = (field: SortField, width?: number) => (
    <SortHeader
      field={field}
      label={t(`caseList.columns.${field}`)}
      sort={sort}
      direction={direction}
      onSort={onSort}
      width={width}
    />
  );

  return (
    <Box
      ref={mergedRef}
      flex={1}
      mih={0}
      className="cb-table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('app.cases')}
      onKeyDown={onKeyDown}
      onFocus={() => selected < 0 && rows.length > 0 && setSelectedId(rows[0]?.id ?? null)}
      style={{ overflow: 'auto', scrollPaddingTop: HEADER_HEIGHT }}
    >
      <Table stickyHeader highlightOnHover layout="fixed" miw={900} withRowBorders>
        <Table.Thead h={HEADER_HEIGHT} style={{ zIndex: 1 }}>
          <Table.Tr>
            {header('reference', 130)}
            {header('title')}
            {header('country', 170)}
            {header('stage', 150)}
            <Table.Th w={90}>{t('caseList.columns.status')}</Table.Th>
            <Table.Th w={100} ta="right">
              {t('caseList.columns.allegations')}
            </Table.Th>
            {header('updatedAt', 130)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 && <tr style={{ height: paddingTop }} aria-hidden />}
          {items.map((item) => {
            const row = rows[item.index];
            return row ? (
              <CaseRow
                key={row.id}
                row={row}
                index={item.index}
                height={ROW_HEIGHT}
                selected={item.index === selected}
                onOpen={onOpen}
                onSelect={(i) => setSelectedId(rows[i]?.id ?? null)}
              />
            ) : null;
          })}
          {paddingBottom > 0 && <tr style={{ height: paddingBottom }} aria-hidden />}
        </Table.Tbody>
      </Table>
      {loadingMore && (
        <Text size="xs" c="dimmed" ta="center" py={6}>
          {t('caseList.loadingMore')}
        </Text>
      )}
    </Box>
  );
}
