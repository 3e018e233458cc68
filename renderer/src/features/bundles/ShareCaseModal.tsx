import { Alert, Button, Checkbox, Code, Group, Modal, MultiSelect, PasswordInput, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN, type BundleExportResult, type BundleSelection } from '../../../../shared/contract/channels/bundles';
import { ApiError, invoke } from '../../api/client';
import { useColleagues } from '../keys/queries';
import { EMPTY_SELECTION, SelectionPicker, selectionSize } from './SelectionPicker';
import { saveDownload, waitForJob } from './useBundleJob';

type To = 'colleagues' | 'passphrase';
type What = 'whole' | 'part';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * "Share": the case, or chosen parts of it, as one encrypted, signed bundle, for chosen colleagues'
 * keys or a passphrase. Protected identities stay home unless the investigator ticks the box (off by
 * default). Once written, the file name and its SHA-256 stay on screen to read out to the recipient.
 */
export function ShareCaseModal({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const [to, setTo] = useState<To>('colleagues');
  const [chosen, setChosen] = useState<string[]>([]);
  const [passphrase, setPassphrase] = useState('');
  const [what, setWhat] = useState<What>('whole');
  const [selection, setSelection] = useState<BundleSelection>(EMPTY_SELECTION);
  const [includeEvidence, setIncludeEvidence] = useState(true);
  const [includeProtected, setIncludeProtected] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<BundleExportResult | null>(null);

  const recipientsReady = to === 'colleagues' ? chosen.length > 0 : passphrase.length >= PASSPHRASE_MIN;
  const ready = recipientsReady && (what === 'whole' || selectionSize(selection) > 0);
  const close = () => {
    if (progress !== null) return;
    setError(null);
    setDone(null);
    setPassphrase('');
    onClose();
  };

  const share = async () => {
    setError(null);
    setProgress(0);
    try {
      const started = await invoke('bundles.export', {
        caseId,
        selection: what === 'whole' ? null : selection,
        recipients: to === 'colleagues' ? { colleagueIds: chosen } : { passphrase },
        includeEvidence,
        includeProtected,
      });
      if (started.jobId === null) return; // the save dialog was closed
      const job = await waitForJob(started.jobId, (bytes, total) => setProgress(total ? (100 * bytes) / total : 0));
      const result = job.bundleExport!;
      if (result.downloadId) {
        const file = await invoke('bundles.download', { downloadId: result.downloadId });
        saveDownload(file.fileName, file.base64);
      }
      setPassphrase('');
      setDone(result);
    } catch (e) {
      setError(t(`errors.${e instanceof ApiError ? e.code : 'INTERNAL'}`));
    } finally {
      setProgress(null);
    }
  };

  const options = (colleagues.data?.colleagues ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} (${c.organisation}) · ${c.fingerprint.split(' ').slice(0, 2).join(' ')}`,
  }));
  return (
    <Modal opened={opened} onClose={close} title={t('bundles.share.title')} size="lg">
      {done ? (
        <Stack gap="sm" data-testid="share-done">
          <Alert color="teal">{t('bundles.share.done', { fileName: done.fileName })}</Alert>
          <Text size="sm">{t('bundles.share.hashHint')}</Text>
          <Code block data-testid="share-done-hash" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {done.bundleSha256.match(/.{1,16}/g)!.join(' ')}
          </Code>
          <Group justify="flex-end">
            <Button data-testid="share-close" onClick={close}>
              {t('bundles.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md" data-testid="share-case">
          <Text size="sm">{t('bundles.share.intro')}</Text>
          <Section title={t('bundles.share.whoTitle')}>
            <SegmentedControl
              data-testid="share-to"
              value={to}
              onChange={(v) => setTo(v as To)}
              data={[
                { value: 'colleagues', label: t('bundles.share.toColleagues') },
                { value: 'passphrase', label: t('bundles.share.toPassphrase') },
              ]}
            />
            {to === 'colleagues' ? (
              options.length === 0 ? (
                <Alert color="yellow" data-testid="share-no-colleagues">
                  {t('bundles.share.noColleagues')}
                </Alert>
              ) : (
                <MultiSelect
                  data-testid="share-colleagues"
                  label={t('bundles.share.colleagues')}
                  description={t('bundles.share.colleaguesHint')}
                  placeholder={chosen.length ? undefined : t('bundles.share.colleaguesPlaceholder')}
                  data={options}
                  value={chosen}
                  onChange={setChosen}
                  searchable
                />
              )
            ) : (
              <PasswordInput
                data-testid="share-passphrase"
                label={t('bundles.share.passphrase')}
                description={t('bundles.share.passphraseHint', { min: PASSPHRASE_MIN })}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
              />
            )}
          </Section>
          <Section title={t('bundles.share.whatTitle')}>
            <SegmentedControl
              data-testid="share-what"
              value={what}
              onChange={(v) => setWhat(v as What)}
              data={[
                { value: 'whole', label: t('bundles.share.whole') },
                { value: 'part', label: t('bundles.share.part') },
              ]}
            />
            {what === 'part' && <SelectionPicker caseId={caseId} value={selection} onChange={setSelection} />}
            {what === 'part' && selectionSize(selection) === 0 && (
              <Text size="xs" c="orange.8" data-testid="share-part-nothing">
                {t('bundles.share.partNothing')}
              </Text>
            )}
            <Checkbox
              data-testid="share-evidence"
              label={t('bundles.share.includeEvidence')}
              description={t('bundles.share.includeEvidenceHint')}
              checked={includeEvidence}
              onChange={(e) => setIncludeEvidence(e.currentTarget.checked)}
            />
            <Checkbox
              data-testid="share-protected"
              label={t('bundles.share.includeProtected')}
              description={t('bundles.share.includeProtectedHint')}
              checked={includeProtected}
              onChange={(e) => setIncludeProtected(e.currentTarget.checked)}
            />
            {includeProtected && (
              <Alert color="orange" data-testid="share-protected-warning">
                {t('bundles.share.protectedWarning')}
              </Alert>
            )}
          </Section>
          {progress !== null && <Progress value={progress} aria-label={t('bundles.share.writing')} />}
          {error && (
            <Alert color="red" data-testid="share-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={progress !== null}>
              {t('bundles.cancel')}
            </Button>
            <Button data-testid="share-export" leftSection={<IconShare size={14} />} disabled={!ready} loading={progress !== null} onClick={() => void share()}>
              {t('bundles.share.export')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
