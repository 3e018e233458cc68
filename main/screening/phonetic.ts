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

/** Sequences to sound classes, longest first at each position. */
const SEQUENCES = /ng|[gq]h|[td]h|ph|sch|tch|dzh|zh|ch|dj|sh|ts|tz|[jszx]|[fh]/g;
const sequenceClass = (m: string): string =>
  m === 'ng'
    ? 'N' // ン stands for final -ng (Aung → アウン)
    : m === 'gh' || m === 'qh'
      ? 'K'
      : m === 'th' || m === 'dh'
        ? 'T'
        : m === 'ph' || m === 'f' || m === 'h'
          ? 'H' // フ writes an h before a consonant (Hlaing → フライン) and every f
          : 'S'; // sibilants and affricates are one class: katakana writes s, sh, ch, j, z and the Slavic -ić alike
const LETTER_CLASSES: Record<string, string> = { b: 'P', p: 'P', t: 'T', d: 'T', k: 'K', g: 'K', c: 'K', q: 'K', l: 'R', r: 'R', m: 'M', n: 'N' };

/**
 * Sequences and letters to sound classes; vowels, w and v are dropped after the first letter.
 * Katakana writes kh and th either way (Khudai → フダイ, Khan → カーン; Houthi → ホーシー, Thomas →
 * トマ): `reading` picks the class of each.
 */
export function coarseSkeleton(token: string, reading: { kh: 'h' | 'k'; th: 't' | 's' } = PLAIN): string {
  if (reading !== PLAIN) return skeletonOf(token, reading);
  let hit = plainRemembered.get(token);
  if (hit === undefined) {
    if (plainRemembered.size >= REMEMBERED_MAX) plainRemembered.clear();
    hit = skeletonOf(token, reading);
    plainRemembered.set(token, hit);
  }
  return hit;
}

const PLAIN = { kh: 'h', th: 't' } as const;
/** Names repeat (a list gives "Given Family" and "FAMILY, Given"; tokens recur): skeletons are remembered. */
const plainRemembered = new Map<string, string>();

function skeletonOf(token: string, reading: { kh: 'h' | 'k'; th: 't' | 's' }): string {
  let s = token.toLowerCase().replace(/[^a-z]/g, '');
  if (s === '') return '';
  s = s
    .replace(/kh/g, reading.kh)
    .replace(/th/g, reading.th)
    .replace(/^wu/, 'u')
    .replace(/(?<=[aeiou])h$/, '') // a final h is not said: Allah → アッラー, Shah → シャー
    // Russian v is said, and written in katakana, as f at the end and before a voiceless consonant
    // (Lavrov → ラヴロフ, Berezovsky → ベレゾフスキー).
    .replace(/(?<=.)v(?=$|[kstpc])/g, 'f')
    .replace(/([bcdfghkmnpqrstxz])w/g, '$1') // Hwang → ファン, Kwak → クァク
    .replace(/x/g, 'ks')
    .replace(/c(?=[eiy]|$)/g, 's')
    .replace(/ck/g, 'k')
    .replace(/[td](?=i)/g, 'j') // チ/ジ for ti/di: Putin → プーチン puchin
    .replace(/s(?=i)/g, 'sh') // シ for si
    .replace(SEQUENCES, sequenceClass)
    .replace(/[bptdkgcqlrmn]/g, (c) => LETTER_CLASSES[c]!)
    .replace(/N(?=[MP])/g, 'M'); // ン before m/b/p is said m (Mohammad → モハンマド)
  // v and w are written ウ, ワ or ヴ (Vladimir → ウラジーミル, Ivanov → イワノフ): a vowel here.
  const first = /^[aeiouyvw]/.test(s) ? 'A' : '';
  return (first + s.replace(/[a-z]/g, '')).replace(/(.)\1+/g, '$1');
}

const remembered = new Map<string, string[]>();
const REMEMBERED_MAX = 200_000;

/** The skeletons a token may have: more than one when it has a kh or a th. */
export function coarseSkeletons(token: string): string[] {
  let hit = remembered.get(token);
  if (!hit) {
    if (remembered.size >= REMEMBERED_MAX) remembered.clear();
    hit = skeletonsOf(token);
    remembered.set(token, hit);
  }
  return hit;
}

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
