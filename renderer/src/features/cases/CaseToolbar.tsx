import { Button, Group, Kbd, MultiSelect, SegmentedControl, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isCountryCode, type CountryCode } from '../../../../shared/domain/countries';
import { CASE_STATUSES, STAGES, type Stage } from '../../../../shared/domain/workflow';
import { useCaseCountries } from './queries';
import { useCountryOptions } from './useCountryOptions';
import { ImportBundleButton } from '../bundles/ShareButtons';
import type { CaseListParams, StatusFilter } from './useCaseListParams';

const NONE: CountryCode[] = [];

interface Props {
  params: CaseListParams;
  onChange: (change: Partial<CaseListParams>) => void;
  searchText: string;
  onSearchText: (text: string) => void;
  searchRef: Ref<HTMLInputElement>;
  onSearchKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  total: number | undefined;
  onNewCase: () => void;
}

export function CaseToolbar({ params, onChange, searchText, onSearchText, searchRef, onSearchKeyDown, total, onNewCase }: Props) {
  const { t } = useTranslation();
  const countries = useCaseCountries();
  const countryOptions = useCountryOptions(countries.data ?? NONE);
  const statusOptions: { value: StatusFilter; label: string }[] = [
    { value: 'all', label: t('caseList.statusAll') },
    ...CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatus.${s}`) })),
  ];

  return (
    <Group px="sm" py={8} gap="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <TextInput
        ref={searchRef}
        data-testid="case-search"
        size="xs"
        w={280}
        aria-label={t('caseList.searchLabel')}
        placeholder={t('caseList.search')}
        leftSection={<IconSearch size={14} aria-hidden />}
        rightSection={<Kbd size="xs">/</Kbd>}
        value={searchText}
        onChange={(e) => onSearchText(e.currentTarget.value)}
        onKeyDown={onSearchKeyDown}
        type="search"
      />
      <MultiSelect
        data-testid="case-stage-filter"
        w={200}
        aria-label={t('caseList.stageFilter')}
        placeholder={params.stages.length ? undefined : t('caseList.stageFilter')}
        data={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        value={params.stages}
        onChange={(v) => onChange({ stages: v.filter((s): s is Stage => (STAGES as readonly string[]).includes(s)) })}
        clearable
      />
      <MultiSelect
        data-testid="case-country-filter"
        w={200}
        aria-label={t('caseList.countryFilter')}
        placeholder={params.countries.length ? undefined : t('caseList.countryFilter')}
        data={countryOptions}
        value={params.countries}
        onChange={(v) => onChange({ countries: v.filter(isCountryCode) })}
        searchable
        clearable
      />
      <SegmentedControl
        data-testid="case-status-filter"
        aria-label={t('caseList.statusFilter')}
        data={statusOptions}
        value={params.status}
        onChange={(v) => onChange({ status: statusOptions.find((o) => o.value === v)?.value ?? 'all' })}
      />
      <Text size="xs" c="dimmed" ml="auto" data-testid="case-total" style={{ whiteSpace: 'nowrap' }}>
        {total !== undefined && t('caseList.total', { count: total })}
      </Text>
      <ImportBundleButton />
      <Button data-testid="new-case" leftSection={<IconPlus size={14} />} onClick={onNewCase}>
        {t('newCase.button')}
      </Button>
    </Group>
  );
}
