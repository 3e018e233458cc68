import { distance } from 'fastest-levenshtein';
import type { NameHow } from '../../shared/contract/channels/screening';
import { coarseSkeleton, coarseSkeletons, consonantSkeleton } from './phonetic';
import { romanise, type NameForm } from './romanise';

/**
 * How alike two names are, in any scripts, with how they agree. Both names are romanised into
 * tokens; tokens are paired one to one (best pairs first; a token may pair with two adjacent ones
 * written together: Changho / Chang Ho); the score is how well the pairs agree, less a penalty for
 * each part of one name that the other lacks. Weights: docs/screening.md.
 */

export interface PreparedName {
  value: string;
  form: NameForm;
  accented: boolean;
  tokens: string[];
  /** Each token's sound skeletons (coarseSkeletons): one, or two for a kh. */
  coarse: string[][];
  fine: string[];
  /** Particles, titles and legal forms (al, bin, van, Mr, LLC …): they weigh little and block nothing. */
  noise: boolean[];
  /** Made on first comparison and kept: a list name is compared with many subjects. */
  units?: Unit[];
  joins?: Joined[];
}

/** Names longer than this are sentences that a list put in a name field; the rest is not compared. */
export const MAX_TOKENS = 10;

const NOISE = new Set(
  [
    'al', 'el', 'ul', 'aru', 'eru', 'bin', 'ibn', 'bint', 'ben', 'de', 'da', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'di', 'du', 'dos', 'das', 'y',
    'mr', 'mrs', 'ms', 'dr', 'haji', 'hajji', 'mullah', 'mulla', 'maulavi', 'mawlawi', 'qari', 'sheikh', 'shaykh',
    'llc', 'ltd', 'limited', 'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'jsc', 'ojsc', 'pjsc', 'cjsc', 'ao', 'oao', 'zao',
    'ooo', 'pao', 'gmbh', 'sa', 'srl', 'plc', 'bv', 'nv', 'ag', 'ltda', 'sarl', 'spa', 'sdn', 'bhd', 'pte', 'pvt', 'llp', 'lp', 'fze', 'fzco', 'fzc',
    'the', 'and', 'of', 'for',
  ],
);

export const isNoise = (token: string) => NOISE.has(token);

export function prepareName(value: string): PreparedName {
  const { form, tokens: all, accented } = romanise(value);
  const tokens = all.slice(0, MAX_TOKENS);
  // Sound skeletons are made only when needed: most comparisons are Latin against Latin.
  let coarse: string[][] | undefined;
  let fine: string[] | undefined;
  return {
    value,
    form,
    accented,
    tokens,
    get coarse() {
      return (coarse ??= tokens.map(coarseSkeletons));
    },
    get fine() {
      return (fine ??= tokens.map(consonantSkeleton));
    },
    noise: tokens.map(isNoise),
  };
}

/** Levenshtein, with one swap of adjacent letters counted as one edit (a common typo). */
export function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped ? 1 : d;
}

/** Token weights: longer parts say more about who someone is; particles and titles little. */
const weightOf = (token: string, noise: boolean) => (noise ? 0.5 : Math.min(8, Math.max(2, token.length)));

interface TokenAgreement {
  sim: number;
  how: NameHow | null;
}

const NONE: TokenAgreement = { sim: 0, how: null };

/** Latin against Latin: equal, an initial, one typo, or a spelling variant of the same consonants. */
function latinAgreement(a: string, b: string, fineA: string, fineB: string): TokenAgreement {
  if (a === b) return { sim: 1, how: null };
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return { sim: 0.7, how: 'initials' };
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3) return NONE;
  const sameConsonants = shorter >= 4 && fineA.length >= 3 && fineA === fineB;
  // The edit distance only where it can decide (a length within one, or the same consonants).
  if (!sameConsonants && Math.abs(a.length - b.length) > 1) return NONE;
  const d = editDistance(a, b);
  // In a three-letter part one letter is a third of it: Min and Win are other names.
  if (d === 1) return { sim: shorter >= 4 ? 0.9 : 0.7, how: 'spelling' };
  // The same consonants (Mohammed, Muhammad): only when there are three or more of them.
  if (sameConsonants && d <= 3) return { sim: 0.85, how: 'spelling' };
  return NONE;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Runs of vowels: ti-mo-fee-ye-va has five, di-mo-fu three. A loop: it runs for every pair compared by sound. */
function vowelRuns(token: string): number {
  let runs = 0;
  let inRun = false;
  for (const ch of token) {
    const vowel = VOWELS.has(ch);
    if (vowel && !inRun) runs++;
    inRun = vowel;
  }
  return runs;
}

/**
 * A name that came from katakana, Hangul or an abjad against any other: by sound skeleton.
 * `kana` says which of the two came from katakana, if one did.
 */
function phoneticAgreement(a: string, b: string, skeletonsA: string[], skeletonsB: string[], abjad: boolean, kana: 'a' | 'b' | null): TokenAgreement {
  if (a === b) return { sim: 1, how: null };
  // Katakana writes every vowel a name has, and adds some (Oleg → オレグ oregu): a spelling with two
  // runs of vowels more than the katakana is another name (Timofeeyeva is not ディモフ dimofu).
  if (kana && vowelRuns(kana === 'a' ? b : a) >= vowelRuns(kana === 'a' ? a : b) + 2) return NONE;
  let best = NONE;
  for (const coarseA of skeletonsA) {
    for (const coarseB of skeletonsB) {
      const agreement = skeletonAgreement(coarseA, coarseB, abjad);
      if (agreement.sim > best.sim) best = agreement;
    }
  }
  if (best.sim > 0) return best;
  if (Math.min(a.length, b.length) >= 4 && editDistance(a, b) === 1) return { sim: 0.85, how: 'spelling' };
  return NONE;
}

const isNasal = (sound: string) => sound === 'M' || sound === 'N';

/**
 * Equal skeletons: 0.9; a one-sound skeleton (Zhu, Shi: S) is weak evidence, 0.8. An abjad writes no
 * short vowels, so its skeletons say less: 0.85, and 0.75 for two sounds or fewer (Janan: SN).
 */
function skeletonAgreement(coarseA: string, coarseB: string, abjad: boolean): TokenAgreement {
  if (coarseA !== '' && coarseA === coarseB) {
    const sim = abjad ? (coarseA.length > 2 ? 0.85 : 0.75) : coarseA.length > 1 ? 0.9 : 0.8;
    return { sim, how: 'phonetic' };
  }
  // One sound more or less: a silent final letter (Jules → ジュール, Laurent → ローラン), Park → パク.
  // One sound more, less or other, in skeletons of three sounds or more, the first sound agreeing
  // (Putin PSN is not Senin SN); or a short name's final sound not written (Jules → ジュール).
  // After an opening vowel the first consonant is how a name starts: another one there is another
  // name (Omar AMR, Yasir ASR), where one more or less is a doubled or assimilated letter
  // (Attiqullah ATSKR, アッティクッラー ASKR; al-Sayyid ARST, アッサイード AST). In three sounds,
  // another last one is another name too (Ayman AMN is not Omar AMR: brothers listed together
  // differ by their first name only), but for m and n (the UN writes هاشم Hashim as Hishan).
  const [shorter, longer] = coarseA.length <= coarseB.length ? [coarseA, coarseB] : [coarseB, coarseA];
  const otherFirstConsonant = coarseA[0] === 'A' && coarseA.length === coarseB.length && coarseA[1] !== coarseB[1];
  const lastSoundOther =
    coarseA.length === 3 && coarseB.length === 3 && coarseA[0] === coarseB[0] && coarseA[1] === coarseB[1] && !(isNasal(coarseA[2]!) && isNasal(coarseB[2]!));
  const oneOff = shorter.length >= 3 && coarseA[0] === coarseB[0] && !otherFirstConsonant && !lastSoundOther && distance(coarseA, coarseB) === 1;
  const silentFinal = shorter.length === 2 && longer.length === 3 && longer.startsWith(shorter);
  if (oneOff || silentFinal) return { sim: 0.75, how: 'phonetic' };
  return NONE;
}

/** A token, or adjacent tokens written together; its sound skeletons are made when first asked for. */
class Unit {
  private skeletons: string[] | undefined;
  private consonants: string | undefined;
  constructor(
    readonly first: number,
    readonly last: number,
    readonly text: string,
    private readonly name: PreparedName,
  ) {}
  get coarse(): string[] {
    return (this.skeletons ??= this.first === this.last ? this.name.coarse[this.first]! : coarseSkeletons(this.text));
  }
  get fine(): string {
    return (this.consonants ??= this.first === this.last ? this.name.fine[this.first]! : consonantSkeleton(this.text));
  }
}

/**
 * Each token, and each two or three adjacent tokens written together (Chang Ho / Changho; Abd
 * al-Karim / アブドルカリーム), unless all of them are particles.
 */
function unitsOf(name: PreparedName): Unit[] {
  if (name.units) return name.units;
  const units: Unit[] = name.tokens.map((text, i) => new Unit(i, i, text, name));
  for (let i = 0; i < name.tokens.length; i++) {
    for (let last = i + 1; last <= i + 2 && last < name.tokens.length; last++) {
      const parts = name.tokens.slice(i, last + 1);
      // Initials are not written together with a name (M. A. Hlaing is not Ahlaing).
      if (name.noise.slice(i, last + 1).every(Boolean) || parts.some((p) => p.length < 2)) continue;
      const text = parts.join('');
      units.push(new Unit(i, last, text, name));
    }
  }
  name.units = units;
  return units;
}

export interface NameAgreement {
  score: number;
  how: NameHow[];
}

export const isPhoneticForm = (form: NameForm) => form === 'kana' || form === 'hangul' || form === 'abjad' || form === 'other';

/** Penalties: a part each name has but that differs, and a part only one of them has. */
export const NAME_WEIGHTS = {
  /** Divided by the number of parts of the shorter name (at least 3): one differing part of five says less. */
  conflict: 0.9,
  conflictMin: 0.26,
  /** A part only the list's name has (a patronymic, a middle name): lists write names in full. */
  extra: 0.1,
  extraMax: 0.2,
  /**
   * A part only the list's name has, before every part that agrees: a first name the subject does
   * not have. ALI Barzan Ibrahim al-Tikriti is Barzan Ibrahim al-Tikriti's son, not him.
   */
  extraFirst: 0.3,
  /** A part only the subject's name has: the entry is someone with fewer names. */
  missing: 0.3,
  missingMax: 0.45,
  /** Only one part agrees while a name has several: a shared surname is not a match. */
  onePartCap: 0.6,
  /** Written together or apart (Zhuhailun / Zhu Hailun); by sound when phonetic. */
  joined: 0.95,
  joinedPhonetic: 0.88,
  /**
   * A name matched by sound with little sound in it (its parts' skeletons under `shortSound`
   * sounds in all: リュ・ジン, R SN) scores at most this: alone it is no candidate; with an agreeing
   * date of birth it can be.
   */
  shortSound: 5,
  shortSoundCap: 0.74,
} as const;

interface Joined {
  /** The parts written together, from each part in turn (rotations). */
  rotations: string[];
  /** Their sound skeletons, made when first compared by sound. */
  coarse?: string[];
}

/** With and without particles: Al-Rimi is written Alrimi as often as Rimi. Kept on the name. */
function joinsOf(name: PreparedName): Joined[] {
  if (name.joins) return name.joins;
  const core = name.tokens.filter((_, i) => !name.noise[i]);
  const forms = core.length > 0 && core.length < name.tokens.length ? [name.tokens, core] : [name.tokens];
  name.joins = forms.map((tokens) => ({ rotations: tokens.map((_, r) => [...tokens.slice(r), ...tokens.slice(0, r)].join('')) }));
  return name.joins;
}

const coarseOf = (j: Joined) => (j.coarse ??= j.rotations.map((r) => coarseSkeleton(r)));

function joinedAgreement(s: PreparedName, e: PreparedName, phonetic: boolean): NameAgreement | null {
  if (s.tokens.length === 1 && e.tokens.length === 1) return null;
  // Initials are never written together with names (W. Abdulkarim is not Abdul Karim).
  if (s.tokens.some((t) => t.length === 1) || e.tokens.some((t) => t.length === 1)) return null;
  for (const sj of joinsOf(s)) {
    const joinedS = sj.rotations[0]!;
    for (const ej of joinsOf(e)) {
      for (let r = 0; r < ej.rotations.length; r++) {
        const joinedE = ej.rotations[r]!;
        const how: NameHow[] = ['spacing', ...(r > 0 ? (['reordered'] as const) : [])];
        if (joinedS === joinedE) return { score: NAME_WEIGHTS.joined, how };
        if (joinedS.length >= 8 && Math.abs(joinedS.length - joinedE.length) <= 1 && editDistance(joinedS, joinedE) === 1) {
          return { score: NAME_WEIGHTS.joined - 0.05, how: [...how, 'spelling'] };
        }
      }
      // By sound only when the names have a different number of parts (the point is the spacing).
      if (phonetic && sj.rotations.length !== ej.rotations.length) {
        const skeletonS = coarseOf(sj)[0]!;
        // Five sounds at least: three (Janan Aga, Cheng Yeuk-wah: SNK) say little.
        const r = skeletonS.length >= 5 ? coarseOf(ej).indexOf(skeletonS) : -1;
        if (r >= 0) return { score: NAME_WEIGHTS.joinedPhonetic, how: ['spacing', ...(r > 0 ? (['reordered'] as const) : []), 'phonetic'] };
      }
    }
  }
  return null;
}

/** How well subject name `s` and entry name `e` agree (0–1), and how. */
export function compareNames(s: PreparedName, e: PreparedName): NameAgreement {
  const phonetic = isPhoneticForm(s.form) || isPhoneticForm(e.form);
  const abjad = s.form === 'abjad' || e.form === 'abjad';
  const kana = s.form === e.form ? null : s.form === 'kana' ? 'a' : e.form === 'kana' ? 'b' : null;
  const scriptHow: NameHow[] = [
    ...(s.form !== 'latin' || e.form !== 'latin' ? (['transliterated'] as const) : []),
    ...(s.accented !== e.accented || (s.accented && s.value !== e.value) ? (['diacritics'] as const) : []),
  ];
  if (s.tokens.length === 0 || e.tokens.length === 0) return { score: 0, how: [] };
  // Latin against Latin, every way of agreeing keeps a part's first letter: none shared, no agreement.
  if (!phonetic && !e.tokens.some((t) => s.tokens.some((u) => u[0] === t[0]))) return { score: 0, how: [] };

  const sUnits = unitsOf(s);
  const eUnits = unitsOf(e);
  const pairs: { su: Unit; eu: Unit; sim: number; how: NameHow | null }[] = [];
  for (const su of sUnits) {
    for (const eu of eUnits) {
      if (su.first !== su.last && eu.first !== eu.last) continue;
      // An initial stands for one name, never for two written together.
      const merged = su.first !== su.last || eu.first !== eu.last;
      if (merged && (su.text.length === 1 || eu.text.length === 1)) continue;
      const agreement = phonetic
        ? phoneticAgreement(su.text, eu.text, su.coarse, eu.coarse, abjad, kana)
        : latinAgreement(su.text, eu.text, su.fine, eu.fine);
      if (agreement.sim > 0) pairs.push({ su, eu, ...agreement });
    }
  }
  const span = (u: Unit) => u.last - u.first;
  // Best first; between equals, single parts before parts written together.
  pairs.sort((a, b) => b.sim - a.sim || span(a.su) + span(a.eu) - span(b.su) - span(b.eu));

  const usedS = new Set<number>();
  const usedE = new Set<number>();
  const chosen: typeof pairs = [];
  const free = (used: Set<number>, u: Unit) => !used.has(u.first) && !used.has(u.last);
  for (const pair of pairs) {
    if (!free(usedS, pair.su) || !free(usedE, pair.eu)) continue;
    chosen.push(pair);
    for (let i = pair.su.first; i <= pair.su.last; i++) usedS.add(i);
    for (let i = pair.eu.first; i <= pair.eu.last; i++) usedE.add(i);
  }

  const weigh = (name: PreparedName, u: Unit) => {
    let w = 0;
    for (let i = u.first; i <= u.last; i++) w += weightOf(name.tokens[i]!, name.noise[i]!);
    return w;
  };
  let agreed = 0;
  let total = 0;
  const how = new Set<NameHow>(scriptHow);
  for (const pair of chosen) {
    const w = weigh(s, pair.su) + weigh(e, pair.eu);
    agreed += pair.sim * w;
    total += w;
    if (pair.how) how.add(pair.how);
    if (span(pair.su) + span(pair.eu) > 0) how.add('spacing');
  }
  const coreCount = (name: PreparedName) => name.noise.filter((n) => !n).length;
  const unmatched = (name: PreparedName, used: Set<number>) => name.tokens.filter((_, i) => !name.noise[i] && !used.has(i)).length;
  const missingS = unmatched(s, usedS);
  const missingE = unmatched(e, usedE);
  const conflicts = Math.min(missingS, missingE);
  const extras = Math.max(0, missingE - missingS);
  const firstAgreeing = Math.min(...[...usedE].filter((i) => !e.noise[i]));
  const extraFirst = extras > 0 && conflicts === 0 && e.tokens.some((_, i) => i < firstAgreeing && !e.noise[i] && !usedE.has(i));
  const missing = Math.max(0, missingS - missingE);
  const matchedParts = Math.max(
    [...usedS].filter((i) => !s.noise[i]).length,
    [...usedE].filter((i) => !e.noise[i]).length,
  );

  let score = total > 0 ? agreed / total : 0;
  const conflictPenalty = Math.max(NAME_WEIGHTS.conflictMin, NAME_WEIGHTS.conflict / Math.max(3, Math.min(coreCount(s), coreCount(e))));
  score -=
    conflictPenalty * conflicts +
    (extraFirst ? NAME_WEIGHTS.extraFirst : Math.min(NAME_WEIGHTS.extraMax, NAME_WEIGHTS.extra * extras)) +
    Math.min(NAME_WEIGHTS.missingMax, NAME_WEIGHTS.missing * missing);
  if (matchedParts <= 1 && Math.max(coreCount(s), coreCount(e)) >= 2) score = Math.min(score, NAME_WEIGHTS.onePartCap);
  if (extras + missing > 0) how.add('partial');
  const order = [...chosen].sort((a, b) => a.su.first - b.su.first).map((p) => p.eu.first);
  if (order.some((v, i) => i > 0 && v < order[i - 1]!)) how.add('reordered');

  // Written together by sound only for katakana and Hangul: an abjad's skeletons are too short.
  const joined = score < NAME_WEIGHTS.joined ? joinedAgreement(s, e, phonetic && !abjad) : null;
  let result: NameAgreement;
  if (joined && joined.score > score) result = { score: joined.score, how: [...new Set([...scriptHow, ...joined.how])] };
  else {
    if (score >= 0.999 && how.size === 0) how.add('exact');
    result = { score: Math.max(0, score), how: [...how] };
  }
  if (result.how.includes('phonetic')) {
    const phoneticSide = isPhoneticForm(s.form) ? s : e;
    const sounds = phoneticSide.coarse.reduce((n, variants, i) => n + (phoneticSide.noise[i] ? 0 : (variants[0] ?? '').length), 0);
    if (sounds < NAME_WEIGHTS.shortSound) result.score = Math.min(result.score, NAME_WEIGHTS.shortSoundCap);
  }
  return result;
}
