import type { Migration } from './migration';

/**
 * Findings and statements of reasons: one row per text, its target an allegation or a subject of
 * the case. `body` is Lexical JSON (validated by the service before it gets here), `plain_text` its
 * words for search, `revision` the optimistic-concurrency counter a save must name. What a text
 * cites (evidence items, subjects) is kept beside it in finding_citations, so that "which findings
 * cite E-12" and "is any cited item gone" are queries, not parses.
 *
 * Targets are not foreign keys (two kinds share the column): a finding outlives the removal of its
 * subject from the case, so that adding the subject back finds the text again.
 */
export const findings: Migration = {
  version: 7,
  name: 'findings',
  up(db) {
    db.exec(`
      CREATE TABLE findings (
        id          TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases (id),
        target_type TEXT NOT NULL CHECK (target_type IN ('allegation', 'subject')),
        target_id   TEXT NOT NULL,
        section     TEXT NOT NULL CHECK (section IN ('finding', 'reasons')),
        outcome     TEXT CHECK (outcome IN ('met', 'not_met', 'undetermined')),
        body        TEXT NOT NULL CHECK (json_valid(body)),
        plain_text  TEXT NOT NULL DEFAULT '',
        revision    INTEGER NOT NULL CHECK (revision >= 1),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL,
        UNIQUE (case_id, target_type, target_id, section),
        -- A finding states an outcome; a statement of reasons does not, and only subjects have one.
        CHECK ((section = 'finding') = (outcome IS NOT NULL)),
        CHECK (section = 'finding' OR target_type = 'subject')
      ) STRICT;

      CREATE TABLE finding_citations (
        finding_id TEXT NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('exhibit', 'subject')),
        target_id  TEXT NOT NULL,
        PRIMARY KEY (finding_id, kind, target_id)
      ) STRICT;
      CREATE INDEX finding_citations_target ON finding_citations (kind, target_id);

      -- Search over the words of findings; trigram for Japanese and Chinese, LIKE under 3 characters.
      CREATE VIRTUAL TABLE finding_text_fts USING fts5 (
        plain_text,
        content = 'findings', content_rowid = 'rowid',
        tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER finding_text_fts_insert AFTER INSERT ON findings BEGIN
        INSERT INTO finding_text_fts (rowid, plain_text) VALUES (new.rowid, new.plain_text);
      END;
      CREATE TRIGGER finding_text_fts_delete AFTER DELETE ON findings BEGIN
        INSERT INTO finding_text_fts (finding_text_fts, rowid, plain_text) VALUES ('delete', old.rowid, old.plain_text);
      END;
      CREATE TRIGGER finding_text_fts_update AFTER UPDATE OF plain_text ON findings BEGIN
        INSERT INTO finding_text_fts (finding_text_fts, rowid, plain_text) VALUES ('delete', old.rowid, old.plain_text);
        INSERT INTO finding_text_fts (rowid, plain_text) VALUES (new.rowid, new.plain_text);
      END;
    `);
  },
};
