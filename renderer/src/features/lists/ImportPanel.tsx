import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconPlayerSkipForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { formatBytes, formatCount, formatPercent } from '../evidence/format';
import { ImportReport } from './ImportReport';
import { fileProblemWords } from './listProblemText';
import type { ImportGroup } from './useListImport';

interface Props {
  groups: ImportGroup[];
  running: boolean;
  onCancel: () => void;
  onDismiss: () => void;
}

/** Running, then finished; "stopped" when the user stopped every list before it was stored. */
function headingKey(running: boolean, groups: Props['groups']) {
  if (running) return 'lists.import.running' as const;
  return groups.every((g) => g.step.state === 'cancelled') ? ('lists.import.stopped' as const) : ('lists.import.finished' as const);
}

/**
 * "about 3 minutes left" / "less than a minute left"; once the whole file is read, what is left is
 * no longer reading (the entries read but not yet written, the last of the name index, the swap), so
 * it says that instead of a time. The version replaced is deleted after the import is done.
 */
function timeLeft(t: TFunction, read: number, seconds: number | null): string | null {
  if (read >= 1) return t('lists.import.finishing');
  if (seconds === null) return null;
  return seconds < 60 ? t('lists.import.underAMinuteLeft') : t('lists.import.minutesLeft', { count: Math.ceil(seconds / 60) });
}

/** Each list being imported: its files, its progress, and then its report or why it failed. */
export function ImportPanel({ groups, running, onCancel, onDismiss }: Props) {
  const { t } = useTranslation();
  const heading = t(headingKey(running, groups));
  return (
    <Stack
      gap="sm"
      px="md"
      py="sm"
      data-testid="list-import"
      data-running={running}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', background: 'var(--mantine-color-gray-0)' }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {heading}
        </Text>
        {running ? (
          <Button variant="default" color="red" onClick={onCancel} data-testid="list-import-cancel">
            {t('lists.import.cancel')}
          </Button>
        ) : (
          <Button variant="subtle" onClick={onDismiss} data-testid="list-import-dismiss">
            {t('lists.import.dismiss')}
          </Button>
        )}
      </Group>
      {groups.map((group, i) => (
        <GroupRow key={i} group={group} />
      ))}
    </Stack>
  );
}

function GroupRow({ group }: { group: ImportGroup }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { step } = group;
  const total = group.files.reduce((n, f) => n + f.size, 0);
  return (
    <Stack gap={4} data-testid="list-import-group" data-state={step.state}>
      <Group gap={6} wrap="nowrap">
        <IconFileSpreadsheet size={14} aria-hidden />
        <Text size="xs" fw={600} truncate="end" title={group.files.map((f) => f.name).join(', ')}>
          {group.files.map((f) => f.name).join(' + ')}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatBytes(total, language)}
        </Text>
      </Group>
      {step.state === 'waiting' && (
        <Text size="xs" c="dimmed">
          {t('lists.import.waiting')}
        </Text>
      )}
      {step.state === 'uploading' && (
        <>
          <Progress value={total > 0 ? (step.loaded / total) * 100 : 0} size="sm" aria-label={t('lists.import.uploading')} />
          <Text size="xs" c="dimmed">
            {t('lists.import.uploading')}
          </Text>
        </>
      )}
      {step.state === 'reading' && (
        <>
          {/* By the bytes read where the reader can say; else (a workbook read whole) the bar only moves. */}
          {step.read === null ? (
            <Progress value={100} size="sm" animated striped aria-label={t('lists.import.reading')} />
          ) : (
            <Progress value={step.read * 100} size="sm" aria-label={t('lists.import.reading')} data-testid="list-import-read" />
          )}
          <Text size="xs" c="dimmed" data-testid="list-import-progress" data-read={step.read ?? undefined}>
            {step.read === null
              ? t('lists.import.readingCount', { n: formatCount(step.entries, language) })
              : [
                  t('lists.import.readingShare', { percent: formatPercent(step.read, language), n: formatCount(step.entries, language) }),
                  timeLeft(t, step.read, step.secondsLeft),
                ]
                  .filter((part) => part !== null)
                  .join(' · ')}
          </Text>
        </>
      )}
      {step.state === 'done' && <ImportReport {...step.result} />}
      {step.state === 'failed' && (
        <Alert
          color="red"
          variant="light"
          p="xs"
          icon={<IconAlertTriangle size={16} />}
          title={t('lists.import.failed')}
          data-testid="list-import-error"
          data-code={step.code}
        >
          <Text size="sm">{t(`errors.${step.code}`, { max: '' })}</Text>
          {step.problem && (
            <Text size="xs" mt={4} c="dark.4" style={{ overflowWrap: 'anywhere' }} data-testid="list-import-error-detail">
              {t('lists.import.detail', { detail: fileProblemWords(t, step.problem) })}
            </Text>
          )}
        </Alert>
      )}
      {step.state === 'cancelled' && (
        <Alert color="yellow" variant="light" p="xs" icon={<IconPlayerSkipForward size={16} />}>
          <Text size="xs">{t('lists.import.cancelled')}</Text>
        </Alert>
      )}
    </Stack>
  );
}
