import { factVitest } from '@fact/vitest-config';

// PGlite boots PostgreSQL and runs every migration per test file: seconds on a busy 2-core box.
const config = factVitest({ test: { hookTimeout: 60_000 } });

export default config;
