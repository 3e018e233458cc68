import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconGavel } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReviewComment, ReviewRound, WorkflowState } from '../../../../shared/contract';
import { ApiError } from '../../api/client';
import { useAppStatus } from '../../app/useAppStatus';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { notifyFailure } from '../../ui/notify';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { actorOf } from '../../../../shared/contract/channels/app';
import { DecisionForm, DecisionView } from './DecisionForm';
import { useWorkflow, useWorkflowChange } from './queries';
import { PROPOSAL_SECTIONS, ReviewForm } from './ReviewForm';

const STATUS_COLORS: Record<ReviewRound['status'], string> = { pending: 'blue', approved: 'teal', returned: 'orange', withdrawn: 'gray' };

/** The Review tab: the submission waiting for a second person, every round with its comments, and the decision. */
export function ReviewPanel({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const workflow = useWorkflow(caseId);
  const status = useAppStatus();
  if (workflow.isPending) return <Loader size="sm" m="md" />;
  if (workflow.isError) {
    const code = workflow.error instanceof ApiError ? workflow.error.code : 'INTERNAL';
    return (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${code}`)}
      </Alert>
    );
  }
  const state = workflow.data;
  const me = status.data?.identity ? actorOf(status.data.identity) : null;
  const latest = state.rounds.at(-1);
  const pending = state.stage === 'review' && latest?.status === 'pending' ? latest : null;

  return (
    <Stack gap="md" p="md" maw={1100} data-testid="review-panel">
      {state.rounds.length === 0 && state.stage !== 'decision' && (
        <PlaceholderPanel icon={<IconGavel size={28} stroke={1.4} />} title={t('workflow.review.emptyTitle')} description={t('workflow.review.empty')} />
      )}
      {pending && !readOnly && <ReviewForm key={pending.id} caseId={caseId} round={pending} isAuthor={me === pending.submittedBy} />}
      {state.stage === 'decision' && (state.decision ? <DecisionView decision={state.decision} /> : !readOnly && <DecisionForm caseId={caseId} />)}
      {state.rounds.length > 0 && (
        <Title order={2} size="h6">
          {t('workflow.review.rounds')}
        </Title>
      )}
      {[...state.rounds].reverse().map((round) => (
        <RoundCard key={round.id} state={state} round={round} readOnly={readOnly} />
      ))}
    </Stack>
  );
}

function RoundCard({ state, round, readOnly }: { state: WorkflowState; round: ReviewRound; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper withBorder p="md" data-testid="review-round" data-status={round.status} data-reference={round.reference}>
      <Stack gap="xs">
        <Group gap="sm">
          <Text ff="monospace" fw={700} size="sm">
            {round.reference}
          </Text>
          <Badge color={STATUS_COLORS[round.status]}>{t(`workflow.review.status.${round.status}`)}</Badge>
          <Text size="xs" c="dimmed">
            {t('workflow.review.submitted', { by: round.submittedBy, at: formatDateTime(round.submittedAt, language) })}
          </Text>
          {round.reviewer && round.decidedAt && (
            <Text size="xs" c="dimmed">
              {t('workflow.review.decided', { by: round.reviewer, at: formatDateTime(round.decidedAt, language) })}
            </Text>
          )}
        </Group>
        {round.summary && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {round.summary}
          </Text>
        )}
        {round.comments.map((comment) => (
          <CommentRow key={comment.id} caseId={state.caseId} comment={comment} canResolve={!readOnly && round.status === 'returned'} />
        ))}
      </Stack>
    </Paper>
  );
}

function CommentRow({ caseId, comment, canResolve }: { caseId: string; comment: ReviewComment; canResolve: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const resolve = useWorkflowChange('workflow.review.resolve', { onError: notifyFailure });
  const resolved = comment.resolvedAt !== null;
  // A proposal section the UI knows gets its name; another (from a newer version) shows its id.
  const section = comment.anchor.type === 'proposal_section' ? PROPOSAL_SECTIONS.find((s) => s === comment.anchorLabel) : undefined;
  const label = section ? t(`workflow.review.sections.${section}`) : comment.anchorLabel;
  const anchor = t(`workflow.review.anchorLabels.${comment.anchor.type}`, { label });
  return (
    <Paper
      p="xs"
      bg={resolved ? 'gray.0' : 'orange.0'}
      data-testid="review-comment"
      data-resolved={resolved}
      data-anchor-type={comment.anchor.type}
      style={{ borderLeft: `3px solid var(--mantine-color-${resolved ? 'gray' : 'orange'}-5)` }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Text size="xs" fw={600} data-testid="review-comment-anchor">
            {anchor}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {comment.body}
          </Text>
          <Text size="xs" c="dimmed">
            {comment.author}, {formatDateTime(comment.at, language)}
            {resolved && ` · ${t('workflow.review.resolvedBy', { by: comment.resolvedBy ?? '', at: formatDateTime(comment.resolvedAt ?? '', language) })}`}
          </Text>
        </Stack>
        {canResolve && !resolved && (
          <Button
            data-testid="review-comment-resolve"
            size="xs"
            variant="light"
            leftSection={<IconCheck size={12} />}
            loading={resolve.isPending}
            onClick={() => resolve.mutate({ caseId, commentId: comment.id })}
          >
            {t('workflow.review.resolve')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
