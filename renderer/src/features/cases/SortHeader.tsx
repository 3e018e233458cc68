import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { SortField } from './useCaseListParams';

interface Props {
  field: SortField;
  label: string;
  sort: SortField;
  direction: 'asc' | 'desc';
  onSort: (field: SortField, direction: 'asc' | 'desc') => void;
  width?: number;
}

/** A column header that sorts by its column; a second click reverses the order. */
export function SortHeader({ field, label, sort, direction, onSort, width }: Props) {
  const active = sort === field;
  const Icon = !active ? IconSelector : direction === 'asc' ? IconChevronUp : IconChevronDown;
  // Newest first is what one wants from dates; A→Z from everything else.
  const firstDirection = field === 'updatedAt' ? 'desc' : 'asc';
  const next = active ? (direction === 'asc' ? 'desc' : 'asc') : firstDirection;
  return (
    <Table.Th
      w={width}
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      data-sort-field={field}
    >
      <UnstyledButton onClick={() => onSort(field, next)} fz="sm" fw={600} w="100%">
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Icon size={14} stroke={1.6} opacity={active ? 1 : 0.4} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
