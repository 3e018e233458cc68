/**
 * Evidence vault throughput on a 1 GiB generated file, each figure against floors measured in the
 * same run over the same file with the page cache equally warm:
 *   baseline  this machine's streaming SHA-256 (fs.createReadStream, 1 MiB chunks, crypto.createHash),
 *   also      a plain streamed copy to the same disk with one fsync (what writing the bytes costs),
 *             and the SHA-256 of a file just written (what verification must at least do).
 * Measured: import = upload transport (what /api/upload runs) fed by a file stream + 'evidence.import'
 * (claim into the vault, item and custody entry, extraction attempt); verification = the
 * 'evidence.verify' job over that item. Goal: import ≥ 70% of the SHA-256 baseline.
 *
 * Env: CASEBENCH_BENCH_EVIDENCE_MIB (default 1024), CASEBENCH_BENCH_EVIDENCE_ROUNDS (default 3).
 * Timings are reported, never asserted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createCaseVia, importFile, invoke } from '../../main/test-support/workbench-import';
import { openWorkbench } from '../../main/workbench';
import type { ThroughputMeasure } from './stats';

const MiB = 1024 * 1024;
const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

async function generate(file: string, bytes: number): Promise<void> {
  const block = randomBytes(MiB);
  const out = fs.createWriteStream(file, { highWaterMark: 4 * MiB });
  for (let written = 0; written < bytes; written += MiB) if (!out.write(block)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  const fd = fs.openSync(file, 'r+');
  fs.fsyncSync(fd); // its writeback must not compete with what we measure
  fs.closeSync(fd);
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function copyWithFsync(from: string, to: string): Promise<void> {
  await pipeline(fs.createReadStream(from, { highWaterMark: MiB }), fs.createWriteStream(to, { highWaterMark: MiB }));
  const fd = fs.openSync(to, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function benchEvidence(log: (line: string) => void = console.log): Promise<ThroughputMeasure[]> {
  const bytes = envNumber('CASEBENCH_BENCH_EVIDENCE_MIB', 1024) * MiB;
  const rounds = envNumber('CASEBENCH_BENCH_EVIDENCE_ROUNDS', 3);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casebench-bench-evidence-'));
  try {
    const source = path.join(root, 'evidence.bin');
    await generate(source, bytes);
    await sha256(source); // warm-up: the source is in the page cache for every run below
    log(`generated ${(bytes / MiB).toFixed(0)} MiB; ${rounds} rounds of each measure, interleaved`);

    const baseline: number[] = [];
    const copy: number[] = [];
    const imports: number[] = [];
    const verifies: number[] = [];
    const hashJustWritten: number[] = [];
    for (let round = 0; round < rounds; round++) {
      baseline.push(await time(() => sha256(source)));

      const copied = path.join(root, 'copy.bin');
      copy.push(await time(() => copyWithFsync(source, copied)));
      hashJustWritten.push(await time(() => sha256(copied)));
      fs.rmSync(copied);

      // A fresh workspace per round: the vault stores each content once, a second import would be a no-op.
      const workspace = path.join(root, `workspace-${round}`);
      const bench = openWorkbench({ workspaceDir: workspace, appVersion: 'bench', actor: 'bench' });
      try {
        const caseId = await createCaseVia(bench);
        let imported: Awaited<ReturnType<typeof importFile>> | undefined;
        imports.push(await time(async () => (imported = await importFile(bench, caseId, source))));
        if (imported?.upload.size !== bytes) throw new Error('the import stored a different size');
        verifies.push(
          await time(async () => {
            const { jobId } = await invoke<{ jobId: string }>(bench, 'evidence.verify.start', { caseId: null });
            for (;;) {
              const job = await invoke<{ state: string; report?: { clean: boolean; bytesHashed: number } }>(bench, 'jobs.get', { jobId });
              if (job.state === 'done') {
                if (!job.report?.clean || job.report.bytesHashed !== bytes) throw new Error('verification did not hash the file clean');
                return;
              }
              if (job.state !== 'running') throw new Error(`verification ${job.state}`);
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
          }),
        );
      } finally {
        bench.close();
        fs.rmSync(workspace, { recursive: true, force: true });
      }
    }
    const baselineName = 'streaming SHA-256 of the cached source';
    return [
      {
        name: 'evidence import: upload transport + evidence.import, 1 file',
        bytes,
        samples: imports,
        baseline,
        baselineName,
        goalFraction: 0.7,
        also: [{ name: 'streamed copy + fsync to the same disk (write floor)', samples: copy }],
      },
      {
        name: 'evidence verification: evidence.verify job, 1 item',
        bytes,
        samples: verifies,
        baseline,
        baselineName,
        also: [{ name: 'SHA-256 of a file just written', samples: hashJustWritten }],
      },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
