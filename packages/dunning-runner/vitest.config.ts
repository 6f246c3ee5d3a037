import { factVitest } from '@fact/vitest-config';

// Crash tests spawn child runners and migrate temp SQLite files: slow on a shared 2-core box.
export default factVitest({ test: { hookTimeout: 60_000, testTimeout: 240_000 } });
