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
