// `pnpm start`: one product on one embedded database. Every app (API server, portal, dunning
// worker) runs in its own folder, so a relative default would give each its own SQLite file;
// this pins them all to <repo>/data before turbo builds and starts them.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'data');
mkdirSync(data, { recursive: true });

process.env.DATABASE_URL ??= `file:${join(data, 'fact.sqlite')}`;
process.env.DOCUMENTS_DIR ??= join(data, 'documents');
process.env.FACT_DATA_DIR ??= data; // outbox (.eml), print batches, factoring packages

const turbo = spawn('pnpm', [
    'exec', 'turbo', 'run', 'start', '--env-mode=loose',
    // the services; the CLIs (fact-factoring, fact) are run by hand
    '--filter=@fact/api-server', '--filter=@fact/portal', '--filter=@fact/worker',
    ...process.argv.slice(2),
  ], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => turbo.kill(signal));
turbo.on('exit', (code) => process.exit(code ?? 0));
