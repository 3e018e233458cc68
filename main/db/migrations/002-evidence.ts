import type { Migration } from './migration';

/**
 * Evidence items, their hash-chained custody log, links to allegations and subjects, extracted
 * text and search. The evidential bytes are not here: they live in the vault beside the database,
 * named by SHA-256 (main/vault).
 */
export const evidence: Migration = {
  version: 2,
  name: 'evidence',
  up(db) {
    db.exec(`
      -- Per-case exhibit counter (E-1, E-2 …); kept apart from cases so numbers are never reused.
      CREATE TABLE evidence_counters (
        case_id TEXT PRIMARY KEY REFERENCES cases (id),
        last    INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE evidence_items (
        id                      TEXT PRIMARY KEY,
        case_id                 TEXT NOT NULL REFERENCES cases (id),
        seq                     INTEGER NOT NULL,
        kind                    TEXT NOT NULL CHECK (kind IN ('file', 'testimony')),
        title                   TEXT NOT NULL,
        description             TEXT NOT NULL DEFAULT '',
        original_name           TEXT,
        media_type              TEXT,
        size                    INTEGER,
        sha256                  TEXT,
        obtained_at             TEXT,
        obtained_how            TEXT NOT NULL DEFAULT '',
        source                  TEXT NOT NULL DEFAULT '',
        collected_by            TEXT NOT NULL DEFAULT '',
        source_reliability      TEXT CHECK (source_reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        information_credibility INTEGER CHECK (information_credibility BETWEEN 1 AND 6),
        tags                    TEXT NOT NULL DEFAULT '[]',
        notes                   TEXT NOT NULL DEFAULT '',
        extraction_status       TEXT NOT NULL DEFAULT 'none'
                                CHECK (extraction_status IN ('none', 'ok', 'failed', 'unsupported')),
        extraction_error        TEXT,
        -- The custody chain's length and last entry hash: removing the last entry shows.
        custody_count           INTEGER NOT NULL DEFAULT 0,
        custody_head            TEXT NOT NULL,
        created_at              TEXT NOT NULL,
        updated_at              TEXT NOT NULL,
        UNIQUE (case_id, seq),
        CHECK ((kind = 'file') = (sha256 IS NOT NULL))
      ) STRICT;
      CREATE INDEX evidence_items_sha256 ON evidence_items (sha256);

      CREATE TABLE custody_events (
        item_id     TEXT NOT NULL REFERENCES evidence_items (id),
        seq         INTEGER NOT NULL,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        kind        TEXT NOT NULL,
        reason      TEXT,
        details     TEXT NOT NULL,
        hash_before TEXT,
        hash_after  TEXT,
        prev_hash   TEXT NOT NULL,
        entry_hash  TEXT NOT NULL,
        PRIMARY KEY (item_id, seq)
      ) STRICT;

      CREATE TABLE evidence_links (
        item_id     TEXT NOT NULL REFERENCES evidence_items (id),
        target_type TEXT NOT NULL CHECK (target_type IN ('allegation', 'subject')),
        target_id   TEXT NOT NULL,
        stance      TEXT NOT NULL CHECK (stance IN ('supporting', 'contradicting')),
        note        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        PRIMARY KEY (item_id, target_type, target_id)
      ) STRICT;
      CREATE INDEX evidence_links_target ON evidence_links (target_type, target_id);

      -- Text extracted from the file for search (a derived working copy, never the evidence).
      CREATE TABLE evidence_text (
        item_id TEXT PRIMARY KEY REFERENCES evidence_items (id),
        text    TEXT NOT NULL
      ) STRICT;

      -- Search over metadata and extracted text; trigram for Japanese and Chinese, LIKE under 3 characters.
      CREATE VIRTUAL TABLE evidence_fts USING fts5 (
        exhibit, title, description, original_name, tags, notes, text,
        tokenize = 'trigram remove_diacritics 1'
      );
      CREATE TRIGGER evidence_fts_item_insert AFTER INSERT ON evidence_items BEGIN
        INSERT INTO evidence_fts (rowid, exhibit, title, description, original_name, tags, notes, text)
        VALUES (new.rowid, 'E-' || new.seq, new.title, new.description, coalesce(new.original_name, ''),
                new.tags, new.notes, '');
      END;
      CREATE TRIGGER evidence_fts_item_update AFTER UPDATE OF title, description, original_name, tags, notes
        ON evidence_items BEGIN
        UPDATE evidence_fts SET title = new.title, description = new.description,
          original_name = coalesce(new.original_name, ''), tags = new.tags, notes = new.notes
        WHERE rowid = new.rowid;
      END;
      CREATE TRIGGER evidence_fts_text_insert AFTER INSERT ON evidence_text BEGIN
        UPDATE evidence_fts SET text = new.text
        WHERE rowid = (SELECT rowid FROM evidence_items WHERE id = new.item_id);
      END;
      CREATE TRIGGER evidence_fts_text_update AFTER UPDATE ON evidence_text BEGIN
        UPDATE evidence_fts SET text = new.text
        WHERE rowid = (SELECT rowid FROM evidence_items WHERE id = new.item_id);
      END;
    `);
  },
};
