/**
 * A labelled set for screening quality, built from the REAL fixture lists as imported into a
 * workspace (no invented people): each query is a subject profile and the entries it must find.
 *
 * Positives, from real listed persons and entities:
 * - reordered (HLAING, Min Aung → Min Aung Hlaing), spaces removed (Minaunghlaing), diacritics
 *   stripped (or added, where the list has none), initials for the given names (M. A. Hlaing), one
 *   typo in a part of 4+ letters (substitution, deletion, insertion or swap), each with the entry's
 *   date of birth as the list gives it, cut to the year, or left out;
 * - the same person in another script where the fixtures give it: the JP MOF workbook's katakana
 *   name of a person also on the OFAC, UN or Canadian list (the two linked by the same Latin name
 *   and agreeing dates of birth), and every non-Latin name a list gives (Arabic, Cyrillic, kanji,
 *   katakana) for its own entry.
 * Negatives, near misses of other people: a listed person's surname with another person's given
 * names (or their given names with another surname), with no date of birth; a negative whose name
 * is, after all, some listed entry's name is dropped.
 *
 * A query's expected set is its entry plus the entries that are the same designated person
 * (same-person.ts): finding those is right, not a false positive.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DesignationEntry } from '../../shared/domain/designations';
import type { FuzzyDate } from '../../shared/domain/fuzzy-date';
import type { NameScriptCode, SubjectType } from '../../shared/domain/subjects';
import { prepareName } from '../../main/screening/name-match';
import { consonantSkeleton } from '../../main/screening/phonetic';
import type { SubjectProfile } from '../../main/screening/score';
import { seededRandom } from '../../main/test-support/seeded-random';

export const VARIANT_KINDS = [
  'reordered',
  'spaces_removed',
  'diacritics',
  'initials',
  'typo',
  'cross_script_other_list',
  'cross_script_same_entry',
  'near_miss_given',
  'near_miss_surname',
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface LabelledQuery {
  kind: VariantKind;
  positive: boolean;
  profile: SubjectProfile;
  /** "list-key:ref" of the entry the query was made from (positives). */
  source: string | null;
  /** Entries it is right to find ("list-key:ref"). */
  expected: Set<string>;
}

export interface StoredEntry {
  ref: string;
  listKey: string;
  entry: DesignationEntry;
}

type Rng = ReturnType<typeof seededRandom>;

/** Every entry of the current lists, as stored. */
export function storedEntries(db: Database): StoredEntry[] {
  const rows = db
    .prepare(
      `SELECT e.list_ref, l.key, e.data FROM designation_entries e JOIN designation_lists l ON l.id = e.list_id AND l.state = 'current' ORDER BY l.key, e.id`,
    )
    .all() as { list_ref: string; key: string; data: string }[];
  return rows.map((r) => ({ ref: `${r.key}:${r.list_ref}`, listKey: r.key, entry: JSON.parse(r.data) as DesignationEntry }));
}

const tokenSet = (value: string) => [...new Set(prepareName(value).tokens.filter((t) => t.length > 1))].sort().join(' ');

function profile(
  type: SubjectType,
  names: { value: string; script: NameScriptCode }[],
  birthDates: FuzzyDate[] = [],
): SubjectProfile {
  return {
    id: 'bench',
    type,
    names: names.map((n) => ({ ...n, strength: 'primary' as const, prepared: prepareName(n.value) })),
    birthDates,
    nationalities: [],
    documents: [],
  };
}

const subjectType = (entry: DesignationEntry): SubjectType => (entry.type === 'person' ? 'person' : 'organization');

/** The Latin primary name split into surname and the rest, in the list's own terms where it has them. */
function nameParts(entry: DesignationEntry): { family: string; given: string[] } | null {
  const name = entry.names.find((n) => n.strength === 'primary' && n.script === 'latn');
  if (!name) return null;
  const clean = (s: string) => s.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const value = clean(name.value);
  const comma = /^([^,]+),\s*(.+)$/.exec(value);
  if (comma) return { family: comma[1]!.trim(), given: comma[2]!.split(/\s+/) };
  if (name.parts?.family && name.parts.given) return { family: name.parts.family, given: name.parts.given.split(/\s+/) };
  const words = value.split(/\s+/);
  if (words.length < 2) return null;
  return { family: words[words.length - 1]!, given: words.slice(0, -1) };
}

const title = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** One keyboard slip in a part of 4+ letters. */
function typo(rng: Rng, value: string): string | null {
  const words = value.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => /^[A-Za-z]{4,}$/.test(w));
  if (candidates.length === 0) return null;
  const { w, i } = rng.pick(candidates);
  const at = rng.int(1, w.length - 2);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[rng.int(0, 25)]!;
  const kind = rng.int(0, 3);
  const changed =
    kind === 0
      ? w.slice(0, at) + letter + w.slice(at + 1)
      : kind === 1
        ? w.slice(0, at) + w.slice(at + 1)
        : kind === 2
          ? w.slice(0, at) + letter + w.slice(at)
          : w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  if (changed.toLowerCase() === w.toLowerCase()) return null;
  words[i] = changed;
  return words.join(' ');
}

const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', c: 'ç', n: 'ñ' };
function addDiacritics(value: string): string {
  let done = 0;
  return value.replace(/[aeioucn]/g, (c) => (done++ < 2 ? ACCENTS[c]! : c));
}

/** The entry's first date of birth as the list gives it, or cut to its year, or none. */
function dob(rng: Rng, entry: DesignationEntry): FuzzyDate[] {
  const first = entry.datesOfBirth[0]?.value;
  if (!first || first.precision === 'unknown') return [];
  const roll = rng.next();
  if (roll < 0.3) return [];
  if (roll < 0.65 || first.precision === 'range' || first.precision === 'year') return [first];
  return [{ precision: 'year', value: first.value.slice(0, 4) }];
}

export interface LabelledSetOptions {
  seed?: number;
  /** Listed persons and entities to make Latin variants of. */
  sources?: number;
  negatives?: number;
  /** How many of the JP list's non-Latin names to ask for their own entry (it has thousands); default 200. */
  jpNames?: number;
  /** Groups of entries that are one designated person ("key:ref" → group id). */
  sameAs?: (ref: string) => Set<string>;
}

export function buildLabelledSet(all: StoredEntry[], options: LabelledSetOptions = {}): LabelledQuery[] {
  const rng = seededRandom(options.seed ?? 20261127);
  const sameAs = options.sameAs ?? ((ref: string) => new Set([ref]));
  const queries: LabelledQuery[] = [];
  // A near miss must not be, in another spelling, a name some list gives: every listed name's
  // parts by consonant skeleton, found by each of its parts.
  const listedByPart = new Map<string, Set<string>[]>();
  for (const s of all) {
    for (const n of s.entry.names) {
      const parts = new Set(prepareName(n.value).tokens.map(consonantSkeleton));
      for (const part of parts) listedByPart.set(part, [...(listedByPart.get(part) ?? []), parts]);
    }
  }
  const isListedName = (value: string) => {
    const name = prepareName(value);
    const parts = name.tokens.filter((t, i) => t.length > 1 && !name.noise[i]).map(consonantSkeleton);
    return (listedByPart.get(parts[0]!) ?? []).some((listed) => parts.every((p) => listed.has(p)));
  };
  const push = (kind: VariantKind, positive: boolean, p: SubjectProfile, source: string | null) =>
    queries.push({ kind, positive, profile: p, source, expected: source ? sameAs(source) : new Set() });

  // Latin variants of real listed persons and entities (not the JP list: its Latin names are
  // inconsistent in order, and its katakana names are the cross-script part below).
  const pool = all.filter((s) => s.listKey !== 'jp-mof' && nameParts(s.entry) && s.entry.type !== 'vessel' && s.entry.type !== 'aircraft');
  const persons = pool.filter((s) => s.entry.type === 'person');
  const sources = options.sources ?? 300;
  for (let k = 0; k < sources; k++) {
    const s = rng.pick(k % 5 === 4 ? pool : persons);
    const parts = nameParts(s.entry)!;
    const type = subjectType(s.entry);
    const dates = type === 'person' ? dob(rng, s.entry) : [];
    const forward = [...parts.given.map(title), title(parts.family)].join(' ');
    const original = s.entry.names.find((n) => n.strength === 'primary' && n.script === 'latn')!.value;
    if (type === 'person') push('reordered', true, profile(type, [{ value: forward, script: 'latn' }], dates), s.ref);
    const words = forward.split(' ');
    if (words.length <= 4) push('spaces_removed', true, profile(type, [{ value: words.join(''), script: 'latn' }], dates), s.ref);
    const stripped = original.normalize('NFKD').replace(/\p{M}/gu, '');
    push('diacritics', true, profile(type, [{ value: stripped !== original ? stripped : addDiacritics(forward), script: 'latn' }], dates), s.ref);
    if (type === 'person' && parts.given.length > 0) {
      const initials = parts.given.map((g) => `${g[0]!.toUpperCase()}.`).join(' ');
      push('initials', true, profile(type, [{ value: `${initials} ${title(parts.family)}`, script: 'latn' }], dates), s.ref);
    }
    const slipped = typo(rng, forward);
    if (slipped) push('typo', true, profile(type, [{ value: slipped, script: 'latn' }], dates), s.ref);
  }

  // The same person in another script: JP katakana names of persons on the other lists.
  const byLatin = new Map<string, StoredEntry[]>();
  for (const s of all) {
    if (s.listKey === 'jp-mof' || s.entry.type !== 'person') continue;
    for (const n of s.entry.names) if (n.script === 'latn') byLatin.set(tokenSet(n.value), [...(byLatin.get(tokenSet(n.value)) ?? []), s]);
  }
  const years = (e: DesignationEntry) => new Set(e.datesOfBirth.flatMap((d) => (d.value.precision === 'unknown' ? [] : [(d.value.precision === 'range' ? d.value.from : d.value.value).slice(0, 4)])));
  for (const jp of all.filter((s) => s.listKey === 'jp-mof' && s.entry.type === 'person')) {
    const kana = jp.entry.names.find((n) => n.script === 'jpan_kana' && n.strength === 'primary');
    const latin = jp.entry.names.find((n) => n.script === 'latn' && n.strength === 'primary');
    if (!kana || !latin) continue;
    const jpYears = years(jp.entry);
    const others = (byLatin.get(tokenSet(latin.value)) ?? []).filter((o) => {
      const y = years(o.entry);
      return jpYears.size > 0 && y.size > 0 && [...jpYears].some((v) => y.has(v));
    });
    if (others.length === 0) continue;
    const target = others[0]!;
    const p = profile('person', [{ value: kana.value, script: 'jpan_kana' }], jp.entry.datesOfBirth.slice(0, 1).map((d) => d.value));
    queries.push({ kind: 'cross_script_other_list', positive: true, profile: p, source: target.ref, expected: new Set([...sameAs(target.ref), ...sameAs(jp.ref)]) });
  }
  // Every non-Latin name a list gives, for its own entry (a sample of the JP list's, which has thousands).
  const scripted = all.flatMap((s) =>
    s.entry.names
      .filter((n) => n.strength !== 'weak' && n.script && n.script !== 'latn' && n.script !== 'other' && !/[(（]/.test(n.value) && n.value.length <= 60)
      .map((n) => ({ s, n })),
  );
  const jpScripted = scripted.filter((x) => x.s.listKey === 'jp-mof');
  // Chosen by a hash of entry and name, not drawn by position: a parser change that adds or cleans
  // some names then leaves the rest of the sample as it was.
  const hashOf = (x: (typeof jpScripted)[number]) => createHash('sha256').update(`${x.s.ref}\0${x.n.value}`).digest('hex');
  const jpChosen = jpScripted
    .map((x) => ({ x, hash: hashOf(x) }))
    .sort((a, b) => (a.hash < b.hash ? -1 : 1))
    .slice(0, options.jpNames ?? 200)
    .map(({ x }) => x);
  const chosen = [...scripted.filter((x) => x.s.listKey !== 'jp-mof'), ...jpChosen];
  for (const { s, n } of chosen) {
    push('cross_script_same_entry', true, profile(subjectType(s.entry), [{ value: n.value, script: n.script! }]), s.ref);
  }

  // Near misses: another person's given names with this surname, or the reverse; no date of birth.
  const negatives = options.negatives ?? 400;
  for (let k = 0; k < negatives; k++) {
    const a = nameParts(rng.pick(persons).entry)!;
    const b = nameParts(rng.pick(persons).entry)!;
    const surnameKept = k % 2 === 0;
    const given = surnameKept ? b.given : a.given;
    const family = surnameKept ? a.family : b.family;
    const value = [...given.map(title), title(family)].join(' ');
    if (a.family.toLowerCase() === b.family.toLowerCase() || a.given.join(' ').toLowerCase() === b.given.join(' ').toLowerCase()) continue;
    if (isListedName(value)) continue;
    push(surnameKept ? 'near_miss_given' : 'near_miss_surname', false, profile('person', [{ value, script: 'latn' }]), null);
  }
  return queries;
}
