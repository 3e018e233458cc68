import { Alert, Button, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job, VerifyReport } from '../../../../shared/contract';
import type { IntegrityNoteCode } from '../../../../shared/domain/integrity-notes';
import { ApiError, invoke } from '../../api/client';
import { withValues } from '../../i18n/values';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { formatBytes, formatCount } from './format';
import { evidenceKeys } from './queries';

/** "Verify integrity": re-hash every stored file and walk every custody log of the case. */
export function VerifyIntegrity({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const start = useMutation({
    mutationFn: () => invoke('evidence.verify.start', { caseId }),
    onSuccess: ({ jobId }) => setJobId(jobId),
  });
  return (
    <>
      <Button
        variant="default"
        data-testid="evidence-verify"
        leftSection={<IconShieldCheck size={14} />}
        onClick={() => {
          setJobId(null);
          setOpen(true);
          start.mutate();
        }}
      >
        {t('evidence.verify.button')}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={t('evidence.verify.title')} size={820}>
          {start.isError ? (
            <Alert color="red" variant="light">
              {t(`errors.${start.error instanceof ApiError ? start.error.code : 'INTERNAL'}`)}
            </Alert>
          ) : jobId ? (
            <VerifyJob jobId={jobId} caseId={caseId} onClose={() => setOpen(false)} />
          ) : (
            <Text size="sm">{t('evidence.verify.starting')}</Text>
          )}
        </Modal>
      )}
    </>
  );
}

function VerifyJob({ jobId, caseId, onClose }: { jobId: string; caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: async () => {
      const answer = await invoke('jobs.get', { jobId });
      if (answer.state === 'done') {
        // A clean run adds a 'verified' entry to each item's custody log.
        void queryClient.invalidateQueries({ queryKey: evidenceKeys.lists(caseId) });
        void queryClient.invalidateQueries({ queryKey: ['evidence', 'detail'] });
      }
      return answer;
    },
    refetchInterval: (query) => (query.state.data?.state === 'running' || !query.state.data ? 400 : false),
  });
  const cancel = useMutation({
    mutationFn: () => invoke('jobs.cancel', { jobId }),
    onSuccess: (answer) => queryClient.setQueryData(['jobs', jobId], answer),
  });

  if (job.isError) {
    return (
      <Alert color="red" variant="light">
        {t(`errors.${job.error instanceof ApiError ? job.error.code : 'INTERNAL'}`)}
      </Alert>
    );
  }
  const data: Job | undefined = job.data;
  const running = !data || data.state === 'running';
  const percent = data && data.total > 0 ? (data.done / data.total) * 100 : 0;
  return (
    <Stack gap="sm" data-testid="evidence-verify-job" data-state={data?.state ?? 'running'}>
      {running && (
        <>
          <Text size="sm">{t('evidence.verify.running')}</Text>
          <Progress value={percent} size="sm" animated aria-label={t('evidence.verify.running')} />
          <Group justify="flex-end">
            <Button variant="default" data-testid="evidence-verify-cancel" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {t('evidence.verify.cancel')}
            </Button>
          </Group>
        </>
      )}
      {data?.state === 'cancelled' && (
        <Alert color="yellow" variant="light" data-testid="evidence-verify-report" data-clean="unknown">
          {t('evidence.verify.cancelled')}
        </Alert>
      )}
      {data?.state === 'failed' && (
        <Alert color="red" variant="light" data-testid="evidence-verify-report" data-clean="unknown">
          {t('evidence.verify.failed')}
          {data.error ? ` (${data.error})` : ''}
        </Alert>
      )}
      {data?.state === 'done' && data.report && <Report report={data.report} />}
      {!running && (
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="evidence-verify-close">
            {t('form.close')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The report as the service made it: every problem, with expected and actual values in full. */
function Report({ report }: { report: VerifyReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const summary = t('evidence.verify.summary', {
    items: formatCount(report.itemsChecked, language),
    files: formatCount(report.filesChecked, language),
    bytes: formatBytes(report.bytesHashed, language),
    at: formatDateTime(report.finishedAt, language),
  });
  return (
    <Stack gap="sm" data-testid="evidence-verify-report" data-clean={report.clean} data-problems={report.problems.length}>
      {report.clean ? (
        <Alert color="teal" variant="light" icon={<IconShieldCheck size={18} />} title={t('evidence.verify.cleanTitle')}>
          <Text size="sm">{summary}</Text>
          <Text size="sm">{t('evidence.verify.cleanNote')}</Text>
        </Alert>
      ) : (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('evidence.verify.problemsTitle', { count: report.problems.length })}
        >
          <Text size="sm">{summary}</Text>
          <Text size="sm" fw={600}>
            {t('evidence.verify.noRepair')}
          </Text>
        </Alert>
      )}
      {report.problems.length > 0 && (
        <Table layout="fixed" fz="xs" data-testid="evidence-verify-problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={84}>{t('evidence.verify.columns.exhibit')}</Table.Th>
              <Table.Th w={190}>{t('evidence.verify.columns.problem')}</Table.Th>
              <Table.Th w={56}>{t('evidence.verify.columns.entry')}</Table.Th>
              <Table.Th>{t('evidence.verify.columns.values')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.problems.map((p, i) => (
              <Table.Tr key={i} data-testid="evidence-verify-problem" data-kind={p.kind}>
                <Table.Td ff="monospace" fw={600} style={{ verticalAlign: 'top' }}>
                  {p.exhibit}
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="xs" fw={600} c="red.8">
                    {t(`evidence.verify.kinds.${p.kind}`)}
                  </Text>
                  <Text size="xs" c="dimmed" data-testid="evidence-verify-note">
                    {withValues<`evidence.verify.notes.${IntegrityNoteCode}`>(t)(`evidence.verify.notes.${p.note}`, p.values ?? {})}
                  </Text>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>{p.entry ?? '—'}</Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  {p.expected !== undefined && (
                    <div>
                      <Text span size="xs" c="dimmed">
                        {t('evidence.verify.expected')}{' '}
                      </Text>
                      <Text span ff="monospace" fz={11} style={{ overflowWrap: 'anywhere' }}>
                        {p.expected}
                      </Text>
                    </div>
                  )}
                  {p.actual !== undefined && (
                    <div>
                      <Text span size="xs" c="dimmed">
                        {t('evidence.verify.actual')}{' '}
                      </Text>
                      <Text span ff="monospace" fz={11} style={{ overflowWrap: 'anywhere' }}>
                        {p.actual}
                      </Text>
                    </div>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
