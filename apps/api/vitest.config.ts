import { factVitest } from '@fact/vitest-config';

const config = factVitest();
// As in @fact/db: the preset's "import" condition, passed to Node for external packages, makes
// pg's require('pg-pool') load pg-pool's ESM build and crash. Keep only what is needed.
if (config.ssr?.resolve) config.ssr.resolve.conditions = ['@fact/source', 'node'];

export default config;
