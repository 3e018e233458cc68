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

/** How katakana wrote a name's kh and th (Khudai → フダイ, Khan → カーン; Houthi → ホーシー, Thomas → トマ). */
export interface Reading {
  kh: 'h' | 'k';
  th: 't' | 's';
}

const USUAL: Reading = { kh: 'h', th: 't' };

/**
 * Sequences and letters to sound classes; vowels, w and v are dropped after the first letter.
 * `reading` picks the class of kh and th. The rules, in the order they apply:
 *
 * 1. kh and th as `reading` says; a leading wu is u (Wu → ウー); a final h after a vowel is not
 *    said (Allah → アッラー, Shah → シャー).
 * 2. Russian v is said, and written in katakana, as f at the end and before a voiceless consonant
 *    (Lavrov → ラヴロフ, Berezovsky → ベレゾフスキー); w after a consonant goes (Hwang → ファン, Kwak →
 *    クァク); x is ks; c before e, i, y or at the end is s, and ck is k.
 * 3. ti and di are チ and ジ (Putin → プーチン puchin), si is シ (shi).
 * 4. The classes (soundClasses), then ン before m, b or p is said m (Mohammad → モハンマド).
 *
 * Done over character codes in two reused buffers rather than with a regular expression per rule:
 * the store makes a skeleton for every rotation of every name it imports (millions), and with the
 * expressions that took a third of the time spent on name keys. phonetic.test.ts checks it, token
 * by token, against the rules written as expressions.
 */
export function coarseSkeleton(token: string, reading: Reading = USUAL): string {
  const s = isLowerLatin(token) ? token : token.toLowerCase().replace(/[^a-z]/g, '');
  const n = s.length;
  if (n === 0) return '';
  const buffer = letters(n);
  for (let i = 0; i < n; i++) buffer[i] = s.charCodeAt(i);
  return skeletonOfLetters(n, reading);
}

/**
 * The skeleton of `tokens` written together from token `from` on, round to the one before it
 * (Hlaing Min Aung from 1: minaunghlaing): coarseSkeleton of that string, without making it.
 */
export function rotatedSkeleton(tokens: readonly string[], from: number): string {
  let n = 0;
  for (const token of tokens) {
    if (!isLowerLatin(token)) return coarseSkeleton([...tokens.slice(from), ...tokens.slice(0, from)].join(''));
    n += token.length;
  }
  if (n === 0) return '';
  const buffer = letters(n);
  let at = 0;
  for (let step = 0; step < tokens.length; step++) {
    const token = tokens[(from + step) % tokens.length]!;
    for (let i = 0; i < token.length; i++) buffer[at++] = token.charCodeAt(i);
  }
  return skeletonOfLetters(n, USUAL);
}

const code = (ch: string) => ch.charCodeAt(0);
// Letters by their codes (i, n and s with a _: names the loops use).
const [a, c, d, f, g, h, i_, j, k, n_, p, q, s_, t, u, v, w, x, z] = [...'acdfghijknpqstuvwxz'].map(code) as [
  number, number, number, number, number, number, number, number, number, number,
  number, number, number, number, number, number, number, number, number,
];

function isLowerLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch < a || ch > z) return false;
  }
  return true;
}

/** Two working buffers of letters (rewrites read one and write the other); x → ks and si → shi at most double a name. */
let front = new Uint8Array(256);
let back = new Uint8Array(256);

function letters(length: number): Uint8Array {
  if (front.length < 2 * length + 2) {
    front = new Uint8Array(4 * length);
    back = new Uint8Array(4 * length);
  }
  return front;
}

function swap(): void {
  const was = front;
  front = back;
  back = was;
}

const flags = (chars: string): Uint8Array => {
  const table = new Uint8Array(128);
  for (const ch of chars) table[code(ch)] = 1;
  return table;
};
const VOWEL = flags('aeiou');
const FIRST_VOWEL = flags('aeiouyvw');
const VOICELESS = flags('kstpc');
const BEFORE_SILENT_W = flags('bcdfghkmnpqrstxz');
const SOFT_C = flags('eiy');

/** Rules 1–4 of coarseSkeleton on the first `length` letters of `front`, then the classes. */
function skeletonOfLetters(length: number, reading: Reading): string {
  let len = length;
  len = pairTo(len, k, code(reading.kh));
  len = pairTo(len, t, code(reading.th));
  if (len >= 2 && front[0] === w && front[1] === u) {
    front.copyWithin(0, 1, len);
    len--;
  }
  if (len > 1 && front[len - 1] === h && VOWEL[front[len - 2]!]) len--;
  len = rewriteLetters(len);
  return soundClasses(front, len);
}

/** `first` followed by h becomes `into`, left to right, as a global replace would. */
function pairTo(len: number, first: number, into: number): number {
  const src = front;
  const dst = back;
  let out = 0;
  for (let i = 0; i < len; i++) {
    if (src[i] === first && i + 1 < len && src[i + 1] === h) {
      dst[out++] = into;
      i++;
    } else dst[out++] = src[i]!;
  }
  swap();
  return out;
}

/** Rule 2: v said f in place (a letter for a letter), then w after a consonant, then x and c. */
function rewriteLetters(length: number): number {
  const src = front;
  for (let i = 1; i < length; i++) if (src[i] === v && (i === length - 1 || VOICELESS[src[i + 1]!])) src[i] = f;
  return softenBeforeI(xAndC(silentW(length)));
}

/** w after a consonant goes, reading on after the pair (as /([…])w/g does). */
function silentW(len: number): number {
  const src = front;
  const dst = back;
  let out = 0;
  for (let i = 0; i < len; i++) {
    const ch = src[i]!;
    dst[out++] = ch;
    if (BEFORE_SILENT_W[ch] && i + 1 < len && src[i + 1] === w) i++;
  }
  swap();
  return out;
}

/** x is ks; c before e, i, y or at the end is s; ck is k. */
function xAndC(len: number): number {
  const src = front;
  const dst = back;
  let out = 0;
  for (let i = 0; i < len; i++) {
    const ch = src[i]!;
    if (ch === x) {
      dst[out++] = k;
      dst[out++] = s_;
    } else if (ch === c && (i === len - 1 || SOFT_C[src[i + 1]!])) dst[out++] = s_;
    else if (ch === c && i + 1 < len && src[i + 1] === k) {
      dst[out++] = k;
      i++;
    } else dst[out++] = ch;
  }
  swap();
  return out;
}

/** Rule 3, after rule 2 (c before i became s, and so shi): ti and di are ji, si is shi. */
function softenBeforeI(len: number): number {
  const src = front;
  const dst = back;
  let out = 0;
  for (let i = 0; i < len; i++) {
    const ch = src[i]!;
    const beforeI = i + 1 < len && src[i + 1] === i_;
    if (beforeI && (ch === t || ch === d)) dst[out++] = j;
    else if (beforeI && ch === s_) {
      dst[out++] = s_;
      dst[out++] = h;
    } else dst[out++] = ch;
  }
  swap();
  return out;
}

// Sound classes as character codes.
const [P, T, K, M, N, S, H] = [...'PTKMNSH'].map(code) as [number, number, number, number, number, number, number];
const LETTER_CLASS = new Uint8Array(128);
for (const [letter, cls] of Object.entries({ b: 'P', p: 'P', t: 'T', d: 'T', k: 'K', g: 'K', c: 'K', q: 'K', l: 'R', r: 'R', m: 'M', n: 'N' })) {
  LETTER_CLASS[code(letter)] = code(cls);
}

/**
 * The class of the sequence at `i` and its length, longest first, as class * 4 + length; 0 where a
 * single letter's class (LETTER_CLASS) applies. ng N; gh qh K; th dh T; ph f h H (フ writes an h
 * before a consonant, Hlaing → フライン, and every f); sibilants and affricates (sch tch dzh zh ch dj
 * sh ts tz j s z x) S, since katakana writes s, sh, ch, j, z and the Slavic -ić alike.
 */
function sequenceAt(s: Uint8Array, len: number, i: number): number {
  const ch = s[i];
  const next = i + 1 < len ? s[i + 1] : 0;
  const third = i + 2 < len ? s[i + 2] : 0;
  switch (ch) {
    case n_:
      return next === g ? N * 4 + 2 : 0;
    case g:
    case q:
      return next === h ? K * 4 + 2 : 0;
    case t:
      if (next === h) return T * 4 + 2;
      if (next === c && third === h) return S * 4 + 3;
      return next === s_ || next === z ? S * 4 + 2 : 0;
    case d:
      if (next === h) return T * 4 + 2;
      if (next === z && third === h) return S * 4 + 3;
      return next === j ? S * 4 + 2 : 0;
    case p:
      return next === h ? H * 4 + 2 : 0;
    case s_:
      if (next === c && third === h) return S * 4 + 3;
      return next === h ? S * 4 + 2 : S * 4 + 1;
    case z:
    case c:
      if (next === h) return S * 4 + 2;
      return ch === z ? S * 4 + 1 : 0;
    case j:
    case x:
      return S * 4 + 1;
    case f:
    case h:
      return H * 4 + 1;
    default:
      return 0;
  }
}

/**
 * The classes of rewritten letters in one pass: sequences, then single letters; vowels (and v
 * and w, written ウ, ワ or ヴ: Vladimir → ウラジーミル, Ivanov → イワノフ) are dropped after the first
 * letter, a sound repeated is one, and N directly before M or P is M.
 */
function soundClasses(s: Uint8Array, len: number): string {
  let out = len > 0 && FIRST_VOWEL[s[0]!] ? 'A' : '';
  let last = out === '' ? 0 : code('A');
  // A class is written once the next is known (for the ン rule): the one waiting, and where it ended.
  let waiting = 0;
  let waitingEnd = -1;
  for (let i = 0; i <= len; ) {
    const sequence = i < len ? sequenceAt(s, len, i) : 0;
    const cls = i === len ? -1 : sequence ? sequence >> 2 : LETTER_CLASS[s[i]!]!;
    if (cls !== 0 && waiting !== 0) {
      const said = waiting === N && waitingEnd === i && (cls === M || cls === P) ? M : waiting;
      if (said !== last) {
        out += String.fromCharCode(said);
        last = said;
      }
    }
    if (cls === -1) break;
    const length = sequence ? sequence & 3 : 1;
    if (cls !== 0) {
      waiting = cls;
      waitingEnd = i + length;
    }
    i += length;
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
