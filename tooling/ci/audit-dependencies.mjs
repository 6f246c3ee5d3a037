#!/usr/bin/env node
// Dependency audit for CI, honest about what it can and cannot do here.
//
// Checked offline, and failing the run when broken:
//   1. every package in pnpm-lock.yaml resolves by an sha512 integrity hash (no tarball URL, git
//      repository or local directory as the source);
//   2. no importer of the workspace asks for a git, http(s), tarball or file: dependency
//      (workspace links to our own packages are the only `link:` allowed);
//   3. the installed packages that declare install scripts (preinstall/install/postinstall, or a
//      binding.gyp) are exactly those allowed in pnpm-workspace.yaml `onlyBuiltDependencies`
//      (pnpm 10 runs no other package's scripts; a new one must be a conscious decision).
// Then `pnpm audit` (known vulnerabilities) runs when the registry's audit endpoint answers. When
// it does not (it answers 405 in this environment), the step says so plainly and counts as NOT
// audited — it is not reported as passed.
//
// Usage: node tooling/ci/audit-dependencies.mjs [repo-root]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const problems = [];

// --- 1 and 2: the lockfile (v9, as pnpm writes it: one entry per line, two-space indents) ------
const lock = readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8').split('\n');
const section = (name) => {
  const start = lock.indexOf(`${name}:`);
  if (start < 0) return [];
  const end = lock.findIndex((l, i) => i > start && /^\S/.test(l));
  return lock.slice(start + 1, end < 0 ? undefined : end);
};

let packages = 0;
let current = null;
let resolved = false;
const finish = () => {
  if (current && !resolved) problems.push(`${current}: no resolution line in pnpm-lock.yaml`);
};
for (const line of section('packages')) {
  const entry = /^ {2}(\S.*):$/.exec(line);
  if (entry) {
    finish();
    current = entry[1].replace(/^'|'$/g, '');
    resolved = false;
    packages++;
    continue;
  }
  const res = /^ {4}resolution: \{(.*)\}$/.exec(line);
  if (res && current) {
    resolved = true;
    if (!/^integrity: sha512-[A-Za-z0-9+/]+=*$/.test(res[1].trim())) problems.push(`${current}: resolved without an sha512 integrity hash (${res[1].trim()})`);
  }
}
finish();

const REMOTE = /^(git\+|git:|github:|gitlab:|bitbucket:|https?:|file:)|\.tgz$/;
let importer = '';
for (const line of section('importers')) {
  const head = /^ {2}(\S.*):$/.exec(line);
  if (head) importer = head[1];
  const spec = /^ {8}(specifier|version): (.+)$/.exec(line);
  if (!spec) continue;
  const value = spec[2].replace(/^'|'$/g, '');
  if (REMOTE.test(value)) problems.push(`${importer}: a dependency from outside the registry (${spec[1]} ${value})`);
  if (value.startsWith('link:')) {
    const target = resolve(root, importer, value.slice('link:'.length));
    const inside = /^(apps|packages|tooling)\/[^/]+$/.test(target.slice(root.length + 1));
    if (!inside || !existsSync(join(target, 'package.json'))) problems.push(`${importer}: a link outside the workspace (${value})`);
  }
}

// --- 3: install scripts against the allow-list --------------------------------------------------
const workspace = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').split('\n');
const allowStart = workspace.indexOf('onlyBuiltDependencies:');
const allowed = new Set();
for (const line of allowStart < 0 ? [] : workspace.slice(allowStart + 1)) {
  const item = /^ {2}- (.+)$/.exec(line);
  if (!item) break;
  allowed.add(item[1].replace(/^['"]|['"]$/g, ''));
}
const store = join(root, 'node_modules', '.pnpm');
const withScripts = new Map();
if (!existsSync(store)) problems.push('node_modules/.pnpm is missing: run pnpm install --frozen-lockfile first');
else {
  for (const dir of readdirSync(store)) {
    const modules = join(store, dir, 'node_modules');
    if (!existsSync(modules)) continue;
    for (const name of readdirSync(modules)) {
      const names = name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name];
      for (const n of names) {
        const manifest = join(modules, n, 'package.json');
        if (!existsSync(manifest)) continue;
        const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
        const scripts = ['preinstall', 'install', 'postinstall'].filter((s) => pkg.scripts?.[s]);
        if (scripts.length === 0 && existsSync(join(modules, n, 'binding.gyp'))) scripts.push('binding.gyp');
        if (scripts.length) withScripts.set(pkg.name, scripts);
      }
    }
  }
}
for (const [name, scripts] of withScripts) {
  if (!allowed.has(name)) problems.push(`${name} has install scripts (${scripts.join(', ')}) but is not in onlyBuiltDependencies: pnpm will not run them; decide and list it`);
}
for (const name of allowed) if (!withScripts.has(name)) console.log(`note: ${name} is allowed to build but no installed package of that name has install scripts`);

console.log(`lockfile: ${packages} packages, each resolved by integrity hash: ${problems.some((p) => p.includes('integrity') || p.includes('resolution')) ? 'NO' : 'yes'}`);
console.log(`install scripts: ${[...withScripts].map(([n, s]) => `${n} (${s.join(', ')})`).join(', ') || 'none'}; allowed: ${[...allowed].join(', ')}`);

// --- 4: known vulnerabilities, when the registry answers ----------------------------------------
const audit = spawnSync('pnpm', ['audit', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(audit.stdout || '{}');
} catch {
  report = { error: { message: (audit.stdout || audit.stderr || '').slice(0, 300) } };
}
if (report.error) {
  console.log(`pnpm audit: NOT RUN — the registry's audit endpoint did not answer (${report.error.code ?? 'error'}). Known vulnerabilities were NOT checked in this run.`);
} else {
  const counts = report.metadata?.vulnerabilities ?? {};
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`pnpm audit: ${JSON.stringify(counts)}`);
  if (serious > 0) problems.push(`pnpm audit: ${serious} high or critical vulnerabilities (pnpm audit for details)`);
}

if (problems.length) {
  console.error(`dependency audit: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('dependency audit: the offline lockfile checks passed');
