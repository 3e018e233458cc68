import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubjectFieldsSchema } from '../../shared/contract';
import { entryToFtmEntity, FTM_AUTHORITIES, sanctionFtm } from '../lists/ftm-write';
import { importListFiles, type ImportFile } from '../lists/list-import';
import { fixture } from '../lists/test-fixtures';
import { parseUkXml } from '../lists/uk-xml';
import { parseUnXml } from '../lists/un-xml';
import type { ServiceContext } from '../services/context';
import { createCase } from '../services/case-service';
import { addSubjectToCase, createSubject } from '../services/subject-service';
import { openWorkspace, type Workspace } from '../workspace/open-workspace';
import { coordinationMatrix } from './matrix-service';
import { decideCandidate, listCandidates, runScreening } from './screening-service';

/**
 * The matrix over lists in the two new formats (OFAC advanced XML, UK Sanctions List CSV: the test
 * files in main/lists/testdata) and a file mixing authorities (the real UN 2026 excerpt and the real
 * UK XML excerpt written as FollowTheMoney entities, each under its own authority).
 */
let dir: string;
let workspace: Workspace;
let ctx: ServiceContext;

const file = (p: string, name = path.basename(p)): ImportFile => {
  const bytes = fs.readFileSync(p);
  return { path: p, name, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
};
const testdata = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lists', 'testdata', name);
const authoritiesOf = (key: string) => workspace.db.prepare("SELECT authorities FROM designation_lists WHERE key = ? AND state = 'current'").pluck().get(key);
const keysUnder = (authority: 'US' | 'UK' | 'UN' | 'EU') => coordinationMatrix(ctx).lists[authority].map((l) => l.key).sort();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-matrix-'));
  workspace = openWorkspace(dir);
  ctx = { db: workspace.db, actor: 'tester', now: () => '2026-11-27T09:00:00.000Z' };
  await importListFiles(ctx, [file(testdata('sdn_advanced_burma-xinjiang_2021-07.xml'))]);
  await importListFiles(ctx, [file(testdata('uk-sanctions-list_2026-08-14_from-xml-excerpt.csv'))]);
  const lines = [
    ...(await parseUnXml(fixture('un', 'un_consolidated_2026-02-27_excerpt.xml'))).entries.map((e) => ['un', e, FTM_AUTHORITIES.UN] as const),
    ...(await parseUkXml(fixture('uk', 'uk_sanctions_list_xml_excerpt_2026-08-14.xml'))).entries.map((e) => ['uk', e, FTM_AUTHORITIES.UK] as const),
  ].flatMap(([prefix, entry, authority]) => {
    const id = `${prefix}-${entry.listId}`;
    return [entryToFtmEntity(entry, id), sanctionFtm(`${id}-sanction`, id, authority, entry.programmes, entry.listedOn)];
  });
  const mixed = path.join(dir, 'mixed.ftm.json');
  fs.writeFileSync(mixed, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  await importListFiles(ctx, [file(mixed)]);
}, 120_000);

afterAll(() => {
  workspace.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the coordination matrix', () => {
  it('puts each list under the authorities its import recorded, a mixed file under each of them', () => {
    expect(authoritiesOf('us-ofac-sdn')).toBe('["US"]');
    expect(authoritiesOf('uk-sanctions-list')).toBe('["UK"]');
    const mixedKey = workspace.db.prepare("SELECT key FROM designation_lists WHERE format = 'ftm_jsonl' AND state = 'current'").pluck().get() as string;
    expect(authoritiesOf(mixedKey)).toBe('["UK","UN"]');
    expect(keysUnder('US')).toEqual(['us-ofac-sdn']);
    expect(keysUnder('UK')).toEqual([mixedKey, 'uk-sanctions-list'].sort());
    expect(keysUnder('UN')).toEqual([mixedKey]);
    expect(keysUnder('EU')).toEqual([]);
    // What the matrix reads is the recorded column, not the entries.
    workspace.db.prepare('UPDATE designation_lists SET authorities = ? WHERE key = ?').run('["EU"]', mixedKey);
    expect(keysUnder('UN')).toEqual([]);
    expect(keysUnder('EU')).toEqual([mixedKey]);
    workspace.db.prepare('UPDATE designation_lists SET authorities = ? WHERE key = ?').run('["UK","UN"]', mixedKey);
  });

  it('names the cases each subject is in: the workspace matrix says where to work on it', () => {
    const rakhine = createCase(ctx, { title: 'Rakhine 2017', country: 'MM', situation: '', summary: '' });
    const coup = createCase(ctx, { title: 'Post-coup', country: 'MM', situation: '', summary: '' });
    const both = createSubject(ctx, { ...SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'latn', value: 'Soe Win' }] }), caseId: rakhine.id });
    addSubjectToCase(ctx, { caseId: coup.id, subjectId: both.id });
    const none = createSubject(ctx, SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'latn', value: 'Nobody Yet' }] }));
    const rows = coordinationMatrix(ctx).rows;
    const refs = [rakhine, coup].map((c) => ({ id: c.id, reference: c.reference })).sort((a, b) => a.reference.localeCompare(b.reference));
    expect(rows.find((r) => r.subject.id === both.id)!.cases).toEqual(refs);
    expect(rows.find((r) => r.subject.id === none.id)!.cases).toEqual([]);
    // A case's own matrix names them too.
    expect(coordinationMatrix(ctx, { caseId: coup.id }).rows.map((r) => [r.subject.id, r.cases.length])).toEqual([[both.id, 2]]);
  });

  it('shows the listing date the OFAC advanced XML states, where the legacy CSV had none', async () => {
    const { id } = createSubject(ctx, SubjectFieldsSchema.parse({ type: 'person', names: [{ script: 'latn', value: 'Min Aung Hlaing' }] }));
    await runScreening(ctx, { scope: 'subject', subjectId: id });
    const candidate = listCandidates(ctx, { subjectId: id })[0]!.persons.flatMap((p) => p.candidates).find((c) => c.listKey === 'us-ofac-sdn' && c.listRef === '27225')!;
    expect(candidate).toBeDefined();
    decideCandidate(ctx, { candidateId: candidate.id, decision: 'confirmed', note: 'Same person.' });
    const row = coordinationMatrix(ctx).rows.find((r) => r.subject.id === id)!;
    expect(row.cells.US.state).toBe('designated');
    expect(row.cells.US.designations).toEqual([expect.objectContaining({ listRef: '27225', programmes: ['GLOMAG', 'BURMA-EO14014'], listedOn: '2019-12-10' })]);
    expect(row.firstListedOn).toBe('2019-12-10');
    expect(row.gap).toBe(true);
  });
});
