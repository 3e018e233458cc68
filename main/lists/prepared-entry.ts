/**
 * What the designation store writes for an entry, made before the writer sees it: the values of
 * its row, its JSON, and the hashed screening keys of its names. Made where the list is read (a
 * worker thread for big files, see entry-stream.ts), so that the thread holding the database only
 * writes. Flat strings and numbers rather than the entry itself: they cross to the writer's
 * thread for a fraction of the cost of a nested object.
 */
import type { Authority, DesignationEntry } from '../../shared/domain/designations';
import { note, type ListSkip } from '../../shared/domain/list-notes';
import { memoised } from '../screening/memoised';
import { nameKeyHashes } from '../screening/name-keys';

export interface PreparedEntry {
  /** The list's own reference (designation_entries.list_ref). */
  listRef: string;
  authority: Authority;
  type: DesignationEntry['type'];
  /** The programmes as a JSON array. */
  programmes: string;
  listedOn: string | null;
  /** The whole entry (designation_entries.data). */
  json: string;
  /** The values of its names, in order. */
  names: string[];
  /** Its identifiers, four values each: position, value as written, type, country. */
  identifiers: (number | string | null)[];
  /**
   * keyHash of every nameKeys() of every name, repeats and all (the key sink drops repeats); null
   * when left to the writer (EntryWriter.add), which then makes them itself.
   */
  keys: number[] | null;
}

/** A prepared entry, or a record not stored and why. */
export type ReadItem = PreparedEntry | ListSkip;

export const isSkipped = (item: ReadItem): item is ListSkip => 'note' in item;

/**
 * The hashed keys of names, remembered by name: about half of a list's names are repeated (an
 * entity listed by several authorities is one entry each, "Given Family" and "FAMILY, Given").
 */
export class KeyMemo {
  private readonly name: (value: string) => number[];
  constructor(max = 100_000) {
    this.name = memoised(nameKeyHashes, max);
  }

  /** The keys of all the names (their values), repeats and all. */
  of(names: readonly string[]): number[] {
    if (names.length === 1) return this.name(names[0]!);
    const keys: number[] = [];
    for (const name of names) for (const key of this.name(name)) keys.push(key);
    return keys;
  }
}

/** Prepares the entries of one list, in the order they are read. */
export class EntryPreparer {
  private readonly memo = new KeyMemo();

  /** `authority`: for entries that do not name their own (null when the list's format has none). */
  constructor(private readonly authority: Authority | null) {}

  /** `withKeys` false leaves the keys to the writer (see entry-stream.ts for when). */
  prepare(entry: DesignationEntry, withKeys = true): ReadItem {
    const authority = entry.authority ?? this.authority;
    if (!authority) return { at: { entry: entry.listId }, note: note('no_authority') };
    const names = entry.names.map((n) => n.value);
    const identifiers: PreparedEntry['identifiers'] = [];
    entry.identifiers.forEach((id, i) => identifiers.push(i, id.value, id.type, id.country));
    return {
      listRef: entry.listId,
      authority,
      type: entry.type,
      programmes: JSON.stringify(entry.programmes),
      listedOn: entry.listedOn,
      json: JSON.stringify(entry),
      names,
      identifiers,
      keys: withKeys ? this.memo.of(names) : null,
    };
  }
}
