import type { Migration } from './migration';

/**
 * Screening (main/screening): candidate matches between a subject and a designation, by the
 * entry's stable identity (list key, list reference) and never by its integer id, which changes
 * when the list is re-imported. A re-run updates a candidate's score and reasons and keeps its
 * decision; a candidate the latest run no longer finds is deleted while pending, and kept (current
 * = 0) once decided. `screening_runs` says when each subject was last screened against which
 * version of each list, so that a list imported since, or a subject edited since, shows as not
 * screened rather than as not designated.
 */
export const screening: Migration = {
  version: 6,
  name: 'screening',
  up(db) {
    db.exec(`
      CREATE TABLE screening_candidates (
        id             TEXT PRIMARY KEY,
        subject_id     TEXT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
        list_key       TEXT NOT NULL,
        list_ref       TEXT NOT NULL,
        score          REAL NOT NULL CHECK (score >= 0 AND score <= 1),
        -- ScreeningReasons (shared/contract/channels/screening.ts): which names agreed and how, and the facts.
        reasons        TEXT NOT NULL CHECK (json_valid(reasons)),
        -- SeenEntry: the entry's name, authority, list name, programmes and date when last found.
        seen           TEXT NOT NULL CHECK (json_valid(seen)),
        current        INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
        decision       TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'confirmed', 'rejected')),
        note           TEXT NOT NULL DEFAULT '',
        decided_by     TEXT,
        decided_at     TEXT,
        first_found_at TEXT NOT NULL,
        screened_at    TEXT NOT NULL,
        UNIQUE (subject_id, list_key, list_ref),
        CHECK ((decision = 'pending') = (decided_at IS NULL)),
        CHECK (decision <> 'pending' OR current = 1)
      ) STRICT;
      CREATE INDEX screening_candidates_entry ON screening_candidates (list_key, list_ref);

      CREATE TABLE screening_runs (
        subject_id       TEXT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
        list_key         TEXT NOT NULL,
        -- designation_lists.imported_at of the version screened against.
        list_imported_at TEXT NOT NULL,
        screened_at      TEXT NOT NULL,
        PRIMARY KEY (subject_id, list_key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
