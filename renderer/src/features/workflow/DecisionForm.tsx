import { Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../shared/contract';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useWorkflowChange } from './queries';

const FIELDS = ['noticeDate', 'noticeNumber', 'reviewDate', 'reasons'] as const;
interface Values {
  outcome: Decision['outcome'];
  noticeDate: string;
  noticeNumber: string;
  reviewDate: string;
  reasons: string;
}

/** Records the outcome: designated (public notice date and number, review date) or not designated (reasons). */
export function DecisionForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { outcome: 'designated', noticeDate: '', noticeNumber: '', reviewDate: '', reasons: '' },
  });
  const record = useWorkflowChange('workflow.decide', {
    onSuccess: () => notifySuccess((t) => t('workflow.decision.recorded')),
    onError: (error) => {
      if (!isValidationError(error)) return notifyFailure(error);
      const { byField, other } = fieldErrors(error.fields, (path) => (FIELDS as readonly string[]).includes(path));
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });
  const designated = form.values.outcome === 'designated';
  const orNull = (v: string) => (v.trim() ? v.trim() : null);

  return (
    <Paper withBorder p="md" data-testid="decision-form">
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setOtherIssues([]);
          record.mutate({
            caseId,
            outcome: v.outcome,
            noticeDate: designated ? orNull(v.noticeDate) : null,
            noticeNumber: designated ? orNull(v.noticeNumber) : null,
            reviewDate: designated ? orNull(v.reviewDate) : null,
            reasons: v.reasons,
          });
        })}
      >
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t('workflow.decision.title')}
          </Text>
          <SegmentedControl
            data-testid="decision-outcome"
            w="fit-content"
            data={[
              { value: 'designated', label: t('workflow.decision.outcomes.designated') },
              { value: 'not_designated', label: t('workflow.decision.outcomes.not_designated') },
            ]}
            {...form.getInputProps('outcome')}
          />
          {designated && (
            <Group gap="sm" align="flex-start">
              <TextInput type="date" data-testid="decision-notice-date" label={t('workflow.decision.noticeDate')} withAsterisk {...form.getInputProps('noticeDate')} />
              <TextInput
                data-testid="decision-notice-number"
                label={t('workflow.decision.noticeNumber')}
                placeholder={t('workflow.decision.noticeNumberPlaceholder')}
                withAsterisk
                w={260}
                {...form.getInputProps('noticeNumber')}
              />
              <TextInput type="date" data-testid="decision-review-date" label={t('workflow.decision.reviewDate')} withAsterisk {...form.getInputProps('reviewDate')} />
            </Group>
          )}
          <Textarea
            data-testid="decision-reasons"
            label={t('workflow.decision.reasons')}
            withAsterisk={!designated}
            autosize
            minRows={3}
            {...form.getInputProps('reasons')}
          />
          <OtherIssues issues={otherIssues} />
          <Group justify="flex-end">
            <Button type="submit" data-testid="decision-submit" loading={record.isPending}>
              {t('workflow.decision.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function DecisionView({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, string | null][] = [
    [t('workflow.decision.outcome'), t(`workflow.decision.outcomes.${decision.outcome}`)],
    [t('workflow.decision.noticeDate'), decision.noticeDate],
    [t('workflow.decision.noticeNumber'), decision.noticeNumber],
    [t('workflow.decision.reviewDate'), decision.reviewDate],
    [t('workflow.decision.reasons'), decision.reasons || null],
    [t('workflow.decision.recordedBy'), `${decision.recordedBy}, ${formatDateTime(decision.recordedAt, language)}`],
  ];
  return (
    <Paper withBorder p="md" data-testid="decision-view" data-outcome={decision.outcome}>
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('workflow.decision.recordedTitle')}
        </Text>
        {rows
          .filter(([, value]) => value !== null)
          .map(([label, value]) => (
            <Group key={label} gap="sm" wrap="nowrap" align="flex-start">
              <Text size="sm" c="dimmed" w={160} style={{ flexShrink: 0 }}>
                {label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {value}
              </Text>
            </Group>
          ))}
      </Stack>
    </Paper>
  );
}
