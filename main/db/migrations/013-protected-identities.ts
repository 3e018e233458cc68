import { v7 as uuidv7 } from 'uuid';
import type { Migration } from './migration';

/**
 * Protected persons (DOMAIN.md: victims and witnesses are recorded under a pseudonym, the real
 * identity held apart). One row per person per case: the pseudonym the rest of the case uses
 * (allegations.victims keeps its JSON of `{ pseudonym }`, matched by pseudonym), the role, and the
 * real identity, which only the protected-identity service reveals and a bundle carries only when
 * the sender chooses to (main/bundles/case).
 *
 * Pseudonyms already named as victims get a row each (role victim, no identity yet), so the list
 * shows every person the case refers to; the allegations themselves are not touched.
 */
export const protectedIdentities: Migration = {
  version: 13,
  name: 'protected-identities',
  up(db) {
    db.exec(`
      CREATE TABLE protected_persons (
        id          TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases (id),
        pseudonym   TEXT NOT NULL CHECK (length(pseudonym) BETWEEN 1 AND 200),
        role        TEXT NOT NULL CHECK (role IN ('victim', 'witness', 'source')),
        full_name   TEXT NOT NULL DEFAULT '',
        other_names TEXT NOT NULL DEFAULT '',
        contact     TEXT NOT NULL DEFAULT '',
        notes       TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (case_id, pseudonym)
      ) STRICT;
    `);
    const victims = db
      .prepare(
        `SELECT DISTINCT a.case_id AS caseId, trim(json_extract(v.value, '$.pseudonym')) AS pseudonym, min(a.created_at) AS at
         FROM allegations a, json_each(a.victims) v
         WHERE json_valid(a.victims) AND length(trim(coalesce(json_extract(v.value, '$.pseudonym'), ''))) BETWEEN 1 AND 200
         GROUP BY a.case_id, trim(json_extract(v.value, '$.pseudonym'))
         ORDER BY a.case_id, pseudonym`,
      )
      .all() as { caseId: string; pseudonym: string; at: string }[];
    const insert = db.prepare(
      `INSERT INTO protected_persons (id, case_id, pseudonym, role, created_at, updated_at) VALUES (?, ?, ?, 'victim', ?, ?)`,
    );
    for (const v of victims) insert.run(uuidv7(), v.caseId, v.pseudonym, v.at, v.at);
  },
};
