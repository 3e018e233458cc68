import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidationError } from '../forms/fieldErrors';
import { FieldIssueText } from '../forms/FieldIssueText';
import { notifyFailure } from './notify';

interface Props {
  title: string;
  body: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  /** Prefix of the test ids: `<prefix>-remove-reason`, `<prefix>-remove-confirm`. */
  testId: string;
  /** The reason is optional: an empty one is passed as undefined rather than "". */
  remove: (reason: string | undefined) => Promise<unknown>;
  /** After the removal, or after a failure that may have changed what is shown. */
  refresh: () => void;
  onRemoved: () => void;
  onClose: () => void;
}

/** A removal, confirmed, that may carry a reason for the history. Mounted only while asked. */
export function RemoveWithReasonModal({ title, body, reasonLabel, confirmLabel, testId, remove, refresh, onRemoved, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');

  const mutation = useMutation({
    mutationFn: () => remove(reason.trim() ? reason : undefined),
    onSuccess: () => {
      refresh();
      onRemoved();
      onClose();
    },
    onError: (error) => {
      if (!isValidationError(error)) {
        refresh();
        notifyFailure(error);
      }
    },
  });
  const reasonIssue = isValidationError(mutation.error) ? mutation.error.fields?.['reason'] : undefined;

  return (
    <Modal opened onClose={onClose} size="md" title={title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{body}</Text>
          <TextInput
            data-testid={`${testId}-remove-reason`}
            label={reasonLabel}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonIssue && <FieldIssueText issue={reasonIssue} />}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="sm" onClick={onClose} data-autofocus>
              {t('form.cancel')}
            </Button>
            <Button type="submit" size="sm" color="red" data-testid={`${testId}-remove-confirm`} loading={mutation.isPending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
