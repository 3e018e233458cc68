import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './documentSaver';

/** "Saved", "Saving…" or "Not saved: why", with what can be done about it. */
export function SaveIndicator({
  status,
  onRetry,
  onLoadSaved,
  onKeepMine,
}: {
  status: SaveStatus;
  onRetry: () => void;
  onLoadSaved: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  if (status.state === 'saved') {
    return (
      <Group gap={4} wrap="nowrap" data-testid="save-status" data-state="saved" aria-live="polite">
        <IconCheck size={14} color="var(--mantine-color-teal-7)" />
        <Text size="xs" c="dimmed">
          {t('findings.status.saved')}
        </Text>
      </Group>
    );
  }
  if (status.state === 'saving') {
    return (
      <Group gap={6} wrap="nowrap" data-testid="save-status" data-state="saving" aria-live="polite">
        <Loader size={10} />
        <Text size="xs" c="dimmed">
          {t('findings.status.saving')}
        </Text>
      </Group>
    );
  }
  const reason = t(`errors.${status.code}`, { max: status.max?.toLocaleString() ?? '' });
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="save-status" data-state="error" data-code={status.code} role="alert">
      <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="xs" c="red.8" maw={520}>
        {t('findings.status.notSaved', { reason })}
      </Text>
      {status.code === 'REVISION_CONFLICT' ? (
        <>
          <Button size="compact-xs" variant="default" onClick={onLoadSaved} data-testid="conflict-load">
            {t('findings.status.loadSaved')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={onKeepMine} data-testid="conflict-keep">
            {t('findings.status.keepMine')}
          </Button>
        </>
      ) : (
        <Button size="compact-xs" variant="default" onClick={onRetry} data-testid="save-retry">
          {t('findings.status.retry')}
        </Button>
      )}
    </Group>
  );
}
