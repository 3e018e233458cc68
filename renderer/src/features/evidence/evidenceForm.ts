import type { ChannelInput, EvidenceItem, EvidenceMetadata } from '../../../../shared/contract';
import { INFORMATION_CREDIBILITY, SOURCE_RELIABILITY } from '../../../../shared/contract';
import { utcFromInput, utcInputValue } from './format';

/** What the metadata form edits: text as typed (obtainedAt in UTC), gradings as select values. */
export interface EvidenceFormValues {
  title: string;
  description: string;
  obtainedAt: string;
  obtainedHow: string;
  source: string;
  collectedBy: string;
  sourceReliability: string | null;
  informationCredibility: string | null;
  tags: string[];
  notes: string;
  /** Why the metadata changed, for the custody log; not a field of the item. */
  reason: string;
}

export const emptyEvidenceValues = (): EvidenceFormValues => ({
  title: '',
  description: '',
  obtainedAt: '',
  obtainedHow: '',
  source: '',
  collectedBy: '',
  sourceReliability: null,
  informationCredibility: null,
  tags: [],
  notes: '',
  reason: '',
});

export const evidenceValues = (item: EvidenceItem): EvidenceFormValues => ({
  title: item.title,
  description: item.description,
  obtainedAt: utcInputValue(item.obtainedAt),
  obtainedHow: item.obtainedHow,
  source: item.source,
  collectedBy: item.collectedBy,
  sourceReliability: item.sourceReliability,
  informationCredibility: item.informationCredibility === null ? null : String(item.informationCredibility),
  tags: [...item.tags],
  notes: item.notes,
  reason: '',
});

/** The metadata as the service takes it. Choices pass through as chosen; the service checks them. */
export function toMetadata(values: EvidenceFormValues): EvidenceMetadata {
  const reliability = SOURCE_RELIABILITY.find((r) => r === values.sourceReliability) ?? null;
  const credibility = INFORMATION_CREDIBILITY.find((c) => String(c) === values.informationCredibility) ?? null;
  return {
    title: values.title,
    description: values.description,
    obtainedAt: utcFromInput(values.obtainedAt),
    obtainedHow: values.obtainedHow,
    source: values.source,
    collectedBy: values.collectedBy,
    sourceReliability: reliability,
    informationCredibility: credibility,
    tags: values.tags,
    notes: values.notes,
  };
}

type UpdateInput = ChannelInput<'evidence.update'>;

/** Only the fields that changed go to evidence.update, so the custody log records just those. */
export function toUpdateInput(id: string, values: EvidenceFormValues, item: EvidenceItem): UpdateInput {
  const next = toMetadata(values);
  const input: UpdateInput = { id };
  const changed = <K extends keyof EvidenceMetadata>(key: K) =>
    JSON.stringify(next[key]) !== JSON.stringify(item[key]);
  (Object.keys(next) as (keyof EvidenceMetadata)[]).forEach((key) => {
    if (changed(key)) Object.assign(input, { [key]: next[key] });
  });
  if (values.reason.trim()) input.reason = values.reason;
  return input;
}

const SHOWN_PATHS = [
  /^title$/,
  /^description$/,
  /^obtainedAt$/,
  /^obtainedHow$/,
  /^source$/,
  /^collectedBy$/,
  /^sourceReliability$/,
  /^informationCredibility$/,
  /^tags(\.\d+)?$/,
  /^notes$/,
  /^reason$/,
];

export const isEvidenceFormPath = (path: string) => SHOWN_PATHS.some((re) => re.test(path));
