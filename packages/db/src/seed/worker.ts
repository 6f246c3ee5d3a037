import { Worker } from 'node:worker_threads';
import type { EncodedCompany } from './copy.js';

/** What the generation worker needs to continue the seed's deterministic sequence. */
export interface GenerationJob {
  companies: number;
  invoices: number;
  firmIds: string[];
  asOf: string;
  /** The PRNG's state and the id source's last stamp after the firms were created. */
  prng: [number, number, number, number];
  idLast: number;
}

/** Messages from the worker. */
export type WorkerReply = { kind: 'company'; company: EncodedCompany } | { kind: 'done'; prng: [number, number, number, number]; idLast: number };

/**
 * Starts the generation worker: from TypeScript sources (tests, `tsx`) it registers tsx inside
 * the worker and keeps the `@fact/source` condition; from `dist/` it runs the compiled file.
 */
function startWorker(job: GenerationJob): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./generateWorker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData: job });
  const boot = `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: job, execArgv: ['--conditions=@fact/source'] });
}

/**
 * The seed's companies generated and COPY-encoded in a worker thread, one ahead of the consumer
 * (the worker generates company n + 1 while company n is loaded). Returns the PRNG state at the
 * end, so the caller continues the same sequence (demo users) as an in-thread seed would.
 *
 * @example
 * ```ts
 * const it = generateInWorker(job);
 * for (let r = await it.next(); !r.done; r = await it.next()) await load(r.value);
 * ```
 */
export async function* generateInWorker(job: GenerationJob): AsyncGenerator<EncodedCompany, Extract<WorkerReply, { kind: 'done' }>> {
  const worker = startWorker(job);
  const replies: WorkerReply[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  worker.on('message', (m: WorkerReply) => (replies.push(m), wake?.()));
  worker.on('error', (e) => ((failure = e), wake?.()));
  worker.on('exit', (code) => ((failure ??= code === 0 ? undefined : new Error(`seed worker exited with code ${code}`)), wake?.()));
  const receive = async (): Promise<WorkerReply> => {
    while (!replies.length) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return replies.shift()!;
  };
  try {
    worker.postMessage('next');
    for (;;) {
      const reply = await receive();
      if (reply.kind === 'done') return reply;
      worker.postMessage('next'); // prefetch: the worker generates while we load this one
      yield reply.company;
    }
  } finally {
    await worker.terminate();
  }
}
