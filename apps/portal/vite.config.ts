import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// Workspace packages are resolved from their TypeScript sources ("@fact/source").
const conditions = ['@fact/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  plugins: [sveltekit()],
  resolve: { conditions },
  ssr: {
    resolve: { conditions, externalConditions: ['@fact/source'] },
    noExternal: [/^@fact\//],
    external: ['better-sqlite3', '@electric-sql/pglite', 'pg'],
  },
  test: {
    include: ['src/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
