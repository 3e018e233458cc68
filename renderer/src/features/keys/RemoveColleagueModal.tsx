import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Colleague } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { Fingerprint } from './Fingerprint';
import { refreshColleagues } from './queries';

/** Removing a colleague is confirmed: bundles can no longer go to them, and theirs show as from an unknown key. */
export function RemoveColleagueModal({ colleague, onClose }: { colleague: Colleague; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => invoke('keys.removeColleague', { id: colleague.id }),
    onSuccess: () => {
      refreshColleagues(queryClient);
      notifySuccess((t) => t('keys.remove.done', { name: colleague.name }));
      onClose();
    },
    onError: (error) => {
      refreshColleagues(queryClient);
      notifyFailure(error);
    },
  });
  return (
    <Modal opened onClose={onClose} size="md" title={t('keys.remove.title', { name: colleague.name })}>
      <Stack gap="md">
        <Fingerprint value={colleague.fingerprint} size="sm" />
        <Text size="sm" lh={1.6}>
          {t('keys.remove.body')}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="sm" onClick={onClose} data-autofocus>
            {t('form.cancel')}
          </Button>
          <Button size="sm" color="red" data-testid="colleague-remove-confirm" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('keys.remove.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
