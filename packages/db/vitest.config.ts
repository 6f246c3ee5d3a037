import { factVitest } from '@fact/vitest-config';

const config = factVitest();
// Vitest passes ssr.resolve.conditions to Node as --conditions for external packages; the
// preset's "import" makes Node's require('pg-pool') inside pg pick pg-pool's ESM build and
// crash ("Class extends value [object Module]"). Vite adds import/require by itself, so keep
// only what is needed.
if (config.ssr?.resolve) config.ssr.resolve.conditions = ['@fact/source', 'node'];

export default config;
