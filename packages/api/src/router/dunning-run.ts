// The dunning runner from the portal: the approval queue (per company and firm-wide), approve /
// skip with a reason / send now / run now, phone tasks, and the company's runner settings and
// policies (checked by @fact/core's parsePolicy and the runner's parseRunnerSettings).
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_DUNNING_POLICIES, parsePolicy } from '@fact/core';
import { isDbError, updateCompany } from '@fact/db';
import {
  decide,
  listQueue,
  loadCompany,
  mailChannelFromEnv,
  parseRunnerSettings,
  policyFor,
  runCompany,
  type OutboxState,
  type RunnerContext,
} from '@fact/dunning-runner';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { apiError } from '../errors/api-error.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId, recordVersion } from '../schemas/ids.js';
import { appendAudit } from '../services/audit.js';
import { companyQueue } from '../services/dunning-ui/firm-queue.js';
import { companyProcedure, firmProcedure, MANAGERS, router } from '../trpc.js';
import { decideManyProcedure, debtorHistoryProcedure, deliverAll } from './dunning-decisions.js';
import { letterTemplatesRouter } from './letter-templates.js';

const STATES = ['planned', 'approved', 'skipped', 'claimed', 'failed', 'rerouted', 'dropped', 'sent', 'task-open', 'task-done'] as const;
const outboxKeyInput = z.string().regex(/^[0-9a-f]{32}$/, 'an outbox key is 32 hex characters');

/**
 * The runner wired at the edge: files under FACT_DATA_DIR (default ./data), e-mail to SMTP_URL or
 * the local .eml outbox. One mail channel per process.
 */
let channel: ReturnType<typeof mailChannelFromEnv> | undefined;
function runnerOf(ctx: Context): RunnerContext {
  const root = process.env['FACT_DATA_DIR'] ?? './data';
  channel ??= mailChannelFromEnv(process.env, join(root, 'outbox'));
  return { db: ctx.db, clock: ctx.clock, mail: channel, printDir: join(root, 'print'), dossierDir: join(root, 'dossiers'), documentsRoot: join(root, 'documents') };
}

const NOT_OK: Record<string, (key: string) => Error> = {
  'not-found': (key) => apiError.notFound('outbox entry', key),
  'not-awaiting-approval': () => apiError.precondition('This reminder is not waiting for approval.'),
  'not-an-open-task': () => apiError.precondition('This is not an open phone task.'),
  'already-final': () => apiError.precondition('This reminder was already sent or skipped.'),
};

export const dunningRunRouter = router({
  /** A company's outbox: what waits for approval, what was sent, dropped (and why), failed. */
  queue: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, states: z.array(z.enum(STATES)).optional() }))
    .query(({ ctx, input }) => listQueue(ctx.db, input.companyId, input.states as OutboxState[] | undefined)),

  /**
   * Today's follow-up queue over every company the accountant keeps: what waits for approval, open
   * phone tasks and failed deliveries, grouped per company and debtor, each with the planner's
   * reason (rule, facts, claims priced as the letter would print them) in the given language.
   */
  firmQueue: firmProcedure.input(z.object({ language: z.enum(['nl', 'fr', 'en']).default('en') }).optional()).query(async ({ ctx, input }) => {
    const visible = (await ctx.access.visibleCompanies()).filter((c) => c.roles.includes('accountant')).map((c) => c.companyId);
    if (visible.length === 0) return [];
    const c = ctx.db.tables.companies;
    const companies = await ctx.db.db.select({ id: c.id, legalName: c.legalName, country: c.country }).from(c).where(inArray(c.id, visible));
    companies.sort((a, b) => a.legalName.localeCompare(b.legalName, 'nl') || (a.id < b.id ? -1 : 1));
    const out = [];
    for (const company of companies) {
      const queue = await companyQueue(ctx.db, { id: company.id, legalName: company.legalName, country: company.country === 'NL' ? 'NL' : 'BE' }, input?.language ?? 'en');
      if (queue) out.push(queue);
    }
    return out;
  }),

  /** Approve, skip (one reason for all) or send several queued reminders, over several companies. */
  decideMany: decideManyProcedure((ctx) => runnerOf(ctx)),

  /** Every planned, approved, skipped, sent and failed send of a debtor: who, when, why. */
  debtorHistory: debtorHistoryProcedure,

  /** The company's letter templates per level and language, with a preview. */
  templates: letterTemplatesRouter,

  /** Approve, skip (with a reason) or complete a phone task. Approving does not send: the run or `sendNow` does. */
  decide: companyProcedure('accountant')
    .input(
      z.object({
        companyId: recordId,
        key: outboxKeyInput,
        decision: z.discriminatedUnion('decision', [
          z.object({ decision: z.literal('approve') }),
          z.object({ decision: z.literal('skip'), reason: z.string().trim().min(3).max(500) }),
          z.object({ decision: z.literal('complete-task'), note: z.string().trim().max(2000).optional() }),
        ]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const outcome = await decide(ctx.db, input.companyId, input.key, input.decision, ctx.user.id, ctx.clock());
      if (!outcome.ok) throw NOT_OK[outcome.reason]!(input.key);
      return outcome;
    }),

  /** Approve (if waiting) and send these reminders now; the gate still re-checks every fact. */
  sendNow: companyProcedure('accountant')
    .input(z.object({ companyId: recordId, keys: z.array(outboxKeyInput).min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      for (const key of input.keys) await decide(ctx.db, input.companyId, key, { decision: 'approve' }, ctx.user.id, ctx.clock());
      return deliverAll(runnerOf(ctx), input.companyId, input.keys);
    }),

  /** Run the company's dunning now (plan, then send what may go), as the daily run would. */
  runNow: companyProcedure('accountant')
    .input(z.object({ companyId: recordId, asOf: calendarDateInput.optional() }))
    .mutation(({ ctx, input }) => runCompany(runnerOf(ctx), input.companyId, input.asOf ? { asOf: input.asOf } : {})),

  /** The runner settings (auto / approve, send time, sender identity) and both policies in force. */
  settings: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId }))
    .query(async ({ ctx, input }) => {
      const company = await loadCompany(ctx.db, input.companyId);
      if (!company) throw apiError.notFound('company', input.companyId);
      const c = ctx.db.tables.companies;
      const [row] = await ctx.db.db.select({ version: c.version }).from(c).where(inArray(c.id, [input.companyId]));
      const country = company.country === 'NL' ? 'NL' : 'BE';
      return {
        version: row?.version ?? 1,
        country,
        runner: company.settings,
        business: policyFor(company, 'business'),
        consumer: policyFor(company, 'consumer'),
        /** Whether the company has its own policy (else the legal default of its country applies). */
        own: { business: !!company.dunningPolicy?.['business'], consumer: !!company.dunningPolicy?.['consumer'] },
        /** The presets to start from: the legal defaults of the company's country. */
        presets: { business: DEFAULT_DUNNING_POLICIES[`${country}-B2B`], consumer: DEFAULT_DUNNING_POLICIES[`${country}-B2C`] },
      };
    }),

  /**
   * Change the runner settings and/or a policy (null: back to the legal default); each is
   * validated before anything is stored, and the change is audited.
   */
  updateSettings: companyProcedure('accountant')
    .input(z.object({ companyId: recordId, version: recordVersion, runner: z.unknown().optional(), business: z.unknown().optional(), consumer: z.unknown().optional() }))
    .mutation(async ({ ctx, input }) => {
      const company = await loadCompany(ctx.db, input.companyId);
      if (!company) throw apiError.notFound('company', input.companyId);
      const next: Record<string, unknown> = { ...(company.dunningPolicy ?? {}) };
      if (input.runner !== undefined) next['runner'] = parseRunnerSettings(input.runner, 'runner');
      const country = company.country === 'NL' ? 'NL' : 'BE';
      // A policy follows the law of the company's country (claims are priced by it).
      for (const kind of ['business', 'consumer'] as const) {
        if (input[kind] === undefined) continue;
        if (input[kind] === null) {
          delete next[kind];
          continue;
        }
        const policy = parsePolicy(input[kind]);
        if (policy.jurisdiction !== country) throw apiError.badInput('jurisdiction', `this company is in ${country}: its policies follow ${country} law, not ${policy.jurisdiction}`);
        if (policy.debtorKind !== kind) throw apiError.badInput('debtorKind', `the ${kind} policy must be for ${kind} debtors`);
        next[kind] = policy;
      }
      const now = ctx.clock();
      try {
        return await ctx.db.transaction(async (tx) => {
          const updated = await updateCompany(tx, { companyId: input.companyId }, { version: input.version, dunningPolicy: next });
          await appendAudit(tx, { companyId: input.companyId, actorUserId: ctx.user.id, action: 'dunning.settings', entityType: 'company', entityId: input.companyId, at: now, before: company.dunningPolicy, after: next });
          return { version: updated.version };
        });
      } catch (e) {
        if (isDbError(e, 'STALE_VERSION')) throw apiError.conflict(`The dunning settings were changed by someone else since you read them (version ${input.version}). Reload, re-apply your change and save again.`);
        throw e;
      }
    }),
});
