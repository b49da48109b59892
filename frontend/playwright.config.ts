// Browser journeys against a running server (scripts/e2e.sh starts one and sets E2E_BASE_URL). Uses the
// system Chromium: nothing here downloads a browser.
import { defineConfig } from '@playwright/test';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './e2e',
  outputDir: '../artifacts/e2e/test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // One retry under CI: a journey that fails and then passes is reported as flaky at the end of
  // scripts/e2e.sh's output (with the first attempt's error), never hidden; one that fails twice fails CI.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report is what scripts/e2e-summary.mjs reads to print failures last, where a log tail shows them.
  reporter: process.env.CI
    ? [
        ['list'],
        ['html', { outputFolder: '../artifacts/e2e/report', open: 'never' }],
        ['json', { outputFile: '../artifacts/e2e/results.json' }],
      ]
    : [['list'], ['json', { outputFile: '../artifacts/e2e/results.json' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080',
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
