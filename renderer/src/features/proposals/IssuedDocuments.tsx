import { ActionIcon, Badge, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconCheck, IconCopy, IconDownload, IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedDocument } from '../../../../shared/contract/channels/documents';
import { ApiError, invoke } from '../../api/client';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { useIssuedDocuments } from './queries';

/** In the desktop app a folder is chosen in the system's dialog; in a browser the PDF is downloaded. */
const inDesktopApp = () => typeof window !== 'undefined' && window.casebench !== undefined;

function saveDownload(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function DocumentCard({ doc }: { doc: IssuedDocument }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const download = useMutation({
    mutationFn: () => invoke('documents.download', { id: doc.id }),
    onSuccess: (file) => saveDownload(file.fileName, file.base64),
    onError: notifyFailure,
  });
  const exportTo = useMutation({
    mutationFn: (to: string | undefined) => invoke('documents.export', to === undefined ? { id: doc.id } : { id: doc.id, folder: to }),
    onSuccess: (result) => {
      setFolderError(null);
      const fileName = result.fileName;
      if (fileName) notifySuccess((tt) => tt('proposals.exported', { fileName }));
    },
    onError: (error) => {
      // A folder that cannot be written to is said where the folder was typed, not only in a toast.
      if (error instanceof ApiError && error.code === 'EXPORT_FOLDER_UNWRITABLE') setFolderError(t('errors.EXPORT_FOLDER_UNWRITABLE'));
      else notifyFailure(error);
    },
  });
  return (
    <Paper withBorder p="xs" data-testid="issued-document" data-number={doc.number} data-version={doc.version}>
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600} ff="monospace">
            {doc.number}
          </Text>
          <Badge size="sm" variant="light">
            v{doc.version}
          </Badge>
          <Badge size="sm" variant="outline" color="gray">
            {t(`proposals.languages.${doc.language}`)}
          </Badge>
          <Badge size="sm" variant="outline">
            {t(`proposals.measure.${doc.measure}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {doc.subjects.map((s) => `${s.reference} ${s.displayName}`).join(', ')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('proposals.issuedBy', { at: formatDateTime(doc.issuedAt, language), by: doc.issuedBy })} · {doc.pageCount} {t('proposals.columns.pages')}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Text size="xs" ff="monospace" c="dimmed" title={doc.sha256} data-testid="issued-sha256">
            SHA-256 {doc.sha256.slice(0, 16)}…
          </Text>
          <CopyButton value={doc.sha256}>
            {({ copied, copy }) => (
              <Tooltip label={t('proposals.copyHash')}>
                <ActionIcon size="xs" variant="subtle" onClick={copy} aria-label={t('proposals.copyHash')}>
                  {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group gap="xs">
          <Button size="compact-xs" variant="light" leftSection={<IconDownload size={12} />} loading={download.isPending} onClick={() => download.mutate()} data-testid="issued-download">
            {t('proposals.download')}
          </Button>
          {inDesktopApp() && (
            <Button size="compact-xs" variant="light" leftSection={<IconFolder size={12} />} loading={exportTo.isPending} onClick={() => exportTo.mutate(undefined)}>
              {t('proposals.export')}
            </Button>
          )}
        </Group>
        {!inDesktopApp() && (
          <Group gap={4} align="flex-start" wrap="nowrap">
            <TextInput
              size="xs"
              flex={1}
              aria-label={t('proposals.folder')}
              placeholder={t('proposals.saveToFolder')}
              value={folder}
              error={folderError}
              onChange={(e) => {
                setFolder(e.currentTarget.value);
                setFolderError(null);
              }}
              data-testid="issued-folder"
            />
            <Button size="compact-sm" variant="default" disabled={folder.trim() === ''} loading={exportTo.isPending} onClick={() => exportTo.mutate(folder.trim())} data-testid="issued-save">
              {t('proposals.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The documents issued for the case, newest first: frozen, each with its hash, to download or export. */
export function IssuedDocuments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const documents = useIssuedDocuments(caseId);
  return (
    <Stack gap="xs" mt="sm" data-testid="issued-documents">
      <Title order={6}>{t('proposals.issuedTitle')}</Title>
      {documents.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('proposals.noIssued')}
        </Text>
      )}
      {documents.data?.map((doc) => <DocumentCard key={doc.id} doc={doc} />)}
    </Stack>
  );
}
