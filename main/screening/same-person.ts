import { birthDateBounds, type DesignationEntry } from '../../shared/domain/designations';
import { fuzzyDateBounds } from '../../shared/domain/fuzzy-date';
import { normaliseIdentifier } from '../lists/designation-store';
import { prepareName } from './name-match';

/**
 * Entries that are one designated person listed several times (by several partners, or under
 * several regimes of one): linked when they share an identifier, or a name and their dates of birth
 * do not tell them apart (or one of them gives none). How alike the dates must be depends on how
 * alike the names are:
 *   - the same parts, in any order and script romanised: born in the same year;
 *   - the same parts spelt alike up to their vowels, or one name is another's without its
 *     patronymic: dates of birth that overlap;
 *   - one name is another's without some other part, or the names sound alike (Ezat, Izzat;
 *     ザキ・イザット): the same day of birth.
 * Links are transitive, but an entry without a date of birth does not join two groups whose dated
 * entries all disagree. Meant for one subject's candidates, which all resemble the subject already.
 */

export type SameLink = 'identifier' | 'name_and_birth_date';

/** Identifiers shorter than this are too often shared by chance to link two entries. */
const MIN_IDENTIFIER = 5;

/**
 * A name's parts that say who it is (no titles or particles, no initials), each as written
 * romanised, by its consonants (consonantSkeleton) and by its sound (coarseSkeleton): one
 * preparation of the name serves every signature below.
 */
interface NameParts {
  parts: string[];
  consonants: string[];
  sounds: string[];
}

function namePartsOf(value: string): NameParts {
  const name = prepareName(value);
  const kept = name.tokens.flatMap((t, i) => (!name.noise[i] && t.length > 1 ? [i] : []));
  return { parts: kept.map((i) => name.tokens[i]!), consonants: kept.map((i) => name.fine[i]!), sounds: kept.map((i) => name.coarse[i]![0]!) };
}

/** A name's parts as a set ("aung hlaing min"); names of one part do not link (Aung, Kim …). */
function nameSignature({ parts }: NameParts): string | null {
  const set = [...new Set(parts)].sort();
  return set.length >= 2 ? set.join(' ') : null;
}

/** The same parts by their consonants (Anatolyevich, Anatolievich; Abednico, Abedinico). */
function spellingSignature({ consonants }: NameParts): string | null {
  const set = [...new Set(consonants)].sort();
  return set.length >= 2 ? `~${set.join(' ')}` : null;
}

/**
 * The same parts by their sound (phonetic.ts: a vowel that opens a name, sh and ch, Ezat and
 * Izzat alike), in any script: ZAKI EZAT ZAKI AHMED, AHMAD, Zaki Izzat Zaki and ザキ・イザット・
 * ザキ・アフマド. The loosest signature: it links only entries born on the same day.
 */
function soundSignature({ sounds }: NameParts): string | null {
  const set = [...new Set(sounds)].sort();
  return set.length >= 2 && set.every((p) => p.length >= 2) ? `≈${set.join(' ')}` : null;
}

/** Russian, Ukrainian and Belarusian patronymics as lists romanise them (Ivanovich, Yurivich, Borysovych, Yurevna). */
const PATRONYMIC = /(?:vich|vych|vitch|ovna|evna|ivna|ichna)$/;

/**
 * The pairs of a three-part name's parts, by their consonants, and whether the part left out is a
 * patronymic: "Sergei Vladilenovich KIRIYENKO" (given name, patronymic, surname) is "Sergey
 * KIRIENKO" on another list.
 */
function pairSignatures({ parts: written, consonants }: NameParts): { signature: string; withoutPatronymic: boolean }[] {
  const parts = [...new Map(consonants.map((skeleton, i) => [skeleton, written[i]!])).entries()];
  if (parts.length !== 3) return [];
  return parts.map((_, left) => ({
    signature: `~${parts.filter((__, i) => i !== left).map(([skeleton]) => skeleton).sort().join(' ')}`,
    withoutPatronymic: PATRONYMIC.test(parts[left]![1]),
  }));
}

/** Both give a date of birth to the day, and one of them is the same day. */
function sameBirthDay(a: DesignationEntry, b: DesignationEntry): boolean {
  const days = (e: DesignationEntry) => e.datesOfBirth.flatMap((d) => (d.value.precision === 'day' ? [d.value.value] : []));
  const x = days(a);
  return x.length > 0 && days(b).some((day) => x.includes(day));
}

/**
 * Some two of their dates of birth overlap, or one entry gives none. With `within` 'year' (the
 * same name parts), dates overlap when their years do, and a date the list marks as approximate
 * counts a year either side: lists disagree on the day more often than on the year (NCUBE, Abedinico
 * is born on 13 Mar 1954 for OFAC and on 1954-10-13 for Canada; BAYNAH, Yasin Ali circa 1966 and
 * on 1965-12-24). With 'day', the days must overlap as the lists write them.
 */
function birthDatesMeet(a: DesignationEntry, b: DesignationEntry, within: 'day' | 'year'): boolean {
  const bounds = (e: DesignationEntry) => e.datesOfBirth.flatMap((d) => (within === 'year' ? birthDateBounds(d) : fuzzyDateBounds(d.value)) ?? []);
  const x = bounds(a);
  const y = bounds(b);
  if (x.length === 0 || y.length === 0) return true;
  const cut = within === 'year' ? 4 : 10;
  return x.some((p) => y.some((q) => p.first.slice(0, cut) <= q.last.slice(0, cut) && q.first.slice(0, cut) <= p.last.slice(0, cut)));
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
    return x.length === 0 || y.length === 0 || x.some((i) => y.some((j) => birthDatesMeet(items[i]!.entry, items[j]!.entry, 'day')));
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
  // A name without one of its three parts: as strong as a spelling of the whole name when the part
  // left out is a patronymic, which many lists do not give; otherwise only with the same day of birth.
  const byPair = new Map<string, { at: number; withoutPatronymic: boolean }[]>();
  const pairLinks = (j: number, i: number, withoutPatronymic: boolean) =>
    withoutPatronymic ? birthDatesMeet(items[j]!.entry, items[i]!.entry, 'day') : sameBirthDay(items[j]!.entry, items[i]!.entry);
  items.forEach((item, i) => {
    for (const id of item.entry.identifiers) {
      const value = normaliseIdentifier(id.value);
      if (value.length < MIN_IDENTIFIER) continue;
      const seen = byIdentifier.get(value);
      if (seen === undefined) byIdentifier.set(value, i);
      else union(seen, i, 'identifier');
    }
    const names = item.entry.names.filter((n) => n.strength !== 'weak').map((n) => namePartsOf(n.value));
    const signatures = new Set(names.flatMap((n) => [nameSignature(n), spellingSignature(n), soundSignature(n)]));
    for (const signature of signatures) {
      if (!signature) continue;
      const others = byName.get(signature) ?? [];
      // Spelt alike up to the vowels is looser (Mahmoud Hamid, Hammedi Mohammed): the dates must
      // overlap; alike by sound only, the same day of birth.
      const datesAgree = (j: number) =>
        signature.startsWith('≈') ? sameBirthDay(items[j]!.entry, item.entry) : birthDatesMeet(items[j]!.entry, item.entry, signature.startsWith('~') ? 'day' : 'year');
      for (const j of others) if (datesAgree(j)) union(j, i, 'name_and_birth_date');
      byName.set(signature, [...others, i]);
      for (const pair of byPair.get(signature) ?? []) if (pairLinks(pair.at, i, pair.withoutPatronymic)) union(pair.at, i, 'name_and_birth_date');
    }
    const pairs = new Map<string, boolean>();
    for (const pair of names.flatMap(pairSignatures)) pairs.set(pair.signature, pairs.get(pair.signature) === true || pair.withoutPatronymic);
    for (const [signature, withoutPatronymic] of pairs) {
      for (const j of byName.get(signature) ?? []) if (pairLinks(j, i, withoutPatronymic)) union(j, i, 'name_and_birth_date');
      byPair.set(signature, [...(byPair.get(signature) ?? []), { at: i, withoutPatronymic }]);
    }
  });

  const groups = new Map<number, T[]>();
  items.forEach((item, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), item]));
  return [...groups].map(([root, members]) => ({ members, linkedBy: [...(links.get(find(root)) ?? [])].sort() }));
}
