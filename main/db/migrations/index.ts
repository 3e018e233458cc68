import { initial } from './001-initial';
import type { Migration } from './migration';

/** In order; a new migration is a new file and a new row here, never an edit to a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initial];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
