/**
 * Sound skeletons of romanised name tokens. No installed library knows how Japanese media write
 * foreign names in katakana, so this is the product's own, deliberately coarse, rule set
 * (docs/screening.md lists it).
 *
 * `coarseSkeleton` is for names that came from katakana, Hangul or an abjad, where the spelling
 * says little: ミン・アウン・フライン (min aun furain) and Min Aung Hlaing both become MN AN HRN.
 * `consonantSkeleton` is for Latin against Latin: only vowels and doubled letters are let go
 * (Mohammed, Muhammad, Mohamed → mhmd), so that Hailong and Hailun stay apart.
 */

import { memoised } from './memoised';

const LETTER_CLASSES: Record<string, string> = { b: 'P', p: 'P', t: 'T', d: 'T', k: 'K', g: 'K', c: 'K', q: 'K', l: 'R', r: 'R', m: 'M', n: 'N' };

/**
 * Sequences and letters to sound classes; vowels, w and v are dropped after the first letter.
 * Katakana writes kh and th either way (Khudai → フダイ, Khan → カーン; Houthi → ホーシー, Thomas →
 * トマ): `reading` picks the class of each.
 */
export function coarseSkeleton(token: string, reading: { kh: 'h' | 'k'; th: 't' | 's' } = { kh: 'h', th: 't' }): string {
  let s = /^[a-z]*$/.test(token) ? token : token.toLowerCase().replace(/[^a-z]/g, '');
  if (s === '') return '';
  // Each rewrite only where its letters are (a regex pass over every name costs more than the check).
  if (s.includes('kh')) s = s.replace(/kh/g, reading.kh);
  if (s.includes('th')) s = s.replace(/th/g, reading.th);
  if (s.startsWith('wu')) s = s.slice(1);
  // A final h is not said: Allah → アッラー, Shah → シャー.
  if (s.endsWith('h') && s.length > 1 && 'aeiou'.includes(s[s.length - 2]!)) s = s.slice(0, -1);
  // Russian v is said, and written in katakana, as f at the end and before a voiceless consonant
  // (Lavrov → ラヴロフ, Berezovsky → ベレゾフスキー).
  if (s.includes('v')) s = s.replace(/(?<=.)v(?=$|[kstpc])/g, 'f');
  if (s.includes('w')) s = s.replace(/([bcdfghkmnpqrstxz])w/g, '$1'); // Hwang → ファン, Kwak → クァク
  if (s.includes('x')) s = s.replace(/x/g, 'ks');
  if (s.includes('c')) s = s.replace(/c(?=[eiy]|$)/g, 's').replace(/ck/g, 'k');
  if (s.includes('i')) s = s.replace(/[td](?=i)/g, 'j').replace(/s(?=i)/g, 'sh'); // チ/ジ for ti/di: Putin → プーチン puchin; シ for si
  // One pass, not remembered: cheaper than a lookup, and most names written together are seen once.
  return soundClasses(s);
}

/**
 * The sequence at `i` and its class, longest first: ng N; gh qh K; th dh T; ph f h H (フ writes an
 * h before a consonant, Hlaing → フライン, and every f); sibilants and affricates (sch tch dzh zh ch
 * dj sh ts tz j s z x) S, since katakana writes s, sh, ch, j, z and the Slavic -ić alike. Null
 * where a single letter's class (LETTER_CLASSES) applies.
 */
function sequenceAt(s: string, i: number): [cls: string, length: number] | null {
  const c = s[i]!;
  const n = s[i + 1];
  switch (c) {
    case 'n':
      return n === 'g' ? ['N', 2] : null;
    case 'g':
    case 'q':
      return n === 'h' ? ['K', 2] : null;
    case 't':
      if (n === 'h') return ['T', 2];
      if (n === 'c' && s[i + 2] === 'h') return ['S', 3];
      return n === 's' || n === 'z' ? ['S', 2] : null;
    case 'd':
      if (n === 'h') return ['T', 2];
      if (n === 'z' && s[i + 2] === 'h') return ['S', 3];
      return n === 'j' ? ['S', 2] : null;
    case 'p':
      return n === 'h' ? ['H', 2] : null;
    case 's':
      if (n === 'c' && s[i + 2] === 'h') return ['S', 3];
      return n === 'h' ? ['S', 2] : ['S', 1];
    case 'z':
    case 'c':
      if (n === 'h') return ['S', 2];
      return c === 'z' ? ['S', 1] : null;
    case 'j':
    case 'x':
      return ['S', 1];
    case 'f':
    case 'h':
      return ['H', 1];
    default:
      return null;
  }
}

/**
 * The classes of a rewritten token in one pass: sequences (SEQUENCES), then single letters
 * (LETTER_CLASSES); ン before m/b/p is said m (Mohammad → モハンマド). v and w are written ウ,
 * ワ or ヴ (Vladimir → ウラジーミル, Ivanov → イワノフ): a vowel here. Vowels are dropped after
 * the first letter, and a sound repeated is one.
 */
function soundClasses(s: string): string {
  const classes: string[] = [];
  /** Whether each class is followed at once by another (no vowel between): for the ン rule. */
  const adjacent: boolean[] = [];
  let lastEnd = -1;
  for (let i = 0; i < s.length; ) {
    const sequence = sequenceAt(s, i);
    const cls = sequence ? sequence[0] : LETTER_CLASSES[s[i]!];
    const length = sequence ? sequence[1] : 1;
    if (cls) {
      if (classes.length) adjacent[classes.length - 1] = lastEnd === i;
      classes.push(cls);
      lastEnd = i + length;
    }
    i += length;
  }
  let out = /^[aeiouyvw]/.test(s) ? 'A' : '';
  for (let k = 0; k < classes.length; k++) {
    let cls = classes[k]!;
    if (cls === 'N' && adjacent[k] && (classes[k + 1] === 'M' || classes[k + 1] === 'P')) cls = 'M';
    if (out[out.length - 1] !== cls) out += cls;
  }
  return out;
}

/** The skeletons a token may have: more than one when it has a kh or a th. */
export const coarseSkeletons: (token: string) => string[] = memoised(skeletonsOf, 200_000);

function skeletonsOf(token: string): string[] {
  const lower = token.toLowerCase();
  const khs = lower.includes('kh') ? (['h', 'k'] as const) : (['h'] as const);
  const ths = lower.includes('th') ? (['t', 's'] as const) : (['t'] as const);
  return [...new Set(khs.flatMap((kh) => ths.map((th) => coarseSkeleton(lower, { kh, th }))))];
}

/** Latin spelling variants: vowels after the first letter and doubled letters let go. */
export function consonantSkeleton(token: string): string {
  const s = token.toLowerCase();
  return (s.slice(0, 1) + s.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/g, '$1');
}
