import { Alert, Group, List, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ListImportResult } from '../../../../shared/contract';
import { formatDateTime, formatPartialDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { formatCount } from '../evidence/format';
import { noteWords, placeWords, problemWords } from './listProblemText';

/**
 * What an import read, as the service reported it: counts, the version replaced, warnings, skipped
 * records with why. `replaced` is left out for a report read back later (which version it replaced
 * is not kept).
 */
export function ImportReport({ list, report, replaced }: Pick<ListImportResult, 'list' | 'report'> & { replaced?: ListImportResult['replaced'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (x: number) => formatCount(x, language);
  const date = (value: string | null) => (value ? formatPartialDate(value, language) : t('lists.noDate'));
  return (
    <Stack gap={6} data-testid="list-import-report" data-list={list.key}>
      <Alert color="teal" variant="light" p="xs" icon={<IconCheck size={16} />}>
        <Text size="sm" fw={600} data-testid="list-import-summary">
          {t('lists.report.summary', {
            list: list.listName,
            entries: n(report.entries),
            names: n(report.names),
            skipped: n(report.skippedCount),
            count: report.skippedCount,
          })}
        </Text>
        {report.removedCount > 0 && (
          <Text size="xs" data-testid="list-import-removed">
            {t('lists.report.removed', { n: n(report.removedCount) })}
          </Text>
        )}
        <Text size="xs" data-testid="list-import-date">
          {list.listDate ? t('lists.report.listDate', { date: date(list.listDate) }) : t('lists.report.listDateNone')}
        </Text>
        {replaced !== undefined && (
          <Text size="xs" data-testid="list-import-replaced">
            {!replaced
              ? t('lists.report.firstVersion')
              : replaced.listDate
                ? t('lists.report.replaced', {
                    date: date(replaced.listDate),
                    entries: n(replaced.entries),
                    at: formatDateTime(replaced.importedAt, language),
                  })
                : t('lists.report.replacedUndated', { entries: n(replaced.entries), at: formatDateTime(replaced.importedAt, language) })}
          </Text>
        )}
      </Alert>
      {report.warnings.length > 0 && (
        <Alert color="yellow" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} title={t('lists.report.warnings', { count: report.warnings.length })}>
          <ScrollArea.Autosize mah={120} type="auto">
            <List size="xs" spacing={2} data-testid="list-import-warnings">
              {report.warnings.map((w, i) => (
                <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                  {problemWords(t, w)}
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </Alert>
      )}
      {report.skippedCount > 0 && (
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="xs" fw={600}>
              {t('lists.report.skippedTitle', { count: report.skippedCount, n: n(report.skippedCount) })}
            </Text>
            {report.skipped.length < report.skippedCount && (
              <Text size="xs" c="dimmed">
                {t('lists.report.skippedShown', { shown: n(report.skipped.length) })}
              </Text>
            )}
          </Group>
          <ScrollArea.Autosize mah={180} type="auto">
            <Table layout="fixed" fz="xs" verticalSpacing={2} data-testid="list-import-skipped">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={200}>{t('lists.report.at')}</Table.Th>
                  <Table.Th>{t('lists.report.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.skipped.map((s, i) => (
                  <Table.Tr key={i} data-testid="list-import-skipped-row">
                    <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {placeWords(t, s.at)}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{noteWords(t, s.note)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Stack>
  );
}
