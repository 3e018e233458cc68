import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowBackUp, IconArrowRight, IconCheck, IconCircleDashed, IconShieldCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, GateCheck, WaivableCheckId, WorkflowState } from '../../../../shared/contract';
import { nextStage } from '../../../../shared/contract';
import { STAGES, type Stage } from '../../../../shared/domain/workflow';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { FixLink } from './FixLink';
import { useWorkflowChange } from './queries';
import { ReasonModal } from './ReasonModal';

type Dialog = { kind: 'justify' } | { kind: 'return' } | { kind: 'waive'; check: WaivableCheckId } | null;

/** The gate into the next stage as a checklist, and the moves: advance, advance with a justification, return. */
export function GatePanel({ detail, state, onNavigate }: { detail: CaseDetail; state: WorkflowState; onNavigate: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const closed = state.status === 'closed';
  const gate = state.gate;
  const to = nextStage(state.stage);
  const close = () => setDialog(null);

  const moved = (key: 'advanced' | 'returned') => (s: WorkflowState) => {
    close();
    notifySuccess((t) => t(`workflow.notify.${key}`, { stage: t(`stages.${s.stage}`) }));
  };
  const advance = useWorkflowChange('workflow.advance', { onSuccess: moved('advanced') });
  const back = useWorkflowChange('workflow.return', { onSuccess: moved('returned') });
  const waive = useWorkflowChange('workflow.waive', { onSuccess: close });
  const [returnTo, setReturnTo] = useState<Stage | null>(null);

  const unmet = gate?.checks.filter((c) => !c.met) ?? [];
  const binding = unmet.some((c) => !c.overridable);
  const earlier = STAGES.slice(0, STAGES.indexOf(state.stage));
  const submitting = to === 'review';

  return (
    <Stack gap="md" data-testid="gate-panel">
      {closed && (
        <Alert color="gray" variant="light">
          {t('workflow.gate.closed')}
        </Alert>
      )}
      {gate && (
        <Stack gap="xs" data-testid="gate-checklist" data-to={gate.to}>
          <Text size="sm" c="dimmed">
            {t('workflow.gate.intro', { stage: t(`stages.${gate.to}`) })}
          </Text>
          {gate.checks.map((check) => (
            <CheckRow
              key={check.id}
              caseId={detail.id}
              check={check}
              readOnly={closed}
              onWaive={(id) => setDialog({ kind: 'waive', check: id })}
              onNavigate={onNavigate}
            />
          ))}
        </Stack>
      )}
      {!gate && (
        <Text size="sm" c="dimmed">
          {t(state.decision ? 'workflow.gate.decided' : 'workflow.gate.decideHere')}
        </Text>
      )}

      {!closed && (
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            {to && (
              <Button
                data-testid="advance"
                size="sm"
                leftSection={<IconArrowRight size={14} />}
                disabled={!gate?.met}
                loading={advance.isPending && dialog === null}
                onClick={() => advance.mutate({ caseId: state.caseId, from: state.stage, justification: null }, { onError: notifyFailure })}
              >
                {submitting ? t('workflow.actions.submitForReview') : t('workflow.actions.advanceTo', { stage: t(`stages.${to}`) })}
              </Button>
            )}
            {to && unmet.length > 0 && !binding && (
              <Button data-testid="advance-anyway" size="sm" variant="default" onClick={() => setDialog({ kind: 'justify' })}>
                {t('workflow.actions.advanceAnyway')}
              </Button>
            )}
          </Group>
          {earlier.length > 0 && !state.decision && (
            <Button
              data-testid="return-stage"
              size="sm"
              variant="subtle"
              color="gray"
              leftSection={<IconArrowBackUp size={14} />}
              onClick={() => {
                setReturnTo(earlier.at(-1) ?? null);
                setDialog({ kind: 'return' });
              }}
            >
              {t('workflow.actions.return')}
            </Button>
          )}
        </Group>
      )}
      {binding && !closed && (
        <Text size="xs" c="dimmed">
          {t('workflow.gate.binding')}
        </Text>
      )}

      {dialog?.kind === 'justify' && to && (
        <ReasonModal
          opened
          testId="justify"
          field="justification"
          title={t('workflow.justify.title', { stage: t(`stages.${to}`) })}
          intro={
            <Stack gap={4}>
              <Text size="sm">{t('workflow.justify.intro')}</Text>
              <List size="sm">
                {unmet.map((c) => (
                  <List.Item key={c.id}>{t(`workflow.checks.${c.id}`)}</List.Item>
                ))}
              </List>
            </Stack>
          }
          label={t('workflow.justify.label')}
          submitLabel={t('workflow.justify.submit', { stage: t(`stages.${to}`) })}
          color="orange"
          pending={advance.isPending}
          onSubmit={(text, handlers) => advance.mutate({ caseId: state.caseId, from: state.stage, justification: text }, handlers)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'waive' && (
        <ReasonModal
          opened
          testId="waive"
          field="reason"
          title={t('workflow.waive.title')}
          intro={
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t(`workflow.checks.${dialog.check}`)}
              </Text>
              <Text size="sm">{t('workflow.waive.intro')}</Text>
            </Stack>
          }
          label={t('workflow.waive.label')}
          submitLabel={t('workflow.waive.submit')}
          pending={waive.isPending}
          onSubmit={(text, handlers) => waive.mutate({ caseId: state.caseId, check: dialog.check, reason: text }, handlers)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'return' && (
        <ReasonModal
          opened
          testId="return"
          field="reason"
          title={t('workflow.returnStage.title')}
          intro={t('workflow.returnStage.intro')}
          label={t('workflow.returnStage.label')}
          submitLabel={t('workflow.returnStage.submit')}
          pending={back.isPending}
          onSubmit={(text, handlers) =>
            returnTo && back.mutate({ caseId: state.caseId, from: state.stage, to: returnTo, reason: text }, handlers)
          }
          onClose={close}
        >
          <Select
            data-testid="return-to"
            label={t('workflow.returnStage.to')}
            allowDeselect={false}
            value={returnTo}
            onChange={(v) => setReturnTo(v as Stage | null)}
            data={earlier.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            comboboxProps={{ withinPortal: true }}
          />
        </ReasonModal>
      )}
    </Stack>
  );
}

function CheckRow({
  caseId,
  check,
  readOnly,
  onWaive,
  onNavigate,
}: {
  caseId: string;
  check: GateCheck;
  readOnly: boolean;
  onWaive: (id: WaivableCheckId) => void;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = check.waiver ? 'waived' : check.met ? 'met' : 'unmet';
  const icon = {
    met: <ThemeIcon size="sm" radius="xl" color="teal"><IconCheck size={12} /></ThemeIcon>,
    waived: <ThemeIcon size="sm" radius="xl" color="gray" variant="light"><IconShieldCheck size={12} /></ThemeIcon>,
    unmet: <ThemeIcon size="sm" radius="xl" color={check.overridable ? 'orange' : 'red'} variant="light"><IconX size={12} /></ThemeIcon>,
  }[state];
  return (
    <Paper withBorder p="xs" data-testid="gate-check" data-check={check.id} data-state={state}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {icon}
        <Stack gap={4} flex={1} miw={0}>
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm" fw={500}>
              {t(`workflow.checks.${check.id}`)}
            </Text>
            {check.waivable && !check.waiver && !check.met && !readOnly && (
              <Anchor component="button" size="xs" data-testid="waive-check" onClick={() => onWaive(check.id as WaivableCheckId)}>
                {t('workflow.waive.button')}
              </Anchor>
            )}
          </Group>
          {check.waiver && (
            <Text size="xs" c="dimmed" data-testid="waiver">
              <Badge size="xs" color="gray" variant="light" mr={4}>
                {t('workflow.waive.waived')}
              </Badge>
              {check.waiver.reason} — {check.waiver.by}, {formatDateTime(check.waiver.at, language)}
            </Text>
          )}
          {check.missing.length > 0 && (
            <List size="xs" spacing={2} icon={<IconCircleDashed size={10} style={{ marginTop: 3 }} />}>
              {check.missing.map((item, i) => (
                <List.Item key={`${item.problem}:${item.label ?? ''}:${i}`} data-testid="gate-item" data-problem={item.problem}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {t(`workflow.problems.${item.problem}`, { label: item.label ?? '' })}
                    </Text>
                    <FixLink caseId={caseId} item={item} readOnly={readOnly} onNavigate={onNavigate} />
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
