import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtectedPerson } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { isValidationError } from '../../forms/fieldErrors';
import { FieldIssueText } from '../../forms/FieldIssueText';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { refreshAfterProtectedChange } from './queries';

/** Removal is confirmed, and may carry a reason for the history. Mounted only while asked. */
export function RemoveProtectedPersonModal({ person, onClose }: { person: ProtectedPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');

  const remove = useMutation({
    mutationFn: () => invoke('protected.delete', reason.trim() ? { id: person.id, reason } : { id: person.id }),
    onSuccess: () => {
      refreshAfterProtectedChange(queryClient, person.caseId);
      notifySuccess((t) => t('protected.removed', { pseudonym: person.pseudonym }));
      onClose();
    },
    onError: (error) => {
      if (!isValidationError(error)) {
        refreshAfterProtectedChange(queryClient, person.caseId);
        notifyFailure(error);
      }
    },
  });
  const reasonIssue = isValidationError(remove.error) ? remove.error.fields?.['reason'] : undefined;

  return (
    <Modal opened onClose={onClose} size="md" title={t('protected.removeTitle', { pseudonym: person.pseudonym })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          remove.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('protected.removeBody')}</Text>
          <TextInput
            data-testid="protected-remove-reason"
            label={t('protected.removeReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonIssue && <FieldIssueText issue={reasonIssue} />}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="sm" onClick={onClose} data-autofocus>
              {t('form.cancel')}
            </Button>
            <Button type="submit" size="sm" color="red" data-testid="protected-remove-confirm" loading={remove.isPending}>
              {t('protected.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
