import { ActionIcon, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListSummary } from '../../../../shared/contract';
import { formatDateTime, formatPartialDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { formatCount, shortHash } from '../evidence/format';
import { AuthorityBadge } from './AuthorityBadge';
import { ListReportModal } from './ListReportModal';
import { RemoveListModal } from './RemoveListModal';

const num = { fontVariantNumeric: 'tabular-nums', textAlign: 'right' } as const;

/** The lists in use now: which version (the list's own date), how much it holds, who brought it in. */
export function ListTable({ lists }: { lists: ListSummary[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [removing, setRemoving] = useState<ListSummary | null>(null);
  const [reporting, setReporting] = useState<ListSummary | null>(null);
  const n = (x: number) => formatCount(x, language);
  return (
    <>
      <Table layout="fixed" striped highlightOnHover data-testid="list-table" miw={1040}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={92}>{t('lists.columns.authority')}</Table.Th>
            <Table.Th>{t('lists.columns.list')}</Table.Th>
            <Table.Th w={136}>{t('lists.columns.listDate')}</Table.Th>
            <Table.Th w={84} style={num}>
              {t('lists.columns.entries')}
            </Table.Th>
            <Table.Th w={84} style={num}>
              {t('lists.columns.names')}
            </Table.Th>
            <Table.Th w={84} style={num}>
              {t('lists.columns.skipped')}
            </Table.Th>
            <Table.Th w={170}>{t('lists.columns.imported')}</Table.Th>
            <Table.Th w={240}>{t('lists.columns.files')}</Table.Th>
            <Table.Th w={44}>
              <VisuallyHidden>{t('lists.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lists.map((list) => (
            <Table.Tr key={list.key} data-testid="list-row" data-key={list.key} data-authority={list.authority ?? ''}>
              <Table.Td>
                <AuthorityBadge authority={list.authority} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} truncate="end" title={list.listName}>
                  {list.listName}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {t(`lists.formats.${list.format}`)}
                </Text>
              </Table.Td>
              <Table.Td data-testid="list-date" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {list.listDate ? (
                  formatPartialDate(list.listDate, language)
                ) : (
                  <Text span size="sm" c="dimmed" title={t('lists.noDate')}>
                    {t('lists.noDateShort')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={num}>
                <span data-testid="list-entries">{n(list.entries)}</span>
                {list.removedCount > 0 && (
                  <Tooltip label={t('lists.removedHint')}>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="list-removed">
                      {t('lists.removedShort', { n: n(list.removedCount) })}
                    </Text>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td style={num}>{n(list.names)}</Table.Td>
              <Table.Td style={num}>
                {list.skippedCount > 0 || list.warnings.length > 0 ? (
                  <Tooltip label={t('lists.skippedHint')}>
                    <UnstyledButton onClick={() => setReporting(list)} data-testid="list-skipped" aria-label={t('lists.reportOf', { list: list.listName })}>
                      <Text span size="sm" c={list.skippedCount > 0 ? 'orange.8' : undefined} fw={600} td="underline">
                        {n(list.skippedCount)}
                      </Text>
                    </UnstyledButton>
                  </Tooltip>
                ) : (
                  n(0)
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatDateTime(list.importedAt, language)}
                </Text>
                <Text size="xs" c="dimmed" truncate="end" title={list.importedBy}>
                  {list.importedBy}
                </Text>
              </Table.Td>
              <Table.Td>
                {list.files.map((file) => (
                  <Tooltip key={file.sha256} label={`SHA-256 ${file.sha256}`} multiline maw={360} style={{ overflowWrap: 'anywhere' }}>
                    <Text size="xs" truncate="end" ff="monospace">
                      {file.name} <Text span size="xs" c="dimmed" ff="monospace">{shortHash(file.sha256)}</Text>
                    </Text>
                  </Tooltip>
                ))}
              </Table.Td>
              <Table.Td>
                <Tooltip label={t('lists.remove.button', { list: list.listName })}>
                  <ActionIcon
                    color="red"
                    aria-label={t('lists.remove.button', { list: list.listName })}
                    data-testid="list-remove"
                    onClick={() => setRemoving(list)}
                  >
                    <IconTrash size={15} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {removing && <RemoveListModal list={removing} onClose={() => setRemoving(null)} />}
      {reporting && <ListReportModal list={reporting} onClose={() => setReporting(null)} />}
    </>
  );
}
