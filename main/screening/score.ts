import type { ScreeningFactor, ScreeningReasons } from '../../shared/contract/channels/screening';
import type { CountryCode } from '../../shared/domain/countries';
import { birthDateBounds, type DesignationDateOfBirth, type DesignationEntry, type NameStrength } from '../../shared/domain/designations';
import { fuzzyDateBounds, type FuzzyDate } from '../../shared/domain/fuzzy-date';
import type { NameScriptCode, SubjectType } from '../../shared/domain/subjects';
import { normaliseIdentifier } from '../lists/designation-store';
import { compareNames, isPhoneticForm, prepareName, type PreparedName } from './name-match';
import { formOf } from './romanise';
import { memoised } from './memoised';

/**
 * A candidate's score: the best agreement between one of the subject's names and one of the
 * entry's, then what the other facts add or take away. Every number is here, and in
 * docs/screening.md; change both together.
 */
export const WEIGHTS = {
  /** At or above: a candidate, kept and shown for a decision. */
  threshold: 0.78,
  /** Weak aliases (the subject's or the list's) count for less than names. */
  weakAlias: 0.9,
  birthDate: { same_day: 0.1, same_month: 0.08, same_year: 0.06, within_range: 0.05, about: 0.04, same_year_other_date: -0.05, one_year_apart: -0.05, different: -0.3 },
  nationality: { same_country: 0.03, different_country: -0.08 },
  /** A shared identity document number is very strong: the score is at least `identifierFloor`. */
  identifier: { same_number: 0.3, same_number_other_country: 0.15 },
  identifierFloor: 0.9,
  /** A person against an entity (or the reverse). */
  typeDiffers: -0.35,
  /** Identifiers shorter than this (after normalising) are too often shared by chance. */
  identifierMinLength: 5,
} as const;

export interface ProfileName {
  value: string;
  script: NameScriptCode;
  strength: 'primary' | 'strong' | 'weak';
  prepared: PreparedName;
}

/** What screening knows of a subject. */
export interface SubjectProfile {
  id: string;
  type: SubjectType;
  names: ProfileName[];
  birthDates: FuzzyDate[];
  nationalities: CountryCode[];
  documents: { number: string; normalised: string; country: CountryCode | null }[];
}

export interface Scored {
  score: number;
  reasons: ScreeningReasons;
}

/** Prepared names by value, so that a run romanises each list name once. */
export class NameCache {
  readonly get: (value: string) => PreparedName;
  constructor(max = 200_000) {
    this.get = memoised(prepareName, max);
  }
}

/** Whether a plain-ASCII name has a word starting with one of `initials` (any other name: assumed so). */
function sharesInitial(value: string, initials: ReadonlySet<string>): boolean {
  let wordStart = true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0x7e) return true;
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    const letter = (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57);
    if (letter && wordStart && initials.has(String.fromCharCode(lower))) return true;
    // Apostrophes join (O'Brien), as in romanise.
    wordStart = !letter && code !== 39;
  }
  return false;
}

const strengthFactor = (s: NameStrength | 'weak' | 'strong' | 'primary') => (s === 'weak' ? WEIGHTS.weakAlias : 1);

export interface BestName {
  score: number;
  reasons: ScreeningReasons['name'];
}

/** The best pair of names; entry names as (value, strength). */
export function bestName(
  subject: SubjectProfile,
  entryNames: readonly { value: string; script?: string | null; strength: NameStrength }[],
  cache: NameCache,
): BestName | null {
  let best: BestName | null = null;
  // A Latin name is compared by sound with the entry's katakana, Arabic … names only when the entry
  // gives no Latin name: sound skeletons are coarse, and the list's own romanisation is better.
  // Forms are told from the letters, so that names not compared are not romanised either.
  const forms = entryNames.map((e) => formOf(e.value));
  const hasLatin = forms.includes('latin');
  const bySound = subject.names.some((s) => isPhoneticForm(s.prepared.form));
  // Latin against Latin, a name sharing no part's first letter with any of the subject's cannot
  // agree (see compareNames): told from the plain-ASCII letters, before romanising anything.
  const initials = bySound ? null : new Set(subject.names.flatMap((n) => n.prepared.tokens.map((t) => t[0]!)));
  const prepared = entryNames
    .filter((e, i) => (bySound || !hasLatin || !isPhoneticForm(forms[i]!)) && (!initials || sharesInitial(e.value, initials)))
    .map((e) => ({ ...e, prepared: cache.get(e.value) }));
  for (const s of subject.names) {
    if (best && best.score >= 0.999) break;
    for (const e of prepared) {
      if (hasLatin && !isPhoneticForm(s.prepared.form) && isPhoneticForm(e.prepared.form)) continue;
      const agreement = compareNames(s.prepared, e.prepared);
      const score = agreement.score * strengthFactor(s.strength) * strengthFactor(e.strength);
      if (!best || score > best.score) {
        best = {
          score,
          reasons: {
            subjectName: s.value,
            subjectScript: s.script,
            entryName: e.value,
            entryStrength: e.strength,
            how: agreement.how,
            score: round(agreement.score),
          },
        };
      }
    }
  }
  return best;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

const dateText = (d: FuzzyDate) =>
  d.precision === 'unknown' ? '' : d.precision === 'range' ? `${d.from}–${d.to}` : d.value;

type DobDetail = keyof typeof WEIGHTS.birthDate;

/** Two dates of birth: agree when the days they can mean overlap; how well by the coarser of the two. */
function compareDates(s: FuzzyDate, listed: DesignationDateOfBirth): DobDetail | null {
  const sb = fuzzyDateBounds(s);
  const eb = birthDateBounds(listed);
  if (!sb || !eb) return null;
  const e = listed.value;
  if (sb.first <= eb.last && eb.first <= sb.last) {
    if (listed.circa) return 'about';
    if (s.precision === 'range' || e.precision === 'range') return 'within_range';
    if (s.precision === 'year' || e.precision === 'year') return 'same_year';
    if (s.precision === 'month' || e.precision === 'month') return 'same_month';
    return 'same_day';
  }
  const gap = sb.last < eb.first ? Number(eb.first.slice(0, 4)) - Number(sb.last.slice(0, 4)) : Number(sb.first.slice(0, 4)) - Number(eb.last.slice(0, 4));
  // Same year, another day or month: lists disagree on the day more often than on the year.
  if (gap === 0) return 'same_year_other_date';
  return gap === 1 ? 'one_year_apart' : 'different';
}

function birthDateFactor(subject: SubjectProfile, entry: DesignationEntry): ScreeningFactor | null {
  const dates = subject.birthDates.filter((d) => d.precision !== 'unknown');
  if (dates.length === 0) return null;
  const listed = entry.datesOfBirth.filter((d) => d.value.precision !== 'unknown');
  if (listed.length === 0) {
    return { factor: 'birth_date', result: 'unknown', detail: 'not_on_list', subject: dates.map(dateText).join(', '), entry: '', effect: 0 };
  }
  let best: ScreeningFactor | null = null;
  for (const s of dates) {
    for (const e of listed) {
      const detail = compareDates(s, e);
      if (!detail) continue;
      const effect = WEIGHTS.birthDate[detail];
      if (!best || effect > best.effect) {
        const result = effect > 0 ? 'agrees' : detail === 'one_year_apart' || detail === 'same_year_other_date' ? 'close' : 'disagrees';
        best = { factor: 'birth_date', result, detail, subject: dateText(s), entry: e.text || dateText(e.value), effect };
      }
    }
  }
  return best;
}

function nationalityFactor(subject: SubjectProfile, entry: DesignationEntry): ScreeningFactor | null {
  if (subject.nationalities.length === 0) return null;
  const listed = [...new Set(entry.nationalities.map((n) => n.country).filter((c): c is CountryCode => c !== null))];
  const subjectText = subject.nationalities.join(', ');
  if (listed.length === 0) return { factor: 'nationality', result: 'unknown', detail: 'not_on_list', subject: subjectText, entry: '', effect: 0 };
  const shared = listed.filter((c) => subject.nationalities.includes(c));
  return shared.length > 0
    ? { factor: 'nationality', result: 'agrees', detail: 'same_country', subject: subjectText, entry: shared.join(', '), effect: WEIGHTS.nationality.same_country }
    : { factor: 'nationality', result: 'disagrees', detail: 'different_country', subject: subjectText, entry: listed.join(', '), effect: WEIGHTS.nationality.different_country };
}

function identifierFactor(subject: SubjectProfile, entry: DesignationEntry): ScreeningFactor | null {
  let best: ScreeningFactor | null = null;
  for (const doc of subject.documents) {
    if (doc.normalised.length < WEIGHTS.identifierMinLength) continue;
    for (const id of entry.identifiers) {
      if (normaliseIdentifier(id.value) !== doc.normalised) continue;
      const otherCountry = doc.country !== null && id.country !== null && doc.country !== id.country;
      const detail = otherCountry ? 'same_number_other_country' : 'same_number';
      const effect = WEIGHTS.identifier[detail];
      if (!best || effect > best.effect) {
        best = { factor: 'identifier', result: otherCountry ? 'close' : 'agrees', detail, subject: doc.number, entry: `${id.label} ${id.value}`.trim(), effect };
      }
    }
  }
  return best;
}

function typeFactor(subject: SubjectProfile, entry: DesignationEntry): ScreeningFactor | null {
  if (entry.type === 'unknown') return null;
  const subjectIsPerson = subject.type === 'person';
  const entryIsPerson = entry.type === 'person';
  if (subjectIsPerson === entryIsPerson) return null;
  return { factor: 'type', result: 'disagrees', detail: 'person_vs_entity', subject: subject.type, entry: entry.type, effect: WEIGHTS.typeDiffers };
}

/** The name agreement and the facts together; null below the threshold. */
export function scoreEntry(subject: SubjectProfile, entry: DesignationEntry, name: BestName): Scored | null {
  const factors = [birthDateFactor(subject, entry), nationalityFactor(subject, entry), identifierFactor(subject, entry), typeFactor(subject, entry)].filter(
    (f): f is ScreeningFactor => f !== null,
  );
  let score = name.score + factors.reduce((sum, f) => sum + f.effect, 0);
  if (factors.some((f) => f.factor === 'identifier' && f.detail === 'same_number')) score = Math.max(score, WEIGHTS.identifierFloor);
  score = round(Math.min(1, Math.max(0, score)));
  if (score < WEIGHTS.threshold) return null;
  return { score, reasons: { name: name.reasons, factors } };
}

/** The most a subject's facts can add: a name scoring less than threshold minus this cannot become a candidate. */
export function maxFactBonus(subject: SubjectProfile): number {
  return (
    (subject.birthDates.some((d) => d.precision !== 'unknown') ? Math.max(...Object.values(WEIGHTS.birthDate)) : 0) +
    (subject.nationalities.length > 0 ? WEIGHTS.nationality.same_country : 0) +
    (subject.documents.length > 0 ? WEIGHTS.identifier.same_number : 0)
  );
}
