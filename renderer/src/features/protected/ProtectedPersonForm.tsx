import { Alert, Button, Grid, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROTECTED_ROLES, type ProtectedRole, type RevealedPerson } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { emptyPersonValues, isPersonFormPath, personValues, type PersonFormValues } from './personForm';
import { refreshAfterProtectedChange } from './queries';

interface Props {
  caseId: string;
  /** The person to edit, as revealed, or null to record a new one (optionally under a pseudonym already in use). */
  person: RevealedPerson | null;
  pseudonym?: string;
  onClose: () => void;
}

/** Records or edits one protected person. Mount it only while open, so nothing typed outlives it. */
export function ProtectedPersonForm({ caseId, person, pseudonym, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<PersonFormValues>({
    mode: 'controlled',
    initialValues: person ? personValues(person) : emptyPersonValues(pseudonym),
  });
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);

  const save = useMutation({
    mutationFn: (values: PersonFormValues) =>
      person ? invoke('protected.update', { ...values, id: person.id }) : invoke('protected.create', { ...values, caseId }),
    onSuccess: (saved) => {
      refreshAfterProtectedChange(queryClient, caseId);
      notifySuccess((t) => t(person ? 'protected.updated' : 'protected.created', { pseudonym: saved.pseudonym }));
      onClose();
    },
    onError: (error) => {
      if (!isValidationError(error)) {
        refreshAfterProtectedChange(queryClient, caseId);
        return notifyFailure(error);
      }
      const { byField, other } = fieldErrors(error.fields, isPersonFormPath);
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size={640}
      closeOnClickOutside={false}
      title={person ? t('protected.form.editTitle', { pseudonym: person.pseudonym }) : t('protected.form.addTitle')}
    >
      <form
        noValidate
        data-testid="protected-form"
        onSubmit={form.onSubmit((values) => {
          setOtherIssues([]);
          save.mutate(values);
        })}
      >
        <Stack gap="md">
          <Grid gap="sm">
            <Grid.Col span={7}>
              <TextInput
                data-testid="protected-pseudonym"
                data-autofocus
                withAsterisk
                label={t('protected.form.pseudonym')}
                description={t('protected.form.pseudonymHint')}
                placeholder={t('protected.form.pseudonymPlaceholder')}
                {...form.getInputProps('pseudonym')}
              />
            </Grid.Col>
            <Grid.Col span={5}>
              <Select<ProtectedRole>
                data-testid="protected-role"
                label={t('protected.form.role')}
                data={PROTECTED_ROLES.map((r) => ({ value: r, label: t(`protected.roles.${r}`) }))}
                allowDeselect={false}
                {...form.getInputProps('role')}
              />
            </Grid.Col>
          </Grid>
          <Alert variant="light" color="orange" icon={<IconShieldLock size={16} />} p="xs">
            {t('protected.form.identityHint')}
          </Alert>
          <TextInput data-testid="protected-full-name" label={t('protected.fields.fullName')} {...form.getInputProps('fullName')} />
          <Textarea
            data-testid="protected-other-names"
            label={t('protected.fields.otherNames')}
            description={t('protected.form.otherNamesHint')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('otherNames')}
          />
          <Textarea data-testid="protected-contact" label={t('protected.fields.contact')} autosize minRows={2} maxRows={6} {...form.getInputProps('contact')} />
          <Textarea data-testid="protected-notes" label={t('protected.fields.notes')} autosize minRows={3} maxRows={12} {...form.getInputProps('notes')} />
          <OtherIssues issues={otherIssues} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="sm" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" size="sm" data-testid="protected-submit" loading={save.isPending}>
              {t(person ? 'protected.form.submitUpdate' : 'protected.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
