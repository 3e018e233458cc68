import type { DesignationEntry } from '../../shared/domain/designations';
import { fuzzyDateBounds } from '../../shared/domain/fuzzy-date';
import { normaliseIdentifier } from '../lists/designation-store';
import { prepareName } from './name-match';
import { consonantSkeleton } from './phonetic';

/**
 * Entries that are one designated person listed several times (by several partners, or under
 * several regimes of one): linked when they share an identifier, or when they share a name (the
 * same parts, in any order and script romanised, spelt alike up to their vowels) and their dates of
 * birth are compatible (they overlap, or one of them gives none), or when one name is another's
 * without its patronymic and both give the same day of birth. Links are transitive, but an entry
 * without a date of birth does not join two groups whose dated entries all disagree. Meant for
 * one subject's candidates, which all resemble the subject already.
 */

export type SameLink = 'identifier' | 'name_and_birth_date';

/** Identifiers shorter than this are too often shared by chance to link two entries. */
const MIN_IDENTIFIER = 5;

/** A name's parts that say who it is: no titles or particles (noise), no initials. */
function partsOf(value: string): string[] {
  const name = prepareName(value);
  return name.tokens.filter((t, i) => !name.noise[i] && t.length > 1);
}

/** A name's parts as a set ("aung hlaing min"); names of one part do not link (Aung, Kim …). */
export function nameSignature(value: string): string | null {
  const parts = [...new Set(partsOf(value))].sort();
  return parts.length >= 2 ? parts.join(' ') : null;
}

/** The same parts by their consonants (Anatolyevich, Anatolievich; Abednico, Abedinico). */
function spellingSignature(value: string): string | null {
  const parts = [...new Set(partsOf(value).map(consonantSkeleton))].sort();
  return parts.length >= 2 ? `~${parts.join(' ')}` : null;
}

/**
 * The pairs of a three-part name's parts, by their consonants: "Sergei Vladilenovich KIRIYENKO"
 * (given name, patronymic, surname) is "Sergey KIRIENKO" on another list.
 */
function pairSignatures(value: string): string[] {
  const parts = [...new Set(partsOf(value).map(consonantSkeleton))];
  if (parts.length !== 3) return [];
  return [[parts[0]!, parts[1]!], [parts[0]!, parts[2]!], [parts[1]!, parts[2]!]].map((pair) => `~${pair.sort().join(' ')}`);
}

/** Both give a date of birth to the day, and one of them is the same day. */
function sameBirthDay(a: DesignationEntry, b: DesignationEntry): boolean {
  const days = (e: DesignationEntry) => e.datesOfBirth.flatMap((d) => (d.value.precision === 'day' ? [d.value.value] : []));
  const x = days(a);
  return x.length > 0 && days(b).some((day) => x.includes(day));
}

function birthBounds(entry: DesignationEntry): { first: string; last: string }[] {
  return entry.datesOfBirth.flatMap((d) => {
    const b = fuzzyDateBounds(d.value);
    return b ? [b] : [];
  });
}

export function birthDatesCompatible(a: DesignationEntry, b: DesignationEntry): boolean {
  const x = birthBounds(a);
  const y = birthBounds(b);
  if (x.length === 0 || y.length === 0) return true;
  return x.some((p) => y.some((q) => p.first <= q.last && q.first <= p.last));
}

export interface Grouped<T> {
  members: T[];
  linkedBy: SameLink[];
}

/** Groups items (each with its entry) into designated persons; singletons are groups of one. */
export function groupSamePerson<T extends { entry: DesignationEntry }>(items: readonly T[]): Grouped<T>[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const links = new Map<number, Set<SameLink>>();
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  // An entry without a date of birth links by name alone; it must not chain two groups whose dated
  // members all disagree (ALI SALIM, 1966, and KSM, 1965, through Canada's undated "Ali Al-Salim").
  const dated = (root: number) => members.get(root)!.filter((x) => items[x]!.entry.datesOfBirth.length > 0);
  const datesCanMeet = (ra: number, rb: number) => {
    const [x, y] = [dated(ra), dated(rb)];
    return x.length === 0 || y.length === 0 || x.some((i) => y.some((j) => birthDatesCompatible(items[i]!.entry, items[j]!.entry)));
  };
  const undated = (a: number, b: number) => items[a]!.entry.datesOfBirth.length === 0 || items[b]!.entry.datesOfBirth.length === 0;
  const union = (a: number, b: number, why: SameLink) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb && why === 'name_and_birth_date' && undated(a, b) && !datesCanMeet(ra, rb)) return;
    const merged = new Set([...(links.get(ra) ?? []), ...(links.get(rb) ?? []), why]);
    if (ra !== rb) {
      parent[rb] = ra;
      members.set(ra, [...members.get(ra)!, ...members.get(rb)!]);
      members.delete(rb);
    }
    links.set(ra, merged);
  };

  const byIdentifier = new Map<string, number>();
  const byName = new Map<string, number[]>();
  // A name without its patronymic links only with the same day of birth: a weaker likeness.
  const byPair = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const id of item.entry.identifiers) {
      const value = normaliseIdentifier(id.value);
      if (value.length < MIN_IDENTIFIER) continue;
      const seen = byIdentifier.get(value);
      if (seen === undefined) byIdentifier.set(value, i);
      else union(seen, i, 'identifier');
    }
    const names = item.entry.names.filter((n) => n.strength !== 'weak');
    const signatures = new Set([...names.map((n) => nameSignature(n.value)), ...names.map((n) => spellingSignature(n.value))]);
    for (const signature of signatures) {
      if (!signature) continue;
      const others = byName.get(signature) ?? [];
      for (const j of others) {
        const other = items[j]!.entry;
        if (birthDatesCompatible(other, item.entry)) union(j, i, 'name_and_birth_date');
      }
      byName.set(signature, [...others, i]);
      for (const j of byPair.get(signature) ?? []) if (sameBirthDay(items[j]!.entry, item.entry)) union(j, i, 'name_and_birth_date');
    }
    for (const pair of new Set(names.flatMap((n) => pairSignatures(n.value)))) {
      for (const j of byName.get(pair) ?? []) if (sameBirthDay(items[j]!.entry, item.entry)) union(j, i, 'name_and_birth_date');
      byPair.set(pair, [...(byPair.get(pair) ?? []), i]);
    }
  });

  const groups = new Map<number, T[]>();
  items.forEach((item, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), item]));
  return [...groups].map(([root, members]) => ({ members, linkedBy: [...(links.get(find(root)) ?? [])].sort() }));
}
