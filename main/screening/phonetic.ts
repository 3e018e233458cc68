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

/** In this order: longer sequences before the letters they contain. */
const SEQUENCES: [RegExp, string][] = [
  [/ng/g, 'N'], // ン stands for final -ng (Aung → アウン)
  [/[gq]h/g, 'K'],
  [/[td]h/g, 'T'],
  [/ph/g, 'H'],
  // Sibilants and affricates are one class: katakana writes s, sh, ch, j, z and the Slavic -ić alike.
  [/sch|tch|dzh|zh|ch|dj|sh|ts|tz|[jszx]/g, 'S'],
  [/[fh]/g, 'H'], // フ writes an h before a consonant (Hlaing → フライン) and every f
];

/**
 * Sequences and letters to sound classes; vowels, w and v are dropped after the first letter.
 * Katakana writes kh and th either way (Khudai → フダイ, Khan → カーン; Houthi → ホーシー, Thomas →
 * トマ): `reading` picks the class of each.
 */
export function coarseSkeleton(token: string, reading: { kh: 'h' | 'k'; th: 't' | 's' } = { kh: 'h', th: 't' }): string {
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
    .replace(/s(?=i)/g, 'sh'); // シ for si
  for (const [pattern, cls] of SEQUENCES) s = s.replace(pattern, cls);
  s = s
    .replace(/[bp]/g, 'P')
    .replace(/[td]/g, 'T')
    .replace(/[kgcq]/g, 'K')
    .replace(/[lr]/g, 'R')
    .replace(/m/g, 'M')
    .replace(/n/g, 'N')
    .replace(/N(?=[MP])/g, 'M'); // ン before m/b/p is said m (Mohammad → モハンマド)
  // v and w are written ウ, ワ or ヴ (Vladimir → ウラジーミル, Ivanov → イワノフ): a vowel here.
  const first = /^[aeiouyvw]/.test(s) ? 'A' : '';
  return (first + s.replace(/[a-z]/g, '')).replace(/(.)\1+/g, '$1');
}

/** Tokens repeat across names (Mohammed, Sergey, Kim): their skeletons are remembered. */
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

/**
 * The skeleton of tokens written together, from their own skeletons: a later token's vowel mark
 * is dropped and a sound repeated across the join is said once (MN + AN + HRN → MNHRN, as for
 * "minaunghlaing" written in one).
 */
export function joinedSkeleton(skeletons: readonly string[]): string {
  let out = '';
  for (const [i, skeleton] of skeletons.entries()) {
    const part = i > 0 && skeleton.startsWith('A') ? skeleton.slice(1) : skeleton;
    out += part.startsWith(out.at(-1) ?? '') && out !== '' ? part.slice(1) : part;
  }
  return out;
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
