import { Alert, Box, Button, Group, Loader, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconFileCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Measure } from '../../../../shared/contract/channels/documents';
import { ApiError, invoke } from '../../api/client';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { caseKeys } from '../cases/queries';
import { useCaseSubjects } from '../subjects/queries';
import { IssuedDocuments } from './IssuedDocuments';
import { ProblemList } from './ProblemList';
import { ProposalForm } from './ProposalForm';
import { ProposalPreview } from './ProposalPreview';
import { initialChoices, requestFor, type ProposalChoices } from './proposalForm';
import { documentKeys, useProposalPreview } from './queries';

/**
 * The Proposals tab: choose the measure(s), subjects and language; see the draft exactly as it
 * will print (the same HTML the PDF is printed from, in a sandboxed frame), with what keeps it
 * from being issued; issue it (one document per measure); and the documents issued so far.
 */
export function ProposalsPanel({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const subjects = useCaseSubjects(caseId);
  const [choices, setChoices] = useState<ProposalChoices | null>(null);
  const [shown, setShown] = useState<Measure>('asset_freeze');

  // Until the investigator chooses otherwise: every subject of the case.
  const current = choices ?? initialChoices(subjects.data?.map((s) => s.subject.id) ?? []);
  const [settled] = useDebouncedValue(current, 400);
  const previewMeasure = current.measures.includes(shown) ? shown : current.measures[0];
  const request = requestFor(caseId, previewMeasure, settled);
  const preview = useProposalPreview(request);

  const issue = useMutation({
    mutationFn: async () => {
      const issued = [];
      for (const measure of current.measures) {
        const next = requestFor(caseId, measure, current);
        if (next) issued.push(await invoke('documents.issue', next));
      }
      return issued;
    },
    onSuccess: (issued) => {
      for (const doc of issued) notifySuccess((tt) => tt('proposals.issued', { number: doc.number, version: doc.version }));
    },
    onError: notifyFailure,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: documentKeys.list(caseId) });
      void queryClient.invalidateQueries({ queryKey: ['documents', caseId, 'preview'] });
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    },
  });

  if (subjects.isPending) {
    return (
      <Group justify="center" p="xl">
        <Loader size="sm" />
      </Group>
    );
  }
  if (subjects.data?.length === 0) {
    return <PlaceholderPanel icon={<IconFileCertificate size={28} stroke={1.4} />} title={t('workspace.tabs.proposals')} description={t('proposals.noSubjects')} />;
  }

  const problems = preview.data?.problems ?? [];
  const canIssue = !readOnly && request !== null && preview.data !== undefined && !preview.isFetching && problems.length === 0 && current.measures.length > 0;
  return (
    <Box h="100%" style={{ display: 'flex', minHeight: 0 }} data-testid="proposals-panel">
      <ScrollArea w={380} miw={380} h="100%" style={{ borderRight: '1px solid var(--mantine-color-default-border)' }}>
        <Stack gap="sm" p="md">
          {/* What keeps it from being issued comes first: it is what the investigator has to act on. */}
          {current.measures.length === 0 && <Text size="sm" c="red">{t('proposals.chooseMeasure')}</Text>}
          {current.subjectIds.length === 0 && <Text size="sm" c="red">{t('proposals.chooseSubject')}</Text>}
          {preview.data && problems.length > 0 && <ProblemList problems={problems} />}
          {preview.data && problems.length === 0 && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />} data-testid="proposal-ready">
              {t('proposals.ready')}
            </Alert>
          )}
          {preview.isError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
              {t(`errors.${preview.error instanceof ApiError ? preview.error.code : 'INTERNAL'}`)}
            </Alert>
          )}
          <ProposalForm caseId={caseId} shown={previewMeasure} subjects={subjects.data ?? []} value={current} onChange={setChoices} disabled={issue.isPending} />
          {!readOnly && (
            <Stack gap={4}>
              <Button data-testid="proposal-issue" disabled={!canIssue} loading={issue.isPending} onClick={() => issue.mutate()}>
                {t('proposals.issue', { count: current.measures.length })}
              </Button>
              <Text size="xs" c="dimmed">
                {t('proposals.issueHint')}
              </Text>
            </Stack>
          )}
          <IssuedDocuments caseId={caseId} />
        </Stack>
      </ScrollArea>
      <Box flex={1} miw={0} style={{ display: 'flex', flexDirection: 'column' }}>
        <Group px="md" py={6} gap="sm" justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Group gap="sm">
            <Title order={5}>{t('proposals.preview')}</Title>
            {preview.data && (
              <Text size="sm" c="dimmed" data-testid="proposal-number">
                {t('proposals.previewOf', { number: preview.data.number, version: preview.data.version })}
              </Text>
            )}
            {preview.isFetching && <Loader size="xs" aria-label={t('proposals.previewing')} />}
          </Group>
          {current.measures.length > 1 && previewMeasure && (
            <SegmentedControl
              size="xs"
              data-testid="proposal-preview-measure"
              value={previewMeasure}
              onChange={(v) => setShown(v as Measure)}
              data={current.measures.map((m) => ({ value: m, label: t(`proposals.measure.${m}`) }))}
            />
          )}
        </Group>
        <Box flex={1} mih={0}>
          <ProposalPreview html={preview.data?.html ?? null} />
        </Box>
      </Box>
    </Box>
  );
}
