import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Browser tests drive Debian's Chromium against the BUILT portal (adapter-node `build/`) on a
// fresh SQLite file, migrated and seeded with the demo data by e2e/serve.js.
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_DIR = join(tmpdir(), 'fact-portal-e2e');
export const E2E_DB = join(E2E_DIR, 'fact.sqlite');
/** Small on purpose, so the "too large" upload test stays fast. */
export const E2E_MAX_UPLOAD = 1024 * 1024;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    },
    locale: 'en-GB',
    trace: 'off',
  },
  webServer: {
    command: 'node e2e/serve.js',
    url: `http://localhost:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      E2E_DIR,
      DATABASE_URL: E2E_DB,
      DOCUMENTS_DIR: join(E2E_DIR, 'documents'),
      // the dunning runner's files (.eml outbox, print batches, dossiers) stay in the throw-away folder
      FACT_DATA_DIR: join(E2E_DIR, 'data'),
      PORTAL_PORT: String(PORT),
      MAX_UPLOAD_BYTES: String(E2E_MAX_UPLOAD),
      SESSION_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    },
  },
});
