import { Alert, Box, Button, Center, Group, Loader, SegmentedControl, Stack } from '@mantine/core';
import { IconRadar, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { CoordinationMatrix } from './CoordinationMatrix';
import { ListsStatus } from './ListsStatus';
import { useCaseCandidates, useMatrix, useRunScreening } from './queries';
import { SubjectCandidates } from './SubjectCandidates';

type View = 'candidates' | 'matrix';

/**
 * The case's Screening tab: screen its subjects against the partners' lists, decide on each
 * candidate, and see the coordination matrix (who designated whom; the gap Japan leaves).
 */
export function ScreeningPanel({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'matrix' ? 'matrix' : 'candidates';
  // ?subject=<id>: opened from the workspace's matrix, at that subject's candidates.
  const [focusSubject, setFocusSubject] = useState<string | null>(params.get('subject'));
  const run = useRunScreening();
  const setView = (next: View) => {
    const copy = new URLSearchParams(params);
    if (next === 'matrix') copy.set('view', 'matrix');
    else copy.delete('view');
    setParams(copy, { replace: true });
  };

  return (
    <Box h="100%" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }} data-testid="screening-panel">
      <Group px="md" py="xs" gap="sm" justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Group gap="md" wrap="nowrap" miw={0}>
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v === 'matrix' ? 'matrix' : 'candidates')}
            data={[
              { value: 'candidates', label: t('screening.views.candidates') },
              { value: 'matrix', label: t('screening.views.matrix') },
            ]}
            data-testid="screening-view"
          />
          <ListsStatus />
        </Group>
        {!readOnly && (
          <Button
            leftSection={<IconRadar size={14} />}
            loading={run.isPending}
            onClick={() => run.mutate({ scope: 'case', caseId })}
            data-testid="screening-run-case"
            style={{ flexShrink: 0 }}
          >
            {t('screening.run.case')}
          </Button>
        )}
      </Group>
      {view === 'candidates' ? (
        <Candidates caseId={caseId} readOnly={readOnly} focusSubject={focusSubject} />
      ) : (
        <CaseMatrix
          caseId={caseId}
          onOpen={(subjectId) => {
            setFocusSubject(subjectId);
            setView('candidates');
          }}
        />
      )}
    </Box>
  );
}

function Candidates({ caseId, readOnly, focusSubject }: { caseId: string; readOnly: boolean; focusSubject: string | null }) {
  const { t } = useTranslation();
  const candidates = useCaseCandidates(caseId);
  const loaded = candidates.isSuccess;
  useEffect(() => {
    if (loaded && focusSubject) document.getElementById(`screening-subject-${focusSubject}`)?.scrollIntoView({ block: 'start' });
  }, [loaded, focusSubject]);
  if (candidates.isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  if (candidates.isError) {
    return (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${candidates.error instanceof ApiError ? candidates.error.code : 'INTERNAL'}`, { max: '' })}
      </Alert>
    );
  }
  if (candidates.data.length === 0) {
    return (
      <PlaceholderPanel icon={<IconUsers size={28} stroke={1.4} />} title={t('screening.empty.title')} description={t('screening.empty.description')} />
    );
  }
  return (
    <Box flex={1} mih={0} style={{ overflow: 'auto' }}>
      <Stack gap="sm" p="md" data-testid="screening-candidates">
        {candidates.data.map((s) => (
          <div key={s.subject.id} id={`screening-subject-${s.subject.id}`} style={{ scrollMarginTop: 8 }}>
            <SubjectCandidates screening={s} caseId={caseId} readOnly={readOnly} />
          </div>
        ))}
      </Stack>
    </Box>
  );
}

function CaseMatrix({ caseId, onOpen }: { caseId: string; onOpen: (subjectId: string) => void }) {
  const { t } = useTranslation();
  const matrix = useMatrix(caseId);
  if (matrix.isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  }
  if (matrix.isError) {
    return (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${matrix.error instanceof ApiError ? matrix.error.code : 'INTERNAL'}`, { max: '' })}
      </Alert>
    );
  }
  return <CoordinationMatrix matrix={matrix.data} onOpen={(row) => onOpen(row.subject.id)} />;
}
