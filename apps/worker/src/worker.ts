// The background worker: every minute, runs each company whose local send time has come; and,
// every FACT_DELIVERY_RETRY_SECONDS (default 60), retries the factoring deliveries that are due.
import { deliveryEnvFromEnv, publishedRates } from '@fact/api';
import { openRunner, workerSchedule } from './config.js';
import { deliveryRetryPass, repeatEvery } from './deliveries.js';
import { tick } from './worker-loop.js';

const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
let schedule;
try {
  schedule = workerSchedule(process.env);
  // A broken FACT_RATES_FILE stops the worker now, not at the first letter with interest.
  publishedRates(process.env);
} catch (e) {
  process.stderr.write(`fact worker: ${(e as Error).message}\n`);
  process.exit(1);
}
const { db, ctx, close } = await openRunner(process.env);
let deliveries;
try {
  deliveries = deliveryEnvFromEnv(process.env, { db, clock: ctx.clock });
} catch (e) {
  process.stderr.write(`fact worker: ${(e as Error).message}\n`);
  await close();
  process.exit(1);
}
const lastRun = new Map<string, string>();
const stops = [repeatEvery(60_000, () => tick(ctx, lastRun, log))];
if (schedule.deliveryRetryMs !== null) {
  const env = deliveries;
  stops.push(repeatEvery(schedule.deliveryRetryMs, () => deliveryRetryPass(env, log)));
}
log(`fact worker started (factoring delivery retries: ${schedule.deliveryRetryMs === null ? 'off' : `every ${schedule.deliveryRetryMs / 1000} s`})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const stop of stops) stop();
    void close().then(() => process.exit(0));
  });
}
