import type { Migration } from './migration';

/**
 * The authorities a list version covers, as a JSON array (`["UK"]`; several for a file that mixes
 * them, such as OpenSanctions'), written by the import (main/lists/list-import.ts) when the version
 * is read. The coordination matrix reads this instead of scanning a version's entries for their
 * distinct authorities on every call. Versions already imported get it from their entries here.
 */
export const listAuthorities: Migration = {
  version: 14,
  name: 'list-authorities',
  up(db) {
    db.exec(`
      ALTER TABLE designation_lists ADD COLUMN authorities TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authorities));
      UPDATE designation_lists SET authorities = (
        SELECT coalesce(json_group_array(authority), '[]')
        FROM (SELECT DISTINCT authority FROM designation_entries WHERE list_id = designation_lists.id ORDER BY authority)
      );
    `);
  },
};
