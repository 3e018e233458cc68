import { Box, Table, Text } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/contract';
import { CaseRow } from './CaseRow';
import { SortHeader } from './SortHeader';
import type { SortField } from './useCaseListParams';

const ROW_HEIGHT = 35;
const HEADER_HEIGHT = 34;
/** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
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
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const mergedRef = useMergedRef(scrollRef, focusRef);
  const selected = rows.findIndex((r) => r.id === selectedId);

  // The build does not use the React Compiler, so its "cannot memoize" notice does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, loadMore]);

  const select = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows[clamped];
    if (!row) return;
    setSelectedId(row.id);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor((event.currentTarget.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowUp: selected - 1,
      PageDown: selected + pageRows,
      PageUp: selected - pageRows,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      select(target);
    } else if (event.key === 'Enter' && rows[selected]) {
      event.preventDefault();
      onOpen(rows[selected]);
    }
  };

  const paddingTop = (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? HEADER_HEIGHT);
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
