// `pnpm fuzz`: runs the fuzz tests (test/fuzz*.test.ts: UBL and CII in @fact/ubl, CODA and camt in
// @fact/bank, CSV in @fact/spreadsheets) of every parser package, one after the other, with
// FUZZ_RUNS=100000 (unless set) and a fresh FUZZ_SEED (unless set, printed so a failure can be
// replayed with `FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run test/fuzz.test.ts` in the package).
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const packages = ['ubl', 'bank', 'spreadsheets'];
const runs = process.env.FUZZ_RUNS ?? '100000';
const seed = process.env.FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1));
console.log(`fuzz: FUZZ_RUNS=${runs} FUZZ_SEED=${seed}`);

let failed = 0;
for (const name of packages) {
  const cwd = `${root}packages/${name}`;
  const started = performance.now();
  const result = spawnSync(`${cwd}/node_modules/.bin/vitest`, ['run', 'test/fuzz', '--reporter=default'], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: @fact/${name} ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
