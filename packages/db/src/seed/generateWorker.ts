// Worker thread of the PostgreSQL seed: generates the companies and encodes them for COPY, one
// at a time on request, so generation runs on one core while the main thread streams the
// previous company to the server (which works on the other). See `seed/worker.ts`.
import { parentPort, workerData } from 'node:worker_threads';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { tables } from '../schema/pg.js';
import { encodeCompany, type TableShape } from './copy.js';
import { companyPlan, generateCompany, IdSource, TABLE_ORDER } from './generate.js';
import { Prng } from './prng.js';
import type { GenerationJob, WorkerReply } from './worker.js';

const job = workerData as GenerationJob;
const r = new Prng(0);
r.state = job.prng;
const ids = new IdSource(r);
ids.last = job.idLast;

const shape = (key: TableShape['key'], t: (typeof tables)[keyof typeof tables]): TableShape => {
  const cols = Object.entries(getTableColumns(t));
  return { key, table: getTableName(t), columns: cols.map(([, c]) => c.name), keys: cols.map(([k]) => k) };
};
const shapes = [shape('company', tables.companies), ...TABLE_ORDER.map(([t, key]) => shape(key, tables[t]))];

let next = 0;
parentPort!.on('message', () => {
  const post = (m: WorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
  if (next >= job.companies) {
    post({ kind: 'done', prng: r.state, idLast: ids.last });
    return;
  }
  const company = encodeCompany(generateCompany(r, ids, companyPlan(next++, job)), shapes);
  post({ kind: 'company', company }, company.tables.flatMap((t) => t.chunks.map((c) => c.buffer as ArrayBuffer)));
});
