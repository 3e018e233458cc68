/**
 * Aliases as lists write them by hand (the MOF workbook's cells, the UN list's ALIAS_NAME): a label
 * in front (別名1), notes in brackets behind (以前掲載の氏名, nom de guerre, a date and place of
 * birth), the same name in another script (フランク・カコレレ(FRANK KAKORERE), عبدالله السندي
 * (Abdullah Sindhi)), several names in one ("A; B", "(別称、A、B)", "a.k.a. X"). A name keeps only
 * the name: a note goes to the name's note, another spelling becomes a name of its own.
 */
import { clean, detectScript } from './common';

/** A label in front: (別名1), (別称), 【アラビア語】 (where the Arabic original is not printed). */
const LABEL = /^(?:\((?:別名|別称|旧称)\d*\)|【[^】]*】)\s*/;
const AKA = /^(a\.k\.a\.?|f\.k\.a\.?)\s*[:,]?\s*/i;
/** An a.k.a. that begins a further name: "X, a.k.a. Y, f.k.a. Z", "X a.k.a. Y", "X,a.k.a.Y". */
const AKA_INSIDE = /(?<![\p{L}.])[af]\.k\.a\b/giu;
/** A piece between commas that continues an organisation's name rather than starting another. */
const CONTINUES = /^(?:and|or|&|及び|または)\b/i;
/** A company form a list writes after a comma: "AL-BASHAER TRADING COMPANY, LTD". */
const COMPANY_FORM = /^(?:LTD|LIMITED|INC|LLC|CO|CORP|INTL|JSC|OJSC|PJSC|OOO|AO|PAO|S\.A|GMBH)\.?$/i;
/** What is left of a list written as prose: "a.k.a., the following three aliases:", "; and". */
const NOT_A_NAME = /:$|^(?:and|or|及び)$/i;
/** "別称、A、B、旧称、C", "A、旧称:B": names after labels that say what they are. */
const LIST_LABEL = /^\s*(別称|旧称)\s*(?::\s*|$)/;
/** Separators a list leaves around a name: "アル・シャバブ、", "-GosNIImash; and". */
const EDGE_PUNCTUATION = /^[\s、,;-]+|[\s、,;。]+$/g;
const QUOTED = /^(?:「(.*)」|"(.*)"|“(.*)”|”(.*)”)$/;
/** A last bracket, one level of brackets inside it allowed: "X(Y)", "X (Y (Z))". */
const LAST_BRACKET = /^(.*?)\s*\(((?:[^()]|\([^()]*\))*)\)$/;
const ORIGINAL_SCRIPT = /\(original script:\s*([^)]+)\)/i;
/**
 * A fact run on after the name and a comma: "イアデナ・モハンマド、1969年1月1日生まれ。", "Lased Ben
 * Heni, born 5 Feb. 1969 in Tripoli", "Iadena Mohammad, DOB: 01 Jan.1969", "…, Afghan passport number OA462456".
 */
const RUN_ON_FACT = /^\s*(?:\d{4}年|born\b|DOB\b|(?:\p{L}+\s+)?passport\b)/iu;
/** A birth run on without a comma: "Sidi Mohamed Arhali born 1 Jan. 1958 in Bouressa". */
const RUN_ON_BIRTH = /\s+(?=born\s+(?:\d|on\b|in\b|circa\b|about\b))/i;

const isLatin = (s: string) => detectScript(s) === 'latn';
const isJapanese = (script: string | null) => script === 'jpan_kana' || script === 'jpan_kanji' || script === null;
/** JuA, ISWAP, ISIS-GS: an organisation's initials, which the list gives as another name. */
const isAcronym = (s: string) => /^[A-Z][A-Za-z]{0,9}(?:-[A-Z]{1,5})?$/.test(s) && (s.match(/[A-Z]/g)?.length ?? 0) >= 2;

export interface Read {
  value: string;
  notes: string[];
}

/** A name without the separators a list left around it. */
export const trimSeparators = (text: string) => text.replace(EDGE_PUNCTUATION, '');

/** Whether each character of `text` stands outside brackets (a bracket may span lines and semicolons). */
function outsideBrackets(text: string): boolean[] {
  const out: boolean[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    out.push(depth === 0 && c !== ')');
  }
  return out;
}

/** Where `separators` (any of its characters) stand in `text` outside brackets. */
function cuts(text: string, separators: string): number[] {
  const top = outsideBrackets(text);
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (top[i] && separators.includes(text[i]!)) at.push(i);
  return at;
}

/** "X, a.k.a. Y, f.k.a. Z" → X, "a.k.a. Y", "f.k.a. Z"; an a.k.a. inside brackets is left to the bracket. */
function akaChain(text: string): string[] {
  const top = outsideBrackets(text);
  const starts = [...text.matchAll(AKA_INSIDE)].map((m) => m.index).filter((at) => at > 0 && top[at]);
  const ends = [...starts, text.length];
  return ends.map((end, k) => text.slice(k === 0 ? 0 : ends[k - 1], end).replace(/[\s,]+$/, '')).filter((piece) => piece.trim());
}

/** `text` split at `separator`, but not inside brackets. */
export function outside(text: string, separator: string): string[] {
  const ends = [...cuts(text, separator), text.length];
  return ends.map((end, k) => text.slice(k === 0 ? 0 : ends[k - 1]! + 1, end));
}

/**
 * Is the bracket behind a name the same name written otherwise (a name of its own), or a note?
 * Notes are in Japanese (the MOF workbook's) or hold facts (digits, "DOB:"). Another spelling is
 * in another script than the name; a Latin one starts with a capital, and behind a Latin name it
 * is only the initials.
 */
function isOtherSpelling(outer: string, inner: string): boolean {
  const script = detectScript(inner);
  if (isJapanese(script) || /[\d:]/.test(inner)) return false;
  if (script === 'latn') return isLatin(outer) ? isAcronym(inner) : /\p{Lu}/u.test(inner);
  return script !== detectScript(outer);
}

/** One alias as written → the names it holds (usually one), each with its notes in the order written. */
export function readAlias(raw: string, notes: string[] = []): Read[] {
  let text = unpaired(raw.replace(LABEL, '').replace(EDGE_PUNCTUATION, ''));
  const chained = akaChain(text);
  if (chained.length > 1) return chained.flatMap((piece) => readAlias(piece, notes));
  const aka = AKA.exec(text);
  if (aka) {
    text = text.slice(aka[0].length);
    if (/^f/i.test(aka[1]!)) notes = [...notes, 'former name'];
  }
  if (!text || NOT_A_NAME.test(text)) return [];
  const parts = outside(text, '、');
  if (parts.some((part) => LIST_LABEL.test(part))) return labelledList(parts, notes);
  const born = RUN_ON_BIRTH.exec(text);
  const fact = cuts(text, '、,').find((at) => RUN_ON_FACT.test(text.slice(at + 1))) ?? (born && outsideBrackets(text)[born.index] ? born.index : undefined);
  if (fact !== undefined) return noted(readAlias(text.slice(0, fact), notes), trimSeparators(text.slice(fact + 1)));
  const original = ORIGINAL_SCRIPT.exec(text);
  if (original) {
    const rest = text.replace(ORIGINAL_SCRIPT, ' ');
    return [...readAlias(rest, notes), ...readAlias(original[1]!, [...notes, 'original script'])];
  }
  const quoted = QUOTED.exec(text);
  if (quoted) return readAlias(quoted.slice(1).find((q) => q !== undefined)!, notes);
  const bracket = LAST_BRACKET.exec(text);
  if (bracket) {
    const [, outer = '', inner = ''] = bracket;
    // Wholly in brackets: "(Yunis al-Mauritani; Younis al-Mauritani)", "(別称、A、B)", "(ユーニス・アル・モーリタニー、シェイク・ユーニス…)".
    if (!outer) return listed(inner).flatMap((piece) => readAlias(piece, notes));
    const spelling = clean(inner.replace(EDGE_PUNCTUATION, ''));
    if (!spelling) return readAlias(outer, notes);
    if (isOtherSpelling(outer, spelling)) return [...readAlias(outer, notes), ...outside(spelling, ';').flatMap((piece) => readAlias(piece, notes))];
    return noted(readAlias(outer, notes), spelling);
  }
  const value = clean(text);
  if (!value) return [];
  const several = namesInOne(value) ?? namesJoinedByAnd(value);
  if (several) return several.flatMap((piece) => readAlias(piece, notes));
  // A Latin name written with the Japanese comma: "MAKENGA、 Colonel SULTANI".
  return [{ value: isLatin(value) ? value.replace(/\s*、\s*/g, ', ') : value, notes }];
}

/**
 * Several names written as one between commas (Latin) or Japanese commas: three or more, the first
 * and the last of several words ("Fatah Revolutionary Council, Arab Revolutionary Brigades, Black
 * September"), or two spellings of one name, which end alike ("Korea Changgwang Credit Bank,
 * Changgwang Credit Bank", "Ali Saed Bin Ali al-Houri, Ali Saed Bin Ali el-Houri"). Otherwise the
 * comma is part of the name: a surname put first ("Al-Haq, Amin", "ABID AL DAIM NASR ALLAH,
 * Mohammad Ahmad", "アル・ハク、アミン"), or an organisation's own ("…Development, Production and…").
 */
function namesInOne(value: string): string[] | null {
  const latin = isLatin(value);
  const pieces: string[] = [];
  for (const raw of outside(value, latin ? ',、' : '、')) {
    const piece = raw.trim();
    if (!piece) continue;
    if (latin && COMPANY_FORM.test(piece) && pieces.length > 0) pieces[pieces.length - 1] += `, ${piece}`;
    else pieces.push(piece);
  }
  if (pieces.length < 2 || pieces.some((piece) => /\d/.test(piece) || CONTINUES.test(piece))) return null;
  const words = (piece: string) => piece.replace(/\([^()]*\)/g, ' ').trim().split(latin ? /\s+/ : /\s*・\s*/);
  const ofSeveral = (piece: string) => words(piece).length >= 2;
  if (pieces.length >= 3) return ofSeveral(pieces[0]!) && ofSeveral(pieces.at(-1)!) ? pieces : null;
  const ending = (piece: string) => words(piece).at(-1)!.toLowerCase().replace(/^(?:al|el|ul)-/, '').replace(/['’]/g, '');
  return pieces.every(ofSeveral) && ending(pieces[0]!) === ending(pieces[1]!) ? pieces : null;
}

/** Letters and digits of a name as written in katakana or Latin (not ー or ・, which every name has). */
const NAME_LETTER = /^[\p{Script=Katakana}A-Za-z0-9]{3}$/u;
/** Latin only: an organisation's initials or short name (LPI RAS, ISAN, RKS). */
const WHOLLY_LATIN = /^[A-Za-z][A-Za-z0-9 .-]*$/;

/**
 * Two names of one entity joined by 及び in a Japanese cell (the MOF workbook's Russian entities):
 * アクタ及び株式会社アクタ, ユナルミア及びユナルミヤ, LPI RAS及びFIAN, 電子技術研究所及び株式会社NIIET. Only
 * where both sides are plainly names: they share three letters in a row (katakana, Latin, digits),
 * one of them is Latin only, or the second has Latin letters. Otherwise 及び is part of the name:
 * 科学研究所プラタン及び付属工場 (…with its plant), G9ファミリー及び連合 (G9 Family and Allies).
 */
function namesJoinedByAnd(value: string): string[] | null {
  const at = value.indexOf('及び');
  if (at <= 0 || isLatin(value) || value.includes('及び', at + 2) || !outsideBrackets(value)[at]) return null;
  const [first, second] = [value.slice(0, at).trim(), value.slice(at + 2).trim()];
  if (!first || !second) return null;
  let sharesLetters = false;
  for (let i = 0; i + 3 <= first.length && !sharesLetters; i++) {
    const run = first.slice(i, i + 3);
    sharesLetters = NAME_LETTER.test(run) && second.includes(run);
  }
  return sharesLetters || WHOLLY_LATIN.test(first) || WHOLLY_LATIN.test(second) || /[A-Za-z]{2}/.test(second) ? [first, second] : null;
}

/** A bracket the list never closed, or never opened: "アブドゥル・ラフマン・モハマド・イクバル)". */
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
    if (!label) return readAlias(part, current);
    current = label[1] === '旧称' ? [...notes, 'former name'] : notes;
    return readAlias(part.slice(label[0].length), current);
  });
}
