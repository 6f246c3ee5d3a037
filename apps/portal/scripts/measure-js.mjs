// Sums the gzipped size of the JavaScript a browser loads for the firm dashboard, from the
// client build (`vite build` first): SvelteKit's entry (start + app), the root layout and error
// nodes, the dashboard's layouts and page, and every chunk they import statically.
// Usage: node scripts/measure-js.mjs [route] [--budget 150]   (default route /(app)/dashboard)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const route = args.find((a) => a.startsWith('/')) ?? '/(app)/dashboard';
const budgetAt = args.indexOf('--budget');
const budgetKb = budgetAt >= 0 ? Number(args[budgetAt + 1]) : 150;

const clientDir = join(root, '.svelte-kit/output/client');
const manifest = JSON.parse(readFileSync(join(clientDir, '.vite/manifest.json'), 'utf8'));
const appSource = readFileSync(join(root, '.svelte-kit/generated/client-optimized/app.js'), 'utf8');

// "/(app)/dashboard": [~7,[2]] → page node 7, layout nodes [2]
const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const entry = new RegExp(`"${escaped}":\\s*\\[~?(\\d+)(?:,\\[([\\d,~]*)\\])?`).exec(appSource);
if (!entry) throw new Error(`route ${route} is not in the client build`);
const nodes = new Set([0, 1, Number(entry[1]), ...(entry[2] ? entry[2].split(',').filter(Boolean).map((n) => Number(n.replace('~', ''))) : [])]);

const keys = Object.keys(manifest);
const start = keys.find((k) => k.endsWith('@sveltejs/kit/src/runtime/client/entry.js'));
const roots = [start, '.svelte-kit/generated/client-optimized/app.js', ...[...nodes].map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`)];

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
};
for (const key of roots) {
  if (!manifest[key]) throw new Error(`missing from the manifest: ${key}`);
  visit(key);
}

let raw = 0;
let gzipped = 0;
const rows = [];
for (const file of [...files].filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(join(clientDir, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += gz;
  rows.push([file, bytes.length, gz]);
}
rows.sort((a, b) => b[2] - a[2]);
for (const [file, size, gz] of rows) console.log(`${(gz / 1024).toFixed(1).padStart(7)} kB gz  ${(size / 1024).toFixed(1).padStart(7)} kB  ${file}`);
const kb = gzipped / 1024;
console.log(`\n${route}: ${files.size} JS files, ${(raw / 1024).toFixed(1)} kB raw, ${kb.toFixed(1)} kB gzipped (budget ${budgetKb} kB)`);
if (kb > budgetKb) {
  console.error(`over budget by ${(kb - budgetKb).toFixed(1)} kB`);
  process.exit(1);
}
