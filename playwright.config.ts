import { defineConfig } from '@playwright/test';

// Chromium comes from the OS (apt's /usr/bin/chromium): Playwright cannot download browsers here.
const CHROMIUM = process.env.CASEBENCH_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1360, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    // The real renderer against the real services, through main/host.
    { name: 'browser', testIgnore: ['electron/**'] },
    // The Electron shell itself; each test skips itself, saying why, where the binary is missing.
    { name: 'electron', testMatch: ['electron/**/*.spec.ts'] },
  ],
});
