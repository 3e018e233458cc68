import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isValidationError } from '../../forms/fieldErrors';
import { notifyFailure } from '../../ui/notify';

interface Props {
  opened: boolean;
  title: string;
  intro: ReactNode;
  label: string;
  submitLabel: string;
  /** Where the server reports an issue with the typed text ("justification", "reason"). */
  field: string;
  color?: string;
  pending: boolean;
  testId: string;
  /** More inputs above the text (e.g. the stage to return to). */
  children?: ReactNode;
  onSubmit: (text: string, handlers: { onError: (error: unknown) => void }) => void;
  onClose: () => void;
}

/**
 * Asks for the words that go into the case history with a workflow step: a justification to move
 * past unmet checks, a reason to waive a check or to go back. Nothing is sent without them.
 */
export function ReasonModal({ opened, title, intro, label, submitLabel, field, color, pending, testId, children, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { text: '' },
    validate: { text: (v) => (v.trim() ? null : t('fieldIssues.required')) },
  });
  const dismiss = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit(({ text }) =>
    onSubmit(text, {
      onError: (error) => {
        if (!isValidationError(error)) return notifyFailure(error);
        const { byField, other } = fieldErrors(error.fields, (path) => path === field);
        form.setErrors({ text: byField[field] ?? (other[0] && t(`fieldIssues.${other[0].issue.code}`)) });
      },
    }),
  );
  return (
    <Modal opened={opened} onClose={dismiss} size="md" title={title}>
      <form noValidate onSubmit={submit} data-testid={testId}>
        <Stack gap="md">
          <Text size="sm" component="div">
            {intro}
          </Text>
          {children}
          <Textarea
            data-testid={`${testId}-text`}
            data-autofocus
            label={label}
            withAsterisk
            autosize
            minRows={3}
            maxRows={10}
            onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}
            {...form.getInputProps('text')}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="sm" onClick={dismiss}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" size="sm" color={color} loading={pending} data-testid={`${testId}-submit`}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
