import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconFolderPlus, IconSearchOff } from '@tabler/icons-react';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CaseSummary } from '../../../../shared/contract';
import { ApiError } from '../../api/client';
import { PlaceholderPanel } from '../../ui/PlaceholderPanel';
import { CaseTable } from './CaseTable';
import { CaseToolbar } from './CaseToolbar';
import { NewCaseModal } from './NewCaseModal';
import { OpenDemoButton, useDemoCase } from './OpenDemoButton';
import { useCaseList } from './queries';
import { useCaseListParams } from './useCaseListParams';

// Short: the service answers in a few ms, so waiting longer only delays the pixels (see npm run bench).
const SEARCH_DEBOUNCE_MS = 30;

export function CaseListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useCaseListParams();
  const [searchText, setSearchText] = useState(params.search);
  const [newCaseOpen, newCase] = useDisclosure(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const demo = useDemoCase();
  const tableRef = useRef<HTMLDivElement>(null);

  const applySearch = useDebouncedCallback((search: string) => setParams({ search }), SEARCH_DEBOUNCE_MS);
  const list = useCaseList({
    search: params.search,
    stages: params.stages,
    countries: params.countries,
    status: params.status,
    sort: params.sort,
    direction: params.direction,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  const filtered = params.search !== '' || params.stages.length > 0 || params.countries.length > 0 || params.status !== 'all';

  useHotkeys([['/', () => !newCaseOpen && searchRef.current?.focus(), { preventDefault: true }]]);
  // Ctrl/Cmd+N works from inside the search box too, so it ignores no elements.
  useHotkeys([['mod+N', newCase.open, { preventDefault: true }]], []);

  const open = (row: CaseSummary) => void navigate(`/cases/${row.id}`);
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && rows.length > 0) {
      event.preventDefault();
      tableRef.current?.focus();
    }
  };
  const clearFilters = () => {
    setSearchText('');
    applySearch.cancel();
    setParams({ search: '', stages: [], countries: [], status: 'all' });
  };

  return (
    <Stack gap={0} flex={1} mih={0}>
      <CaseToolbar
        params={params}
        onChange={setParams}
        searchText={searchText}
        onSearchText={(text) => {
          setSearchText(text);
          applySearch(text);
        }}
        searchRef={searchRef}
        onSearchKeyDown={onSearchKeyDown}
        total={total}
        onNewCase={newCase.open}
      />
      <Stack gap={0} flex={1} mih={0}>
        {list.isError ? (
          <Alert color="red" m="md" variant="light">
            {t(`errors.${list.error instanceof ApiError ? list.error.code : 'INTERNAL'}`)}
          </Alert>
        ) : total === 0 && !filtered ? (
          <PlaceholderPanel
            icon={<IconFolderPlus size={28} stroke={1.4} />}
            title={t('caseList.empty.title')}
            description={t('caseList.empty.description')}
          >
            <Stack align="center" gap="sm">
              <Group gap="sm" justify="center">
                <Button size="sm" onClick={newCase.open} data-testid="new-case-empty">
                  {t('newCase.button')}
                </Button>
                <OpenDemoButton testId="open-demo-empty" />
              </Group>
              <Text size="xs" c="dimmed" ta="center" maw={420}>
                {t('demo.emptyHint')}
              </Text>
            </Stack>
          </PlaceholderPanel>
        ) : total === 0 ? (
          <PlaceholderPanel
            icon={<IconSearchOff size={28} stroke={1.4} />}
            title={t('caseList.noMatch.title')}
            description={t('caseList.noMatch.description')}
          >
            <Button size="sm" variant="default" onClick={clearFilters}>
              {t('caseList.noMatch.clear')}
            </Button>
          </PlaceholderPanel>
        ) : (
          <CaseTable
            rows={rows}
            sort={params.sort}
            direction={params.direction}
            onSort={(sort, direction) => setParams({ sort, direction })}
            onOpen={open}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            loadMore={() => void list.fetchNextPage({ cancelRefetch: false })}
            focusRef={tableRef}
          />
        )}
      </Stack>
      <Group gap="xs" px="sm" py={4} justify="space-between" wrap="nowrap" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="xs" c="dimmed">
          {t('caseList.shortcuts')}
        </Text>
        {/* Offered again once the demo case is closed (or before there is one), never twice. */}
        {total !== undefined && total > 0 && demo.data === null && (
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t('demo.offer')}
            </Text>
            <OpenDemoButton variant="subtle" size="compact-xs" />
          </Group>
        )}
      </Group>
      <NewCaseModal opened={newCaseOpen} onClose={newCase.close} onCreated={(c) => void navigate(`/cases/${c.id}`)} />
    </Stack>
  );
}
