// Sums the Vitest JSON reports of every package into the closing line CI reads:
// "N passed, N failed". Usage: node tooling/ci/count-tests.mjs [root]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? process.cwd();
let passed = 0;
let failed = 0;
let skipped = 0;
for (const group of ['packages', 'apps']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const folder = join(dir, name, 'test-results');
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      if (typeof report.numPassedTests === 'number') {
        passed += report.numPassedTests;
        failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
        skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      } else if (report.stats) {
        // Playwright's JSON reporter
        passed += report.stats.expected ?? 0;
        failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
        skipped += report.stats.skipped ?? 0;
      }
    }
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
