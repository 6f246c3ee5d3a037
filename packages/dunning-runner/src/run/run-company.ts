import { parseDate, type CalendarDate } from '@fact/core';
import { loadCompany } from '../facts/company-plan.js';
import { crashPoint } from './crash.js';
import { deliverPhase, type DeliverReport } from './deliver-phase.js';
import { localDateTime } from './local-time.js';
import type { RunnerContext } from './options.js';
import { planPhase } from './plan-phase.js';
import { printBatch } from '../channels/print.js';
import { foldLegacyOutbox } from '../outbox/legacy.js';

/** What one run of one company did. */
export interface RunReport extends DeliverReport {
  companyId: string;
  asOf: CalendarDate;
  mode: 'auto' | 'approve';
  planned: number;
  alreadyInOutbox: number;
  skipped: { itemId: string; reason: string }[];
  printBatches: { path: string; letters: number; pages: number }[];
}

/**
 * Runs the dunning of one company: phase 1 plans into the outbox (idempotent), phase 2 delivers
 * what may go (everything in `auto` mode; only approved sends in `approve` mode), then the day's
 * print batches are (re)built. Safe to run any number of times, concurrently, after any crash.
 *
 * @example
 * ```ts
 * const report = await runCompany(ctx, 'company-1', { asOf: '2025-04-10' });
 * ```
 */
export async function runCompany(ctx: RunnerContext, companyId: string, options: { asOf?: CalendarDate; deliver?: boolean } = {}): Promise<RunReport> {
  const company = await loadCompany(ctx.db, companyId);
  if (!company) throw new Error(`company ${companyId} not found`);
  const asOf = options.asOf ? parseDate(options.asOf, 'asOf') : localDateTime(ctx.clock(), company.timeZone).date;
  await foldLegacyOutbox(ctx.db, companyId);
  const planned = await planPhase(ctx, company, company.settings, asOf);
  crashPoint('after-plan');
  const delivered =
    options.deliver === false
      ? { sent: 0, recovered: 0, dropped: [], failed: 0, rerouted: 0, tasks: 0, leased: 0 }
      : await deliverPhase(ctx, company, company.settings, asOf);
  const printBatches = [];
  for (const kind of ['letter', 'registered'] as const) {
    const b = await printBatch(ctx.printDir, asOf, kind);
    if (b) printBatches.push(b);
  }
  return { companyId, asOf, mode: company.settings.mode, planned: planned.planned, alreadyInOutbox: planned.existing, skipped: planned.skipped, ...delivered, printBatches };
}

/**
 * Delivers chosen keys now (the portal's "send now", after approval), without planning.
 *
 * @example
 * ```ts
 * await deliverNow(ctx, 'company-1', [key]);
 * ```
 */
export async function deliverNow(ctx: RunnerContext, companyId: string, keys: readonly string[], asOf?: CalendarDate): Promise<DeliverReport> {
  const company = await loadCompany(ctx.db, companyId);
  if (!company) throw new Error(`company ${companyId} not found`);
  const day = asOf ?? localDateTime(ctx.clock(), company.timeZone).date;
  await foldLegacyOutbox(ctx.db, companyId);
  return deliverPhase(ctx, company, company.settings, day, keys);
}
