import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CASE_SORT_FIELDS } from '../../../../shared/contract';
import { isCountryCode, type CountryCode } from '../../../../shared/domain/countries';
import { CASE_STATUSES, STAGES, type Stage } from '../../../../shared/domain/workflow';

export type SortField = (typeof CASE_SORT_FIELDS)[number];
export type StatusFilter = (typeof CASE_STATUSES)[number] | 'all';

export interface CaseListParams {
  search: string;
  stages: Stage[];
  countries: CountryCode[];
  status: StatusFilter;
  sort: SortField;
  direction: 'asc' | 'desc';
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((v) => v === value) ?? fallback;

/**
 * The list's search, filters and sort live in the address, so that coming back from a case
 * (Back, or the header link with history) finds the list as it was left.
 */
export function useCaseListParams(): [CaseListParams, (change: Partial<CaseListParams>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();

  const params = useMemo(() => readParams(searchParams), [searchParams]);

  const update = useCallback(
    (change: Partial<CaseListParams>) => {
      setSearchParams(
        (previous) => {
          const next = { ...readParams(previous), ...change };
          const out = new URLSearchParams();
          if (next.search) out.set('q', next.search);
          next.stages.forEach((s) => out.append('stage', s));
          next.countries.forEach((c) => out.append('country', c));
          if (next.status !== 'all') out.set('status', next.status);
          if (next.sort !== 'updatedAt') out.set('sort', next.sort);
          if (next.direction !== 'desc') out.set('dir', next.direction);
          return out;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  return [params, update];
}

function readParams(p: URLSearchParams): CaseListParams {
  return {
    search: p.get('q') ?? '',
    stages: p.getAll('stage').filter((s): s is Stage => (STAGES as readonly string[]).includes(s)),
    countries: p.getAll('country').filter(isCountryCode),
    status: oneOf<StatusFilter>([...CASE_STATUSES, 'all'], p.get('status'), 'all'),
    sort: oneOf(CASE_SORT_FIELDS, p.get('sort'), 'updatedAt'),
    direction: oneOf(['asc', 'desc'] as const, p.get('dir'), 'desc'),
  };
}
