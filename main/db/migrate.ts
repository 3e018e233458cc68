import type { Database } from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

export const schemaVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/** Brings the schema up to `target`, one transaction per migration so a crash leaves a whole step. */
export function migrate(db: Database, target = LATEST_SCHEMA_VERSION): number {
  for (const migration of MIGRATIONS) {
    if (migration.version <= schemaVersion(db) || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
