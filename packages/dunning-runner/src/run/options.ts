import { hostname } from 'node:os';
import type { Executor } from '@fact/db';
import type { MailChannel } from '../channels/email.js';
import type { Renderer } from '../compose/renderer.js';

/** How a runner is wired: the database, the clock, where files go, and its delivery rules. */
export interface RunnerContext {
  db: Executor;
  /** "Now"; injected so tests and the CLI's `--as-of` control it. */
  clock: () => Date;
  mail: MailChannel;
  /** Print-ready letters per day. */
  printDir: string;
  /** Collection-agency dossiers. */
  dossierDir: string;
  /** Where stored documents (letter PDFs) live, for @fact/db's storeDocument. */
  documentsRoot?: string;
  /** How long a claim is owned before another runner may take it over (default 5 min). */
  leaseMs?: number;
  /** Delivery attempts on one channel before the next channel (default 3). */
  maxAttempts?: number;
  /** Back-off after the n-th failure, in ms (default 1 min, 10 min, 1 h). */
  backoffMs?: readonly number[];
  /** Identifies this runner in claims (default: host, pid and a random tag, fixed per process). */
  runnerId?: string;
  /** Attach the invoices (PDF and UBL) to e-mails (default true). */
  attachInvoices?: boolean;
  /** Sends in flight at once (default 4). */
  concurrency?: number;
  /** Keys claimed per transaction (default 4 × concurrency, at least 16). */
  claimBatch?: number;
  /** Where PDFs are rendered: a worker-thread pool (`renderPool`) or, by default, this thread. */
  renderer?: Renderer;
}

/** This process's name in claims when the context names none. */
const DEFAULT_RUNNER_ID = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

/** Defaults of the optional fields. @example resolved(ctx).leaseMs // 300000 */
export function resolved(ctx: RunnerContext) {
  return {
    leaseMs: ctx.leaseMs ?? 5 * 60_000,
    maxAttempts: ctx.maxAttempts ?? 3,
    backoffMs: ctx.backoffMs ?? [60_000, 600_000, 3_600_000],
    runnerId: ctx.runnerId ?? DEFAULT_RUNNER_ID,
    attachInvoices: ctx.attachInvoices ?? true,
    concurrency: Math.max(1, ctx.concurrency ?? 4),
    claimBatch: Math.max(1, ctx.claimBatch ?? Math.max(16, 4 * (ctx.concurrency ?? 4))),
  };
}
