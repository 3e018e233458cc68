import { Alert, Button, Checkbox, FileButton, Group, List, Modal, Paper, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconFileImport } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { BundleApplyResult, BundlePlan } from '../../../../shared/contract/channels/bundles';
import { ApiError, invoke } from '../../api/client';
import { uploadFile } from '../evidence/upload';
import { PlanView, type Choice, type Choices } from './PlanView';
import { waitForJob } from './useBundleJob';

type Step =
  | { state: 'pick' }
  | { state: 'working'; progress: number }
  | { state: 'passphrase'; uploadId: string; wrong: boolean }
  | { state: 'plan'; plan: BundlePlan }
  | { state: 'done'; result: BundleApplyResult; plan: BundlePlan };

/** Import: pick or drop a .casebundle, give the passphrase if it needs one, see the plan, resolve conflicts field by field, apply, see what changed. */
export function ImportBundleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ state: 'pick' });
  const [passphrase, setPassphrase] = useState('');
  const [choices, setChoices] = useState<Choices>({});
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const [anyway, setAnyway] = useState(false);
  const [dragging, setDragging] = useState(false);

  const fail = (e: unknown) => setError(t(`errors.${e instanceof ApiError ? e.code : 'INTERNAL'}`));

  const inspect = async (uploadId: string, pass?: string) => {
    setError(null);
    setStep({ state: 'working', progress: 0 });
    try {
      const { jobId } = await invoke('bundles.inspect', { uploadId, ...(pass ? { passphrase: pass } : {}) });
      const job = await waitForJob(jobId, (done, total) => setStep({ state: 'working', progress: total ? (100 * done) / total : 0 }));
      setChoices({});
      setAnyway(false);
      setStep({ state: 'plan', plan: job.bundlePlan! });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'BUNDLE_WRONG_PASSPHRASE') {
        setStep({ state: 'passphrase', uploadId, wrong: pass !== undefined });
        return;
      }
      setStep({ state: 'pick' });
      fail(e);
    }
  };

  const choose = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setStep({ state: 'working', progress: 0 });
    try {
      const stored = await uploadFile(file, () => undefined).done;
      await inspect(stored.uploadId);
    } catch (e) {
      setStep({ state: 'pick' });
      fail(e);
    }
  };

  const reset = () => {
    setStep({ state: 'pick' });
    setPassphrase('');
    setError(null);
    setAnyway(false);
  };
  const close = () => {
    if (step.state === 'plan') void invoke('bundles.discard', { token: step.plan.token }).catch(() => undefined);
    reset();
    onClose();
  };

  const apply = async (plan: BundlePlan) => {
    setApplying(true);
    setError(null);
    try {
      const result = await invoke('bundles.apply', { token: plan.token, choices });
      await queryClient.invalidateQueries();
      setStep({ state: 'done', result, plan });
    } catch (e) {
      fail(e);
    } finally {
      setApplying(false);
    }
  };

  const openCase = (caseId: string) => {
    reset();
    onClose();
    void navigate(`/cases/${caseId}`);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void choose(e.dataTransfer.files[0] ?? null);
  };

  const mismatch = step.state === 'plan' && step.plan.standing.kind === 'name-mismatch';
  return (
    <Modal opened={opened} onClose={close} title={t('bundles.import.title')} size="xl">
      <Stack gap="sm" data-testid="import-bundle">
        {step.state === 'pick' && (
          <Paper
            withBorder
            p="xl"
            bg={dragging ? 'blue.0' : undefined}
            style={{ borderStyle: 'dashed' }}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="bundle-drop"
          >
            <Stack align="center" gap="xs">
              <IconFileImport size={28} aria-hidden />
              <Text size="sm">{t('bundles.import.drop')}</Text>
              <FileButton onChange={(f) => void choose(f)} accept=".casebundle,application/octet-stream">
                {(props) => (
                  <Button {...props} data-testid="bundle-pick" leftSection={<IconFileImport size={14} />}>
                    {t('bundles.import.pick')}
                  </Button>
                )}
              </FileButton>
              <Text size="xs" c="dimmed" ta="center">
                {t('bundles.import.pickHint')}
              </Text>
            </Stack>
          </Paper>
        )}
        {step.state === 'working' && (
          <Stack gap={4}>
            <Text size="sm">{t('bundles.import.reading')}</Text>
            <Progress value={step.progress} animated aria-label={t('bundles.import.reading')} />
          </Stack>
        )}
        {step.state === 'passphrase' && (
          <Stack gap="xs">
            <PasswordInput
              data-testid="bundle-passphrase"
              label={t('bundles.import.passphrase')}
              description={t('bundles.import.passphraseHint')}
              error={step.wrong ? t('errors.BUNDLE_WRONG_PASSPHRASE') : undefined}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && passphrase) void inspect(step.uploadId, passphrase);
              }}
            />
            <Group justify="flex-end">
              <Button data-testid="bundle-open" disabled={!passphrase} onClick={() => void inspect(step.uploadId, passphrase)}>
                {t('bundles.import.open')}
              </Button>
            </Group>
          </Stack>
        )}
        {step.state === 'plan' && (
          <PlanView
            plan={step.plan}
            choices={choices}
            onChoose={(id, field, side: Choice) => setChoices((c) => ({ ...c, [id]: { ...c[id], [field]: side } }))}
            onTrusted={(standing) => setStep({ state: 'plan', plan: { ...step.plan, standing } })}
          />
        )}
        {step.state === 'plan' && mismatch && (
          <Checkbox
            data-testid="bundle-apply-anyway"
            color="red"
            label={t('bundles.import.applyAnyway', { name: step.plan.sender.name })}
            checked={anyway}
            onChange={(e) => setAnyway(e.currentTarget.checked)}
          />
        )}
        {step.state === 'done' && <ImportResult result={step.result} plan={step.plan} />}
        {error && (
          <Alert color="red" data-testid="import-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          {step.state === 'done' ? (
            <>
              <Button variant="default" onClick={close}>
                {t('bundles.close')}
              </Button>
              <Button data-testid="bundle-open-case" onClick={() => openCase(step.result.caseId)}>
                {t('bundles.import.openCase')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                {t('bundles.cancel')}
              </Button>
              {step.state === 'plan' && (
                <Button data-testid="bundle-apply" loading={applying} disabled={mismatch && !anyway} onClick={() => void apply(step.plan)}>
                  {t('bundles.import.apply')}
                </Button>
              )}
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function ImportResult({ result, plan }: { result: BundleApplyResult; plan: BundlePlan }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="bundle-result">
      <Alert color="teal" title={t('bundles.import.doneTitle', { reference: plan.case.reference })}>
        <List size="sm" spacing={2}>
          <List.Item data-testid="bundle-result-inserted">{t('bundles.import.resultInserted', { count: result.inserted })}</List.Item>
          <List.Item data-testid="bundle-result-updated">{t('bundles.import.resultUpdated', { count: result.updated })}</List.Item>
          <List.Item>{t('bundles.import.resultKept', { count: result.keptLocal })}</List.Item>
          <List.Item>{t('bundles.import.resultCustody', { count: result.custodyEntriesAdded })}</List.Item>
        </List>
      </Alert>
      {result.skipped.length > 0 && <Alert color="yellow">{t('bundles.import.resultSkipped', { items: result.skipped.join(', ') })}</Alert>}
      <Text size="xs" c="dimmed">
        {t('bundles.import.resultHistory')}
      </Text>
    </Stack>
  );
}
