import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Renderer, RenderJob, RenderResult } from './renderer.js';

interface Task {
  id: number;
  job: RenderJob;
  resolve: (r: RenderResult) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  task: Task | undefined;
}

/**
 * How to start a render thread: the `.js` worker next to this file when running from dist; from
 * source (tests, tsx) a two-line bootstrap that registers tsx in the thread, then imports the `.ts`
 * worker (an entry file itself would be loaded before a `--import` loader is in place).
 */
function workerSpec(): { code: string | URL; options: WorkerOptions } {
  if (!import.meta.url.endsWith('.ts')) return { code: new URL('./render-worker.js', import.meta.url), options: {} };
  // tsx's ESM API (the `import` condition of `tsx/esm/api`; require.resolve would give its CommonJS twin).
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./render-worker.ts', import.meta.url).href;
  return { code: `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(worker)}); })`, options: { eval: true, execArgv: ['--conditions=@fact/source'] } };
}

/**
 * Renders reminder PDFs (letter, invoices) in a fixed pool of worker threads, so pdfkit's CPU work
 * runs beside the thread that talks to the database and the SMTP server. Node's own
 * `worker_threads`: one job type, a fixed number of threads, the PDFs' memory transferred back
 * without a copy; a thread that dies fails only its own job and is replaced. Threads are started
 * on first use and do not keep the process alive while idle.
 *
 * @example
 * ```ts
 * const renderer = renderPool({ threads: 2 });
 * const report = await runCompany({ ...ctx, renderer }, companyId);
 * await renderer.close();
 * ```
 */
export function renderPool(options: { threads?: number } = {}): Renderer {
  const size = Math.max(1, options.threads ?? availableParallelism() - 1);
  const threads: Thread[] = [];
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  const spawnThread = (): Thread => {
    const spec = workerSpec();
    const thread: Thread = { worker: new Worker(spec.code, spec.options), task: undefined };
    thread.worker.unref();
    thread.worker.on('message', (msg: { id: number; result?: RenderResult; error?: { message: string } }) => {
      const task = thread.task;
      if (!task || task.id !== msg.id) return;
      thread.task = undefined;
      thread.worker.unref();
      if (msg.result) task.resolve(msg.result);
      else task.reject(new Error(msg.error?.message ?? 'render failed'));
      pump();
    });
    const fail = (e: Error) => {
      threads.splice(threads.indexOf(thread), 1);
      thread.task?.reject(e);
      thread.task = undefined;
      pump();
    };
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => threads.includes(thread) && fail(new Error(`render thread exited with code ${code}`)));
    threads.push(thread);
    return thread;
  };

  const pump = () => {
    while (queue.length > 0 && !closed) {
      const idle = threads.find((t) => !t.task) ?? (threads.length < size ? spawnThread() : undefined);
      if (!idle) return;
      const task = queue.shift()!;
      idle.task = task;
      idle.worker.ref(); // busy: the process waits for its answer
      idle.worker.postMessage({ id: task.id, job: task.job });
    }
  };

  return {
    render(job) {
      if (closed) return Promise.reject(new Error('render pool is closed'));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const t of queue.splice(0)) t.reject(new Error('render pool is closed'));
      const all = threads.splice(0);
      await Promise.all(all.map((t) => t.worker.terminate()));
    },
  };
}
