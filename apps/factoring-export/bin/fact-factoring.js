#!/usr/bin/env node
// Runs the TypeScript CLI with tsx and the workspace's "@fact/source" condition, so the command
// works straight from the repository without a build step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
// tsx is resolved from this package, so the command works from any folder.
const tsx = import.meta.resolve('tsx');
const result = spawnSync(process.execPath, ['--conditions=@fact/source', '--import', tsx, cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
