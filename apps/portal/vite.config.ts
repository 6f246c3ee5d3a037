/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions, defineConfig, type Plugin } from 'vite';

const DRIZZLE_DIR = fileURLToPath(new URL('../../packages/db/drizzle', import.meta.url));

/**
 * @fact/db finds its committed migrations relative to its own source file. Bundled into the
 * portal's server build that relative path no longer points at them, so the bundle gets the
 * absolute folder of the workspace instead (FACT_MIGRATIONS_DIR overrides it when the build is
 * moved). The package itself is untouched.
 */
function dbMigrationsFolder(): Plugin {
  return {
    name: 'fact-db-migrations-folder',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('packages/db/src/client/migrations.ts')) return null;
      const replaced = code.replace(
        /fileURLToPath\(new URL\(`\.\.\/\.\.\/drizzle\/\$\{dialect\}`, import\.meta\.url\)\)/,
        `(process.env.FACT_MIGRATIONS_DIR ?? ${JSON.stringify(DRIZZLE_DIR)}) + '/' + dialect`,
      );
      if (replaced === code) this.warn('@fact/db migrations.ts changed shape; migrations may not be found in the build');
      return { code: replaced, map: null };
    },
  };
}

// Workspace packages are resolved from their TypeScript sources ("@fact/source"). The browser
// build keeps Vite's browser conditions: adding "node" there would pull server code into it.
// The server build bundles everything except the database drivers (native or optional) and
// pdfkit, which loads its standard fonts through package subpath imports (`#standard-fonts/…`)
// that a bundle cannot resolve (letter previews and "send now" render PDFs in the portal).
export default defineConfig({
  plugins: [dbMigrationsFolder(), sveltekit()],
  resolve: { conditions: ['@fact/source', ...defaultClientConditions] },
  ssr: {
    resolve: { conditions: ['@fact/source', ...defaultServerConditions], externalConditions: ['@fact/source'] },
    noExternal: true,
    external: ['better-sqlite3', '@electric-sql/pglite', 'pg', 'pdfkit'],
  },
  test: {
    include: ['src/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
