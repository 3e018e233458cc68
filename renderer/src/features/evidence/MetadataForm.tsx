import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDetail } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { EvidenceFields } from './EvidenceFields';
import { evidenceValues, isEvidenceFormPath, toUpdateInput, type EvidenceFormValues } from './evidenceForm';
import { evidenceKeys, refreshAfterEvidenceChange } from './queries';

/** The item's metadata; saving records what changed (and why, if given) in its custody log. */
export function MetadataForm({ item, readOnly }: { item: EvidenceDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<EvidenceFormValues>({ mode: 'controlled', initialValues: evidenceValues(item) });
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);

  const save = useMutation({
    mutationFn: (values: EvidenceFormValues) => invoke('evidence.update', toUpdateInput(item.id, values, item)),
    onSuccess: (saved) => {
      queryClient.setQueryData(evidenceKeys.detail(saved.id), saved);
      refreshAfterEvidenceChange(queryClient, saved.caseId, saved.id);
      form.setValues(evidenceValues(saved));
      form.resetDirty(evidenceValues(saved));
      notifySuccess((t) => t('evidence.form.saved', { exhibit: saved.exhibit }));
    },
    onError: (error) => {
      if (!isValidationError(error)) return notifyFailure(error);
      const { byField, other } = fieldErrors(error.fields, isEvidenceFormPath);
      // A bad tag is reported at "tags.3"; the tags input shows it.
      for (const path of Object.keys(byField)) {
        if (path.startsWith('tags.')) byField['tags'] ??= byField[path];
      }
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });

  return (
    <form
      noValidate
      data-testid="evidence-form"
      onSubmit={form.onSubmit((values) => {
        setOtherIssues([]);
        save.mutate(values);
      })}
    >
      <Stack gap="sm">
        <EvidenceFields form={form} disabled={readOnly} testimony={item.kind === 'testimony'} />
        {!readOnly && (
          <TextInput
            data-testid="evidence-reason"
            label={t('evidence.form.reason')}
            description={t('evidence.form.reasonHint')}
            {...form.getInputProps('reason')}
          />
        )}
        <OtherIssues issues={otherIssues} />
        {!readOnly && (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              {t('evidence.form.reset')}
            </Button>
            <Button type="submit" data-testid="evidence-save" loading={save.isPending} disabled={!form.isDirty()}>
              {t('evidence.form.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
