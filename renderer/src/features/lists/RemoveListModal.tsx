import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListSummary } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { formatCount } from '../evidence/format';
import { refreshAfterListChange } from './queries';

/** Removing a list is confirmed: screening stops finding its entries. Mounted only while asked. */
export function RemoveListModal({ list, onClose }: { list: ListSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => invoke('lists.remove', { key: list.key }),
    onSuccess: () => {
      refreshAfterListChange(queryClient);
      notifySuccess((t) => t('lists.remove.done', { list: list.listName }));
      onClose();
    },
    onError: (error) => {
      refreshAfterListChange(queryClient);
      notifyFailure(error);
    },
  });
  return (
    <Modal opened onClose={onClose} size="md" title={t('lists.remove.title', { list: list.listName })}>
      <Stack gap="md">
        <Text size="sm">{t('lists.remove.body', { entries: formatCount(list.entries, language) })}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="sm" onClick={onClose} data-autofocus>
            {t('form.cancel')}
          </Button>
          <Button size="sm" color="red" data-testid="list-remove-confirm" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('lists.remove.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
