import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { EvidenceFields } from './EvidenceFields';
import { emptyEvidenceValues, isEvidenceFormPath, toMetadata, type EvidenceFormValues } from './evidenceForm';
import { evidenceKeys, refreshAfterEvidenceChange } from './queries';

interface Props {
  caseId: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Testimony recorded without a file: the statement is the item. Mounted only while open. */
export function TestimonyModal({ caseId, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<EvidenceFormValues>({ mode: 'controlled', initialValues: emptyEvidenceValues() });
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);

  const create = useMutation({
    mutationFn: (values: EvidenceFormValues) => invoke('evidence.createTestimony', { ...toMetadata(values), caseId }),
    onSuccess: (saved) => {
      queryClient.setQueryData(evidenceKeys.detail(saved.id), saved);
      refreshAfterEvidenceChange(queryClient, caseId, saved.id);
      notifySuccess((t) => t('evidence.testimony.created', { exhibit: saved.exhibit }));
      onCreated(saved.id);
      onClose();
    },
    onError: (error) => {
      if (!isValidationError(error)) return notifyFailure(error);
      const { byField, other } = fieldErrors(error.fields, isEvidenceFormPath);
      for (const path of Object.keys(byField)) {
        if (path.startsWith('tags.')) byField['tags'] ??= byField[path];
      }
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('evidence.testimony.title')} size={720} closeOnClickOutside={false}>
      <form
        noValidate
        data-testid="testimony-form"
        onSubmit={form.onSubmit((values) => {
          setOtherIssues([]);
          create.mutate(values);
        })}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('evidence.testimony.intro')}
          </Text>
          <EvidenceFields form={form} disabled={false} testimony />
          <OtherIssues issues={otherIssues} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" data-testid="testimony-submit" loading={create.isPending}>
              {t('evidence.testimony.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
