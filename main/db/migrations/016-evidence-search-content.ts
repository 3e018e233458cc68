import type { Migration } from './migration';

const COLUMNS = 'exhibit, title, description, original_name, tags, notes, text';

/** The indexed values of an item row (`new`, `old` or an alias) with the given text expression. */
const valuesOf = (row: string, text: string) =>
  `'E-' || ${row}.seq, ${row}.title, ${row}.description, coalesce(${row}.original_name, ''), ${row}.tags, ${row}.notes, ${text}`;

const TEXT_OF_ITEM = (row: string) => `coalesce((SELECT text FROM evidence_text WHERE item_id = ${row}.id), '')`;

/** Re-indexes the item whose text row is `textRow`, from the text it was indexed with to `to`. */
const reindexText = (textRow: 'new' | 'old', from: string, to: string) => `
        INSERT INTO evidence_fts (evidence_fts, rowid, ${COLUMNS})
          SELECT 'delete', e.rowid, ${valuesOf('e', from)} FROM evidence_items e WHERE e.id = ${textRow}.item_id;
        INSERT INTO evidence_fts (rowid, ${COLUMNS})
          SELECT e.rowid, ${valuesOf('e', to)} FROM evidence_items e WHERE e.id = ${textRow}.item_id;`;

/**
 * evidence_fts kept its own copy of every extracted text (migration 002), so each text was
 * written twice: ~22 pages of a 64 KiB text in evidence_text and ~22 more in evidence_fts_content.
 * It now reads its content from a view over evidence_items and evidence_text (FTS5 external
 * content). External content needs the exact old values to remove a row from the index, hence a
 * 'delete' with the old values before each re-index. The index itself is rebuilt once here.
 */
export const evidenceSearchContent: Migration = {
  version: 16,
  name: 'evidence-search-content',
  up(db) {
    db.exec(`
      DROP TRIGGER evidence_fts_item_insert;
      DROP TRIGGER evidence_fts_item_update;
      DROP TRIGGER evidence_fts_text_insert;
      DROP TRIGGER evidence_fts_text_update;
      DROP TABLE evidence_fts;

      CREATE VIEW evidence_search AS
        SELECT e.rowid AS rowid, 'E-' || e.seq AS exhibit, e.title, e.description,
               coalesce(e.original_name, '') AS original_name, e.tags, e.notes, coalesce(t.text, '') AS text
        FROM evidence_items e LEFT JOIN evidence_text t ON t.item_id = e.id;

      -- Search over metadata and extracted text; trigram for Japanese and Chinese, LIKE under 3 characters.
      CREATE VIRTUAL TABLE evidence_fts USING fts5 (
        ${COLUMNS}, content = 'evidence_search', content_rowid = 'rowid',
        tokenize = 'trigram remove_diacritics 1'
      );

      CREATE TRIGGER evidence_fts_item_insert AFTER INSERT ON evidence_items BEGIN
        INSERT INTO evidence_fts (rowid, ${COLUMNS}) VALUES (new.rowid, ${valuesOf('new', TEXT_OF_ITEM('new'))});
      END;
      CREATE TRIGGER evidence_fts_item_update AFTER UPDATE OF seq, title, description, original_name, tags, notes
        ON evidence_items BEGIN
        INSERT INTO evidence_fts (evidence_fts, rowid, ${COLUMNS}) VALUES ('delete', old.rowid, ${valuesOf('old', TEXT_OF_ITEM('old'))});
        INSERT INTO evidence_fts (rowid, ${COLUMNS}) VALUES (new.rowid, ${valuesOf('new', TEXT_OF_ITEM('new'))});
      END;
      -- Before its text arrives an item is indexed with '' as its text.
      CREATE TRIGGER evidence_fts_text_insert AFTER INSERT ON evidence_text BEGIN ${reindexText('new', "''", 'new.text')}
      END;
      CREATE TRIGGER evidence_fts_text_update AFTER UPDATE OF text ON evidence_text BEGIN ${reindexText('new', 'old.text', 'new.text')}
      END;
      CREATE TRIGGER evidence_fts_text_delete AFTER DELETE ON evidence_text BEGIN ${reindexText('old', 'old.text', "''")}
      END;

      INSERT INTO evidence_fts (evidence_fts) VALUES ('rebuild');
    `);
  },
};
