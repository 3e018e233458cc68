import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError } from '../../forms/fieldErrors';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { caseKeys } from './queries';

interface Props {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
}

/** Closing and reopening both need a stated reason, which goes into the case history. */
export function CloseReopenModal({ detail, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const closing = detail.status === 'open';
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });

  const change = useMutation({
    mutationFn: ({ reason, close }: { reason: string; close: boolean }) =>
      invoke(close ? 'cases.close' : 'cases.reopen', { id: detail.id, reason }),
    onSuccess: (saved, { close }) => {
      queryClient.setQueryData(caseKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      notifySuccess((t) => t(close ? 'closeReopen.closed' : 'closeReopen.reopened', { reference: saved.reference }));
      dismiss();
    },
    onError: (error) => {
      if (!isValidationError(error)) return notifyFailure(error);
      // Only the reason is typed here; any other issue belongs under it too.
      const { byField, other } = fieldErrors(error.fields, (path) => path === 'reason');
      form.setErrors({ reason: byField.reason ?? (other[0] && t(`fieldIssues.${other[0].issue.code}`)) });
    },
  });

  const dismiss = () => {
    form.reset();
    onClose();
  };

  const submit = form.onSubmit(({ reason }) => change.mutate({ reason, close: closing }));

  return (
    <Modal
      opened={opened}
      onClose={dismiss}
      size="md"
      title={t(closing ? 'closeReopen.closeTitle' : 'closeReopen.reopenTitle', { reference: detail.reference })}
    >
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">{t(closing ? 'closeReopen.closeIntro' : 'closeReopen.reopenIntro')}</Text>
          <Textarea
            data-testid="reason-input"
            data-autofocus
            label={t('closeReopen.reason')}
            withAsterisk
            autosize
            minRows={3}
            maxRows={10}
            onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="sm" onClick={dismiss}>
              {t('form.cancel')}
            </Button>
            <Button
              type="submit"
              size="sm"
              data-testid="reason-submit"
              color={closing ? 'red' : undefined}
              loading={change.isPending}
            >
              {t(closing ? 'closeReopen.closeSubmit' : 'closeReopen.reopenSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
