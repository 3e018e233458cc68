import type { Database } from 'better-sqlite3';

/** What every service call needs: the workspace database, who acts, and the clock (UTC ISO). */
export interface ServiceContext {
  db: Database;
  actor: string;
  now(): string;
}
