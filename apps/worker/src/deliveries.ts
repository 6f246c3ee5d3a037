// The factoring delivery retry path, run by the worker on its loop: every due delivery that
// failed (or was interrupted) gets one more attempt. Several workers may run it at once: each
// attempt is claimed by its unique attempt number, so no attempt is made twice.
import { retryDueDeliveries, type DeliveryEnv } from '@fact/api';

/** What one pass did; `error` when the pass itself could not run (e.g. the database was down). */
export interface DeliveryPass {
  tried: number;
  delivered: number;
  failed: { batchId: string; error: string }[];
  error?: string;
}

/**
 * One retry pass, logged; never throws (one failure must not stop the worker's loop). Quiet
 * when nothing was due.
 *
 * @example
 * ```ts
 * const pass = await deliveryRetryPass(env, log); // { tried: 1, delivered: 1, failed: [] }
 * ```
 */
export async function deliveryRetryPass(env: DeliveryEnv, log: (line: string) => void, limit = 100): Promise<DeliveryPass> {
  try {
    const result = await retryDueDeliveries(env, limit);
    if (result.tried > 0) log(`factoring deliveries: ${result.tried} due, ${result.delivered} delivered, ${result.failed.length} still failing`);
    for (const f of result.failed) log(`factoring delivery of batch ${f.batchId} failed: ${f.error}`);
    return result;
  } catch (e) {
    const error = (e as Error).message;
    log(`factoring deliveries: retry pass failed: ${error}`);
    return { tried: 0, delivered: 0, failed: [], error };
  }
}

/**
 * Runs `task` now and then every `ms`, never two at once (a slow pass makes the next one wait
 * for the following tick). Returns how to stop it.
 *
 * @example
 * ```ts
 * const stop = repeatEvery(60_000, () => deliveryRetryPass(env, log));
 * ```
 */
export function repeatEvery(ms: number, task: () => Promise<unknown>): () => void {
  let busy = false;
  const run = () => {
    if (busy) return;
    busy = true;
    void task()
      .catch(() => undefined)
      .finally(() => (busy = false));
  };
  const timer = setInterval(run, ms);
  run();
  return () => clearInterval(timer);
}
