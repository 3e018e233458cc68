/** Real fixture lists imported through the real import service, for screening tests. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ListImportResult } from '../../shared/contract/channels/lists';
import { importListFiles } from '../lists/list-import';
import { fixture } from '../lists/test-fixtures';
import type { ServiceContext } from '../services/context';

const file = (p: string) => {
  const bytes = fs.readFileSync(p);
  return { path: p, name: path.basename(p), sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
};

/** The fixture files of each list screening tests use (read-only). */
export const FIXTURE_LISTS = {
  ofacExcerpt: ['sdn', 'alt', 'add'].map((n) => fixture('us-ofac-sdn', 'excerpt-burma-xinjiang-2021-07', `${n}.csv`)),
  un2026: [fixture('un', 'un_consolidated_2026-02-27_excerpt.xml')],
  uk: [fixture('uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml')],
  eu: [fixture('eu', 'eu_fsf_xml_1_1_excerpt_2026-08-05.xml')],
  canada: [fixture('canada', 'sema-lmes_2020-04.xml')],
  jp: [fixture('jp-mof', 'shisantouketsu20260305.xlsx')],
} as const;

export function importFixture(ctx: ServiceContext, list: keyof typeof FIXTURE_LISTS): Promise<ListImportResult> {
  return importListFiles(ctx, FIXTURE_LISTS[list].map(file));
}
