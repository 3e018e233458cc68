import type { Migration } from './migration';

/** Workflow order of a stage; the case service sorts by this very expression so the index is used. */
export const STAGE_RANK = `CASE stage WHEN 'intake' THEN 1 WHEN 'assessment' THEN 2 WHEN 'investigation' THEN 3
  WHEN 'findings' THEN 4 WHEN 'proposal' THEN 5 WHEN 'review' THEN 6 ELSE 7 END`;

/** Cases, their allegations and history, per-year reference counters, settings, case search. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reference_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE cases (
        id             TEXT PRIMARY KEY,
        reference      TEXT NOT NULL UNIQUE,
        title          TEXT NOT NULL,
        country        TEXT,
        situation      TEXT NOT NULL DEFAULT '',
        summary        TEXT NOT NULL DEFAULT '',
        stage          TEXT NOT NULL DEFAULT 'intake',
        status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        closed_reason  TEXT,
        closed_at      TEXT,
        allegation_seq INTEGER NOT NULL DEFAULT 0,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      -- One index per sort order of the case list, each ending in the reference as tie-breaker.
      CREATE INDEX cases_updated ON cases (updated_at, reference);
      CREATE INDEX cases_title ON cases (title COLLATE NOCASE, reference);
      CREATE INDEX cases_country ON cases (country, reference);
      CREATE INDEX cases_stage ON cases ((${STAGE_RANK}), reference);

      CREATE TABLE allegations (
        id           TEXT PRIMARY KEY,
        case_id      TEXT NOT NULL REFERENCES cases (id),
        seq          INTEGER NOT NULL,
        category     TEXT NOT NULL,
        period       TEXT NOT NULL,
        period_first TEXT,
        period_last  TEXT,
        place        TEXT NOT NULL DEFAULT '',
        narrative    TEXT NOT NULL DEFAULT '',
        victims      TEXT NOT NULL DEFAULT '[]',
        status       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        UNIQUE (case_id, seq)
      ) STRICT;

      CREATE TABLE case_events (
        id      TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        at      TEXT NOT NULL,
        actor   TEXT NOT NULL,
        kind    TEXT NOT NULL,
        reason  TEXT,
        subject TEXT
      ) STRICT;
      CREATE INDEX case_events_case ON case_events (case_id, at);

      -- Type-ahead over reference and title. Trigram tokens find Japanese and Chinese titles by
      -- any substring of 3+ characters; shorter queries fall back to LIKE in the service.
      CREATE VIRTUAL TABLE cases_fts USING fts5 (
        reference, title,
        content = 'cases', content_rowid = 'rowid',
        tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
        INSERT INTO cases_fts (rowid, reference, title) VALUES (new.rowid, new.reference, new.title);
      END;
      CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
        INSERT INTO cases_fts (cases_fts, rowid, reference, title) VALUES ('delete', old.rowid, old.reference, old.title);
      END;
      CREATE TRIGGER cases_fts_update AFTER UPDATE OF reference, title ON cases BEGIN
        INSERT INTO cases_fts (cases_fts, rowid, reference, title) VALUES ('delete', old.rowid, old.reference, old.title);
        INSERT INTO cases_fts (rowid, reference, title) VALUES (new.rowid, new.reference, new.title);
      END;
    `);
  },
};
