import { Button, Grid, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allegation } from '../../../../shared/contract';
import { CONDUCT_CATEGORIES, type ConductCategoryCode } from '../../../../shared/domain/conduct-categories';
import { ALLEGATION_STATUSES, type AllegationStatus } from '../../../../shared/domain/workflow';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { useLanguage } from '../../i18n/useLanguage';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import {
  allegationValues,
  emptyAllegationValues,
  isAllegationFormPath,
  toAllegationInput,
  type AllegationFormValues,
} from './allegationForm';
import { FuzzyDateInput } from './FuzzyDateInput';
import { refreshAfterAllegationChange } from './queries';
import { VictimsInput } from './VictimsInput';
import { useProtectedPersons } from '../protected/queries';

interface Props {
  caseId: string;
  /** The allegation to edit, or null to add one. */
  allegation: Allegation | null;
  readOnly: boolean;
  onClose: () => void;
}

/** Adds or edits one allegation. Mount it only while open, so each opening starts fresh. */
export function AllegationForm({ caseId, allegation, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const form = useForm<AllegationFormValues>({
    mode: 'controlled',
    initialValues: allegation ? allegationValues(allegation) : emptyAllegationValues(),
  });
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);
  const persons = useProtectedPersons(caseId);

  const save = useMutation({
    mutationFn: (values: AllegationFormValues) => {
      const input = toAllegationInput(values);
      return allegation
        ? invoke('allegations.update', { ...input, id: allegation.id })
        : invoke('allegations.create', { ...input, caseId });
    },
    onSuccess: (saved) => {
      refreshAfterAllegationChange(queryClient, caseId);
      notifySuccess((t) => t(allegation ? 'allegations.updated' : 'allegations.created', { reference: saved.reference }));
      onClose();
    },
    onError: (error) => {
      if (!isValidationError(error)) {
        refreshAfterAllegationChange(queryClient, caseId);
        return notifyFailure(error);
      }
      const { byField, other } = fieldErrors(error.fields, isAllegationFormPath);
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });

  const categories = CONDUCT_CATEGORIES.map((c) => ({ value: c.code, label: c[language] }));
  const chosen = CONDUCT_CATEGORIES.find((c) => c.code === form.values.category);
  const title = !allegation
    ? t('allegationForm.addTitle')
    : t(readOnly ? 'allegationForm.viewTitle' : 'allegationForm.editTitle', { reference: allegation.reference });

  return (
    <Modal opened onClose={onClose} title={title} size={760} closeOnClickOutside={false}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setOtherIssues([]);
          save.mutate(values);
        })}
      >
        <Stack gap="md">
          <Grid gap="sm">
            <Grid.Col span={8}>
              <Select<ConductCategoryCode>
                data-testid="allegation-category"
                data-autofocus
                label={t('allegationForm.category')}
                placeholder={t('allegationForm.categoryPlaceholder')}
                description={chosen?.requiresScale ? t('allegationForm.scaleHint') : undefined}
                withAsterisk={!readOnly}
                searchable
                data={categories}
                disabled={readOnly}
                maxDropdownHeight={360}
                {...form.getInputProps('category')}
              />
            </Grid.Col>
            <Grid.Col span={4}>
              <Select<AllegationStatus>
                data-testid="allegation-status"
                label={t('allegationForm.status')}
                data={ALLEGATION_STATUSES.map((s) => ({ value: s, label: t(`allegationStatus.${s}`) }))}
                allowDeselect={false}
                disabled={readOnly}
                {...form.getInputProps('status')}
              />
            </Grid.Col>
          </Grid>
          <FuzzyDateInput form={form} disabled={readOnly} />
          <TextInput
            data-testid="allegation-place"
            label={t('allegationForm.place')}
            placeholder={t('allegationForm.placePlaceholder')}
            disabled={readOnly}
            {...form.getInputProps('place')}
          />
          <Textarea
            data-testid="allegation-narrative"
            label={t('allegationForm.narrative')}
            autosize
            minRows={4}
            maxRows={16}
            disabled={readOnly}
            {...form.getInputProps('narrative')}
          />
          <VictimsInput form={form} disabled={readOnly} pseudonyms={(persons.data ?? []).map((p) => p.pseudonym)} />
          <OtherIssues issues={otherIssues} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="sm" onClick={onClose}>
              {t(readOnly ? 'form.close' : 'form.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" size="sm" data-testid="allegation-submit" loading={save.isPending}>
                {t(allegation ? 'allegationForm.submitUpdate' : 'allegationForm.submitCreate')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
