import { randomId } from '@mantine/hooks';
import type { Allegation, ChannelInput } from '../../../../shared/contract';
import type { ConductCategoryCode } from '../../../../shared/domain/conduct-categories';
import type { DatePrecision, FuzzyDate } from '../../../../shared/domain/fuzzy-date';
import type { AllegationStatus } from '../../../../shared/domain/workflow';

/** The fields of an allegation as the create and update channels take them. */
export type AllegationInput = Omit<ChannelInput<'allegations.create'>, 'caseId'>;

/**
 * What the form edits. The period keeps every input's text whatever the precision, so that
 * switching precision back and forth loses nothing; victims carry a key for stable list rows.
 */
export interface AllegationFormValues {
  category: ConductCategoryCode | null;
  period: { precision: DatePrecision; value: string; from: string; to: string };
  place: string;
  narrative: string;
  victims: { key: string; pseudonym: string }[];
  status: AllegationStatus;
}

export const newVictim = () => ({ key: randomId(), pseudonym: '' });

export const emptyAllegationValues = (): AllegationFormValues => ({
  category: null,
  period: { precision: 'day', value: '', from: '', to: '' },
  place: '',
  narrative: '',
  victims: [],
  status: 'alleged',
});

function periodValues(period: FuzzyDate): AllegationFormValues['period'] {
  switch (period.precision) {
    case 'unknown':
      return { precision: 'unknown', value: '', from: '', to: '' };
    case 'range':
      return { precision: 'range', value: '', from: period.from, to: period.to };
    default:
      return { precision: period.precision, value: period.value, from: '', to: '' };
  }
}

export const allegationValues = (allegation: Allegation): AllegationFormValues => ({
  category: allegation.category,
  period: periodValues(allegation.period),
  place: allegation.place,
  narrative: allegation.narrative,
  victims: allegation.victims.map((v) => ({ key: randomId(), pseudonym: v.pseudonym })),
  status: allegation.status,
});

function toPeriod({ precision, value, from, to }: AllegationFormValues['period']): FuzzyDate {
  switch (precision) {
    case 'unknown':
      return { precision };
    case 'range':
      return { precision, from, to };
    default:
      return { precision, value };
  }
}

export const toAllegationInput = (values: AllegationFormValues): AllegationInput => ({
  // An empty choice is sent as it is: the server's "required" is the one message the user sees.
  category: values.category as AllegationInput['category'],
  period: toPeriod(values.period),
  place: values.place,
  narrative: values.narrative,
  victims: values.victims.map(({ pseudonym }) => ({ pseudonym })),
  status: values.status,
});

const SHOWN_PATHS = [
  /^category$/,
  /^period(\.(precision|value|from|to))?$/,
  /^place$/,
  /^narrative$/,
  /^victims(\.\d+\.pseudonym)?$/,
  /^status$/,
];

/** The server's field paths that have an input (or a slot for errors) in the form. */
export const isAllegationFormPath = (path: string) => SHOWN_PATHS.some((re) => re.test(path));
