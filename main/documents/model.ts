import type { Classification, Measure, ProposalRequestParsed, StandardOfProof } from '../../shared/contract/channels/documents';
import type { FindingOutcome } from '../../shared/contract/channels/findings';
import type { MatrixRow } from '../../shared/contract/channels/screening';
import type { Authority } from '../../shared/domain/designations';
import type { FuzzyDate } from '../../shared/domain/fuzzy-date';
import type { DocumentType, NameScriptCode, SubjectRole, SubjectType } from '../../shared/domain/subjects';
import type { AllegationStatus } from '../../shared/domain/workflow';
import type { CountryCode } from '../../shared/domain/countries';
import type { ConductCategoryCode } from '../../shared/domain/conduct-categories';
import type { DocLanguage } from './dates';

/**
 * A proposal as the templates see it: everything it says, gathered from the case and checked,
 * with nothing of the case file that must not be printed (victims' and witnesses' identities,
 * evidence sources and notes, file names). Language-neutral: the templates word it.
 */

/** Rendered rich text (finding, statement of reasons), in the language it was written in. */
export interface RichBlock {
  html: string;
  lang: DocLanguage;
}

export interface NameLine {
  script: NameScriptCode;
  value: string;
  /** BCP 47 tag for `lang` (shared/domain/subjects NAME_SCRIPTS). */
  lang: string;
  /** false: the fonts cannot print it; the document says where it is kept instead. */
  printable: boolean;
  strength?: 'strong' | 'weak';
}

export interface SubjectModel {
  id: string;
  reference: string;
  type: SubjectType;
  displayName: string;
  names: NameLine[];
  aliases: NameLine[];
  birthDates: { date: FuzzyDate; sourceText: string }[];
  birthPlaces: { place: string; country: CountryCode | null }[];
  nationalities: CountryCode[];
  documents: { type: DocumentType; number: string; country: CountryCode | null }[];
  positions: { title: string; organization: string; period: FuzzyDate }[];
  addresses: { address: string; country: CountryCode | null }[];
  roles: { allegation: string; role: SubjectRole }[];
  reasons: RichBlock | null;
  finding: { outcome: FindingOutcome; body: RichBlock } | null;
  /** The subject's row of the coordination matrix; null when the check has not been run. */
  coordination: MatrixRow | null;
}

export interface AllegationModel {
  id: string;
  reference: string;
  category: ConductCategoryCode;
  period: FuzzyDate;
  place: string;
  status: AllegationStatus;
  narrative: string;
  /** How many victims are recorded; never who they are. */
  victimCount: number;
  subjects: { reference: string; name: string; role: SubjectRole }[];
  finding: { outcome: FindingOutcome; body: RichBlock } | null;
}

export interface ExhibitModel {
  exhibit: string;
  seq: number;
  title: string;
  kind: 'file' | 'testimony';
  obtainedAt: string | null;
  grading: string | null;
  sha256: string | null;
}

export interface ExculpatoryModel {
  exhibit: string;
  title: string;
  /** "A-2", "S-3". */
  contradicts: string[];
  addressedIn: { kind: 'allegation_finding' | 'subject_finding' | 'reasons'; of: string }[];
}

export interface ProposalModel {
  measure: Measure;
  language: ProposalRequestParsed['language'];
  classification: Classification;
  standard: StandardOfProof;
  case: { reference: string; title: string };
  number: string;
  version: number;
  /** The document's date (the day in Japan it is printed or issued), YYYY-MM-DD. */
  day: string;
  draft: boolean;
  /** Built by Casebench from public sources (main/demo): marked DEMO on every page, issued or not. */
  demo: boolean;
  addressee: string | null;
  author: string;
  reviewer: string | null;
  proposedDate: string | null;
  reviewDate: string;
  scopeNote: string;
  subjects: SubjectModel[];
  allegations: AllegationModel[];
  exhibits: ExhibitModel[];
  exculpatory: ExculpatoryModel[];
  /** Whether the coordination matrix was available at all (the partner-designation check exists and ran). */
  coordinationAvailable: boolean;
  authorities: Authority[];
}
