import { Badge, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCH_END, MATCH_START } from '../../../../shared/contract/channels/search';
import { invoke } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { refreshAfterSubjectChange, subjectKeys } from './queries';

/** A snippet with its match marked, as React nodes: no HTML crosses the boundary. */
export function Marked({ text }: { text: string }) {
  const parts = text.split(new RegExp(`[${MATCH_START}${MATCH_END}]`));
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}
    </>
  );
}

/** Finds a subject recorded in any case by any name or alias, and adds it to this one. */
export function AddExistingSubjectModal({ caseId, inCase, onClose }: { caseId: string; inCase: Set<string>; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 150);
  const found = useQuery({
    queryKey: subjectKeys.find(debounced),
    queryFn: () => invoke('subjects.find', { text: debounced, limit: 20 }),
    enabled: debounced.length > 0,
  });
  const add = useMutation({
    mutationFn: (subject: { id: string; reference: string }) => invoke('subjects.addToCase', { caseId, subjectId: subject.id }),
    onSuccess: (_, subject) => {
      refreshAfterSubjectChange(queryClient, caseId);
      notifySuccess((t) => t('subjects.linked', { reference: subject.reference }));
      onClose();
    },
    onError: notifyFailure,
  });

  return (
    <Modal opened onClose={onClose} title={t('subjects.findTitle')} size={640}>
      <Stack gap="sm">
        <TextInput
          data-testid="subject-find"
          data-autofocus
          label={t('subjects.findLabel')}
          placeholder={t('subjects.findPlaceholder')}
          leftSection={<IconSearch size={14} />}
          rightSection={found.isFetching ? <Loader size={14} /> : undefined}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {found.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('subjects.findNone')}
          </Text>
        )}
        {found.data?.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" data-testid="subject-find-result">
            <Stack gap={0} miw={0}>
              <Group gap={6} wrap="nowrap">
                <Text ff="monospace" size="xs" fw={600}>
                  {m.reference}
                </Text>
                <Text size="sm" fw={500} truncate="end">
                  {m.displayName}
                </Text>
                <Badge size="xs" variant="light" color="gray">
                  {t(`subjectTypes.${m.type}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" truncate="end">
                <Marked text={m.snippet} />
              </Text>
            </Stack>
            {inCase.has(m.id) ? (
              <Text size="xs" c="dimmed">
                {t('subjects.inCase')}
              </Text>
            ) : (
              <Button size="compact-sm" variant="light" data-testid="subject-find-add" onClick={() => add.mutate(m)} loading={add.isPending}>
                {t('subjects.findAdd')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
