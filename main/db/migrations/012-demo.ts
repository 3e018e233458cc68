import type { Migration } from './migration';

/**
 * Demo cases (issue 4, "A demo workspace"): a case built by Casebench from public facts only, so a
 * new user can see the whole workflow. Stored as a flag on the case, not inferred from its title,
 * so that every place that shows a case (list, page, proposal documents) can mark it, whatever the
 * user later renames it to. Existing cases are not demos.
 */
export const demo: Migration = {
  version: 12,
  name: 'demo',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));
      -- "Is there an open demo case?" is asked on every first run and by the case list's offer.
      CREATE INDEX cases_demo ON cases (demo, status) WHERE demo = 1;
    `);
  },
};
