import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allegation } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { isValidationError } from '../../forms/fieldErrors';
import { FieldIssueText } from '../../forms/FieldIssueText';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { refreshAfterAllegationChange } from './queries';

interface Props {
  allegation: Allegation;
  onClose: () => void;
}

/** Removal is confirmed, and may carry a reason for the history. Mounted only while asked. */
export function RemoveAllegationModal({ allegation, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');

  const remove = useMutation({
    // The reason is optional: an empty one is left out rather than sent as "".
    mutationFn: () => invoke('allegations.delete', reason.trim() ? { id: allegation.id, reason } : { id: allegation.id }),
    onSuccess: () => {
      refreshAfterAllegationChange(queryClient, allegation.caseId);
      notifySuccess((t) => t('allegations.removed', { reference: allegation.reference }));
      onClose();
    },
    onError: (error) => {
      if (!isValidationError(error)) {
        refreshAfterAllegationChange(queryClient, allegation.caseId);
        notifyFailure(error);
      }
    },
  });
  const reasonIssue = isValidationError(remove.error) ? remove.error.fields?.['reason'] : undefined;

  return (
    <Modal opened onClose={onClose} size="md" title={t('allegations.removeTitle', { reference: allegation.reference })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('allegations.removeBody')}</Text>
          <TextInput
            data-testid="allegation-remove-reason"
            label={t('allegations.removeReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonIssue && <FieldIssueText issue={reasonIssue} />}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="sm" onClick={onClose} data-autofocus>
              {t('form.cancel')}
            </Button>
            <Button type="submit" size="sm" color="red" data-testid="allegation-remove-confirm" loading={remove.isPending}>
              {t('allegations.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
