// The process the crash tests kill:
//   tsx --conditions=@fact/source test/crash/child.ts <bank|factoring> <db-file> <data-dir>
// It prints "ready" just before the work and "done" after it. FACT_CRASH_AT=<point>:<n> makes it
// SIGKILL itself at the n-th such point: `write` (an insert/update/delete inside a transaction,
// before it runs), `rename` (a file renamed into place: document store, package ZIP, side file,
// key) or `commit` (after the work returned, before the process exits).
import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { createDb, type DbHandle } from '@fact/db';
import { apiFor, factoringApiFor, runBankImport, runFactoringExport, type Plan } from './workload.js';

const [mode, file, dataDir] = process.argv.slice(2);
if (!mode || !file || !dataDir) throw new Error('usage: child <bank|factoring> <db-file> <data-dir>');
process.env.FACT_DATA_DIR = dataDir;
const plan = JSON.parse(readFileSync(join(dataDir, '..', 'plan.json'), 'utf8')) as Plan; // beside the run's database
const [point, nth] = (process.env.FACT_CRASH_AT ?? ':0').split(':') as [string, string];
const counts = new Map<string, number>();
function reached(name: string): void {
  const n = (counts.get(name) ?? 0) + 1;
  counts.set(name, n);
  if (name === point && n === Number(nth)) process.kill(process.pid, 'SIGKILL');
}

// File renames (everything on disk is written to a temporary name, then renamed into place).
const rename = fs.rename;
fs.rename = async (...args: Parameters<typeof rename>) => {
  await rename(...args);
  reached('rename');
};
syncBuiltinESMExports();

/** The executor as services see it, with a crash point before every write statement. */
function watched<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, p) {
      const value = Reflect.get(t, p) as unknown;
      if (p === 'db' && value && typeof value === 'object') {
        return new Proxy(value, {
          get(d, q) {
            const v = Reflect.get(d, q) as unknown;
            if (q === 'insert' || q === 'update' || q === 'delete') reached('write');
            return typeof v === 'function' ? v.bind(d) : v;
          },
        });
      }
      if (p === 'transaction' && typeof value === 'function') {
        return (fn: (tx: object) => Promise<unknown>) => (value as (f: (tx: object) => Promise<unknown>) => Promise<unknown>).call(t, (tx) => fn(watched(tx)));
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

const db = createDb(`file:${file}`);
const handle = watched(db) as DbHandle;
process.stdout.write('ready\n');
const started = performance.now();
if (mode === 'bank') {
  const api = await apiFor(handle, plan, dataDir);
  await runBankImport(api, plan);
} else {
  const api = await factoringApiFor(handle, plan, dataDir);
  await runFactoringExport(api, plan);
}
reached('commit');
await db.close();
process.stdout.write(`done ${Math.round(performance.now() - started)}\n`);
