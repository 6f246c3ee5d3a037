// The background worker: every minute, runs each company whose local send time has come.
import { openRunner } from './config.js';
import { tick } from './worker-loop.js';

const { ctx, close } = await openRunner(process.env);
const lastRun = new Map<string, string>();
const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
let busy = false;
const timer = setInterval(() => {
  if (busy) return;
  busy = true;
  tick(ctx, lastRun, log).finally(() => (busy = false));
}, 60_000);
log('fact worker started');
void tick(ctx, lastRun, log);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    clearInterval(timer);
    void close().then(() => process.exit(0));
  });
}
