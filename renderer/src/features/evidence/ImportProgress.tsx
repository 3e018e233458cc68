import { Alert, Button, Group, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconPlayerSkipForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldIssueText } from '../../forms/FieldIssueText';
import { useLanguage } from '../../i18n/useLanguage';
import { formatBytes, formatCount } from './format';
import type { FileRow, ImportRun } from './useImportQueue';

interface Props {
  run: ImportRun;
  onCancel: () => void;
  onDismiss: () => void;
  onOpen: (id: string) => void;
}

/** Progress of an import while it runs; afterwards, what became of every file, plainly. */
export function ImportProgress({ run, onCancel, onDismiss, onOpen }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const counts = { imported: 0, duplicate: 0, failed: 0, not_imported: 0 };
  for (const row of run.rows) counts[row.outcome.status] += 1;
  const [showAll, setShowAll] = useState(false);
  const percent = run.bytesTotal > 0 ? (run.bytesDone / run.bytesTotal) * 100 : (run.done / Math.max(1, run.total)) * 100;
  const attention = run.rows.filter((r) => r.outcome.status === 'failed' || r.outcome.status === 'duplicate');
  const listed = showAll ? run.rows : attention;
  const n = (x: number) => formatCount(x, language);

  return (
    <Stack
      gap={6}
      px="md"
      py="sm"
      data-testid="evidence-import-progress"
      data-running={run.running}
      data-cancelled={run.cancelled}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} data-testid="evidence-import-summary">
          {run.running
            ? run.cancelled
              ? t('evidence.import.cancelling')
              : t('evidence.import.running', { done: n(run.done), total: n(run.total) })
            : run.cancelled
              ? t('evidence.import.cancelled', {
                  imported: n(counts.imported),
                  duplicates: n(counts.duplicate),
                  failed: n(counts.failed),
                  notImported: n(counts.not_imported),
                })
              : t('evidence.import.finished', {
                  imported: n(counts.imported),
                  duplicates: n(counts.duplicate),
                  failed: n(counts.failed),
                })}
        </Text>
        {run.running ? (
          <Button
            variant="default"
            color="red"
            data-testid="evidence-import-cancel"
            onClick={onCancel}
            disabled={run.cancelled}
          >
            {t('evidence.import.cancel')}
          </Button>
        ) : (
          <Button variant="subtle" onClick={onDismiss} data-testid="evidence-import-dismiss">
            {t('evidence.import.dismiss')}
          </Button>
        )}
      </Group>
      {run.running && (
        <>
          <Progress value={percent} size="sm" animated={!run.cancelled} aria-label={t('evidence.import.progressLabel')} />
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="xs" c="dimmed" truncate="end">
              {run.current ? t('evidence.import.current', { name: run.current }) : ''}
            </Text>
            <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {t('evidence.import.bytes', {
                done: formatBytes(run.bytesDone, language),
                total: formatBytes(run.bytesTotal, language),
              })}
            </Text>
          </Group>
        </>
      )}
      {!run.running && run.cancelled && (
        <Alert color="yellow" variant="light" p="xs" icon={<IconPlayerSkipForward size={16} />}>
          <Text size="xs">{t('evidence.import.cancelledHint')}</Text>
        </Alert>
      )}
      {listed.length > 0 && (
        <ScrollArea.Autosize mah={180} type="auto" data-testid="evidence-import-results">
          <Stack gap={2}>
            {listed.map((row, i) => (
              <ResultLine key={i} row={row} onOpen={onOpen} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {!run.running && run.rows.length > attention.length && (
        <Group>
          <Button variant="subtle" size="compact-xs" onClick={() => setShowAll((s) => !s)}>
            {showAll ? t('evidence.import.showProblems') : t('evidence.import.showAll', { count: run.rows.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ResultLine({ row, onOpen }: { row: FileRow; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const o = row.outcome;
  const icon =
    o.status === 'imported' ? (
      <IconCheck size={13} color="var(--mantine-color-teal-7)" />
    ) : o.status === 'duplicate' ? (
      <IconCopy size={13} color="var(--mantine-color-yellow-8)" />
    ) : o.status === 'failed' ? (
      <IconAlertTriangle size={13} color="var(--mantine-color-red-7)" />
    ) : (
      <IconPlayerSkipForward size={13} color="var(--mantine-color-gray-6)" />
    );
  return (
    <Group gap={6} wrap="nowrap" data-testid="evidence-import-result" data-status={o.status} fz="xs">
      {icon}
      <Text size="xs" fw={500} truncate="end" maw="45%" title={row.name}>
        {row.name}
      </Text>
      <Text size="xs" c={o.status === 'failed' ? 'red.8' : 'dimmed'} truncate="end">
        {o.status === 'imported' && (
          <Button variant="subtle" size="compact-xs" onClick={() => onOpen(o.id)}>
            {t('evidence.import.imported', { exhibit: o.exhibit })}
          </Button>
        )}
        {o.status === 'duplicate' && (
          <>
            {t('evidence.import.duplicate', { exhibit: o.exhibit })}{' '}
            <Button variant="subtle" size="compact-xs" onClick={() => onOpen(o.id)}>
              {t('evidence.import.openExisting', { exhibit: o.exhibit })}
            </Button>
          </>
        )}
        {o.status === 'failed' && (
          <>
            {t('evidence.import.failed')} {o.issue ? <FieldIssueText issue={o.issue} /> : t(`errors.${o.code}`)}
          </>
        )}
        {o.status === 'not_imported' && t('evidence.import.notImported')}
      </Text>
    </Group>
  );
}
