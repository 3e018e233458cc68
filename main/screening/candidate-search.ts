import type { Database, Statement } from 'better-sqlite3';
import type { ScreeningReasons, SeenEntry } from '../../shared/contract/channels/screening';
import type { Authority, DesignationEntry, NameStrength } from '../../shared/domain/designations';
import { KeyIndex } from '../lists/designation-store';
import { keyHash, queryKeys } from './name-keys';
import { isPhoneticForm } from './name-match';
import { bestName, maxFactBonus, NameCache, scoreEntry, WEIGHTS, type SubjectProfile } from './score';

/**
 * Candidates for one subject, from the index and never by reading every entry: the subject's name
 * keys and document numbers find entries (KeyIndex, designation_identifiers); the
 * best-supported ones have their names compared; those whose names could still reach the
 * threshold have their facts compared too.
 */

/** A key shared by more entries than this says nothing about who someone is; it is not followed. */
export const KEY_BUDGET = { t: 200, i: 200, s: 100, j: 300, p: 300 } as const;
/**
 * Entries found by keys whose names are compared, best supported first: all of the first
 * `ALWAYS_COMPARED`, then only those with `WELL_SUPPORTED` support or more (a whole name's sound,
 * a pair and a part agree), up to NAMES_COMPARED.
 */
export const NAMES_COMPARED = 60;
/** For a subject named in katakana, Hangul or an abjad: keys support less, so more are followed and compared. */
const BY_SOUND_BUDGET = 3;
const NAMES_COMPARED_BY_SOUND = 150;
const ALWAYS_COMPARED = 25;
const WELL_SUPPORTED = 4;
/**
 * An entry found by one part's key alone (support under this) is compared only when that key is
 * rare: a shared common surname is no reason to look. Not for names from katakana, Hangul or an
 * abjad, whose parts rarely all agree by sound.
 */
const MIN_SUPPORT = 2;
const RARE_KEY = 20;
/** Key kinds' weight in ranking found entries: a whole name or two parts count more than one part. */
const KEY_WEIGHT = { t: 1.5, i: 2, s: 1, j: 2.5, p: 2 } as const;

export interface FoundCandidate {
  listKey: string;
  listRef: string;
  authority: Authority;
  score: number;
  reasons: ScreeningReasons;
  seen: SeenEntry;
  entry: DesignationEntry;
}

/** Prepared statements for one database; make once per run. */
export class CandidateSearch {
  private readonly keys: KeyIndex;
  private readonly byIdentifier: Statement;
  private readonly namesOf: Statement;
  private readonly entryOf: Statement;
  readonly cache = new NameCache();
  /** Keys skipped as too common, and how often (for the benchmark's report). */
  skippedKeys = 0;

  constructor(db: Database) {
    this.keys = new KeyIndex(db);
    this.byIdentifier = db.prepare('SELECT entry_id FROM designation_identifiers WHERE value = ?').pluck();
    // The names of several entries at once, of current lists only, from the entries' JSON.
    this.namesOf = db.prepare(
      `SELECT e.id AS entry_id, n.value ->> 'value' AS value, n.value ->> 'strength' AS strength
       FROM designation_entries e JOIN designation_lists l ON l.id = e.list_id AND l.state = 'current', json_each(e.data, '$.names') n
       WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id, n.key`,
    );
    this.entryOf = db.prepare(
      `SELECT e.list_ref, e.authority, e.data, l.key, l.list_name FROM designation_entries e
       JOIN designation_lists l ON l.id = e.list_id AND l.state = 'current' WHERE e.id = ?`,
    );
  }

  /** Entry ids found by the subject's keys, with their support; and those found by a document number. */
  private lookup(subject: SubjectProfile, bySound: boolean): { support: Map<number, number>; byDocument: Set<number> } {
    const support = new Map<number, number>();
    const keys = new Set(subject.names.flatMap((n) => queryKeys(n.prepared)));
    for (const key of keys) {
      const kind = key[0] as keyof typeof KEY_BUDGET;
      // A name by sound finds less by each key: it may follow commoner ones.
      const budget = KEY_BUDGET[kind] * (bySound ? BY_SOUND_BUDGET : 1);
      const hash = keyHash(key);
      if (this.keys.entries(hash) > budget) {
        this.skippedKeys++;
        continue;
      }
      const ids = this.keys.entryIds(hash);
      // A rare key says more: found by few entries, it weighs up to twice as much.
      const rarity = ids.length <= RARE_KEY ? 2 : 1 + Math.max(0, 0.5 - ids.length / (2 * budget));
      const weight = Math.max(ids.length <= RARE_KEY ? MIN_SUPPORT : 0, KEY_WEIGHT[kind] * rarity);
      for (const id of ids) support.set(id, (support.get(id) ?? 0) + weight);
    }
    const byDocument = new Set<number>();
    for (const doc of subject.documents) {
      if (doc.normalised.length < WEIGHTS.identifierMinLength) continue;
      for (const id of this.byIdentifier.all(doc.normalised) as number[]) byDocument.add(id);
    }
    return { support, byDocument };
  }

  /** The subject's candidates at or above the threshold, best first. */
  find(subject: SubjectProfile): FoundCandidate[] {
    if (subject.names.length === 0) return [];
    const bySound = subject.names.some((n) => isPhoneticForm(n.prepared.form));
    const { support, byDocument } = this.lookup(subject, bySound);
    const fewParts = subject.names.some((n) => n.prepared.tokens.filter((t, i) => t.length > 1 && !n.prepared.noise[i]).length < 2);
    const minSupport = fewParts || bySound ? 1 : MIN_SUPPORT;
    const ranked = [...support]
      .filter(([, weight]) => weight >= minSupport)
      .sort((a, b) => b[1] - a[1])
      .filter(([, weight], i) => bySound || i < ALWAYS_COMPARED || weight >= WELL_SUPPORTED)
      .slice(0, bySound ? NAMES_COMPARED_BY_SOUND : NAMES_COMPARED)
      .map(([id]) => id);
    const ids = [...new Set([...byDocument, ...ranked])];
    const namesById = new Map<number, { value: string; strength: NameStrength }[]>();
    for (const row of this.namesOf.all(JSON.stringify(ids)) as { entry_id: number; value: string; strength: NameStrength }[]) {
      let names = namesById.get(row.entry_id);
      if (!names) namesById.set(row.entry_id, (names = []));
      names.push(row);
    }
    // What the subject's facts could add at most: a name further below the threshold cannot make it.
    const reach = WEIGHTS.threshold - maxFactBonus(subject);
    const found: FoundCandidate[] = [];
    for (const id of ids) {
      const names = namesById.get(id);
      if (!names) continue; // not on a current list
      const name = bestName(subject, names, this.cache);
      if (!name) continue;
      if (!byDocument.has(id) && name.score < reach) continue;
      const row = this.entryOf.get(id) as { list_ref: string; authority: Authority; data: string; key: string; list_name: string } | undefined;
      if (!row) continue;
      const entry = JSON.parse(row.data) as DesignationEntry;
      const scored = scoreEntry(subject, entry, name);
      if (!scored) continue;
      found.push({
        listKey: row.key,
        listRef: row.list_ref,
        authority: row.authority,
        ...scored,
        entry,
        seen: {
          name: entry.names[0]?.value ?? row.list_ref,
          type: entry.type,
          authority: row.authority,
          listName: row.list_name,
          programmes: entry.programmes,
          listedOn: entry.listedOn,
        },
      });
    }
    return found.sort((a, b) => b.score - a.score);
  }
}
