/**
 * How the MOF workbook's cells are split into values. Its alias cells are written by hand: one
 * alias a line ending in 、, several on a line after "(a)" markers or between semicolons, a label
 * such as (別名1) in front, and notes in brackets behind (以前掲載の氏名, 戦闘員名, a date and
 * place of birth), or the same name in Latin letters: フランク・カコレレ(FRANK KAKORERE). A name
 * keeps only the name; a note goes to the name's note, and a Latin spelling becomes a name of its own.
 */
import type { DesignationName } from '../../shared/domain/designations';
import { clean, detectScript } from './common';

/** A label in front: (別名1), (別称), 【アラビア語】 (where the Arabic original is not printed). */
const LABEL = /^(?:\((?:別名|別称|旧称)\d*\)|【[^】]*】)\s*/;
const AKA = /^(a\.k\.a\.?|f\.k\.a\.?)\s*[:,]?\s*/i;
/** What is left of a list written as prose: "a.k.a., the following three aliases:", "; and". */
const NOT_A_NAME = /:$|^(?:and|or|及び)$/i;
/** "別称、A、B、旧称、C", "A、旧称:B": names after labels that say what they are. */
const LIST_LABEL = /^\s*(別称|旧称)\s*(?::\s*|$)/;
/** Separators a cell leaves around a name: "アル・シャバブ、", "-GosNIImash; and". */
const EDGE_PUNCTUATION = /^[\s、,;-]+|[\s、,;。]+$/g;
const QUOTED = /^(?:「(.*)」|"(.*)"|“(.*)”|”(.*)”)$/;
/** A last bracket, one level of brackets inside it allowed: "X(Y)", "X (Y (Z))". */
const LAST_BRACKET = /^(.*?)\s*\(((?:[^()]|\([^()]*\))*)\)$/;
const ORIGINAL_SCRIPT = /\(original script:\s*([^)]+)\)/i;
/** A fact run on after the name and a comma: "イアデナ・モハンマド、1969年1月1日生まれ。", "Lased Ben Heni, born 5 Feb. 1969 in Tripoli". */
const RUN_ON_FACT = /^\s*(?:\d{4}年|born\b)/i;

const isLatin = (s: string) => detectScript(s) === 'latn';
const isJapanese = (script: string | null) => script === 'jpan_kana' || script === 'jpan_kanji' || script === null;
/** JuA, ISWAP, ISIS-GS: an organisation's initials, which the list gives as another name. */
const isAcronym = (s: string) => /^[A-Z][A-Za-z]{0,9}(?:-[A-Z]{1,5})?$/.test(s) && (s.match(/[A-Z]/g)?.length ?? 0) >= 2;

interface Read {
  value: string;
  notes: string[];
}

/** A name without the separators the cell left around it. */
export const trimSeparators = (text: string) => text.replace(EDGE_PUNCTUATION, '');

/** Splits "(a)X(b)Y" / "(a) X\n(b) Y" lists; lines otherwise. */
export function items(text: string): string[] {
  return text
    .split(/\n|(?=\([a-z]\))/)
    .map((s) => clean(s.replace(/^\([a-z]\)\s*/, '')))
    .filter((s): s is string => s !== null && s !== '不明');
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

/** A word's consonants, x as ks, j as y, h as g (Ukrainian writes h where Russian writes g). */
const consonants = (word: string) =>
  word.replace(/x/g, 'ks').replace(/j/g, 'y').replace(/h/g, 'g').replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');

/** The names in an alias cell: a Japanese line, then " (a.k.a.: (a)… (b)…)" in English. */
export function aliasNames(text: string, strength: DesignationName['strength'], note?: string): DesignationName[] {
  const out: DesignationName[] = [];
  for (const line of outside(text, '\n')) {
    const aka = /^\s*\((?:a\.k\.a\.?|f\.k\.a\.?)\s*:?\s*([\s\S]*)\)\s*$/i.exec(line);
    // A line break left inside brackets is only where the cell wrapped.
    for (const item of items((aka ? aka[1]! : line).replace(/\n/g, ' '))) {
      for (const piece of outside(item, ';')) {
        for (const { value, notes } of readName(piece, [])) {
          const all = [...(note ? [note] : []), ...notes];
          out.push(nameOf(value, strength, all.length ? all.join('; ') : undefined));
        }
      }
    }
  }
  return out;
}

/** Where `separators` (any of its characters) stand in `text` outside brackets (a bracket may span lines and semicolons). */
function cuts(text: string, separators: string): number[] {
  const at: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.includes(c)) at.push(i);
  }
  return at;
}

/** `text` split at `separator`, but not inside brackets. */
function outside(text: string, separator: string): string[] {
  const ends = [...cuts(text, separator), text.length];
  return ends.map((end, k) => text.slice(k === 0 ? 0 : ends[k - 1]! + 1, end));
}

function nameOf(value: string, strength: DesignationName['strength'], note?: string): DesignationName {
  const script = detectScript(value, /\p{Script=Katakana}/u.test(value) ? 'ja' : null);
  const lang = script === 'jpan_kana' || script === 'jpan_kanji' ? 'ja' : null;
  return { value, script, lang, strength, ...(note ? { note } : {}) };
}

/**
 * Is the bracket behind a name the same name written otherwise (a name of its own), or a note?
 * The workbook's notes are Japanese, or hold facts (digits, "DOB:"). Another spelling is in
 * another script than the name; a Latin one starts with a capital, and behind a Latin name it is
 * only the initials.
 */
function isOtherSpelling(outer: string, inner: string): boolean {
  const script = detectScript(inner);
  if (isJapanese(script) || /[\d:]/.test(inner)) return false;
  if (script === 'latn') return isLatin(outer) ? isAcronym(inner) : /\p{Lu}/u.test(inner);
  return script !== detectScript(outer);
}

/** One alias as written → the names it holds (usually one), each with the notes around it. */
function readName(raw: string, notes: string[]): Read[] {
  let text = unpaired(raw.replace(LABEL, '').replace(EDGE_PUNCTUATION, ''));
  const aka = AKA.exec(text);
  if (aka) {
    text = text.slice(aka[0].length);
    if (/^f/i.test(aka[1]!)) notes = [...notes, 'former name'];
  }
  if (!text || NOT_A_NAME.test(text)) return [];
  const parts = outside(text, '、');
  if (parts.some((part) => LIST_LABEL.test(part))) return labelledList(parts, notes);
  const fact = cuts(text, '、,').find((at) => RUN_ON_FACT.test(text.slice(at + 1)));
  if (fact !== undefined) return noted(readName(text.slice(0, fact), notes), trimSeparators(text.slice(fact + 1)));
  const original = ORIGINAL_SCRIPT.exec(text);
  if (original) {
    const rest = text.replace(ORIGINAL_SCRIPT, ' ');
    return [...readName(rest, notes), ...readName(original[1]!, [...notes, 'original script'])];
  }
  const quoted = QUOTED.exec(text);
  if (quoted) return readName(quoted.slice(1).find((q) => q !== undefined)!, notes);
  const bracket = LAST_BRACKET.exec(text);
  if (bracket) {
    const [, outer = '', inner = ''] = bracket;
    // Wholly in brackets: "(Yunis al-Mauritani; Younis al-Mauritani)", "(別称、A、B)", "(ユーニス・アル・モーリタニー、シェイク・ユーニス…)".
    if (!outer) return listed(inner).flatMap((piece) => readName(piece, notes));
    const spelling = clean(inner.replace(EDGE_PUNCTUATION, ''));
    if (!spelling) return readName(outer, notes);
    if (isOtherSpelling(outer, spelling)) return [...readName(outer, notes), ...outside(spelling, ';').flatMap((piece) => readName(piece, notes))];
    return noted(readName(outer, notes), spelling);
  }
  const value = clean(text);
  if (!value) return [];
  // A Latin name written with the Japanese comma: "MAKENGA、 Colonel SULTANI".
  return [{ value: isLatin(value) ? value.replace(/\s*、\s*/g, ', ') : value, notes }];
}

/** A bracket the cell never closed, or never opened: "アブドゥル・ラフマン・モハマド・イクバル)". */
function unpaired(text: string): string {
  if (text.endsWith(')') && !text.includes('(')) return text.slice(0, -1);
  if (text.startsWith('(') && !text.includes(')')) return text.slice(1);
  return text;
}

/**
 * The names of a bracketed list: between semicolons, or between Japanese commas when each piece is
 * a name of several parts (a comma also inverts a name: アル・ハク、アミン is one name).
 */
function listed(text: string): string[] {
  const pieces = outside(text, ';');
  if (pieces.length > 1) return pieces;
  const commas = outside(text, '、');
  return commas.length > 1 && commas.every((piece) => piece.includes('・')) ? commas : pieces;
}

/** Notes in the order written: a bracket's note comes after those inside the name before it. */
const noted = (reads: Read[], note: string): Read[] => reads.map((r) => ({ ...r, notes: [...r.notes, note] }));

function labelledList(parts: string[], notes: string[]): Read[] {
  let current = notes;
  return parts.flatMap((part) => {
    const label = LIST_LABEL.exec(part);
    if (!label) return readName(part, current);
    current = label[1] === '旧称' ? [...notes, 'former name'] : notes;
    return readName(part.slice(label[0].length), current);
  });
}
