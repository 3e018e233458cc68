import { Alert, Badge, Box, Group, Loader, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Finding, FindingOutcome, FindingTarget } from '../../../../shared/contract/channels/findings';
import { CONDUCT_CATEGORIES } from '../../../../shared/domain/conduct-categories';
import { ApiError } from '../../api/client';
import { formatFuzzyDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { useAllegations } from '../allegations/queries';
import { RichTextEnvContext, type RichTextEnv } from '../richtext/env';
import { shortcutLabel } from '../richtext/shortcuts';
import { useCaseSubjects } from '../subjects/queries';
import { flushAll, installPageExitFlush, saverKey } from './documentSaver';
import { FindingDocument } from './FindingDocument';
import { findingOf, useFindings } from './queries';

const OUTCOME_COLORS: Record<FindingOutcome, string> = { met: 'teal', not_met: 'red', undetermined: 'gray' };

function OutcomeBadge({ finding }: { finding: Finding | undefined }) {
  const { t } = useTranslation();
  const outcome = finding?.outcome ?? null;
  if (!outcome) {
    return (
      <Badge color="gray" variant="outline" data-outcome="none">
        {t('findings.outcome.none')}
      </Badge>
    );
  }
  return (
    <Badge color={OUTCOME_COLORS[outcome]} data-outcome={outcome}>
      {t(`findings.outcome.${outcome}`)}
    </Badge>
  );
}

const parseTarget = (value: string | null): FindingTarget | null => {
  const [type, id] = value?.split(':') ?? [];
  return (type === 'allegation' || type === 'subject') && id ? { type, id } : null;
};

/**
 * The Findings tab: per allegation, whether the standard of proof is met and why; per subject of the
 * case, the same, and the statement of reasons. A list of what findings are due on the left, the
 * chosen one's texts on the right (`?on=allegation:<id>` keeps the choice across tabs and Back; a search hit opens `?finding=<id>`).
 */
export function FindingsPanel({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const allegations = useAllegations(caseId);
  const subjects = useCaseSubjects(caseId);
  const findings = useFindings(caseId);

  // Leaving the tab or the case saves what is pending; so does the page going away.
  useEffect(() => {
    installPageExitFlush();
    return () => flushAll();
  }, []);

  const env = useMemo<RichTextEnv>(
    () => ({
      caseId,
      openExhibit: (itemId) => {
        flushAll();
        void navigate(`/cases/${caseId}/evidence?item=${encodeURIComponent(itemId)}`);
      },
      openSubject: () => {
        flushAll();
        void navigate(`/cases/${caseId}/subjects`);
      },
    }),
    [caseId, navigate],
  );

  const failed = [allegations, subjects, findings].find((q) => q.isError)?.error;
  if (failed) {
    return (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${failed instanceof ApiError ? failed.code : 'INTERNAL'}`)}
      </Alert>
    );
  }
  if (!allegations.data || !subjects.data || !findings.data) return <Loader size="sm" m="md" />;

  const categoryLabel = (code: string) => CONDUCT_CATEGORIES.find((c) => c.code === code)?.[language] ?? code;
  const period = (date: Parameters<typeof formatFuzzyDate>[0]) =>
    formatFuzzyDate(date, language, { unknown: t('fuzzyDate.unknown'), range: (from, to) => t('fuzzyDate.range', { from, to }) });

  const items: { target: FindingTarget; label: string; detail: string }[] = [
    ...allegations.data.map((a) => ({
      target: { type: 'allegation' as const, id: a.id },
      label: `${a.reference} · ${categoryLabel(a.category)}`,
      detail: [a.place, period(a.period)].filter(Boolean).join(' · '),
    })),
    ...subjects.data.map(({ subject }) => ({
      target: { type: 'subject' as const, id: subject.id },
      label: `${subject.reference} · ${subject.displayName}`,
      detail: t(`subjectTypes.${subject.type}`),
    })),
  ];
  if (items.length === 0) {
    return (
      <PlaceholderPanel
        icon={<IconListCheck size={28} stroke={1.4} />}
        title={t('findings.empty.title')}
        description={t('findings.empty.description')}
      />
    );
  }
  const requested = parseTarget(params.get('on')) ?? findings.data.find((f) => f.id === params.get('finding'))?.target ?? null;
  const selected = items.find((i) => i.target.type === requested?.type && i.target.id === requested.id) ?? items[0]!;
  const select = (target: FindingTarget) => {
    const next = new URLSearchParams(params);
    next.set('on', `${target.type}:${target.id}`);
    setParams(next, { replace: true });
  };
  const stored = (section: Finding['section']) => findingOf(findings.data, selected.target.type, selected.target.id, section);

  const navItem = (item: (typeof items)[number]) => (
    <NavLink
      key={`${item.target.type}:${item.target.id}`}
      active={item === selected}
      onClick={() => select(item.target)}
      label={
        <Text size="sm" truncate="end">
          {item.label}
        </Text>
      }
      description={
        <Text size="xs" c="dimmed" truncate="end">
          {item.detail}
        </Text>
      }
      rightSection={<OutcomeBadge finding={findingOf(findings.data, item.target.type, item.target.id, 'finding')} />}
      title={`${item.label}\n${item.detail}`}
      data-testid="finding-target"
      data-target={`${item.target.type}:${item.target.id}`}
      py={6}
    />
  );
  const allegationItems = items.filter((i) => i.target.type === 'allegation');
  const subjectItems = items.filter((i) => i.target.type === 'subject');
  const documentProps = { caseId, target: selected.target, readOnly };

  return (
    <RichTextEnvContext.Provider value={env}>
      <Box style={{ display: 'flex', height: '100%', minHeight: 0 }} data-testid="findings-panel">
        <ScrollArea w={300} miw={300} style={{ borderRight: '1px solid var(--mantine-color-gray-2)' }} type="auto">
          <Stack gap={0} py="xs">
            <Text size="xs" fw={600} c="dimmed" px="sm" py={4}>
              {t('findings.allegations')}
            </Text>
            {allegationItems.length ? (
              allegationItems.map(navItem)
            ) : (
              <Text size="xs" c="dimmed" px="sm" pb="xs">
                {t('findings.noAllegations')}
              </Text>
            )}
            <Text size="xs" fw={600} c="dimmed" px="sm" pt="sm" pb={4}>
              {t('findings.subjects')}
            </Text>
            {subjectItems.length ? (
              subjectItems.map(navItem)
            ) : (
              <Text size="xs" c="dimmed" px="sm">
                {t('findings.noSubjects')}
              </Text>
            )}
          </Stack>
        </ScrollArea>
        <ScrollArea flex={1} type="auto">
          <Stack gap="lg" p="md" maw={980}>
            <Group gap="xs" align="baseline">
              <Title order={3} fz="md" data-testid="finding-heading">
                {selected.label}
              </Title>
              <Text size="sm" c="dimmed">
                {selected.detail}
              </Text>
            </Group>
            <FindingDocument
              key={saverKey(caseId, selected.target, 'finding')}
              {...documentProps}
              section="finding"
              stored={stored('finding')}
              title={t('findings.finding')}
              placeholder={t('findings.findingPlaceholder', { shortcut: shortcutLabel('exhibit') })}
              testId="finding"
            />
            {selected.target.type === 'subject' && (
              <FindingDocument
                key={saverKey(caseId, selected.target, 'reasons')}
                {...documentProps}
                section="reasons"
                stored={stored('reasons')}
                title={t('findings.reasons')}
                placeholder={t('findings.reasonsPlaceholder')}
                testId="reasons"
              />
            )}
          </Stack>
        </ScrollArea>
      </Box>
    </RichTextEnvContext.Provider>
  );
}
