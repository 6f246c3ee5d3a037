#!/usr/bin/env node
// `fact backup|restore`: runs the TypeScript CLI with tsx and the workspace's "@fact/source"
// condition, so it works straight from the repository without a build step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/backup/cli.ts', import.meta.url));
// tsx is resolved from this package, so the command works from any folder.
const tsx = import.meta.resolve('tsx');
const result = spawnSync(process.execPath, ['--conditions=@fact/source', '--import', tsx, cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
