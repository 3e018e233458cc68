import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { APP_STATUS_KEY } from '../../app/useAppStatus';
import { fieldErrors, isValidationError } from '../../forms/fieldErrors';
import { notifyFailure } from '../../ui/notify';

type IdentityValues = ChannelInput<'identity.set'>;

const FIELDS = new Set(['name', 'organisation']);

/** Who the investigator is; stamped on every history and custody event from now on. */
export function IdentityForm({ initial, onSaved }: { initial: IdentityValues | null; onSaved?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<IdentityValues>({ initialValues: initial ?? { name: '', organisation: '' } });
  const save = useMutation({
    mutationFn: (values: IdentityValues) => invoke('identity.set', values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: APP_STATUS_KEY });
      onSaved?.();
    },
    onError: (error) => {
      if (!isValidationError(error)) return notifyFailure(error);
      form.setErrors(fieldErrors(error.fields, (path) => FIELDS.has(path)).byField);
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        <TextInput
          label={t('identity.name')}
          placeholder={t('identity.namePlaceholder')}
          data-testid="identity-name"
          data-autofocus
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('identity.organisation')}
          placeholder={t('identity.organisationPlaceholder')}
          data-testid="identity-organisation"
          {...form.getInputProps('organisation')}
        />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={save.isPending} data-testid="identity-submit">
            {t('identity.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
