import type { Migration } from './migration';

/**
 * What travelled through case bundles (main/bundles/case). `bundle_transfers` is one row per bundle
 * exported or imported: its file's SHA-256, the direction, the colleague(s) on the other side (their
 * public cards, JSON), who did it and when. `bundle_sync` holds, per record, the hash of its content
 * as it last left or arrived through a bundle: the common base that tells, at the next import, which
 * side changed a record (local == base: only they did; incoming == base: only we did; else both).
 * The key is '<table>:<record key>' (main/bundles/case/tables.ts); rows are replaced, never appended.
 */
export const bundleSync: Migration = {
  version: 11,
  name: 'bundle-sync',
  up(db) {
    db.exec(`
      CREATE TABLE bundle_transfers (
        id            TEXT PRIMARY KEY,
        case_id       TEXT NOT NULL,
        direction     TEXT NOT NULL CHECK (direction IN ('export', 'import')),
        bundle_sha256 TEXT NOT NULL CHECK (length(bundle_sha256) = 64),
        counterpart   TEXT NOT NULL CHECK (json_valid(counterpart)),
        actor         TEXT NOT NULL,
        at            TEXT NOT NULL,
        summary       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(summary))
      ) STRICT;
      CREATE INDEX bundle_transfers_case ON bundle_transfers (case_id, at);

      CREATE TABLE bundle_sync (
        record_key  TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL,
        hash        TEXT NOT NULL CHECK (length(hash) = 64),
        transfer_id TEXT NOT NULL REFERENCES bundle_transfers (id)
      ) STRICT;
      CREATE INDEX bundle_sync_case ON bundle_sync (case_id);
    `);
  },
};
