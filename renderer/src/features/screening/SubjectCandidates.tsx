import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconRadar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DesignatedPerson, SubjectScreening } from '../../../../shared/contract/channels/screening';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { AuthorityBadge } from '../lists/AuthorityBadge';
import { useLists } from '../lists/queries';
import { CandidateCard } from './CandidateCard';
import { percent } from './format';
import { useRunScreening } from './queries';

interface Props {
  screening: SubjectScreening;
  caseId: string | null;
  readOnly: boolean;
}

/** One subject: when it was screened, and each designated person who may be it, with their entries. */
export function SubjectCandidates({ screening, caseId, readOnly }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const run = useRunScreening();
  const { subject, persons } = screening;
  const pending = persons.reduce((n, p) => n + p.candidates.filter((c) => c.decision === 'pending').length, 0);
  const lists = useLists();
  // The service says which lists are unscreened; a subject with no candidate that is unscreened
  // against every list has never been screened, otherwise it is behind a newer list or an edit.
  const status: 'never' | 'stale' | 'screened' =
    screening.unscreenedLists.length === 0 && screening.screenedAt
      ? 'screened'
      : persons.length === 0 && screening.unscreenedLists.length >= (lists.data?.lists.length ?? 0)
        ? 'never'
        : 'stale';
  return (
    <Paper withBorder p="sm" data-testid="screening-subject" data-subject={subject.reference}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap={8} wrap="wrap" miw={0}>
            <Text ff="monospace" size="xs" fw={600}>
              {subject.reference}
            </Text>
            <Text fw={700}>{subject.displayName}</Text>
            <Badge color="gray" variant="light">
              {t(`subjectTypes.${subject.type}`)}
            </Badge>
            {pending > 0 && (
              <Badge color="yellow" variant="light" data-testid="screening-subject-pending">
                {t('screening.subject.pending', { count: pending })}
              </Badge>
            )}
          </Group>
          <Group gap={8} wrap="nowrap">
            <Text size="xs" c={status === 'screened' ? 'dimmed' : 'orange.8'} style={{ whiteSpace: 'nowrap' }} data-testid="screening-subject-status" data-status={status}>
              {status === 'never'
                ? t('screening.subject.never')
                : status === 'stale' || !screening.screenedAt
                  ? t('screening.subject.stale', { count: screening.unscreenedLists.length })
                  : t('screening.subject.screenedAt', { at: formatDateTime(screening.screenedAt, language) })}
            </Text>
            {!readOnly && (
              <Button
                variant="default"
                leftSection={<IconRadar size={14} />}
                loading={run.isPending}
                onClick={() => run.mutate({ scope: 'subject', subjectId: subject.id })}
                data-testid="screening-run-subject"
              >
                {t('screening.run.subject')}
              </Button>
            )}
          </Group>
        </Group>
        {persons.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="screening-subject-none">
            {status === 'never' ? t('screening.subject.notYet') : t('screening.subject.none')}
          </Text>
        ) : (
          persons.map((person) => <PersonGroup key={person.key} person={person} caseId={caseId} readOnly={readOnly} />)
        )}
      </Stack>
    </Paper>
  );
}

function PersonGroup({ person, caseId, readOnly }: { person: DesignatedPerson; caseId: string | null; readOnly: boolean }) {
  const { t } = useTranslation();
  const several = person.candidates.length > 1;
  return (
    <Stack gap={6} data-testid="screening-person" pl={several ? 'xs' : 0} style={several ? { borderLeft: '2px solid var(--mantine-color-slate-2)' } : undefined}>
      <Group gap={8} wrap="wrap">
        <Text size="sm" fw={600}>
          {person.name}
        </Text>
        {person.authorities.map((a) => (
          <AuthorityBadge key={a} authority={a} />
        ))}
        <Text size="xs" c="dimmed">
          {t('screening.person.best', { score: percent(person.bestScore) })}
        </Text>
        {several && (
          <Text size="xs" c="dimmed">
            {t('screening.person.listedTimes', { count: person.candidates.length })}
            {person.linkedBy.length > 0 && ` · ${person.linkedBy.map((l) => t(`screening.person.linkedBy.${l}`)).join(', ')}`}
          </Text>
        )}
      </Group>
      {person.candidates.map((c) => (
        <CandidateCard key={c.id} candidate={c} caseId={caseId} readOnly={readOnly} />
      ))}
    </Stack>
  );
}
