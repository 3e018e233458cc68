import { initial } from './001-initial';
import { evidence } from './002-evidence';
import { subjects } from './003-subjects';
import { search } from './004-search';
import { designations } from './005-designations';
import { screening } from './006-screening';
import { findings } from './007-findings';
import { workflow } from './008-workflow';
import { documents } from './009-documents';
import { keys } from './010-keys';
import { bundleSync } from './011-bundle-sync';
import { demo } from './012-demo';
import { protectedIdentities } from './013-protected-identities';
import { listAuthorities } from './014-list-authorities';
import { namesInEntries } from './015-names-in-entries';
import { evidenceSearchContent } from './016-evidence-search-content';
import { evidenceSearchMerges } from './017-evidence-search-merges';
import type { Migration } from './migration';

/** In order; a new migration is a new file and a new row here, never an edit to a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initial, evidence, subjects, search, designations, screening, findings, workflow, documents, keys, bundleSync, demo, protectedIdentities, listAuthorities, namesInEntries, evidenceSearchContent, evidenceSearchMerges];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
