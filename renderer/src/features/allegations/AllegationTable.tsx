import { ActionIcon, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconEye, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Allegation } from '../../../../shared/contract';
import { CONDUCT_CATEGORIES } from '../../../../shared/domain/conduct-categories';
import { formatFuzzyDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { AllegationStatusBadge } from '../../ui/badges';
import { CorroborationButton } from '../evidence/CorroborationPanel';

interface Props {
  allegations: Allegation[];
  readOnly: boolean;
  onEdit: (allegation: Allegation) => void;
  onRemove: (allegation: Allegation) => void;
}

export function AllegationTable({ allegations, readOnly, onEdit, onRemove }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const categoryLabel = (code: string) => CONDUCT_CATEGORIES.find((c) => c.code === code)?.[language] ?? code;
  const period = (a: Allegation) =>
    formatFuzzyDate(a.period, language, {
      unknown: t('fuzzyDate.unknown'),
      range: (from, to) => t('fuzzyDate.range', { from, to }),
    });

  return (
    <Table layout="fixed" highlightOnHover data-testid="allegation-table" miw={860}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={64}>{t('allegations.columns.reference')}</Table.Th>
          <Table.Th>{t('allegations.columns.category')}</Table.Th>
          <Table.Th w={210}>{t('allegations.columns.period')}</Table.Th>
          <Table.Th w="22%">{t('allegations.columns.place')}</Table.Th>
          <Table.Th w={120}>{t('allegations.columns.status')}</Table.Th>
          <Table.Th w={80} ta="right">
            {t('allegations.columns.victims')}
          </Table.Th>
          <Table.Th w={104}>
            <VisuallyHidden>{t('allegations.columns.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {allegations.map((a) => (
          <Table.Tr
            key={a.id}
            data-testid="allegation-row"
            data-reference={a.reference}
            style={{ cursor: 'pointer' }}
            onClick={() => onEdit(a)}
          >
            <Table.Td ff="monospace" fz="xs" fw={600}>
              {a.reference}
            </Table.Td>
            <Table.Td>
              <Text size="sm" truncate="end" title={categoryLabel(a.category)}>
                {categoryLabel(a.category)}
              </Text>
            </Table.Td>
            <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{period(a)}</Table.Td>
            <Table.Td>
              <Text size="sm" truncate="end" title={a.place}>
                {a.place || '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <AllegationStatusBadge status={a.status} />
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {a.victims.length}
            </Table.Td>
            <Table.Td onClick={(e) => e.stopPropagation()}>
              <Group gap={2} wrap="nowrap" justify="flex-end">
                <CorroborationButton allegation={a} />
                <Tooltip label={t('allegations.edit', { reference: a.reference })}>
                  <ActionIcon
                    data-testid="allegation-edit"
                    aria-label={t('allegations.edit', { reference: a.reference })}
                    onClick={() => onEdit(a)}
                  >
                    {readOnly ? <IconEye size={15} /> : <IconPencil size={15} />}
                  </ActionIcon>
                </Tooltip>
                {!readOnly && (
                  <Tooltip label={t('allegations.remove', { reference: a.reference })}>
                    <ActionIcon
                      data-testid="allegation-remove"
                      aria-label={t('allegations.remove', { reference: a.reference })}
                      color="red"
                      onClick={() => onRemove(a)}
                    >
                      <IconTrash size={15} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
