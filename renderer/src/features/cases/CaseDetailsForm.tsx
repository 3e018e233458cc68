import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { caseValues, isCaseFormField, useCaseForm, type CaseFormValues } from './caseForm';
import { CaseFieldsInputs } from './CaseFieldsInputs';
import { caseKeys } from './queries';

/** Edits a case's details. Mount it keyed by the case's updatedAt so a saved change resets it. */
export function CaseDetailsForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useCaseForm(caseValues(detail));
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);
  const readOnly = detail.status === 'closed';

  const update = useMutation({
    mutationFn: (values: CaseFormValues) => invoke('cases.update', { ...values, id: detail.id }),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      void queryClient.invalidateQueries({ queryKey: caseKeys.countries });
      notifySuccess((t) => t('overview.saved'));
    },
    onError: (error) => {
      if (!isValidationError(error)) {
        // A case closed elsewhere: show it as it now is.
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(detail.id) });
        return notifyFailure(error);
      }
      const { byField, other } = fieldErrors(error.fields, isCaseFormField);
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setOtherIssues([]);
        update.mutate(values);
      })}
    >
      <Stack gap="md">
        <CaseFieldsInputs form={form} disabled={readOnly} />
        <OtherIssues issues={otherIssues} />
        {!readOnly && (
          <Group gap="xs">
            <Button type="submit" data-testid="case-submit" size="sm" loading={update.isPending} disabled={!form.isDirty()}>
              {t('overview.save')}
            </Button>
            <Button variant="subtle" color="gray" size="sm" onClick={() => form.reset()} disabled={!form.isDirty()}>
              {t('overview.reset')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
