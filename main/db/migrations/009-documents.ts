import type { Migration } from './migration';

/**
 * Issued proposal documents (docs/documents.md). One row per issued version: which proposal
 * (number, measure, subjects), in which language, the issued PDF's SHA-256 and the SHA-256 printed
 * on its last page (of its HTML source), both files held in the evidence vault under those hashes.
 *
 * An issued document is frozen: triggers refuse any UPDATE or DELETE of a row, so that not even a
 * bug in the app can rewrite what was sent to a ministry. A later issue is a new row, the next
 * version of the same number in the same language.
 */
export const documents: Migration = {
  version: 9,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE issued_documents (
        id            TEXT PRIMARY KEY,
        case_id       TEXT NOT NULL REFERENCES cases (id),
        number        TEXT NOT NULL,
        version       INTEGER NOT NULL CHECK (version >= 1),
        language      TEXT NOT NULL CHECK (language IN ('ja', 'en', 'bilingual')),
        measure       TEXT NOT NULL CHECK (measure IN ('asset_freeze', 'travel_ban')),
        -- The subjects' ids, sorted: the same set is the same proposal, whatever order it was asked in.
        subject_ids   TEXT NOT NULL CHECK (json_valid(subject_ids) AND json_array_length(subject_ids) >= 1),
        title         TEXT NOT NULL,
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        size          INTEGER NOT NULL CHECK (size > 0),
        source_sha256 TEXT NOT NULL CHECK (length(source_sha256) = 64),
        page_count    INTEGER NOT NULL CHECK (page_count >= 1),
        -- What the document was asked to say beyond the case data (addressee, classification …).
        options       TEXT NOT NULL CHECK (json_valid(options)),
        issued_at     TEXT NOT NULL,
        issued_by     TEXT NOT NULL,
        UNIQUE (number, language, version)
      ) STRICT;
      CREATE INDEX issued_documents_case ON issued_documents (case_id, issued_at);
      CREATE INDEX issued_documents_sha256 ON issued_documents (sha256);
      CREATE INDEX issued_documents_source ON issued_documents (source_sha256);

      CREATE TRIGGER issued_documents_frozen_update BEFORE UPDATE ON issued_documents BEGIN
        SELECT RAISE(ABORT, 'An issued document is frozen: issue a new version instead.');
      END;
      CREATE TRIGGER issued_documents_frozen_delete BEFORE DELETE ON issued_documents BEGIN
        SELECT RAISE(ABORT, 'An issued document is frozen: it cannot be removed.');
      END;
    `);
  },
};
