import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';

/**
 * Names in any script to lower-case ASCII tokens, the one form every comparison works on. Han is read
 * as Mandarin pinyin by pinyin-pro in its surname mode (单 as a surname is Shan, 曾 Zeng; traditional
 * characters too: 朱海侖 → zhu hailun); every other script goes through any-ascii, with katakana
 * digraphs (チャ, ティ, ファ) put together first, because any-ascii reads small kana as full ones.
 */

/** How a name was brought to Latin letters: decides how strictly its tokens are compared. */
export type NameForm = 'latin' | 'han' | 'kana' | 'hangul' | 'abjad' | 'other';

export interface RomanisedName {
  form: NameForm;
  tokens: string[];
  /** The Latin original carried diacritics or letters outside ASCII (Müller, Łukasz). */
  accented: boolean;
}

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}]/u;
const NON_LATIN_LETTER = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** Two-syllable Chinese surnames (simplified and traditional), so the given name is the rest. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 司徒 夏侯 令狐 端木 西门 西門 独孤 獨孤 南宫 南宮 百里 呼延 轩辕 軒轅 澹台 澹臺 申屠 太史 闻人 聞人'.split(' '),
);

/** A Han run read as a Chinese personal name (2–4 characters): surname, then the given name as one token. */
function hanTokens(run: string): string[] {
  const syllables = pinyin(run, { toneType: 'none', type: 'array', mode: 'surname', surname: 'head' }).map((s) =>
    anyAscii(s).toLowerCase(),
  );
  if (run.length < 2 || run.length > 4) return [syllables.join('')];
  const surnameLength = COMPOUND_SURNAMES.has(run.slice(0, 2)) && run.length > 2 ? 2 : 1;
  return [syllables.slice(0, surnameLength).join(''), syllables.slice(surnameLength).join('')];
}

const SMALL_VOWELS: Record<string, string> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o' };
const SMALL_Y: Record<string, string> = { ャ: 'a', ュ: 'u', ョ: 'o', ゃ: 'a', ゅ: 'u', ょ: 'o' };

/**
 * Kana to romaji: digraphs first (チャ cha, ティ ti, ファ fa, ウィ wi, ヴァ va), the rest by any-ascii.
 * The sokuon ッ and the long-vowel mark ー carry no consonant or vowel of their own and are dropped.
 */
function kanaRomaji(text: string): string {
  const chars = [...text.replace(/[ッっー〜]/g, '')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const base = anyAscii(c).toLowerCase();
    const consonant = base.replace(/[aiueo]$/, '');
    if (next && next in SMALL_VOWELS && /[a-z]/.test(base)) {
      const vowel = SMALL_VOWELS[next]!;
      out += c === 'ウ' || c === 'う' ? `w${vowel}` : consonant + vowel;
      i++;
    } else if (next && next in SMALL_Y && /[a-z]/.test(base)) {
      const vowel = SMALL_Y[next]!;
      out += /(ch|sh|j)$/.test(consonant) ? consonant + vowel : `${consonant}y${vowel}`;
      i++;
    } else {
      out += anyAscii(c);
    }
  }
  return out;
}

type Run = { kind: 'han' | 'kana' | 'hangul' | 'other'; text: string };

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const kind = HAN.test(ch) ? 'han' : KANA.test(ch) || ch === 'ー' ? 'kana' : HANGUL.test(ch) ? 'hangul' : 'other';
    const last = runs.at(-1);
    if (last && last.kind === kind) last.text += ch;
    else runs.push({ kind, text: ch });
  }
  return runs;
}

/**
 * Hangul syllables come out of any-ascii capitalised (GimJeongEun). A name written in one word is
 * surname then given name; words written apart stay as written.
 */
function hangulTokens(run: string): string[] {
  const words = run.split(/\s+/).filter(Boolean);
  return words.flatMap((word) => {
    const syllables = (anyAscii(word).match(/[A-Z][a-z]*/g) ?? [anyAscii(word)]).map((s) => s.toLowerCase());
    const whole = words.length === 1 && syllables.length >= 2 && syllables.length <= 4;
    return whole ? [syllables[0]!, syllables.slice(1).join('')] : [syllables.join('')];
  });
}

/** Lower-case ASCII words; apostrophes inside a word (O’Brien, CH’ANG) join rather than split. */
export function asciiWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/([a-z])['’‘`ʼ]+(?=[a-z])/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The form a name will have, from its letters alone (cheap: nothing is transliterated). */
export function formOf(text: string): NameForm {
  if (KANA.test(text)) return 'kana';
  if (HANGUL.test(text)) return 'hangul';
  if (HAN.test(text)) return 'han';
  if (ABJAD.test(text)) return 'abjad';
  if (NON_LATIN_LETTER.test(text)) return 'other';
  return 'latin';
}

/**
 * Parenthesised text in a name is a note or a list of other spellings (Denis (Denys) BEREZOVSKIY,
 * アレフ(以前掲載の氏名)); the other spellings are names of their own where the list says so.
 */
export const withoutNotes = (text: string) => text.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();

export function romanise(value: string): RomanisedName {
  // Most list names are plain ASCII: no script to tell apart, nothing to transliterate.
  if (/^[\x20-\x7e]*$/.test(value)) {
    const plain = withoutNotes(value) || value;
    return { form: 'latin', tokens: asciiWords(plain), accented: false };
  }
  const normalised = value.normalize('NFKC');
  const text = withoutNotes(normalised) || normalised;
  const form = formOf(text);
  const tokens: string[] = [];
  for (const run of runsOf(text)) {
    // Kanji beside kana are Japanese (三世, a note), not a Chinese name to read as pinyin.
    if (run.kind === 'han' && form === 'kana') continue;
    if (run.kind === 'han') tokens.push(...hanTokens(run.text));
    else if (run.kind === 'kana') tokens.push(...asciiWords(kanaRomaji(run.text)));
    else if (run.kind === 'hangul') tokens.push(...hangulTokens(run.text));
    else tokens.push(...asciiWords(anyAscii(run.text)));
  }
  return { form, tokens, accented: form === 'latin' && /[^\p{ASCII}]/u.test(text) };
}
