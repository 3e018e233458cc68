import type { Migration } from './migration';

const TRIGRAM = "tokenize = 'trigram remove_diacritics 1'";

/** External-content FTS5 over a table's text columns, kept in step by triggers, filled once now. */
function ftsOver(table: string, fts: string, columns: string[]): string {
  const cols = columns.join(', ');
  const newCols = columns.map((c) => `new.${c}`).join(', ');
  const oldCols = columns.map((c) => `old.${c}`).join(', ');
  return `
    CREATE VIRTUAL TABLE ${fts} USING fts5 (${cols}, content = '${table}', content_rowid = 'rowid', ${TRIGRAM});
    CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${fts} (rowid, ${cols}) VALUES (new.rowid, ${newCols});
    END;
    CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${fts} (${fts}, rowid, ${cols}) VALUES ('delete', old.rowid, ${oldCols});
    END;
    CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${cols} ON ${table} BEGIN
      INSERT INTO ${fts} (${fts}, rowid, ${cols}) VALUES ('delete', old.rowid, ${oldCols});
      INSERT INTO ${fts} (rowid, ${cols}) VALUES (new.rowid, ${newCols});
    END;
    INSERT INTO ${fts} (${fts}) VALUES ('rebuild');`;
}

/**
 * Workspace search over the text of cases and allegations (the case list's type-ahead index covers
 * only reference and title). Subjects and evidence keep their own search tables.
 */
export const search: Migration = {
  version: 4,
  name: 'search',
  up(db) {
    db.exec(ftsOver('cases', 'case_text_fts', ['reference', 'title', 'situation', 'summary']));
    db.exec(ftsOver('allegations', 'allegation_text_fts', ['place', 'narrative', 'victims']));
  },
};
