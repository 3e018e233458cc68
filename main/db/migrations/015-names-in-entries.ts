import type { Migration } from './migration';

/**
 * designation_names goes: every name is also in its entry's `data` (the whole DesignationEntry),
 * and screening reads the few entries it compares from there (json_each). A million entities have
 * some six million names: their own table and its B-tree were a third of the rows an import wrote
 * and a sixth of the database, for a read that touches at most 150 entries a subject.
 */
export const namesInEntries: Migration = {
  version: 15,
  name: 'names-in-entries',
  up(db) {
    db.exec('DROP TABLE designation_names');
  },
};
