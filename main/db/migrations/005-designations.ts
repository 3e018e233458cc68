import type { Migration } from './migration';

/**
 * Partners' designations, imported from the lists they publish (main/lists). One row per imported
 * version of a list; a list's entries, their names, the screening keys of those names and their
 * identifiers hang off it and go with it (ON DELETE CASCADE).
 *
 * Only lists in state 'current' count. A new version is written beside the current one as
 * 'importing' and swapped in by one transaction; the old one becomes 'discarded' and is deleted in
 * batches. Rows of other states are crash leftovers, removed when the workspace opens. Read through
 * `current_designation_entries` (or join designation_lists on state = 'current').
 *
 * Screening's name keys are in tables of their own per list version (`designation_lists.keys_tables`,
 * created by main/lists/designation-store.ts, one per 50,000 entries): a million entities have
 * tens of millions of keys, and inserting them into one shared index is several times slower than
 * appending them to a plain table and indexing it once it is full; dropping the tables is also how
 * a replaced version's keys go. The view `designation_name_keys (key, entry_id)` is the union of
 * the current versions' tables, rebuilt in the same transaction that changes which versions are
 * current; a lookup by key is pushed down to each table's index.
 *
 * An entry's integer id changes when its list is replaced; its stable identity is
 * (designation_lists.key, list_ref): the list's own reference for it.
 */
export const designations: Migration = {
  version: 5,
  name: 'designations',
  up(db) {
    db.exec(`
      CREATE TABLE designation_lists (
        id           INTEGER PRIMARY KEY,
        -- Which list this is a version of ('us-ofac-sdn' …); null until the file has been read.
        key          TEXT,
        -- Null for a file that mixes authorities (each entry then has its own).
        authority    TEXT,
        format       TEXT NOT NULL,
        list_name    TEXT NOT NULL DEFAULT '',
        list_date    TEXT,
        state        TEXT NOT NULL CHECK (state IN ('importing', 'current', 'discarded')),
        entry_count  INTEGER NOT NULL DEFAULT 0,
        name_count   INTEGER NOT NULL DEFAULT 0,
        -- Counts, warnings and the first skipped records with why (shared/contract/channels/lists).
        report       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(report)),
        -- [{ name, sha256, size }]: the files as the user named them (never a path).
        files        TEXT NOT NULL CHECK (json_valid(files)),
        imported_at  TEXT NOT NULL,
        imported_by  TEXT NOT NULL,
        -- The tables of this version's name keys (a JSON array of names), and the
        -- NAME_KEYS_VERSION (main/screening/name-keys.ts) they were made with.
        keys_tables  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keys_tables)),
        keys_version INTEGER NOT NULL,
        CHECK (state <> 'current' OR key IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX designation_lists_current ON designation_lists (key) WHERE state = 'current';

      CREATE TABLE designation_entries (
        id          INTEGER PRIMARY KEY,
        list_id     INTEGER NOT NULL REFERENCES designation_lists (id) ON DELETE CASCADE,
        list_ref    TEXT NOT NULL,
        -- The entry's own authority, else its list's.
        authority   TEXT NOT NULL,
        type        TEXT NOT NULL CHECK (type IN ('person', 'entity', 'vessel', 'aircraft', 'unknown')),
        programmes  TEXT NOT NULL,
        listed_on   TEXT,
        -- The whole DesignationEntry (shared/domain/designations.ts) as read and validated. Not
        -- checked with json_valid: it is written by JSON.stringify only, and a million checks cost.
        data        TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX designation_entries_ref ON designation_entries (list_id, list_ref);

      CREATE TABLE designation_names (
        entry_id INTEGER NOT NULL REFERENCES designation_entries (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        value    TEXT NOT NULL,
        script   TEXT,
        lang     TEXT,
        strength TEXT NOT NULL CHECK (strength IN ('primary', 'strong', 'weak')),
        PRIMARY KEY (entry_id, position)
      ) STRICT, WITHOUT ROWID;

      -- Identifiers by normalised value (upper case, letters and digits only) for exact lookups.
      CREATE TABLE designation_identifiers (
        entry_id INTEGER NOT NULL REFERENCES designation_entries (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        value    TEXT NOT NULL,
        type     TEXT NOT NULL,
        country  TEXT,
        PRIMARY KEY (entry_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX designation_identifiers_value ON designation_identifiers (value);

      -- Screening's blocking keys of the current lists (every nameKeys() of every name of an
      -- entry, once per entry); none yet.
      CREATE VIEW designation_name_keys AS SELECT '' AS key, 0 AS entry_id WHERE 0;

      CREATE VIEW current_designation_entries AS
        SELECT e.*, l.key AS list_key
        FROM designation_entries e JOIN designation_lists l ON l.id = e.list_id
        WHERE l.state = 'current';
    `);
  },
};
