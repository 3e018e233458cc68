/**
 * How the MOF workbook's cells are split into values. An alias cell holds one alias a line, ending
 * in 、, or several after "(a)" markers or between semicolons; each is read by ./alias-text, which
 * also splits lists written inside one line (between commas, or a chain of a.k.a.). A primary name
 * may give other spellings of its words in brackets.
 */
import type { DesignationName } from '../../shared/domain/designations';
import { consonantSkeleton } from '../screening/phonetic';
import { outside, readAlias, trimSeparators } from './alias-text';
import { clean, detectScript } from './common';

/** Splits "(a)X(b)Y" / "(a) X\n(b) Y" lists; lines otherwise; without the 、 or ; a line ends in. */
export function items(text: string): string[] {
  return text
    .split(/\n|(?=\([a-z]\))/)
    .map((s) => clean(trimSeparators(s.replace(/^\([a-z]\)\s*/, ''))))
    .filter((s): s is string => s !== null && s !== '不明');
}

/** A date of birth the list marks as approximate: 1961年頃, 約1960年, おおよそ1964年, circa 1958. */
export const APPROXIMATE = /頃|約|およそ|circa|approximately/i;

/**
 * The dates a date-of-birth line offers as alternatives, each with what it leaves to the one before
 * written in: "1991年7月14日又は6月14日" → 1991年7月14日, 1991年6月14日; "1958、59又は60年生まれ" →
 * 1958, 1959, 1960年生まれ. Years before a slash share the rest: "1966/1969年3月27日" → 1966年3月27日,
 * 1969年3月27日. A 頃 that ends the line is said of every alternative: "1977年または1978年の頃" →
 * 1977年頃, 1978年の頃. `text` is the alternative as the line writes it (years before a slash, written out).
 */
export function dateAlternatives(line: string): { text: string; full: string }[] {
  const years = /^(\d{4}(?:\/\d{4})+)(年.*)$/.exec(line.trim());
  if (years) return years[1]!.split('/').map((year) => ({ text: `${year}${years[2]}`, full: `${year}${years[2]}` }));
  // Only between two dates: a line that starts with "又は" (its date is another line's alternative) stays whole.
  const pieces = line.split(/(?<=[\d日年頃月])\s*、?\s*(?:又は|または)\s*|(?<=[\d日年頃月])\s*、\s*(?=\d)/).filter((p) => p.trim() !== '');
  const out: { text: string; full: string }[] = [];
  for (const text of pieces) {
    const before = /^(\d{4})年?(?:\s*(\d{1,2})月)?/.exec(out.at(-1)?.full ?? '');
    let full = text;
    if (before && /^\d{1,2}\s*日/.test(text) && before[2]) full = `${before[1]}年${before[2]}月${text}`;
    else if (before && /^\d{1,2}\s*月/.test(text)) full = `${before[1]}年${text}`;
    else if (before && /^\d{2}(?!\d)/.test(text)) full = `${before[1]!.slice(0, 2)}${text}`;
    out.push({ text, full });
  }
  if (out.length > 1 && /頃\s*$/.test(out.at(-1)!.text)) {
    for (const alternative of out) if (!APPROXIMATE.test(alternative.full)) alternative.full += '頃';
  }
  return out;
}

/** A word with other spellings of it in brackets: "Valeriy(Valery/Valerii)", "ヴァシル(ヴァシリー/ヴァシーリー)". */
const SPELT_OTHERWISE = /([\p{L}\p{M}'’-]+)\s?\(([^()]+)\)/gu;

/**
 * The spellings a name gives in brackets, written out: "Denis (Denys) BEREZOVSKIY(BEREZOVSKY)" →
 * "Denis BEREZOVSKIY", "Denys BEREZOVSKIY", "Denis BEREZOVSKY". One bracket at a time, so a name
 * with many brackets gives a handful, not every combination. [] when it gives none.
 */
export function spellingsOf(value: string): string[] {
  const groups: { start: number; end: number; word: string; others: string[] }[] = [];
  for (const m of value.matchAll(SPELT_OTHERWISE)) {
    const word = m[1]!;
    const others = m[2]!.split(/[/,、]/).map((o) => o.trim()).filter(Boolean);
    if (others.every((other) => isSpellingOf(word, other))) groups.push({ start: m.index, end: m.index + m[0].length, word, others });
  }
  if (groups.length === 0) return [];
  const written = (group: number, spelling: string) => {
    let out = '';
    let at = 0;
    groups.forEach((g, i) => {
      // "Yuriy(Yuri)Sadovenko": the bracket stood between two words.
      const space = /\p{L}/u.test(value[g.end] ?? '') ? ' ' : '';
      out += value.slice(at, g.start) + (i === group ? spelling : g.word) + space;
      at = g.end;
    });
    return clean(out + value.slice(at))!;
  };
  const all = [written(-1, ''), ...groups.flatMap((g, i) => g.others.map((other) => written(i, other)))];
  return [...new Set(all)].slice(0, MAX_SPELLINGS);
}

const MAX_SPELLINGS = 12;

/**
 * Sergei for Serhiy, Oleksandr for Aleksandr, オレクサンドル for アレクサンドル, Hubareva for Gubareva:
 * one word in the same script, of about the same length, alike at the start, after the first letter
 * or in its consonants; not initials (Party(PKK)).
 */
function isSpellingOf(word: string, other: string): boolean {
  if (/\s/.test(other) || detectScript(other) !== detectScript(word)) return false;
  const [x, y] = [word, other].map((w) => w.replace(/ー/g, '').length); // katakana's long-vowel mark is not a letter
  if (Math.min(x!, y!) / Math.max(x!, y!) < 0.7) return false;
  if (other === other.toUpperCase() && word !== word.toUpperCase()) return false;
  const [a, b] = [word, other].map((w) => w.toLowerCase());
  return a![0] === b![0] || a!.slice(1) === b!.slice(1) || consonants(a!) === consonants(b!);
}

/** A word's consonants, first letter too, x as ks, j as y, h as g (Ukrainian writes h where Russian writes g). */
const consonants = (word: string) => consonantSkeleton(word.replace(/x/g, 'ks').replace(/j/g, 'y').replace(/h/g, 'g')).replace(/^[aeiouy]/, '');

/** The names in an alias cell: a Japanese line, then " (a.k.a.: (a)… (b)…)" in English. */
export function aliasNames(text: string, strength: DesignationName['strength'], note?: string): DesignationName[] {
  const out: DesignationName[] = [];
  for (const line of outside(text, '\n')) {
    const aka = /^\s*\((?:a\.k\.a\.?|f\.k\.a\.?)\s*:?\s*([\s\S]*)\)\s*$/i.exec(line);
    // A line break left inside brackets is only where the cell wrapped.
    for (const item of items((aka ? aka[1]! : line).replace(/\n/g, ' '))) {
      for (const piece of outside(item, ';')) {
        for (const { value, notes } of readAlias(piece)) {
          const all = [...(note ? [note] : []), ...notes];
          out.push(nameOf(value, strength, all.length ? all.join('; ') : undefined));
        }
      }
    }
  }
  return out;
}

function nameOf(value: string, strength: DesignationName['strength'], note?: string): DesignationName {
  const script = detectScript(value, /\p{Script=Katakana}/u.test(value) ? 'ja' : null);
  const lang = script === 'jpan_kana' || script === 'jpan_kanji' ? 'ja' : null;
  return { value, script, lang, strength, ...(note ? { note } : {}) };
}

