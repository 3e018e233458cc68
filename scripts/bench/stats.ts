/** Percentiles and the one-line report format every benchmark here uses. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export interface Measure {
  name: string;
  samples: number[];
  baseline: number[];
  baselineName: string;
  goalMs: number;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export function report(m: Measure): string {
  const p50 = percentile(m.samples, 50);
  const p95 = percentile(m.samples, 95);
  const b50 = percentile(m.baseline, 50);
  const b95 = percentile(m.baseline, 95);
  const verdict = p95 <= m.goalMs ? 'meets' : 'MISSES';
  return [
    `${m.name}`,
    `  p50 ${ms(p50)}  p95 ${ms(p95)}  (n=${m.samples.length})  goal p95 < ${m.goalMs} ms: ${verdict}`,
    `  baseline (${m.baselineName}): p50 ${ms(b50)}  p95 ${ms(b95)};  ratio p95/baseline p95 = ${(p95 / b95).toFixed(1)}x`,
  ].join('\n');
}

export async function sample(times: number, run: () => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    out.push(performance.now() - start);
  }
  return out;
}

/** A throughput: timed runs over the same number of bytes, against a baseline of the same size. */
export interface ThroughputMeasure {
  name: string;
  bytes: number;
  /** Durations of the runs, in ms. */
  samples: number[];
  baseline: number[];
  baselineName: string;
  /** The goal as a fraction of the baseline's median throughput (0.7 = 70%); none if only reported. */
  goalFraction?: number;
  /** Other floors measured in the same run, reported as ratios only. */
  also?: { name: string; samples: number[] }[];
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

/** Like `report`, in MB/s: p50 is the median run, p95 the slow tail (the 95th-percentile duration). */
export function reportThroughput(m: ThroughputMeasure): string {
  const rate = (samples: number[]) => ({ p50: mbps(m.bytes, percentile(samples, 50)), p95: mbps(m.bytes, percentile(samples, 95)) });
  const own = rate(m.samples);
  const base = rate(m.baseline);
  const fraction = own.p50 / base.p50;
  const goal = m.goalFraction === undefined ? '' : `  goal ≥ ${(m.goalFraction * 100).toFixed(0)}% of baseline: ${fraction >= m.goalFraction ? 'meets' : 'MISSES'}`;
  return [
    `${m.name}`,
    `  p50 ${own.p50.toFixed(0)} MB/s  p95 ${own.p95.toFixed(0)} MB/s  (n=${m.samples.length}, ${(m.bytes / 2 ** 20).toFixed(0)} MiB)${goal}`,
    `  baseline (${m.baselineName}): p50 ${base.p50.toFixed(0)} MB/s  p95 ${base.p95.toFixed(0)} MB/s;  p50 ratio = ${(fraction * 100).toFixed(0)}% of baseline`,
    ...(m.also ?? []).map((a) => {
      const r = rate(a.samples);
      return `  vs ${a.name}: p50 ${r.p50.toFixed(0)} MB/s;  p50 ratio = ${((own.p50 / r.p50) * 100).toFixed(0)}%`;
    }),
  ].join('\n');
}
