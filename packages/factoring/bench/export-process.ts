// One export in a process of its own, as `fact-factoring build` runs it: read the batch and
// profile JSON from disk, parse them, stream the package to a file. Prints the wall time and
// the process's peak RSS (VmHWM) as JSON, so export.bench.ts can hold the budget against a
// process that holds nothing else (the bench's own process also keeps the generated book).
// Usage: tsx bench/export-process.ts <batch.json> <profile.json> <key.pem> <out.zip> <as-of>
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { peakRssMiB } from '@fact/bench-tools';
import { parseFactoringBatch } from '../src/input/parse-batch.js';
import { writeFactoringPackage } from '../src/package/build-package.js';
import { parseFactorProfile } from '../src/profile/parse-profile.js';

const [batchFile, profileFile, keyFile, outFile, asOf] = process.argv.slice(2);
if (!batchFile || !profileFile || !keyFile || !outFile || !asOf) throw new Error('usage: export-process.ts <batch.json> <profile.json> <key.pem> <out.zip> <as-of>');

const baseline = peakRssMiB();
const t0 = performance.now();
const batch = parseFactoringBatch(JSON.parse(await readFile(batchFile, 'utf8')));
const profile = parseFactorProfile(JSON.parse(await readFile(profileFile, 'utf8')));
const out = createWriteStream(outFile);
const built = await writeFactoringPackage(
  { batch, profile, asOf, privateKey: await readFile(keyFile, 'utf8'), baseDir: dirname(resolve(batchFile)) },
  out,
);
await finished(out);
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, peakMiB: peakRssMiB(), baselineMiB: baseline, sha256: built.sha256 }));
