import { Badge, Box, Button, Drawer, Group, Loader, Stepper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconGavel } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract';
import { STAGES } from '../../../../shared/domain/workflow';
import { GatePanel } from './GatePanel';
import { useWorkflow } from './queries';

/**
 * The seven stages with the current one marked, and the gate into the next: how much of it is met,
 * opening the checklist (what is missing, where to fix it, advance, return).
 */
export function WorkflowBar({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const workflow = useWorkflow(detail.id);
  const [opened, drawer] = useDisclosure(false);
  const current = STAGES.indexOf(detail.stage);
  const gate = workflow.data?.gate ?? null;
  const met = gate ? gate.checks.filter((c) => c.met).length : 0;
  const decision = workflow.data?.decision ?? null;

  return (
    <Group gap="md" wrap="nowrap" align="center" data-testid="stage-bar" data-stage={detail.stage}>
      <Box flex={1} miw={0}>
        <Stepper
          active={current}
          size="xs"
          iconSize={22}
          color={detail.status === 'closed' ? 'gray' : 'teal'}
          aria-label={t('workflow.bar.label')}
          styles={{ stepLabel: { fontSize: 'var(--mantine-font-size-xs)', whiteSpace: 'nowrap' }, separator: { marginInline: 6 } }}
        >
          {STAGES.map((stage, i) => (
            <Stepper.Step
              key={stage}
              label={t(`stages.${stage}`)}
              data-testid={`stage-step-${stage}`}
              data-state={i < current ? 'done' : i === current ? 'current' : 'ahead'}
              aria-current={i === current ? 'step' : undefined}
            />
          ))}
        </Stepper>
      </Box>
      {workflow.isPending && <Loader size="xs" />}
      {gate && (
        <Button
          data-testid="gate-open"
          data-met={gate.met}
          size="xs"
          variant={gate.met ? 'light' : 'outline'}
          color={gate.met ? 'teal' : 'orange'}
          leftSection={gate.met ? <IconCircleCheck size={14} /> : <IconAlertTriangle size={14} />}
          onClick={drawer.open}
        >
          {t('workflow.bar.gate', { stage: t(`stages.${gate.to}`), met, total: gate.checks.length })}
        </Button>
      )}
      {!gate && workflow.data && (
        <Button data-testid="gate-open" size="xs" variant="light" color="teal" leftSection={<IconGavel size={14} />} onClick={drawer.open}>
          {decision ? t(`workflow.decision.outcomes.${decision.outcome}`) : t('workflow.bar.awaitingDecision')}
        </Button>
      )}
      <Drawer
        opened={opened}
        onClose={drawer.close}
        position="right"
        size="lg"
        title={
          <Group gap="xs">
            <Text fw={600}>{gate ? t('workflow.gate.title', { stage: t(`stages.${gate.to}`) }) : t('workflow.gate.lastStage')}</Text>
            {detail.status === 'closed' && <Badge color="gray">{t('caseStatus.closed')}</Badge>}
          </Group>
        }
      >
        {workflow.data && <GatePanel detail={detail} state={workflow.data} onNavigate={drawer.close} />}
      </Drawer>
    </Group>
  );
}
