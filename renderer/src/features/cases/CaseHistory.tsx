import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../../../shared/contract';
import { STAGES, type Stage } from '../../../../shared/domain/workflow';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';

/** Stage events carry "3 → 4" (stage numbers, language-free); shown as the stages' names. */
function stageMove(event: CaseEvent): [Stage, Stage] | null {
  if (event.kind !== 'stage_advanced' && event.kind !== 'stage_returned') return null;
  const match = /^(\d) → (\d)$/.exec(event.subject ?? '');
  const from = match && STAGES[Number(match[1]) - 1];
  const to = match && STAGES[Number(match[2]) - 1];
  return from && to ? [from, to] : null;
}

/** The case's history, newest first: what happened, when, by whom, and why. */
export function CaseHistory({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('history.empty')}
      </Text>
    );
  }
  return (
    <Table layout="fixed" data-testid="case-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{t('history.at')}</Table.Th>
          <Table.Th w={170}>{t('history.event')}</Table.Th>
          <Table.Th w={80}>{t('history.subject')}</Table.Th>
          <Table.Th>{t('history.reason')}</Table.Th>
          <Table.Th w={140}>{t('history.actor')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...events].reverse().map((event) => (
          <Table.Tr key={event.id} data-testid="history-row" data-kind={event.kind}>
            <Table.Td c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatDateTime(event.at, language)}
            </Table.Td>
            <Table.Td>
              {t(`events.${event.kind}`)}
              {stageMove(event) && (
                <Text size="xs" c="dimmed">
                  {stageMove(event)!.map((stage) => t(`stages.${stage}`)).join(' → ')}
                </Text>
              )}
            </Table.Td>
            <Table.Td ff="monospace" fz="xs">
              {event.subject ?? ''}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{event.reason ?? ''}</Table.Td>
            <Table.Td>
              <Text size="sm" truncate="end" title={event.actor}>
                {event.actor}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
