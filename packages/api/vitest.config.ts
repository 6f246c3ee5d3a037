import { factVitest } from '@fact/vitest-config';

// Each integration file migrates a fresh PGlite database in its beforeAll: about 9 s when the
// shared 2-core machine is busy, too close to the default 10 s hook timeout.
const config = factVitest({ test: { hookTimeout: 60_000 } });

export default config;
