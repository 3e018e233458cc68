import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * A script a crash test runs in a process of its own, so that it can SIGKILL it mid-work. The
 * script is bundled once per test file (same source, packages left to node_modules) instead of
 * being run through tsx's loader: that takes a child's start-up from ~0.9 s to ~0.3 s, and some
 * tests start 30+. It lives under node_modules/.cache so that its bare imports resolve to the
 * project's packages. The child reports progress as lines on stdout, each timed on arrival.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChildLine {
  /** ms since the child was spawned. */
  at: number;
  text: string;
}

export interface ChildRun {
  lines: ChildLine[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

export interface CrashChild {
  build(): Promise<void>;
  remove(): void;
  /** Runs the child to its end, or SIGKILLs it `kill.ms` after it printed the line `kill.after`. */
  run(args: string[], kill?: { after: string; ms: number }): Promise<ChildRun>;
}

/** `source` is relative to the repository, e.g. 'main/test-support/import-child.ts'. */
export function crashChild(source: string): CrashChild {
  const file = path.join(ROOT, 'node_modules/.cache/casebench-tests', `${path.basename(source, '.ts')}-${process.pid}.mjs`);
  return {
    async build() {
      const entry = path.join(ROOT, source);
      await build({ entryPoints: [entry], outfile: file, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
    },
    remove: () => fs.rmSync(file, { force: true }),
    run: (args, kill) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        const start = performance.now();
        const run: ChildRun = { lines: [], signal: null, code: null, stderr: '' };
        let buffered = '';
        child.stdout.setEncoding('utf8').on('data', (data: string) => {
          buffered += data;
          let newline: number;
          while ((newline = buffered.indexOf('\n')) >= 0) {
            const text = buffered.slice(0, newline);
            buffered = buffered.slice(newline + 1);
            run.lines.push({ at: performance.now() - start, text });
            if (kill && text === kill.after) setTimeout(() => child.kill('SIGKILL'), kill.ms);
          }
        });
        child.stderr.setEncoding('utf8').on('data', (data: string) => (run.stderr += data));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ ...run, code, signal }));
      }),
  };
}
