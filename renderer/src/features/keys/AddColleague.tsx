import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconKey } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { ApiError, invoke } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { Fingerprint } from './Fingerprint';
import { refreshColleagues } from './queries';

interface Preview {
  text: string;
  read: ChannelOutput<'keys.readCard'>;
}

/**
 * Adding a colleague is two steps: read the pasted key (nothing is stored) and show whose it is,
 * with its fingerprint and how it stands against the list; then add it once the user has compared
 * the fingerprint by phone and ticked that they did. A known name with another key is said plainly.
 */
export function AddColleague() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [compared, setCompared] = useState(false);

  const read = useMutation({
    mutationFn: (pasted: string) => invoke('keys.readCard', { text: pasted }).then((result) => ({ text: pasted, read: result })),
    onSuccess: (result) => {
      setPreview(result);
      setCompared(false);
    },
  });
  const add = useMutation({
    mutationFn: (p: Preview) => invoke('keys.addColleague', { text: p.text, fingerprint: p.read.fingerprint }),
    onSuccess: ({ colleague }) => {
      refreshColleagues(queryClient);
      notifySuccess((t) => t('keys.add.added', { name: colleague.name }));
      reset();
    },
    onError: notifyFailure,
  });

  const reset = () => {
    setText('');
    setPreview(null);
    setCompared(false);
    read.reset();
  };

  let pasteError: string | null = null;
  if (read.error) {
    const error = read.error;
    pasteError =
      error instanceof ApiError && error.fields?.text?.code === 'required'
        ? t('keys.add.pasteFirst')
        : t(`errors.${error instanceof ApiError ? error.code : 'INTERNAL'}`, { max: '' });
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="add-colleague">
      <Stack gap="sm">
        <Title order={5}>{t('keys.add.title')}</Title>
        <Textarea
          label={t('keys.add.paste')}
          placeholder={t('keys.add.pastePlaceholder')}
          value={text}
          autosize
          minRows={2}
          maxRows={6}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12, wordBreak: 'break-all' } }}
          error={pasteError}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPreview(null);
            read.reset();
          }}
          data-testid="colleague-paste"
        />
        {!preview && (
          <Group>
            <Button size="xs" variant="default" leftSection={<IconKey size={14} />} loading={read.isPending} onClick={() => read.mutate(text)} data-testid="colleague-read">
              {t('keys.add.read')}
            </Button>
          </Group>
        )}
        {preview && <PreviewCard preview={preview} compared={compared} onCompared={setCompared} />}
        {preview && (
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={reset}>
              {t('form.cancel')}
            </Button>
            {(preview.read.standing.kind === 'unknown' || preview.read.standing.kind === 'name-mismatch') && (
              <Button
                size="xs"
                color={preview.read.standing.kind === 'name-mismatch' ? 'orange' : undefined}
                disabled={!compared}
                loading={add.isPending}
                onClick={() => add.mutate(preview)}
                data-testid="colleague-confirm"
              >
                {preview.read.standing.kind === 'name-mismatch' ? t('keys.add.confirmAnyway') : t('keys.add.confirm')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function PreviewCard({ preview, compared, onCompared }: { preview: Preview; compared: boolean; onCompared: (v: boolean) => void }) {
  const { t } = useTranslation();
  const { card, fingerprint, standing } = preview.read;
  const canAdd = standing.kind === 'unknown' || standing.kind === 'name-mismatch';
  return (
    <Stack gap="sm" data-testid="colleague-preview" data-standing={standing.kind}>
      <Paper bg="gray.0" p="sm" radius="sm">
        <Text fw={600} data-testid="colleague-preview-name">
          {card.name}
        </Text>
        {card.organisation && (
          <Text size="sm" c="dimmed">
            {card.organisation}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt="xs" mb={2}>
          {t('keys.add.fingerprint')}
        </Text>
        <Fingerprint value={fingerprint} testId="colleague-preview-fingerprint" />
      </Paper>
      {standing.kind === 'unknown' && (
        <Text size="sm" lh={1.6}>
          {t('keys.add.unknown', { name: card.name })}
        </Text>
      )}
      {standing.kind === 'name-mismatch' && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('keys.add.nameMismatchTitle')} data-testid="colleague-name-mismatch">
          <Stack gap={6}>
            <Text size="sm" lh={1.6}>
              {t('keys.add.nameMismatch', { name: standing.colleague.name })}
            </Text>
            <Text size="xs" ff="monospace">
              {t('keys.add.oldFingerprint', { fingerprint: standing.colleague.fingerprint })}
            </Text>
          </Stack>
        </Alert>
      )}
      {standing.kind === 'known' && (
        <Alert color="blue" variant="light">
          {t('keys.add.known', { name: standing.colleague.name })}
        </Alert>
      )}
      {standing.kind === 'self' && (
        <Alert color="blue" variant="light">
          {t('keys.add.self')}
        </Alert>
      )}
      {canAdd && (
        <Checkbox
          checked={compared}
          onChange={(e) => onCompared(e.currentTarget.checked)}
          label={t('keys.add.compared', { name: card.name })}
          data-testid="colleague-compared"
        />
      )}
    </Stack>
  );
}
