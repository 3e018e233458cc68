import { Badge, Box, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreeningCandidate } from '../../../../shared/contract/channels/screening';
import { formatDateTime, formatPartialDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { AuthorityBadge } from '../lists/AuthorityBadge';
import { DecisionForm } from './DecisionForm';
import { EntryDetails } from './EntryDetails';
import { percent, scoreColor } from './format';
import { Reasons } from './Reasons';

const DECISION_COLORS = { pending: 'yellow', confirmed: 'red', rejected: 'gray' } as const;

interface Props {
  candidate: ScreeningCandidate;
  caseId: string | null;
  readOnly: boolean;
}

/**
 * One entry on one list that may be the subject: where it is listed, the score and its reasons, the
 * entry itself on request, and the investigator's decision (or the form to make it).
 */
export function CandidateCard({ candidate: c, caseId, readOnly }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [showEntry, setShowEntry] = useState(false);
  const [changing, setChanging] = useState(false);
  const decided = c.decision !== 'pending';
  return (
    <Box
      data-testid="candidate"
      data-decision={c.decision}
      data-list={c.listKey}
      data-ref={c.listRef}
      p="xs"
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderLeft: `4px solid var(--mantine-color-${DECISION_COLORS[c.decision]}-${c.decision === 'rejected' ? 4 : 6})`,
        borderRadius: 'var(--mantine-radius-sm)',
        background: c.decision === 'rejected' ? 'var(--mantine-color-gray-0)' : undefined,
      }}
    >
      <Stack gap={6}>
        <Group gap={8} wrap="nowrap" justify="space-between" align="flex-start">
          <Group gap={8} wrap="wrap" miw={0}>
            <AuthorityBadge authority={c.seen.authority} />
            <Text size="sm" fw={600}>
              {c.seen.listName}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              {t('screening.candidate.ref', { ref: c.listRef })}
            </Text>
            {c.seen.programmes.map((p) => (
              <Badge key={p} variant="outline" color="gray">
                {p}
              </Badge>
            ))}
            <Text size="xs" c="dimmed">
              {c.seen.listedOn ? t('screening.candidate.listedOn', { date: formatPartialDate(c.seen.listedOn, language) }) : t('screening.candidate.listedOnUnknown')}
            </Text>
            {!c.current && (
              <Badge color="gray" variant="filled" data-testid="candidate-not-current">
                {c.entry ? t('screening.candidate.noLongerMatches') : t('screening.candidate.delisted')}
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="nowrap">
            <Badge color={scoreColor(c.score)} variant="filled" size="md" data-testid="candidate-score" title={t('screening.candidate.score')}>
              {percent(c.score)}
            </Badge>
            <Badge color={DECISION_COLORS[c.decision]} variant={decided ? 'filled' : 'light'} size="md" data-testid="candidate-decision">
              {t(`screening.decisions.${c.decision}`)}
            </Badge>
          </Group>
        </Group>
        <Reasons reasons={c.reasons} />
        <Group gap="xs">
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={showEntry ? <IconChevronDown size={12} /> : <IconChevronRight size={12} />}
            onClick={() => setShowEntry((s) => !s)}
            aria-expanded={showEntry}
            data-testid="candidate-entry-toggle"
          >
            {showEntry ? t('screening.candidate.hideEntry') : t('screening.candidate.showEntry')}
          </Button>
        </Group>
        <Collapse expanded={showEntry}>
          {c.entry ? (
            <EntryDetails entry={c.entry} />
          ) : (
            <Text size="xs" c="dimmed">
              {t('screening.candidate.entryGone', { name: c.seen.name })}
            </Text>
          )}
        </Collapse>
        {decided && !changing && (
          <Group gap="xs" justify="space-between" wrap="nowrap" data-testid="candidate-decided">
            <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
              {t(c.decision === 'confirmed' ? 'screening.decision.confirmedBy' : 'screening.decision.rejectedBy', {
                by: c.decidedBy ?? '',
                at: c.decidedAt ? formatDateTime(c.decidedAt, language) : '',
              })}
              {c.note && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  {t('screening.decision.noteQuoted', { note: c.note })}
                </Text>
              )}
            </Text>
            {!readOnly && (
              <Button variant="subtle" size="compact-xs" onClick={() => setChanging(true)} data-testid="candidate-change">
                {t('screening.decision.change')}
              </Button>
            )}
          </Group>
        )}
        {!readOnly && (!decided || changing) && (
          <DecisionForm candidate={c} caseId={caseId} onDone={() => setChanging(false)} onCancel={changing ? () => setChanging(false) : undefined} />
        )}
      </Stack>
    </Box>
  );
}
