/**
 * The cost of encryption at rest (issue 7: the database and the vault), each figure against an
 * unencrypted workspace measured in the same run, on the same data, alternating rounds:
 *   case import     seedCases through the services (cases and allegations, one transaction);
 *   evidence import text files through the upload transport and 'evidence.import' (vault file,
 *                   item, custody entry, extracted text and its FTS index), 20 files a call as the
 *                   app's import queue sends them, then one file a call; in wall-clock time
 *                   and, as a second view less moved by a shared machine, CPU time; in the encrypted
 *                   workspace the vault file is sealed as it streams in (main/vault/sealed-file.ts)
 *                   and the text is extracted from the sealed file;
 *   large file      one 64 MiB file through the same path, where sealing dominates, then read back
 *                   whole through the vault three times (what Verify integrity and a preview pay);
 *                   then the floor: AES-256-GCM and SHA-256 alone over 64 MiB in memory;
 *   search          'search.query' over the seeded workspace (every kind, limit 20);
 *   start-up        openWorkbench until 'app.status' answers ready: the database open and
 *                   migration check, plus (reported apart) the passphrase's key derivation, which
 *                   is deliberate (scrypt N=2^17) and paid once per unlock.
 * Goal: the encrypted figure within 25% of the unencrypted one (p50), for each.
 *
 * Env: CASEBENCH_BENCH_ENCRYPTION_CASES (default 2000), _FILES (default 150 files of 64 KiB),
 * _ROUNDS (default 3). Timings are reported, never asserted.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setIdentity } from '../../main/services/identity-service';
import { createCaseVia, importFile, importFiles, invoke } from '../../main/test-support/workbench-import';
import { openWorkbench, type Workbench } from '../../main/workbench';
import type { Keychain } from '../../main/workspace/encryption/keychain';
import { openWorkspace } from '../../main/workspace/open-workspace';
import { seedCases } from './seed';
import { percentile } from './stats';

const GOAL = 1.25;
/** Files a call to 'evidence.import' from the app's import queue (useImportQueue.ts, BATCH_FILES). */
const APP_BATCH = 20;
const PASSPHRASE = 'bench lantern orbit cobalt meadow';
const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

interface Pair {
  name: string;
  plain: number[];
  encrypted: number[];
  unit: string;
}

function line(pair: Pair): string {
  const p = percentile(pair.plain, 50);
  const e = percentile(pair.encrypted, 50);
  const ratio = e / p;
  const verdict = ratio <= GOAL ? 'meets' : 'MISSES';
  return [
    pair.name,
    `  encrypted p50 ${e.toFixed(2)} ${pair.unit}  p95 ${percentile(pair.encrypted, 95).toFixed(2)}  (n=${pair.encrypted.length})`,
    `  unencrypted p50 ${p.toFixed(2)} ${pair.unit}  p95 ${percentile(pair.plain, 95).toFixed(2)};  overhead ${((ratio - 1) * 100).toFixed(1)}%  goal < 25%: ${verdict}`,
  ].join('\n');
}

const WORDS = ['detention', 'camp', 'witness', 'Kashgar', '拘禁施設', '衛星写真', '強制労働', 'report', 'guards', '証言', 'transfer', 'quota'];

function writeTexts(dir: string, count: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const noise = randomBytes(64 * 1024);
    const text = [...noise].map((b) => WORDS[b % WORDS.length]).join(b(i)).slice(0, 64 * 1024);
    const file = path.join(dir, `statement-${i}.txt`);
    fs.writeFileSync(file, `${i} ${text}`);
    return file;
  });
  function b(i: number) {
    return i % 7 === 0 ? '\n' : ' ';
  }
}

/**
 * The floor under the large-file figures: node:crypto AES-256-GCM alone over the same bytes, in
 * the vault's 64 KiB chunks (a new cipher per chunk, as the format needs), and SHA-256 for scale.
 */
function cipherFloor(bytes: number): string {
  const data = randomBytes(bytes);
  const key = randomBytes(32);
  const chunk = 64 * 1024;
  const best = (run: () => void) => Math.min(...Array.from({ length: 5 }, () => { const start = performance.now(); run(); return performance.now() - start; }));
  const sealed: Buffer[] = [];
  const seal = best(() => {
    sealed.length = 0;
    for (let i = 0, offset = 0; offset < bytes; i++, offset += chunk) {
      const cipher = createCipheriv('aes-256-gcm', key, nonceOf(i));
      sealed.push(cipher.update(data.subarray(offset, offset + chunk)), cipher.final(), cipher.getAuthTag());
    }
  });
  const open = best(() => {
    for (let i = 0; i < sealed.length / 3; i++) {
      const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(i));
      decipher.setAuthTag(sealed[3 * i + 2]!);
      decipher.update(sealed[3 * i]!);
      decipher.final();
    }
  });
  const hash = best(() => createHash('sha256').update(data).digest());
  const mbps = (ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
  return `  floor, ${bytes / 1024 / 1024} MiB in memory: AES-256-GCM seal ${seal.toFixed(0)} ms (${mbps(seal)}), open ${open.toFixed(0)} ms (${mbps(open)}); SHA-256 ${hash.toFixed(0)} ms (${mbps(hash)})`;
}

function nonceOf(i: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(i), 4);
  return nonce;
}

async function encryptedWorkbench(dir: string, keychain?: Keychain): Promise<Workbench> {
  const bench = openWorkbench({ workspaceDir: dir, appVersion: 'bench', actor: 'bench', createUnencrypted: false, ...(keychain ? { keychain } : {}) });
  const status = await invoke<{ workspace: { state: string } }>(bench, 'app.status', {});
  if (status.workspace.state === 'new') await invoke(bench, 'workspace.create', { passphrase: PASSPHRASE });
  else if (status.workspace.state === 'locked') await invoke(bench, 'workspace.unlock', { kind: 'passphrase', secret: PASSPHRASE });
  return bench;
}

export async function benchEncryption(log: (line: string) => void = console.log): Promise<void> {
  const cases = envNumber('CASEBENCH_BENCH_ENCRYPTION_CASES', 2000);
  const files = envNumber('CASEBENCH_BENCH_ENCRYPTION_FILES', 150);
  const rounds = envNumber('CASEBENCH_BENCH_ENCRYPTION_ROUNDS', 3);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-bench-encryption-'));
  try {
    log(`\nencryption bench: ${cases} cases × 5 allegations, ${files} text files of 64 KiB, ${rounds} rounds, in ${root}`);
    const key = randomBytes(32);
    const caseImport: Pair = { name: 'case import (services, one transaction)', plain: [], encrypted: [], unit: 'ms' };
    for (let round = 0; round < rounds; round++) {
      for (const kind of round % 2 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) {
        const ws = openWorkspace(path.join(root, `cases-${kind}-${round}`), kind === 'encrypted' ? { key } : {});
        const ctx = { db: ws.db, actor: 'bench', now: () => new Date().toISOString() };
        setIdentity(ctx, { name: 'Benchmark', organisation: '' });
        const start = performance.now();
        seedCases(ctx, cases, 5);
        caseImport[kind].push(performance.now() - start);
        ws.close();
      }
    }
    log(line(caseImport));

    const sources = writeTexts(path.join(root, 'sources'), files);
    const bytes = sources.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    // As the app imports (its queue sends up to 20 files a call), then one file a call; each in
    // workspaces of its own. Seconds per MB (lower is better, like the other figures).
    const dirs = { plain: path.join(root, 'evidence-plain'), encrypted: path.join(root, 'evidence-encrypted') };
    for (const batch of [APP_BATCH, 1]) {
      const how = batch === 1 ? 'one file a call' : `${batch} files a call, as the app imports`;
      const evidence: Pair = { name: `evidence import (${files} files, ${(bytes / 1e6).toFixed(1)} MB, upload + import + text; ${how})`, plain: [], encrypted: [], unit: 's/MB' };
      const evidenceCpu: Pair = { name: '  the same rounds in CPU time (all threads, per file)', plain: [], encrypted: [], unit: 'ms' };
      const at = batch === 1 ? { plain: `${dirs.plain}-single`, encrypted: `${dirs.encrypted}-single` } : dirs;
      for (let round = 0; round < rounds; round++) {
        for (const kind of round % 2 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) {
          const bench = kind === 'plain' ? openWorkbench({ workspaceDir: at.plain, appVersion: 'bench', actor: 'bench' }) : await encryptedWorkbench(at.encrypted);
          const caseId = await createCaseVia(bench, `Round ${round}`);
          // Each round its own copies, so that no file is a duplicate of an earlier round's.
          const roundFiles = sources.map((file, i) => {
            const copy = path.join(root, 'sources', `r${round}-${kind}-${i}.txt`);
            fs.writeFileSync(copy, `${round} ${kind} ${batch} ${fs.readFileSync(file, 'utf8')}`);
            return copy;
          });
          const start = performance.now();
          const cpu = process.cpuUsage();
          for (let from = 0; from < roundFiles.length; from += batch) await importFiles(bench, caseId, roundFiles.slice(from, from + batch));
          evidence[kind].push((performance.now() - start) / 1000 / (bytes / 1e6));
          const used = process.cpuUsage(cpu);
          evidenceCpu[kind].push((used.user + used.system) / 1000 / files);
          bench.close();
          for (const file of roundFiles) fs.rmSync(file);
        }
      }
      // Throughput: higher is better, so the overhead is plain/encrypted.
      log(line(evidence));
      log(`  (throughput p50: encrypted ${(1 / percentile(evidence.encrypted, 50)).toFixed(2)} MB/s, unencrypted ${(1 / percentile(evidence.plain, 50)).toFixed(2)} MB/s)`);
      // CPU time moves less than the wall clock when the machine is shared: a second view, same rounds.
      log(line(evidenceCpu));
    }

    const LARGE = 64 * 1024 * 1024;
    const large: Pair = { name: 'large file import (64 MiB, upload + import)', plain: [], encrypted: [], unit: 'ms' };
    const readBack: Pair = { name: 'large file read back whole through the vault (preview, verify)', plain: [], encrypted: [], unit: 'ms' };
    for (let round = 0; round < rounds; round++) {
      for (const kind of round % 2 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) {
        const bench = kind === 'plain' ? openWorkbench({ workspaceDir: dirs.plain, appVersion: 'bench', actor: 'bench' }) : await encryptedWorkbench(dirs.encrypted);
        const caseId = await createCaseVia(bench, `Large ${round}`);
        const file = path.join(root, 'sources', `large-${round}-${kind}.bin`);
        fs.writeFileSync(file, randomBytes(LARGE));
        const start = performance.now();
        const { upload } = await importFile(bench, caseId, file);
        large[kind].push(performance.now() - start);
        // Three reads a round: one 64 MiB read is a few tens of ms, within this shared machine's noise.
        for (let again = 0; again < 3; again++) {
          const readStart = performance.now();
          const response = bench.evidence.file(upload.sha256, 'GET', null);
          let read = 0;
          for await (const chunk of response.body ?? []) read += (chunk as Buffer).length;
          if (read !== LARGE) throw new Error(`read back ${read} of ${LARGE} bytes`);
          readBack[kind].push(performance.now() - readStart);
        }
        bench.close();
        fs.rmSync(file);
      }
    }
    log(line(large));
    log(line(readBack));
    log(cipherFloor(LARGE));

    const search: Pair = { name: "search ('search.query', all kinds, limit 20)", plain: [], encrypted: [], unit: 'ms' };
    const terms = ['detention', '強制労働', 'Kashgar camp', '証言', 'quota', 'Round 1'];
    const benches = { plain: openWorkbench({ workspaceDir: dirs.plain, appVersion: 'bench', actor: 'bench' }), encrypted: await encryptedWorkbench(dirs.encrypted) };
    for (let round = 0; round < rounds * 5; round++) {
      for (const kind of ['plain', 'encrypted'] as const) {
        for (const text of terms) {
          const start = performance.now();
          await invoke(benches[kind], 'search.query', { text, limit: 20 });
          search[kind].push(performance.now() - start);
        }
      }
    }
    benches.plain.close();
    benches.encrypted.close();
    log(line(search));

    // Start-up without the passphrase's key derivation: a stand-in keychain hands over the key, as
    // the OS keychain does at start-up; the derivation (deliberately slow) is reported apart.
    const keychain: Keychain = { unprotectedReason: () => null, encrypt: (b) => Buffer.from(b), decrypt: (b) => Buffer.from(b) };
    const setup = await encryptedWorkbench(dirs.encrypted, keychain);
    await invoke(setup, 'workspace.setKeychain', { enabled: true, passphrase: PASSPHRASE });
    setup.close();
    const startup: Pair = { name: "start-up (openWorkbench to 'app.status' ready)", plain: [], encrypted: [], unit: 'ms' };
    const unlocks: number[] = [];
    for (let round = 0; round < rounds * 3; round++) {
      for (const kind of round % 2 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) {
        const start = performance.now();
        const bench = openWorkbench({ workspaceDir: dirs[kind], appVersion: 'bench', actor: 'bench', createUnencrypted: false, keychain });
        const status = await invoke<{ workspace: { state: string } }>(bench, 'app.status', {});
        startup[kind].push(performance.now() - start);
        if (status.workspace.state !== 'ready') throw new Error(`${kind} workspace did not open at start-up: ${status.workspace.state}`);
        if (kind === 'encrypted') {
          await invoke(bench, 'workspace.lock', {});
          const unlockStart = performance.now();
          await invoke(bench, 'workspace.unlock', { kind: 'passphrase', secret: PASSPHRASE });
          unlocks.push(performance.now() - unlockStart);
        }
        bench.close();
      }
    }
    log(line(startup));
    log(`  an unlock with the passphrase (scrypt N=2^17, r=8, p=1, then the open): p50 ${percentile(unlocks, 50).toFixed(0)} ms, paid once per unlock, by design`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
