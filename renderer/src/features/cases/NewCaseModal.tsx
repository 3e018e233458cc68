import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { emptyCaseValues, isCaseFormField, useCaseForm, type CaseFormValues } from './caseForm';
import { CaseFieldsInputs } from './CaseFieldsInputs';
import { caseKeys } from './queries';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: CaseDetail) => void;
}

export function NewCaseModal({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useCaseForm(emptyCaseValues());
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);

  const create = useMutation({
    mutationFn: (values: CaseFormValues) => invoke('cases.create', values),
    onSuccess: (created) => {
      queryClient.setQueryData(caseKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      void queryClient.invalidateQueries({ queryKey: caseKeys.countries });
      notifySuccess((t) => t('newCase.created', { reference: created.reference }));
      form.reset();
      onClose();
      onCreated(created);
    },
    onError: (error) => {
      if (!isValidationError(error)) return notifyFailure(error);
      const { byField, other } = fieldErrors(error.fields, isCaseFormField);
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });

  const close = () => {
    form.reset();
    setOtherIssues([]);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('newCase.title')} size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setOtherIssues([]);
          create.mutate(values);
        })}
      >
        <Stack gap="md">
          <CaseFieldsInputs form={form} autoFocus />
          <OtherIssues issues={otherIssues} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} size="sm">
              {t('form.cancel')}
            </Button>
            <Button type="submit" data-testid="case-submit" loading={create.isPending} size="sm">
              {t('newCase.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
