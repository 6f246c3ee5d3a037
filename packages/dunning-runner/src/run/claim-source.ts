import type { CalendarDate, DunningAction } from '@fact/core';
import { composeSend, type SendBundle } from '../compose/bundle.js';
import { loadComposeData, type ComposeData } from '../compose/compose-data.js';
import { policyFor, type CompanyRow } from '../facts/company-plan.js';
import type { RunnerSettings } from '../settings/runner-settings.js';
import { sendGates, type GateOutcome } from '../facts/gate.js';
import { claimBatch, type Claimed } from '../outbox/store.js';
import { crashPoint } from './crash.js';
import { resolved, type RunnerContext } from './options.js';

/** One claimed send, with the gate's verdict and what composing it needs, read for its batch. */
export interface Job {
  claimed: Claimed;
  gate: GateOutcome;
  data: ComposeData;
  /** The letter being composed and rendered already (the render pool works ahead of the sends). */
  bundle?: Promise<SendBundle>;
}

/**
 * Hands out claimed sends to the deliver phase's workers. Claims a batch per transaction, in key
 * order (a cursor, so a phase never claims its own sends twice), runs the gate and reads the
 * letters' data for the whole batch, starts rendering each letter that will be sent (so the render
 * threads work while earlier letters are on the wire), and claims the next batch while the current
 * one is being sent.
 *
 * @example
 * ```ts
 * const source = new ClaimSource(ctx, company, settings, asOf, { domain: 'acme.be', now, batch: 32, attachInvoices: true });
 * for (let job = await source.next(); job; job = await source.next()) …;
 * ```
 */
export class ClaimSource {
  private buffer: Job[] = [];
  private cursor: string | undefined;
  private exhausted = false;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly ctx: RunnerContext,
    private readonly company: CompanyRow,
    private readonly settings: RunnerSettings,
    private readonly asOf: CalendarDate,
    private readonly o: { domain: string; now: Date; keys?: readonly string[]; batch: number; attachInvoices: boolean },
  ) {}

  /** The next claimed send, or undefined when there is nothing left to claim. */
  async next(): Promise<Job | undefined> {
    for (;;) {
      const job = this.buffer.shift();
      if (job) {
        if (this.buffer.length < this.o.batch / 2 && !this.exhausted) void this.fill().catch(() => undefined);
        return job;
      }
      // A batch being claimed (or read) now may still bring jobs, even if it is the last one.
      if (this.loading) {
        await this.loading;
        continue;
      }
      if (this.exhausted) return undefined;
      await this.fill();
    }
  }

  private fill(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<void> {
    const r = resolved(this.ctx);
    const claimed = await claimBatch(this.ctx.db, {
      companyId: this.company.id,
      now: this.ctx.clock(),
      leaseMs: r.leaseMs,
      runnerId: r.runnerId,
      domain: this.o.domain,
      ...(this.cursor !== undefined && { after: this.cursor }),
      ...(this.o.keys && { keys: this.o.keys }),
      limit: this.o.batch,
    });
    if (claimed.length === 0) {
      this.exhausted = true;
      return;
    }
    this.cursor = claimed[claimed.length - 1]!.entry.key;
    for (let i = 0; i < claimed.length; i++) crashPoint('after-claim');
    const actions = claimed.map((c) => c.entry.planned.action as unknown as DunningAction);
    const gates = await sendGates(
      this.ctx.db,
      this.company.id,
      this.asOf,
      actions.map((a) => ({ debtorId: a.debtorId, items: a.facts.items.map((f) => ({ itemId: f.itemId, openAmount: f.openAmount })), ...(a.facts.unappliedCredit && { unappliedCredit: a.facts.unappliedCredit }) })),
    );
    const data = await loadComposeData(this.ctx.db, this.company.id, actions, this.o.attachInvoices);
    claimed.forEach((c, i) => {
      const job: Job = { claimed: c, gate: gates[i]!, data };
      const action = actions[i]!;
      const composes = gates[i]!.ok && !c.recovering && (c.entry.channel !== 'phone-task' || action.final === 'collection-agency');
      if (composes) {
        const kind = c.entry.planned.policy.kind;
        job.bundle = composeSend(this.ctx.db, this.company, this.settings.identity, policyFor(this.company, kind), kind, action, {
          attachInvoices: this.o.attachInvoices,
          data,
          ...(this.ctx.renderer && { renderer: this.ctx.renderer }),
        });
        job.bundle.catch(() => undefined); // awaited (and its failure handled) by the deliverer
      }
      this.buffer.push(job);
    });
    // A short batch was the last: nothing claimable was left after it. Said only once its jobs are in the buffer.
    if (claimed.length < this.o.batch) this.exhausted = true;
  }
}
