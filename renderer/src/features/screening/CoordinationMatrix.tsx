import { Anchor, Badge, Box, Group, Stack, Switch, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinationMatrix as Matrix, MatrixRow } from '../../../../shared/contract/channels/screening';
import { formatDate, formatPartialDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useVirtualRows } from '../../ui/useVirtualRows';
import { formatCount } from '../evidence/format';
import { MatrixCell } from './MatrixCell';
import { sortMatrixRows, type Direction, type MatrixSort } from './matrixSort';

const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 62;

interface Props {
  matrix: Matrix;
  /** Enter or a click on a subject's name (the case's Screening tab shows its candidates). */
  onOpen?: (row: MatrixRow) => void;
  /** The workspace's matrix: each subject's cases, by reference, each a link to its Screening tab there. */
  showCases?: boolean;
}

/** Case references shown under a subject before "+N". */
const CASES_SHOWN = 1;

/**
 * Subjects down, partners across: each cell the regime and date of a confirmed designation, or why
 * there is none. A row designated by partners but not by Japan is the coordination gap, marked and
 * sortable to the top. Virtualised: a workspace may hold thousands of subjects.
 */
export function CoordinationMatrix({ matrix, onOpen, showCases = false }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [sort, setSort] = useState<MatrixSort>('gap');
  const [direction, setDirection] = useState<Direction>('asc');
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const gaps = matrix.rows.filter((r) => r.gap).length;
  const rows = useMemo(
    () => sortMatrixRows(onlyGaps ? matrix.rows.filter((r) => r.gap) : matrix.rows, sort, direction),
    [matrix.rows, onlyGaps, sort, direction],
  );
  const selected = rows.findIndex((r) => r.subject.id === selectedId);
  const { scrollRef, items, onKeyDown, paddingTop, paddingBottom } = useVirtualRows({
    count: rows.length,
    selected,
    onSelect: (i) => setSelectedId(rows[i]?.subject.id ?? null),
    onEnter: (i) => rows[i] && onOpen?.(rows[i]),
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    prefetchRows: 0,
    hasMore: false,
    loadingMore: false,
    loadMore: () => undefined,
  });

  const header = (key: MatrixSort, label: ReactNode, width: number | undefined, testId: string) => {
    const active = sort === key;
    const Icon = !active ? IconSelector : direction === 'asc' ? IconChevronUp : IconChevronDown;
    return (
      <Table.Th w={width} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'} data-testid={testId} style={{ verticalAlign: 'top' }}>
        <UnstyledButton
          w="100%"
          fz="sm"
          fw={600}
          onClick={() => {
            setDirection(active && direction === 'asc' ? 'desc' : 'asc');
            setSort(key);
          }}
        >
          <Group gap={4} wrap="nowrap" align="flex-start">
            <Box miw={0}>{label}</Box>
            <Icon size={14} stroke={1.6} opacity={active ? 1 : 0.4} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  const authorityLabel = (a: (typeof matrix.authorities)[number]) => {
    const lists = matrix.lists[a] ?? [];
    const dated = lists.map((l) => l.listDate).filter((d): d is string => d !== null).sort();
    return (
      <Tooltip
        multiline
        maw={320}
        label={
          <Stack gap={2}>
            <Text size="xs" fw={600}>
              {t(`lists.authorities.${a}`)}
            </Text>
            {lists.length === 0 ? (
              <Text size="xs">{t('screening.matrix.listNotLoaded')}</Text>
            ) : (
              lists.map((l) => (
                <Text key={l.key} size="xs">
                  {l.listName} · {l.listDate ? formatPartialDate(l.listDate, language) : t('lists.noDate')} · {t('lists.importedOn', { date: formatDate(l.importedAt, language) })}
                </Text>
              ))
            )}
          </Stack>
        }
      >
        <div>
          <Text size="sm" fw={700} c={a === 'JP' ? 'red.8' : undefined}>
            {a}
          </Text>
          <Text size="xs" c="dimmed" fw={400} lineClamp={2} lh={1.25} style={{ wordBreak: 'keep-all' }} data-testid="matrix-list-date">
            {lists.length === 0
              ? t('screening.matrix.notLoadedShort')
              : dated.length
                ? formatPartialDate(dated.at(-1)!, language)
                : t('lists.importedOn', { date: formatDate(lists.map((l) => l.importedAt).sort().at(-1)!, language) })}
          </Text>
        </div>
      </Tooltip>
    );
  };

  return (
    <Box flex={1} mih={0} style={{ display: 'flex', flexDirection: 'column' }} data-testid="matrix">
      <Group px="md" py={6} gap="md" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Text size="xs" c="dimmed" data-testid="matrix-summary">
          {t('screening.matrix.summary', { count: matrix.rows.length, n: formatCount(matrix.rows.length, language), gaps: formatCount(gaps, language) })}
        </Text>
        <Switch size="xs" label={t('screening.matrix.onlyGaps')} checked={onlyGaps} onChange={(e) => setOnlyGaps(e.currentTarget.checked)} data-testid="matrix-only-gaps" />
        <Text size="xs" c="dimmed" visibleFrom="lg">
          {t('screening.matrix.legend')}
        </Text>
      </Group>
      <Box
        ref={scrollRef}
        flex={1}
        mih={0}
        className="cb-table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('screening.matrix.title')}
        onKeyDown={onKeyDown}
        onFocus={() => selected < 0 && rows.length > 0 && setSelectedId(rows[0]?.subject.id ?? null)}
        style={{ overflow: 'auto', scrollPaddingTop: HEADER_HEIGHT }}
      >
        <Table stickyHeader layout="fixed" miw={300 + matrix.authorities.length * 128 + 150} withRowBorders withColumnBorders data-testid="matrix-table">
          <Table.Thead h={HEADER_HEIGHT} style={{ zIndex: 1 }}>
            <Table.Tr>
              {header('subject', t('screening.matrix.subject'), 300, 'matrix-sort-subject')}
              {matrix.authorities.map((a) => (
                <Fragment key={a}>{header(a, authorityLabel(a), 128, `matrix-sort-${a}`)}</Fragment>
              ))}
              {header('gap', t('screening.matrix.gap'), 150, 'matrix-sort-gap')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && <tr style={{ height: paddingTop }} aria-hidden />}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <Table.Tr
                  key={row.subject.id}
                  h={ROW_HEIGHT}
                  className="cb-row"
                  aria-selected={item.index === selected}
                  data-testid="matrix-row"
                  data-subject={row.subject.reference}
                  data-gap={row.gap}
                  onMouseDown={() => setSelectedId(row.subject.id)}
                  style={row.gap ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-orange-6)' } : undefined}
                >
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" miw={0}>
                      <Text ff="monospace" size="xs" fw={600} style={{ flexShrink: 0 }}>
                        {row.subject.reference}
                      </Text>
                      {onOpen && (!showCases || row.cases.length > 0) ? (
                        <UnstyledButton onClick={() => onOpen(row)} miw={0} fz="sm" style={{ textDecoration: 'underline dotted' }}>
                          <Text size="sm" fw={600} truncate="end" title={row.subject.displayName}>
                            {row.subject.displayName}
                          </Text>
                        </UnstyledButton>
                      ) : (
                        <Text size="sm" fw={600} truncate="end" title={row.subject.displayName}>
                          {row.subject.displayName}
                        </Text>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" truncate="end">
                      {t(`subjectTypes.${row.subject.type}`)}
                      {showCases && <SubjectCases row={row} />}
                      {row.firstListedOn ? ` · ${t('screening.matrix.firstListed', { date: formatPartialDate(row.firstListedOn, language) })}` : ''}
                    </Text>
                  </Table.Td>
                  {matrix.authorities.map((a) => (
                    <MatrixCell key={a} authority={a} cell={row.cells[a]} gap={row.gap && a === 'JP'} />
                  ))}
                  <Table.Td data-testid="matrix-gap" style={row.gap ? { background: 'var(--mantine-color-orange-0)' } : undefined}>
                    {row.gap ? (
                      <Tooltip label={t('screening.matrix.gapHint', { partners: row.designatedBy.join(', ') })} multiline maw={300}>
                        <Badge color="orange" variant="filled">
                          {t('screening.matrix.gapBadge', { count: row.designatedBy.length })}
                        </Badge>
                      </Tooltip>
                    ) : row.designatedBy.length > 0 ? (
                      <Text size="xs" c="dimmed">
                        {t('screening.matrix.noGap')}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && <tr style={{ height: paddingBottom }} aria-hidden />}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="lg" data-testid="matrix-empty">
            {onlyGaps ? t('screening.matrix.noGaps') : t('screening.matrix.empty')}
          </Text>
        )}
      </Box>
    </Box>
  );
}

/** " · HR-2026-0001 +2 more": the cases a subject is in (the rest in a tooltip), each a link to it there; or that it is in none. */
function SubjectCases({ row }: { row: MatrixRow }) {
  const { t } = useTranslation();
  if (row.cases.length === 0) return <> · {t('screening.matrix.inNoCase')}</>;
  const more = row.cases.length - CASES_SHOWN;
  return (
    <span data-testid="matrix-cases">
      {' · '}
      {row.cases.slice(0, CASES_SHOWN).map((c, i) => (
        <Fragment key={c.id}>
          {i > 0 && ', '}
          <Anchor href={`#${caseScreeningPath(c.id, row.subject.id)}`} ff="monospace" fz="xs" title={t('screening.matrix.openInCase', { reference: c.reference })}>
            {c.reference}
          </Anchor>
        </Fragment>
      ))}
      {more > 0 && (
        <Tooltip label={row.cases.slice(CASES_SHOWN).map((c) => c.reference).join(', ')}>
          <span> {t('screening.matrix.moreCases', { count: more })}</span>
        </Tooltip>
      )}
    </span>
  );
}

/** The route of a case's Screening tab, at the subject's candidates (ScreeningPanel reads ?subject=). */
export const caseScreeningPath = (caseId: string, subjectId: string) => `/cases/${caseId}/screening?subject=${encodeURIComponent(subjectId)}`;
