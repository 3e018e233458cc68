import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { Measure } from './stats';

const CHROMIUM = process.env.CASEBENCH_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function startHost(workspace: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['dist/main/host.cjs', '--workspace', workspace], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /CASEBENCH_HOST_URL=(\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * Runs in the page, as source text: tsx would otherwise wrap named functions in a helper that does
 * not exist in the page. Sets the search box as typing does and waits for the frame that shows
 * the expected first row.
 */
const TIME_SEARCH_TO_PAINT = `async ({ search, firstReference }) => {
  const input = document.querySelector('[data-testid="case-search"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const start = performance.now();
  setValue.call(input, search);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => {
    const done = () => document.querySelector('[data-testid="case-row"]')?.getAttribute('data-reference') === firstReference;
    if (done()) return resolve();
    const observer = new MutationObserver(() => {
      if (done()) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - start;
}`;

const painted = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

/**
 * Cold start: from nothing running to the first case row painted (host process, browser, page),
 * against the same browser launched onto a static page, measured in the same run.
 */
export async function measureColdStart(workspace: string, runs = 5): Promise<Measure> {
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    const blank = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const blankPage = await blank.newPage();
    await blankPage.setContent('<h1>Casebench</h1>');
    await blankPage.evaluate(painted);
    baseline.push(performance.now() - start);
    await blank.close();

    start = performance.now();
    const [host, browser] = await Promise.all([startHost(workspace), chromium.launch({ executablePath: CHROMIUM, args: ARGS })]);
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByTestId('case-row').first().waitFor();
    await page.evaluate(painted);
    samples.push(performance.now() - start);
    await browser.close();
    host.stop();
  }
  return { name: 'cold start to first painted case list (host + Chromium + page, 10,000 cases)', samples, baseline, baselineName: 'Chromium launched onto a static page', goalMs: 1000 };
}

/**
 * Type-ahead to pixels, timed inside the page: from the input event to the frame that shows the
 * new first row. Baseline: a frame for a trivial DOM change in the same page.
 */
export async function measureTypeToPixels(
  workspace: string,
  cases: { search: string; firstReference: string }[],
  reset: { search: string; firstReference: string },
): Promise<Measure> {
  const host = await startHost(workspace);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(host.url);
  await page.getByTestId('case-row').first().waitFor();
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const { search, firstReference } of cases) {
      // Start each sample from a list whose first row differs, so the change is visible.
      await page.getByTestId('case-search').fill(reset.search);
      await page.locator(`[data-testid="case-row"][data-reference="${reset.firstReference}"]`).first().waitFor();
      samples.push((await page.evaluate(`(${TIME_SEARCH_TO_PAINT})(${JSON.stringify({ search, firstReference })})`)) as number);
      baseline.push(
        await page.evaluate(async () => {
          const start = performance.now();
          document.body.dataset.benchTick = String(start);
          await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
          return performance.now() - start;
        }),
      );
    }
  }
  await browser.close();
  host.stop();
  return { name: `type-ahead to pixels in Chromium (${cases.length} queries × 5)`, samples, baseline, baselineName: 'a trivial DOM change painted in the same page', goalMs: 100 };
}
