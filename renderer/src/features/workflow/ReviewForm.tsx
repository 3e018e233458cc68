import { ActionIcon, Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ANCHOR_TYPES, ReviewRound } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { fieldErrors, isValidationError, type FieldErrors } from '../../forms/fieldErrors';
import { OtherIssues } from '../../forms/OtherIssues';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useAllegations } from '../allegations/queries';
import { useCaseSubjects } from '../subjects/queries';
import { workflowKey, useWorkflowChange } from './queries';

/** The sections of a proposal document (DOMAIN.md, "What a proposal document contains"), as comment anchors. */
export const PROPOSAL_SECTIONS = ['heading', 'measure', 'identification', 'conduct', 'exhibits', 'exculpatory', 'coordination', 'scope', 'signatures'] as const;

type AnchorType = (typeof ANCHOR_TYPES)[number];
interface Values {
  decision: 'approve' | 'return';
  summary: string;
  comments: { anchor: string | null; body: string }[];
}

/** Every part of the case a comment can be attached to, as `type:id` options grouped by kind. */
function useAnchorOptions(caseId: string) {
  const { t } = useTranslation();
  const allegations = useAllegations(caseId);
  const subjects = useCaseSubjects(caseId);
  const findings = useQuery({ queryKey: [...workflowKey(caseId), 'findings'], queryFn: () => invoke('findings.list', { caseId }) });
  const allegationRef = new Map((allegations.data ?? []).map((a) => [a.id, a.reference]));
  const subjectRef = new Map((subjects.data ?? []).map((s) => [s.subject.id, `${s.subject.reference} ${s.subject.displayName}`]));
  const targetLabel = (type: string, id: string) => (type === 'allegation' ? allegationRef.get(id) : subjectRef.get(id)) ?? id;
  return [
    {
      group: t('workflow.review.anchors.finding'),
      items: (findings.data ?? [])
        .filter((f) => f.section === 'finding')
        .map((f) => ({ value: `finding:${f.id}`, label: t('workflow.review.anchorLabels.finding', { label: targetLabel(f.target.type, f.target.id) }) })),
    },
    {
      group: t('workflow.review.anchors.reasons'),
      items: (subjects.data ?? []).map((s) => ({
        value: `reasons:${s.subject.id}`,
        label: t('workflow.review.anchorLabels.reasons', { label: targetLabel('subject', s.subject.id) }),
      })),
    },
    {
      group: t('workflow.review.anchors.allegation'),
      items: (allegations.data ?? []).map((a) => ({ value: `allegation:${a.id}`, label: a.reference })),
    },
    {
      group: t('workflow.review.anchors.proposal_section'),
      items: PROPOSAL_SECTIONS.map((s) => ({ value: `proposal_section:${s}`, label: t(`workflow.review.sections.${s}`) })),
    },
  ];
}

const toAnchor = (value: string) => {
  const at = value.indexOf(':');
  return { type: value.slice(0, at) as AnchorType, id: value.slice(at + 1) };
};

/** The reviewer's side of a pending round: approve, or return with comments each attached to a part. */
export function ReviewForm({ caseId, round, isAuthor }: { caseId: string; round: ReviewRound; isAuthor: boolean }) {
  const { t } = useTranslation();
  const options = useAnchorOptions(caseId);
  const [otherIssues, setOtherIssues] = useState<FieldErrors['other']>([]);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { decision: 'approve', summary: '', comments: [] },
    validate: {
      comments: {
        anchor: (v) => (v ? null : t('fieldIssues.required')),
        body: (v) => (v.trim() ? null : t('fieldIssues.required')),
      },
    },
  });
  const decide = useWorkflowChange('workflow.review.decide', {
    onSuccess: () => {
      notifySuccess((t) => t(form.values.decision === 'approve' ? 'workflow.review.approved' : 'workflow.review.returned', { round: round.reference }));
      form.reset();
    },
    onError: (error) => {
      if (!isValidationError(error)) return notifyFailure(error);
      const { byField, other } = fieldErrors(error.fields, (path) => /^(summary|comments\.\d+\.body)$/.test(path));
      form.setErrors(byField);
      setOtherIssues(other);
    },
  });
  const returning = form.values.decision === 'return';

  const submit = form.onSubmit((values) => {
    setOtherIssues([]);
    if (values.decision === 'return' && values.comments.length === 0) {
      form.setFieldError('comments', t('workflow.review.commentRequired'));
      return;
    }
    decide.mutate({
      caseId,
      roundId: round.id,
      decision: values.decision,
      summary: values.summary,
      comments: values.comments.map((c) => ({ anchor: toAnchor(c.anchor ?? ''), body: c.body })),
    });
  });

  return (
    <Paper withBorder p="md" data-testid="review-form">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t('workflow.review.formTitle', { round: round.reference, by: round.submittedBy })}
          </Text>
          {isAuthor && (
            <Alert color="orange" variant="light" data-testid="review-author-notice">
              {t('workflow.review.authorNotice')}
            </Alert>
          )}
          <SegmentedControl
            data-testid="review-decision"
            w="fit-content"
            data={[
              { value: 'approve', label: t('workflow.review.approve') },
              { value: 'return', label: t('workflow.review.return') },
            ]}
            {...form.getInputProps('decision')}
          />
          <Textarea
            data-testid="review-summary"
            label={t('workflow.review.summary')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('summary')}
          />
          <Stack gap="xs">
            {form.values.comments.map((_, i) => (
              <Group key={form.key(`comments.${i}`)} gap="xs" align="flex-start" wrap="nowrap" data-testid="review-comment-row">
                <Select
                  data-testid={`review-comment-anchor-${i}`}
                  w={260}
                  label={t('workflow.review.anchor')}
                  withAsterisk
                  searchable
                  data={options}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps(`comments.${i}.anchor`)}
                />
                <Textarea
                  data-testid={`review-comment-body-${i}`}
                  flex={1}
                  label={t('workflow.review.comment')}
                  withAsterisk
                  autosize
                  minRows={2}
                  {...form.getInputProps(`comments.${i}.body`)}
                />
                <Tooltip label={t('workflow.review.removeComment')}>
                  <ActionIcon variant="subtle" color="gray" mt={26} aria-label={t('workflow.review.removeComment')} onClick={() => form.removeListItem('comments', i)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
            {form.errors.comments && (
              <Text size="xs" c="red">
                {form.errors.comments}
              </Text>
            )}
            <Button
              data-testid="review-add-comment"
              variant="subtle"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={12} />}
              onClick={() => form.insertListItem('comments', { anchor: null, body: '' })}
            >
              {t('workflow.review.addComment')}
            </Button>
          </Stack>
          <OtherIssues issues={otherIssues} />
          <Group justify="flex-end">
            <Button type="submit" data-testid="review-submit" color={returning ? 'orange' : 'teal'} loading={decide.isPending} disabled={isAuthor}>
              {t(returning ? 'workflow.review.submitReturn' : 'workflow.review.submitApprove')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
