// Workspace packages export their TypeScript sources under the "@fact/source" condition,
// so tests run against source without a build step.
import { defineConfig, mergeConfig } from 'vitest/config';

const conditions = ['@fact/source', 'module', 'node', 'import', 'default'];
// Vitest hands ssr conditions to Node as --conditions for external packages; "import" there makes
// pg's require('pg-pool') load pg-pool's ESM build and crash. Vite adds import/require itself.
const ssrConditions = ['@fact/source', 'node'];

export const preset = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: ssrConditions, externalConditions: ['@fact/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    // The JSON report lets .ci/run print the real totals of the whole run.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});

/** @param {import('vitest/config').UserConfig} [overrides] */
export function factVitest(overrides = {}) {
  return mergeConfig(preset, overrides);
}
