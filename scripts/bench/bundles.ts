/**
 * Case bundles (issue 5), the file format alone: export and import of a case with generated
 * evidence (files of 64 MiB plus 500 small records) through writeBundle / readBundle
 * (main/bundles/format), encrypted to one age recipient, against floors measured in the same run
 * over the same files with the page cache equally warm:
 *   baseline  this machine's streaming SHA-256 of the evidence (1 MiB chunks, crypto.createHash),
 *   also      a plain streamed copy of it to the same disk with one fsync (what writing costs).
 * Goals: throughput ≥ 50% of the SHA-256 baseline; peak RSS < 200 MiB whatever the size.
 *
 * Each export and import runs in a child process of its own (this file, run with a child mode),
 * so its peak RSS (getrusage maxrss) is that operation's alone, Node and tsx included, not what
 * earlier parts of the bench left behind. Its CPU time (all threads) is reported beside the
 * baseline's: on a shared machine the wall-clock ratio moves with the load, the CPU ratio less.
 *
 * Env: CASEBENCH_BENCH_BUNDLES_MIB (default 512; the case is 2048),
 * CASEBENCH_BENCH_BUNDLES_ROUNDS (default 3). Timings are reported, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { readBundle, writeBundle, type BundleEntrySource } from '../../main/bundles/format';
import { reportThroughput, type ThroughputMeasure } from './stats';

const MiB = 1024 * 1024;
const EVIDENCE_FILE = 64 * MiB;
const RECORDS = 500;
const GOAL_RSS = 200 * MiB;
const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function fsyncFile(file: string): Promise<void> {
  const fd = fs.openSync(file, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

/** The case: evidence files of 64 MiB (random, so nothing compresses or dedupes) and small JSON records. */
async function generate(dir: string, bytes: number): Promise<string[]> {
  const files: string[] = [];
  const block = randomBytes(MiB);
  for (let i = 0; i * EVIDENCE_FILE < bytes; i++) {
    const file = path.join(dir, `evidence-${i}.bin`);
    const size = Math.min(EVIDENCE_FILE, bytes - i * EVIDENCE_FILE);
    const out = fs.createWriteStream(file, { highWaterMark: 4 * MiB });
    for (let written = 0; written < size; written += MiB) {
      block.writeUInt32BE(i, 0); // each MiB differs from the last file's
      if (!out.write(block.subarray(0, Math.min(MiB, size - written)))) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await fsyncFile(file);
    files.push(file);
  }
  const records = path.join(dir, 'records');
  fs.mkdirSync(records);
  for (let i = 0; i < RECORDS; i++) {
    fs.writeFileSync(path.join(records, `r${i}.json`), JSON.stringify({ id: i, narrative: 'x'.repeat(2000 + (i % 97)) }));
  }
  return files;
}

interface ChildResult {
  ms: number;
  /** CPU time of the process, all threads (user + system): the machine may be shared. */
  cpuMs: number;
  /** RSS of the child once loaded, before it starts: what the operation adds is maxRss minus this. */
  idleRss: number;
  maxRss: number;
  sha256?: string;
}

/** What a child does: one export or one import, timed inside, its peak RSS from getrusage. */
async function child(mode: string, dir: string, out: string): Promise<void> {
  const keys = JSON.parse(fs.readFileSync(path.join(dir, 'keys.json'), 'utf8')) as { identity: string; recipient: string; signing: string; publicKey: string };
  const idleRss = process.memoryUsage.rss();
  const start = performance.now();
  const cpu = process.cpuUsage();
  let sha256: string;
  let ms: number;
  if (mode === 'export') {
    const entries: BundleEntrySource[] = [];
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'entries.json'), 'utf8')) as { name: string; file: string; size: number; sha256: string }[];
    for (const e of manifest) entries.push({ name: e.name, size: e.size, sha256: e.sha256, open: () => fs.createReadStream(e.file, { highWaterMark: MiB }) });
    const written = await writeBundle({
      file: out,
      entries,
      meta: { bench: true },
      encryption: { recipients: [keys.recipient] },
      signer: { privateKey: createPrivateKey(keys.signing), publicKey: keys.publicKey },
    });
    sha256 = written.sha256;
    ms = performance.now() - start;
  } else {
    const opened = await readBundle({ file: out, identities: [keys.identity], stagingDir: path.join(dir, 'staging') });
    sha256 = opened.bundleSha256;
    ms = performance.now() - start;
    opened.dispose();
  }
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, idleRss, maxRss: process.resourceUsage().maxRSS * 1024, sha256 } satisfies ChildResult));
}

const runChild = (mode: 'export' | 'import', dir: string, out: string): ChildResult =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, dir, out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })) as ChildResult;

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function benchBundles(log: (line: string) => void = console.log): Promise<void> {
  const bytes = envNumber('CASEBENCH_BENCH_BUNDLES_MIB', 512) * MiB;
  const rounds = envNumber('CASEBENCH_BENCH_BUNDLES_ROUNDS', 3);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-bench-bundles-'));
  try {
    const files = await generate(root, bytes);
    const entries: { name: string; file: string; size: number; sha256: string }[] = [];
    for (const file of files) {
      const hash = await sha256File(file); // also warms the page cache
      entries.push({ name: `evidence/${hash}`, file, size: fs.statSync(file).size, sha256: hash });
    }
    for (let i = 0; i < RECORDS; i++) {
      const file = path.join(root, 'records', `r${i}.json`);
      const body = fs.readFileSync(file);
      entries.push({ name: `records/r${i}.json`, file, size: body.length, sha256: createHash('sha256').update(body).digest('hex') });
    }
    fs.writeFileSync(path.join(root, 'entries.json'), JSON.stringify(entries));
    const identity = await generateIdentity();
    const signing = generateKeyPairSync('ed25519');
    fs.writeFileSync(
      path.join(root, 'keys.json'),
      JSON.stringify({
        identity,
        recipient: await identityToRecipient(identity),
        signing: signing.privateKey.export({ format: 'pem', type: 'pkcs8' }),
        publicKey: Buffer.from(signing.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64'),
      }),
    );
    const total = entries.reduce((sum, e) => sum + e.size, 0);
    log(`\nbundles bench: ${(total / MiB).toFixed(0)} MiB in ${files.length} evidence files + ${RECORDS} records; ${rounds} rounds of each measure, interleaved; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    const baseline: number[] = [];
    const baselineCpu: number[] = [];
    const copy: number[] = [];
    const exports: ChildResult[] = [];
    const imports: ChildResult[] = [];
    const bundle = path.join(root, 'case.casebundle');
    for (let round = 0; round < rounds; round++) {
      const cpu = process.cpuUsage();
      baseline.push(await time(async () => {
        for (const e of entries) await sha256File(e.file);
      }));
      const used = process.cpuUsage(cpu);
      baselineCpu.push((used.user + used.system) / 1000);
      const copied = path.join(root, 'copy.bin');
      copy.push(await time(async () => {
        const out = fs.createWriteStream(copied, { highWaterMark: 4 * MiB });
        await pipeline(
          (async function* () {
            for (const e of entries) yield* fs.createReadStream(e.file, { highWaterMark: MiB });
          })(),
          out,
        );
        await fsyncFile(copied);
      }));
      fs.rmSync(copied);

      fs.rmSync(bundle, { force: true });
      const exported = runChild('export', root, bundle);
      exports.push(exported);
      const imported = runChild('import', root, bundle);
      if (imported.sha256 !== exported.sha256) throw new Error('the import read a different bundle than the export wrote');
      imports.push(imported);
    }
    const baselineName = 'streaming SHA-256 of the cached evidence';
    const also = [{ name: 'streamed copy + fsync to the same disk (write floor)', samples: copy }];
    const measures: ThroughputMeasure[] = [
      { name: 'bundle export: writeBundle (hash-check, tar, encrypt, hash, write, fsync), 1 recipient', bytes: total, samples: exports.map((r) => r.ms), baseline, baselineName, goalFraction: 0.5, also },
      { name: 'bundle import: readBundle (decrypt, verify signature, extract, hash every entry and the file)', bytes: total, samples: imports.map((r) => r.ms), baseline, baselineName, goalFraction: 0.5, also },
    ];
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const rss = (runs: ChildResult[]) => {
      const peak = Math.max(...runs.map((r) => r.maxRss));
      const cpu = median(runs.map((r) => r.cpuMs));
      return [
        `  peak RSS of the process ${(peak / MiB).toFixed(0)} MiB (max of ${runs.length}; Node and tsx included, ${(median(runs.map((r) => r.idleRss)) / MiB).toFixed(0)} MiB before it started)  goal < 200 MiB: ${peak < GOAL_RSS ? 'meets' : 'MISSES'}`,
        `  CPU time, all threads (median): ${(cpu / 1000).toFixed(1)} s, ${(cpu / median(baselineCpu)).toFixed(1)}x the baseline's ${(median(baselineCpu) / 1000).toFixed(1)} s; ${os.cpus().length} cores`,
      ].join('\n');
    };
    log([`${reportThroughput(measures[0]!)}\n${rss(exports)}`, `${reportThroughput(measures[1]!)}\n${rss(imports)}`].join('\n\n'));
    log(`  bundle file ${(fs.statSync(bundle).size / MiB).toFixed(1)} MiB; load average after ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child' && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [mode, dir, out] = process.argv.slice(3) as [string, string, string];
  child(mode, dir, out).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
