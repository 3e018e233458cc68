import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundlePlan, Job, ProtectedPerson, RevealedPerson } from '../../../shared/contract';
import { buildProposalCase, PROTECTED_NAMES } from '../../documents/proposal-fixture';
import { ownKeys } from '../../keys/own-keys';
import { createPerson } from '../../services/protected-identity-service';
import { tempDir } from '../../test-support/temp-dir';
import { invoke, uploadFile } from '../../test-support/workbench-import';
import { verifyCustodyLog } from '../../vault/custody';
import { openWorkbench, type Workbench } from '../../workbench';
import { openWorkspace } from '../../workspace/open-workspace';
import { openHeader, readHeader } from '../format/age-header';
import { PayloadDecrypt } from '../format/stream-cipher';

/** A victim's and a source's real identities, recorded apart under pseudonyms; every value must stay home unless chosen. */
const VICTIM = { fullName: 'Gulnar Yusup', otherNames: 'グリナル・ユスプ', contact: '+7 700 555 0199 (Almaty)', notes: 'Her brother is still detained.' };
const SOURCE = { fullName: 'Dilshat Kerimov', otherNames: '', contact: 'Signal: dk-0427', notes: '' };
const SECRETS = [...Object.values(VICTIM), ...Object.values(SOURCE)].filter(Boolean);

const benches: Workbench[] = [];
const bench = (dir: string) => {
  const b = openWorkbench({ workspaceDir: dir, appVersion: 'test' });
  benches.push(b);
  return b;
};

async function settled(b: Workbench, jobId: string): Promise<Job> {
  for (;;) {
    const job = await invoke<Job>(b, 'jobs.get', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function exportVia(from: Workbench, caseId: string, colleagueId: string, includeProtected: boolean): Promise<string> {
  const folder = tempDir();
  const { jobId } = await invoke<{ jobId: string }>(from, 'bundles.export', { folder, caseId, recipients: { colleagueIds: [colleagueId] }, includeProtected });
  const job = await settled(from, jobId);
  if (job.state !== 'done') throw new Error(`export ${job.state}: ${job.errorCode} ${job.error}`);
  return path.join(folder, job.bundleExport!.fileName);
}

/** The bundle's plaintext: the age payload decrypted to its (uncompressed) tar, every byte the recipient gets. */
async function decryptedTar(file: string, ageIdentity: string): Promise<Buffer> {
  const handle = await fsp.open(file, 'r');
  try {
    const header = await readHeader(handle);
    const fileKey = await openHeader(header, [ageIdentity], undefined);
    const chunks: Buffer[] = [];
    const collect = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    await pipeline(fs.createReadStream('', { fd: handle, start: header.length, autoClose: false }), new PayloadDecrypt(fileKey), collect);
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

async function importVia(to: Workbench, file: string): Promise<BundlePlan> {
  const uploaded = await uploadFile(to, file);
  if (!uploaded.body.ok) throw new Error(uploaded.body.error.message);
  const { jobId } = await invoke<{ jobId: string }>(to, 'bundles.inspect', { uploadId: uploaded.body.value.uploadId });
  const job = await settled(to, jobId);
  if (job.state !== 'done') throw new Error(`inspect ${job.state}: ${job.errorCode} ${job.error}`);
  await invoke(to, 'bundles.apply', { token: job.bundlePlan!.token, choices: {} });
  return job.bundlePlan!;
}

describe('protected identities in case bundles', () => {
  afterEach(() => {
    for (const b of benches.splice(0)) b.close();
  });

  it('are nowhere in a bundle sent without them, travel when chosen, and never disturb evidence metadata or custody', async () => {
    const dirA = tempDir();
    const ws = openWorkspace(dirA);
    const ctx = { db: ws.db, vault: ws.vault, actor: 'Aiko Tanaka (HRN)', now: () => new Date().toISOString() };
    const built = await buildProposalCase(ctx);
    createPerson(ctx, { caseId: built.caseId, pseudonym: 'W-02', role: 'victim', ...VICTIM });
    createPerson(ctx, { caseId: built.caseId, pseudonym: 'S-01', role: 'source', ...SOURCE });
    // The sender can open what they sent (bundle-service adds their own key): the test reads the bundle with it.
    const { ageIdentity } = await ownKeys(ws);
    ws.close();
    const a = bench(dirA);
    const dirB = tempDir();
    let b = bench(dirB);
    await invoke(a, 'identity.set', { name: 'Aiko Tanaka', organisation: 'HRN' });
    await invoke(b, 'identity.set', { name: 'Ben Carter', organisation: 'HRN' });
    await invoke(b, 'keys.addColleague', await invoke<{ text: string }>(a, 'keys.own', {}));
    const ben = await invoke<{ colleague: { id: string } }>(a, 'keys.addColleague', await invoke<{ text: string }>(b, 'keys.own', {}));

    const withoutFile = await exportVia(a, built.caseId, ben.colleague.id, false);
    const without = await decryptedTar(withoutFile, ageIdentity);
    expect(without.includes('records/allegations.json')).toBe(true); // really the plaintext
    for (const secret of SECRETS) expect(without.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    expect(without.includes('records/protected_persons.json')).toBe(false);
    expect(without.includes('W-02')).toBe(true); // allegations name victims by pseudonym
    // Evidence metadata travels as the investigators recorded it.
    expect(without.includes(Buffer.from(PROTECTED_NAMES[0], 'utf8'))).toBe(true);

    const withFile = await exportVia(a, built.caseId, ben.colleague.id, true);
    const withThem = await decryptedTar(withFile, ageIdentity);
    for (const secret of SECRETS) expect(withThem.includes(Buffer.from(secret, 'utf8')), secret).toBe(true);

    // The receiver: nothing of them from the first bundle, custody verifies clean; the second brings them.
    const first = await importVia(b, withoutFile);
    expect(first.protectedIdentitiesIncluded).toBe(false);
    expect(first.custody.diverged).toEqual([]);
    expect(await invoke<ProtectedPerson[]>(b, 'protected.list', { caseId: built.caseId })).toEqual([]);
    b.close();
    const wsB = openWorkspace(dirB);
    for (const e of built.exhibits) {
      const item = wsB.db.prepare('SELECT id, custody_count, custody_head FROM evidence_items WHERE id = ?').get(e.id) as { id: string; custody_count: number; custody_head: string };
      expect(verifyCustodyLog(wsB.db, item)).toEqual([]);
    }
    wsB.close();

    b = bench(dirB);
    const second = await importVia(b, withFile);
    expect(second.protectedIdentitiesIncluded).toBe(true);
    const persons = await invoke<ProtectedPerson[]>(b, 'protected.list', { caseId: built.caseId });
    expect(persons.map((p) => [p.pseudonym, p.role])).toEqual([
      ['S-01', 'source'],
      ['W-02', 'victim'],
    ]);
    const revealed = await invoke<RevealedPerson>(b, 'protected.reveal', { id: persons[1]!.id });
    expect(revealed.identity).toEqual(VICTIM);
  });
});
