import type { Database } from 'better-sqlite3';

/**
 * Work that runs one at a time on each workspace database, in the order it was asked for: the next
 * starts once the one before has settled, whatever became of it. For work that yields between its
 * transactions (an import, a screening run, deleting a list version) and must not interleave with
 * more of its own kind.
 */
export class OneAtATime {
  private readonly last = new WeakMap<Database, Promise<unknown>>();

  run<T>(db: Database, work: () => Promise<T>): Promise<T> {
    const mine = (this.last.get(db) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.last.set(db, mine);
    const forget = () => {
      if (this.last.get(db) === mine) this.last.delete(db);
    };
    mine.then(forget, forget);
    return mine;
  }

  /** Settles once everything asked of this database so far has. */
  settled(db: Database): Promise<void> {
    return (this.last.get(db) ?? Promise.resolve()).then(
      () => undefined,
      () => undefined,
    );
  }
}
