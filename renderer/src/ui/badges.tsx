import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AllegationStatus, CaseStatus, Stage } from '../../../shared/domain/workflow';

// Early stages stay quiet; colour strengthens as a case nears a decision.
const STAGE_COLORS: Record<Stage, string> = {
  intake: 'gray',
  assessment: 'blue',
  investigation: 'indigo',
  findings: 'violet',
  proposal: 'grape',
  review: 'orange',
  decision: 'teal',
};

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage]} data-stage={stage}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}

export function CaseStatusBadge({ status, testId }: { status: CaseStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      data-testid={testId}
      data-status={status}
      color={status === 'open' ? 'green' : 'gray'}
      variant={status === 'open' ? 'light' : 'filled'}
    >
      {t(`caseStatus.${status}`)}
    </Badge>
  );
}

const ALLEGATION_COLORS: Record<AllegationStatus, string> = {
  alleged: 'gray',
  substantiated: 'teal',
  not_substantiated: 'red',
};

export function AllegationStatusBadge({ status }: { status: AllegationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ALLEGATION_COLORS[status]} data-status={status}>
      {t(`allegationStatus.${status}`)}
    </Badge>
  );
}
