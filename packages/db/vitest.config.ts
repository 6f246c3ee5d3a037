import { factVitest } from '@fact/vitest-config';

// PGlite boots PostgreSQL and runs every migration per test file: seconds on a busy 2-core box.
const config = factVitest({ test: { hookTimeout: 60_000 } });
// Vitest passes ssr.resolve.conditions to Node as --conditions for external packages; the
// preset's "import" makes Node's require('pg-pool') inside pg pick pg-pool's ESM build and
// crash ("Class extends value [object Module]"). Vite adds import/require by itself, so keep
// only what is needed.
if (config.ssr?.resolve) config.ssr.resolve.conditions = ['@fact/source', 'node'];

export default config;
