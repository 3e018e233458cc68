import { Alert, Box, Button, Group, Loader, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconFiles, IconMicrophone2, IconSearch, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { DropOverlay } from '../../ui/DropOverlay';
import { useFileDrop } from '../../ui/useFileDrop';
import { EvidenceDetailPanel, type DetailTab } from './EvidenceDetailPanel';
import { EvidenceTable } from './EvidenceTable';
import { formatCount } from './format';
import { ImportProgress } from './ImportProgress';
import { useEvidenceList } from './queries';
import { TestimonyModal } from './TestimonyModal';
import { useImportQueue } from './useImportQueue';
import { VerifyIntegrity } from './VerifyIntegrity';

/**
 * The Evidence tab: import by picker or drop, a dense table of the case's items, and one item's
 * detail beside it. Fills its tab panel's height so the table can scroll by itself.
 */
export function EvidencePanel({ caseId, readOnly }: { caseId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filter, setFilter] = useState('');
  const [search] = useDebouncedValue(filter.trim(), 200);
  const list = useEvidenceList(caseId, search);
  const queue = useImportQueue(caseId);
  // `?item=<id>` opens with that item selected (an exhibit reference in a finding links here).
  const [searchParams] = useSearchParams();
  const [selectedId, setSelectedId] = useState<string | null>(() => searchParams.get('item'));
  const [detailTab, setDetailTab] = useState<DetailTab>('preview');
  const [testimony, setTestimony] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const filterRef = useRef<HTMLInputElement | null>(null);

  useHotkeys([
    ['/', () => filterRef.current?.focus(), { preventDefault: true }],
    ['Escape', () => setSelectedId(null)],
  ]);

  const importFiles = (files: File[]) => {
    if (readOnly || files.length === 0) return;
    void queue.start(files);
  };
  const canDrop = !readOnly && !queue.run?.running;

  const { dragging, handlers: dropHandlers } = useFileDrop(canDrop, importFiles);

  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const select = (id: string) => {
    setSelectedId(id);
  };

  let body;
  if (list.isPending) body = <Loader size="sm" m="md" />;
  else if (list.isError) {
    body = (
      <Alert color="red" variant="light" m="md">
        {t(`errors.${list.error instanceof ApiError ? list.error.code : 'INTERNAL'}`)}
      </Alert>
    );
  } else if (rows.length === 0 && search === '') {
    body = (
      <Box flex={1}>
        <PlaceholderPanel
          icon={<IconFiles size={28} stroke={1.4} />}
          title={t('evidence.empty.title')}
          description={t(readOnly ? 'evidence.empty.closed' : 'evidence.empty.description')}
        >
          {!readOnly && (
            <Button variant="default" leftSection={<IconUpload size={14} />} onClick={() => inputRef.current?.click()}>
              {t('evidence.importFiles')}
            </Button>
          )}
        </PlaceholderPanel>
      </Box>
    );
  } else if (rows.length === 0) {
    body = (
      <Box flex={1}>
        <PlaceholderPanel
          icon={<IconSearch size={28} stroke={1.4} />}
          title={t('evidence.noMatch.title')}
          description={t('evidence.noMatch.description')}
        >
          <Button variant="default" onClick={() => setFilter('')}>
            {t('evidence.noMatch.clear')}
          </Button>
        </PlaceholderPanel>
      </Box>
    );
  } else {
    body = (
      <EvidenceTable
        rows={rows}
        selectedId={selectedId}
        onSelect={select}
        compact={selectedId !== null}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        loadMore={() => void list.fetchNextPage()}
      />
    );
  }

  return (
    <Box
      data-testid="evidence-dropzone"
      data-dragging={dragging}
      h="100%"
      pos="relative"
      style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
      {...dropHandlers}
    >
      <Group gap="xs" px="md" py="xs" justify="space-between" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <Group gap="sm" wrap="nowrap">
          <TextInput
            ref={filterRef}
            data-testid="evidence-filter"
            aria-label={t('evidence.filterLabel')}
            placeholder={t('evidence.filter')}
            leftSection={<IconSearch size={14} />}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && setFilter('')}
            w={340}
            size="xs"
          />
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="evidence-count">
            {t('evidence.count', { count: total, n: formatCount(total, language) })}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {!readOnly && (
            <>
              <Button
                leftSection={<IconUpload size={14} />}
                onClick={() => inputRef.current?.click()}
                disabled={queue.run?.running}
                data-testid="evidence-import"
              >
                {t('evidence.importFiles')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconMicrophone2 size={14} />}
                onClick={() => setTestimony(true)}
                data-testid="testimony-add"
              >
                {t('evidence.addTestimony')}
              </Button>
            </>
          )}
          <VerifyIntegrity caseId={caseId} />
        </Group>
      </Group>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        data-testid="evidence-file-input"
        aria-label={t('evidence.importFiles')}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          importFiles(files);
        }}
      />
      {queue.run && (
        <ImportProgress run={queue.run} onCancel={queue.cancel} onDismiss={queue.dismiss} onOpen={select} />
      )}
      <Box flex={1} mih={0} style={{ display: 'flex' }}>
        <Box flex={1} miw={0} style={{ display: 'flex', flexDirection: 'column' }}>
          {body}
          {!readOnly && rows.length > 0 && (
            <Text size="xs" c="dimmed" px="md" py={4} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              {t('evidence.hint')}
            </Text>
          )}
        </Box>
        {selectedId && (
          <EvidenceDetailPanel
            id={selectedId}
            readOnly={readOnly}
            tab={detailTab}
            onTab={setDetailTab}
            onClose={() => setSelectedId(null)}
          />
        )}
      </Box>
      {dragging && <DropOverlay label={t('evidence.dropHere')} />}
      {testimony && <TestimonyModal caseId={caseId} onClose={() => setTestimony(false)} onCreated={select} />}
    </Box>
  );
}
