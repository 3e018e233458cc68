import type {
  Classification,
  DocumentLanguage,
  Measure,
  ProposalRequest,
  StandardOfProof,
} from '../../../../shared/contract/channels/documents';

/** What the investigator chooses for the proposal(s); one document is issued per measure. */
export interface ProposalChoices {
  measures: Measure[];
  subjectIds: string[];
  language: DocumentLanguage;
  classification: Classification;
  addressee: string;
  reviewer: string;
  standard: StandardOfProof;
  proposedDate: string;
  reviewDate: string;
  scopeNote: string;
}

export const initialChoices = (subjectIds: string[]): ProposalChoices => ({
  measures: ['asset_freeze'],
  subjectIds,
  language: 'bilingual',
  classification: 'restricted',
  addressee: '',
  reviewer: '',
  standard: 'reasonable_grounds',
  proposedDate: '',
  reviewDate: '',
  scopeNote: '',
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The request for one measure, or null while the choices cannot make one (no subject, a half-typed date). */
export function requestFor(caseId: string, measure: Measure | undefined, c: ProposalChoices): ProposalRequest | null {
  if (!measure || c.subjectIds.length === 0) return null;
  const day = (v: string) => (v.trim() === '' ? null : DAY.test(v.trim()) ? v.trim() : undefined);
  const proposedDate = day(c.proposedDate);
  const reviewDate = day(c.reviewDate);
  if (proposedDate === undefined || reviewDate === undefined) return null;
  return {
    caseId,
    measure,
    subjectIds: c.subjectIds,
    language: c.language,
    classification: c.classification,
    addressee: c.addressee.trim(),
    reviewer: c.reviewer.trim(),
    standard: c.standard,
    proposedDate,
    reviewDate,
    scopeNote: c.scopeNote,
  };
}
