import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundlePlan, Job } from '../../../shared/contract';
import { buildProposalCase } from '../../documents/proposal-fixture';
import { tempDir } from '../../test-support/temp-dir';
import { invoke, uploadFile } from '../../test-support/workbench-import';
import type { Workbench } from '../../workbench';
import { STRONG, workbenchOn } from '../../workspace/encryption/test-workbench';
import { openWorkspace } from '../../workspace/open-workspace';

/**
 * A case travels between an encrypted and a plain workspace: the bundle carries the evidence's
 * plaintext inside its own (age) encryption; a plain vault stores it plain, a sealed one seals it;
 * every file keeps its SHA-256 address.
 */
async function settled(b: Workbench, jobId: string): Promise<Job> {
  for (;;) {
    const job = await invoke<Job>(b, 'jobs.get', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stored = (dir: string, sha256: string) => fs.readFileSync(path.join(dir, 'vault', 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256));

async function served(b: Workbench, sha256: string): Promise<Buffer> {
  const response = b.evidence.file(sha256, 'GET', null);
  expect(response.status).toBe(200);
  const parts: Buffer[] = [];
  for await (const chunk of response.body ?? []) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

async function send(from: Workbench, to: Workbench, caseId: string, colleagueId: string): Promise<void> {
  const folder = tempDir();
  const exported = await settled(from, (await invoke<{ jobId: string }>(from, 'bundles.export', { folder, caseId, recipients: { colleagueIds: [colleagueId] }, includeProtected: true })).jobId);
  expect(exported.state, exported.error ?? '').toBe('done');
  const uploaded = await uploadFile(to, path.join(folder, exported.bundleExport!.fileName));
  if (!uploaded.body.ok) throw new Error(uploaded.body.error.message);
  const inspected = await settled(to, (await invoke<{ jobId: string }>(to, 'bundles.inspect', { uploadId: uploaded.body.value.uploadId })).jobId);
  expect(inspected.state, inspected.error ?? '').toBe('done');
  await invoke(to, 'bundles.apply', { token: (inspected.bundlePlan as BundlePlan).token, choices: {} });
}

describe('bundles between encrypted and plain workspaces', () => {
  it('encrypted → plain → encrypted: plain on the plain side, sealed on the encrypted ones, the same bytes everywhere', async () => {
    // A: a plain workspace with evidence, then encrypted in place (its vault sealed by the conversion).
    const dirA = tempDir();
    const ws = openWorkspace(dirA);
    const built = await buildProposalCase({ db: ws.db, vault: ws.vault, actor: 'Aiko Tanaka (HRN)', now: () => new Date().toISOString() });
    ws.close();
    const files = built.exhibits.filter((e) => e.sha256).map((e) => e.sha256!);
    expect(files.length).toBeGreaterThanOrEqual(3);
    const plaintext = new Map(files.map((f) => [f, stored(dirA, f)]));
    const a = workbenchOn(dirA);
    await invoke(a, 'workspace.encryptExisting', { passphrase: STRONG });
    for (const f of files) {
      expect(stored(dirA, f).equals(plaintext.get(f)!), 'sealed in A').toBe(false);
      expect((await served(a, f)).equals(plaintext.get(f)!)).toBe(true);
    }

    const dirB = tempDir();
    const b = workbenchOn(dirB, { createUnencrypted: true });
    const dirC = tempDir();
    const c = workbenchOn(dirC);
    await invoke(c, 'workspace.create', { passphrase: STRONG });
    const benches = { a, b, c };
    for (const [name, bench] of Object.entries(benches)) await invoke(bench, 'identity.set', { name: `Investigator ${name}`, organisation: 'HRN' });
    const cards = Object.fromEntries(await Promise.all(Object.entries(benches).map(async ([n, x]) => [n, await invoke<{ text: string; fingerprint: string }>(x, 'keys.own', {})] as const)));
    const colleague = async (x: Workbench, card: { text: string; fingerprint: string }) => (await invoke<{ colleague: { id: string } }>(x, 'keys.addColleague', card)).colleague.id;
    const bInA = await colleague(a, cards.b!);
    await colleague(b, cards.a!);
    const cInB = await colleague(b, cards.c!);
    await colleague(c, cards.b!);

    await send(a, b, built.caseId, bInA);
    for (const f of files) {
      expect(sha(stored(dirB, f)), 'plain in B').toBe(f);
      expect((await served(b, f)).equals(plaintext.get(f)!)).toBe(true);
    }

    await send(b, c, built.caseId, cInB);
    for (const f of files) {
      const raw = stored(dirC, f);
      expect(sha(raw), 'sealed in C').not.toBe(f);
      expect(raw.includes(plaintext.get(f)!.subarray(0, 64))).toBe(false);
      expect((await served(c, f)).equals(plaintext.get(f)!)).toBe(true);
    }
    const verified = await settled(c, (await invoke<{ jobId: string }>(c, 'evidence.verify.start', { caseId: built.caseId })).jobId);
    expect(verified.report).toMatchObject({ clean: true, problems: [] });
    // Staging (plaintext for the length of an import) is gone once applied.
    expect(fs.readdirSync(path.join(dirC, 'vault', 'tmp'))).toEqual([]);
  }, 120_000);
});
