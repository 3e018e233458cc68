import type { Migration } from './migration';

/**
 * Subjects: persons and entities, independent of cases (one subject can be in several), linked to
 * cases and, with a role, to allegations. Names and aliases in every script have their own table and
 * search index; the other facts (dates and places of birth, nationalities, documents, positions,
 * addresses) are rows of one table with their fields as JSON. Every fact row has its own id, its
 * order, and the evidence items it cites (a JSON array of ids).
 */
export const subjects: Migration = {
  version: 3,
  name: 'subjects',
  up(db) {
    db.exec(`
      CREATE TABLE subjects (
        id           TEXT PRIMARY KEY,
        seq          INTEGER NOT NULL UNIQUE,
        type         TEXT NOT NULL CHECK (type IN ('person', 'organization', 'company', 'state_body')),
        display_name TEXT NOT NULL,
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE subject_names (
        id           TEXT PRIMARY KEY,
        subject_id   TEXT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
        kind         TEXT NOT NULL CHECK (kind IN ('name', 'alias')),
        position     INTEGER NOT NULL,
        script       TEXT NOT NULL,
        value        TEXT NOT NULL,
        is_primary   INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
        strength     TEXT CHECK (strength IN ('strong', 'weak')),
        evidence_ids TEXT NOT NULL DEFAULT '[]',
        CHECK ((kind = 'alias') = (strength IS NOT NULL))
      ) STRICT;
      CREATE INDEX subject_names_subject ON subject_names (subject_id, kind, position);

      CREATE TABLE subject_facts (
        id           TEXT PRIMARY KEY,
        subject_id   TEXT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
        kind         TEXT NOT NULL CHECK (kind IN ('birth_date', 'birth_place', 'nationality', 'document', 'position', 'address')),
        position     INTEGER NOT NULL,
        data         TEXT NOT NULL CHECK (json_valid(data)),
        evidence_ids TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX subject_facts_subject ON subject_facts (subject_id, kind, position);

      CREATE TABLE case_subjects (
        case_id    TEXT NOT NULL REFERENCES cases (id),
        subject_id TEXT NOT NULL REFERENCES subjects (id),
        added_at   TEXT NOT NULL,
        PRIMARY KEY (case_id, subject_id)
      ) STRICT;
      CREATE INDEX case_subjects_subject ON case_subjects (subject_id);

      CREATE TABLE allegation_subjects (
        allegation_id TEXT NOT NULL REFERENCES allegations (id) ON DELETE CASCADE,
        subject_id    TEXT NOT NULL REFERENCES subjects (id),
        role          TEXT NOT NULL CHECK (role IN ('direct_perpetrator', 'commander', 'financier', 'enabler', 'owner_controller')),
        PRIMARY KEY (allegation_id, subject_id, role)
      ) STRICT;
      CREATE INDEX allegation_subjects_subject ON allegation_subjects (subject_id);

      CREATE TABLE subject_relationships (
        id           TEXT PRIMARY KEY,
        from_id      TEXT NOT NULL REFERENCES subjects (id),
        to_id        TEXT NOT NULL REFERENCES subjects (id),
        kind         TEXT NOT NULL CHECK (kind IN ('commands', 'owns', 'controls', 'family', 'associate')),
        period       TEXT NOT NULL,
        period_first TEXT,
        period_last  TEXT,
        note         TEXT NOT NULL DEFAULT '',
        evidence_ids TEXT NOT NULL DEFAULT '[]',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        CHECK (from_id <> to_id)
      ) STRICT;
      CREATE INDEX subject_relationships_from ON subject_relationships (from_id);
      CREATE INDEX subject_relationships_to ON subject_relationships (to_id);

      -- Every name and alias in every script: trigram tokens find Japanese, Chinese and Burmese by
      -- substring, Latin regardless of case and accents. Under 3 characters the provider uses LIKE.
      CREATE VIRTUAL TABLE subject_names_fts USING fts5 (
        value,
        content = 'subject_names', content_rowid = 'rowid',
        tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER subject_names_fts_insert AFTER INSERT ON subject_names BEGIN
        INSERT INTO subject_names_fts (rowid, value) VALUES (new.rowid, new.value);
      END;
      CREATE TRIGGER subject_names_fts_delete AFTER DELETE ON subject_names BEGIN
        INSERT INTO subject_names_fts (subject_names_fts, rowid, value) VALUES ('delete', old.rowid, old.value);
      END;
      CREATE TRIGGER subject_names_fts_update AFTER UPDATE OF value ON subject_names BEGIN
        INSERT INTO subject_names_fts (subject_names_fts, rowid, value) VALUES ('delete', old.rowid, old.value);
        INSERT INTO subject_names_fts (rowid, value) VALUES (new.rowid, new.value);
      END;
    `);
  },
};
