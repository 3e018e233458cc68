import { randomId } from '@mantine/hooks';
import type { CaseSubject, ChannelInput, Subject } from '../../../../shared/contract';
import type { FuzzyDate } from '../../../../shared/domain/fuzzy-date';
import type {
  AliasStrength,
  DocumentType,
  NameScriptCode,
  SubjectRole,
  SubjectType,
} from '../../../../shared/domain/subjects';
import type { FuzzyDateValues } from '../allegations/FuzzyDateInput';

/** Every row keeps its id (stable citations and export ids) and the evidence it cites. */
interface Row {
  key: string;
  id?: string;
  evidenceIds: string[];
}

export interface SubjectFormValues {
  type: SubjectType;
  names: (Row & { script: NameScriptCode; value: string; primary: boolean })[];
  aliases: (Row & { script: NameScriptCode; value: string; strength: AliasStrength })[];
  birthDates: (Row & { date: FuzzyDateValues; sourceText: string })[];
  birthPlaces: (Row & { place: string; country: string | null })[];
  /** Chosen in one MultiSelect; the rows they came from are kept to keep their ids and citations. */
  nationalities: string[];
  nationalityRows: Subject['nationalities'];
  documents: (Row & { type: DocumentType; number: string; country: string | null; note: string })[];
  positions: (Row & { title: string; organization: string; period: FuzzyDateValues })[];
  addresses: (Row & { address: string; country: string | null })[];
  notes: string;
  roles: { key: string; allegationId: string | null; role: SubjectRole | null }[];
}

const row = () => ({ key: randomId(), evidenceIds: [] as string[] });
const emptyDate = (): FuzzyDateValues => ({ precision: 'year', value: '', from: '', to: '' });

export const newRow = {
  names: (script: NameScriptCode = 'latn'): SubjectFormValues['names'][number] => ({ ...row(), script, value: '', primary: false }),
  aliases: (): SubjectFormValues['aliases'][number] => ({ ...row(), script: 'latn', value: '', strength: 'strong' }),
  birthDates: (): SubjectFormValues['birthDates'][number] => ({ ...row(), date: emptyDate(), sourceText: '' }),
  birthPlaces: (): SubjectFormValues['birthPlaces'][number] => ({ ...row(), place: '', country: null }),
  documents: (): SubjectFormValues['documents'][number] => ({ ...row(), type: 'passport', number: '', country: null, note: '' }),
  positions: (): SubjectFormValues['positions'][number] => ({ ...row(), title: '', organization: '', period: emptyDate() }),
  addresses: (): SubjectFormValues['addresses'][number] => ({ ...row(), address: '', country: null }),
  roles: (): SubjectFormValues['roles'][number] => ({ key: randomId(), allegationId: null, role: null }),
};

export const emptySubjectValues = (): SubjectFormValues => ({
  type: 'person',
  names: [{ ...newRow.names('latn'), primary: true }],
  aliases: [],
  birthDates: [],
  birthPlaces: [],
  nationalities: [],
  nationalityRows: [],
  documents: [],
  positions: [],
  addresses: [],
  notes: '',
  roles: [],
});

function dateValues(date: FuzzyDate): FuzzyDateValues {
  switch (date.precision) {
    case 'unknown':
      return { precision: 'unknown', value: '', from: '', to: '' };
    case 'range':
      return { precision: 'range', value: '', from: date.from, to: date.to };
    default:
      return { precision: date.precision, value: date.value, from: '', to: '' };
  }
}

function toDate({ precision, value, from, to }: FuzzyDateValues): FuzzyDate {
  switch (precision) {
    case 'unknown':
      return { precision };
    case 'range':
      return { precision, from, to };
    default:
      return { precision, value };
  }
}

const keyed = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r, key: randomId() }));

export const subjectValues = (linked: CaseSubject): SubjectFormValues => {
  const s = linked.subject;
  return {
    type: s.type,
    names: keyed(s.names),
    aliases: keyed(s.aliases),
    birthDates: s.birthDates.map((b) => ({ ...b, key: randomId(), date: dateValues(b.date) })),
    birthPlaces: keyed(s.birthPlaces),
    nationalities: s.nationalities.map((n) => n.country),
    nationalityRows: s.nationalities,
    documents: keyed(s.documents),
    positions: s.positions.map((p) => ({ ...p, key: randomId(), period: dateValues(p.period) })),
    addresses: keyed(s.addresses),
    notes: s.notes,
    roles: linked.roles.map((r) => ({ key: randomId(), allegationId: r.allegationId, role: r.role })),
  };
};

type SubjectInput = Omit<ChannelInput<'subjects.update'>, 'id'>;
type Country = NonNullable<SubjectInput['nationalities']>[number]['country'];
const strip = <T extends { key: string }>({ key: _key, ...rest }: T) => rest;

/** What the create and update channels take; nothing is checked here, the server says what is wrong. */
export const toSubjectInput = (v: SubjectFormValues): SubjectInput => ({
  type: v.type,
  names: v.names.map(strip),
  aliases: v.aliases.map(strip),
  birthDates: v.birthDates.map((b) => ({ ...strip(b), date: toDate(b.date) })),
  birthPlaces: v.birthPlaces.map((b) => ({ ...strip(b), country: b.country as Country | null })),
  nationalities: v.nationalities.map(
    (country) => v.nationalityRows.find((n) => n.country === country) ?? { country: country as Country, evidenceIds: [] },
  ),
  documents: v.documents.map((d) => ({ ...strip(d), country: d.country as Country | null })),
  positions: v.positions.map((p) => ({ ...strip(p), period: toDate(p.period) })),
  addresses: v.addresses.map((a) => ({ ...strip(a), country: a.country as Country | null })),
  notes: v.notes,
});

// An empty choice is sent as it is: the server's "required" is the one message the user sees.
export const toRoles = (v: SubjectFormValues) =>
  v.roles.map((r) => ({ allegationId: r.allegationId as string, role: r.role as SubjectRole }));

const SHOWN_PATHS = [
  /^type$/,
  /^names(\.\d+\.(script|value|primary))?$/,
  /^aliases(\.\d+\.(script|value|strength))?$/,
  /^birthDates(\.\d+(\.date(\.(precision|value|from|to))?|\.sourceText))?$/,
  /^birthPlaces(\.\d+\.(place|country))?$/,
  /^nationalities(\.\d+\.country)?$/,
  /^documents(\.\d+\.(type|number|country|note))?$/,
  /^positions(\.\d+\.(title|organization|period(\.(precision|value|from|to))?))?$/,
  /^addresses(\.\d+\.(address|country))?$/,
  /^notes$/,
  /^roles(\.\d+\.(allegationId|role))?$/,
];

export const isSubjectFormPath = (path: string) => SHOWN_PATHS.some((re) => re.test(path));
