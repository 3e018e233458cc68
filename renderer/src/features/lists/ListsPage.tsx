import { Alert, Box, Button, Center, Group, Loader, ScrollArea, Text, Title } from '@mantine/core';
import { IconListSearch, IconUpload } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { DropOverlay } from '../../ui/DropOverlay';
import { useFileDrop } from '../../ui/useFileDrop';
import { formatCount } from '../evidence/format';
import { ImportPanel } from './ImportPanel';
import { ListTable } from './ListTable';
import { useLists } from './queries';
import { useListImport } from './useListImport';

/** Extensions of the files partners publish; the picker shows these, a drop takes anything. */
const ACCEPT = '.xml,.csv,.xlsx,.json,.jsonl,.ndjson,.ftm';

/**
 * Sanctions lists: the partners' published lists the user downloaded, imported by picker or drop,
 * with what each import read, and the lists in use now. Screening reads only these.
 */
export function ListsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const lists = useLists();
  const importer = useListImport();
  const inputRef = useRef<HTMLInputElement | null>(null);

  const importFiles = (files: File[]) => {
    if (files.length > 0) void importer.start(files);
  };
  const canDrop = !importer.running;
  const { dragging, handlers: dropHandlers } = useFileDrop(canDrop, importFiles);

  const current = lists.data?.lists ?? [];
  let body;
  if (lists.isPending) {
    body = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (lists.isError) {
    body = (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${lists.error instanceof ApiError ? lists.error.code : 'INTERNAL'}`, { max: '' })}
      </Alert>
    );
  } else if (current.length === 0) {
    body = (
      <Box flex={1}>
        <PlaceholderPanel icon={<IconListSearch size={28} stroke={1.4} />} title={t('lists.empty.title')} description={t('lists.empty.description')}>
          <Button variant="default" leftSection={<IconUpload size={14} />} onClick={() => inputRef.current?.click()} disabled={importer.running}>
            {t('lists.importFiles')}
          </Button>
        </PlaceholderPanel>
      </Box>
    );
  } else {
    body = (
      <Box flex={1} mih={0} px="md" py="xs" style={{ overflow: 'auto' }}>
        <ListTable lists={current} />
      </Box>
    );
  }

  return (
    <Box
      data-testid="lists-page"
      data-dragging={dragging}
      flex={1}
      mih={0}
      pos="relative"
      style={{ display: 'flex', flexDirection: 'column' }}
      {...dropHandlers}
    >
      <Group px="md" py={8} gap="sm" justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap="sm" wrap="nowrap" miw={0}>
          <Title order={4} style={{ whiteSpace: 'nowrap' }}>
            {t('lists.title')}
          </Title>
          {current.length > 0 && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="list-count">
              {t('lists.count', { count: current.length, n: formatCount(current.length, language) })}
            </Text>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" visibleFrom="md">
            {t('lists.dropHint')}
          </Text>
          <Button leftSection={<IconUpload size={14} />} onClick={() => inputRef.current?.click()} disabled={importer.running} data-testid="list-import-button">
            {t('lists.importFiles')}
          </Button>
        </Group>
      </Group>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        accept={ACCEPT}
        data-testid="list-file-input"
        aria-label={t('lists.importFiles')}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          importFiles(files);
        }}
      />
      {importer.groups.length > 0 && (
        <ScrollArea.Autosize mah="55%" type="auto" style={{ flexShrink: 0 }}>
          <ImportPanel groups={importer.groups} running={importer.running} onCancel={importer.cancel} onDismiss={importer.dismiss} />
        </ScrollArea.Autosize>
      )}
      <Box flex={1} mih={0} style={{ display: 'flex', flexDirection: 'column' }}>
        {body}
        <Text size="xs" c="dimmed" px="md" py={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          {t('lists.formatsHint')}
        </Text>
      </Box>
      {dragging && <DropOverlay label={t('lists.dropHere')} />}
    </Box>
  );
}
