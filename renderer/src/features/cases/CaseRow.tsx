import { Group, Table, Text } from '@mantine/core';
import type { CaseSummary } from '../../../../shared/contract';
import { countryName, formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { CaseStatusBadge, StageBadge } from '../../ui/badges';
import { DemoBadge } from './DemoBadge';

interface Props {
  row: CaseSummary;
  index: number;
  height: number;
  selected: boolean;
  onOpen: (row: CaseSummary) => void;
  onSelect: (index: number) => void;
}

export function CaseRow({ row, index, height, selected, onOpen, onSelect }: Props) {
  const language = useLanguage();
  return (
    <Table.Tr
      data-testid="case-row"
      data-reference={row.reference}
      data-index={index}
      aria-selected={selected}
      className="cb-row"
      h={height}
      style={{ cursor: 'pointer' }}
      onMouseDown={() => onSelect(index)}
      onClick={() => onOpen(row)}
    >
      <Table.Td ff="monospace" fz="xs" fw={600}>
        {row.reference}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {row.demo && <DemoBadge />}
          <Text size="sm" truncate="end" title={row.title}>
            {row.title}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" truncate="end">
          {row.country ? countryName(row.country, language) : '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <StageBadge stage={row.stage} />
      </Table.Td>
      <Table.Td>
        <CaseStatusBadge status={row.status} />
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {row.allegationCount}
      </Table.Td>
      <Table.Td c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatDate(row.updatedAt, language)}
      </Table.Td>
    </Table.Tr>
  );
}
