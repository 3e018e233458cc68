import { initial } from './001-initial';
import { evidence } from './002-evidence';
import { subjects } from './003-subjects';
import { search } from './004-search';
import type { Migration } from './migration';

/** In order; a new migration is a new file and a new row here, never an edit to a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initial, evidence, subjects, search];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
