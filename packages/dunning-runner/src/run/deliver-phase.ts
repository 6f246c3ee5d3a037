import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { explainAction, type CalendarDate, type DunningAction } from '@fact/core';
import { listDunningEvents } from '@fact/db';
import { ComposeError, composeSend, type SendBundle } from '../compose/bundle.js';
import { writeDossier } from '../channels/dossier.js';
import { letterWritten, writeLetter } from '../channels/print.js';
import { policyFor, type CompanyRow } from '../facts/company-plan.js';
import type { OutboxEntry, OutboxMark } from '../outbox/state.js';
import type { Transition } from '../outbox/store.js';
import type { RunnerSettings } from '../settings/runner-settings.js';
import { ClaimSource, type Job } from './claim-source.js';
import { crashPoint } from './crash.js';
import { GroupCommit } from './group-commit.js';
import { sentTransition, type SentRecord } from './mark-sent.js';
import { resolved, type RunnerContext } from './options.js';

/** What phase 2 did. */
export interface DeliverReport {
  sent: number;
  recovered: number;
  dropped: { key: string; reason: string }[];
  failed: number;
  rerouted: number;
  tasks: number;
  /** Claims held by another (live or dead) runner whose lease has not expired yet. */
  leased: number;
}

const NEXT_CHANNEL: Record<string, string | undefined> = { email: 'letter', letter: 'registered-letter' };

/**
 * Phase 2: walks the company's claimable entries (or only `keys`) in key order, claiming a batch
 * per transaction, re-checks the gate for the batch, composes and delivers each send (a few in
 * flight), and records what happened through a group commit.
 *
 * @example
 * ```ts
 * const report = await deliverPhase(ctx, company, settings, '2025-04-10');
 * ```
 */
export async function deliverPhase(ctx: RunnerContext, company: CompanyRow, settings: RunnerSettings, asOf: CalendarDate, keys?: readonly string[]): Promise<DeliverReport> {
  const r = resolved(ctx);
  const report: DeliverReport = { sent: 0, recovered: 0, dropped: [], failed: 0, rerouted: 0, tasks: 0, leased: 0 };
  const domain = settings.identity?.email.split('@')[1] ?? 'fact.invalid';
  const now = ctx.clock();
  const t = ctx.db.tables.dunningOutbox;
  const [live] = await ctx.db.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(t)
    .where(and(eq(t.companyId, company.id), eq(t.state, 'claimed'), gt(t.leaseUntil, now), keys && inArray(t.key, [...keys])));
  report.leased = live?.n ?? 0;
  const commits = new GroupCommit(ctx.db, ctx.clock);
  const source = new ClaimSource(ctx, company, settings, asOf, { domain, now, ...(keys && { keys }), batch: r.claimBatch, attachInvoices: r.attachInvoices });
  // A few sends in flight: SMTP is latency-bound (one round trip per command) and rendering runs
  // in the pool's threads, while the database sees one claim per batch and one commit per group.
  const worker = async () => {
    for (let job = await source.next(); job; job = await source.next()) await deliverOne(ctx, company, settings, asOf, job, commits, recorded, report);
  };
  const recorded: Promise<unknown>[] = [];
  await Promise.all(Array.from({ length: r.concurrency }, worker));
  await Promise.all(recorded);
  return report;
}

async function deliverOne(ctx: RunnerContext, company: CompanyRow, settings: RunnerSettings, asOf: CalendarDate, job: Job, commits: GroupCommit, recorded: Promise<unknown>[], report: DeliverReport): Promise<void> {
  const r = resolved(ctx);
  const { entry, recovering } = job.claimed;
  const action = entry.planned.action as unknown as DunningAction;
  const channel = entry.channel;
  // What happened is recorded through the group commit; the worker does not wait for it (the
  // phase does, before it returns), so the next send starts while the last one is being committed.
  const track = (p: Promise<unknown>) => {
    p.catch(() => undefined); // handled: the phase awaits them all and fails with the first error
    recorded.push(p);
  };
  const mark = (state: Transition['state'], extra: Omit<OutboxMark, 'key' | 'n' | 'state' | 'at'>, set: Transition['set'] = {}) =>
    track(commits.submit({ entry, state, set: { leaseUntil: null, ...set }, mark: extra, guard: 'version', occurredOn: asOf }));
  const sent = (record: SentRecord) => track(commits.submit(sentTransition(entry, asOf, record, ctx.documentsRoot)).then(() => crashPoint('after-mark')));
  // A crash after delivery but before `sent`: the file is the proof; record it, send nothing.
  if (recovering && channel === 'email' && (await ctx.mail.alreadyDelivered(entry.key))) {
    sent({ channel, ...(entry.messageId && { messageId: entry.messageId }), proof: 'eml-file', recovered: true });
    report.recovered++;
    return;
  }
  const printKind = channel === 'registered-letter' ? 'registered' : 'letter';
  if (recovering && (channel === 'letter' || channel === 'registered-letter') && (await letterWritten(ctx.printDir, entry.planned.asOf, printKind, entry.key))) {
    sent({ channel, proof: 'print-file', recovered: true });
    report.recovered++;
    return;
  }
  const gate = job.gate;
  if (!gate.ok) {
    const reason = gate.invoiceId ? `${gate.reason}:${gate.invoiceId}` : gate.reason;
    mark('dropped', { reason }, { reason });
    report.dropped.push({ key: entry.key, reason: gate.reason });
    return;
  }
  if (channel === 'phone-task' && action.final !== 'collection-agency') {
    const script = explainAction(action, company.language === 'fr' ? 'fr' : company.language === 'en' ? 'en' : 'nl');
    mark('task-open', { reason: script }, { reason: script });
    report.tasks++;
    return;
  }
  let bundle: SendBundle;
  try {
    bundle = await (job.bundle ??
      composeSend(ctx.db, company, settings.identity, policyFor(company, entry.planned.policy.kind), entry.planned.policy.kind, action, {
        attachInvoices: r.attachInvoices,
        data: job.data,
        ...(ctx.renderer && { renderer: ctx.renderer }),
      }));
  } catch (e) {
    const reason = e instanceof ComposeError ? e.reason : `error:${(e as { code?: string }).code ?? (e as Error).message}`;
    mark('dropped', { reason }, { reason });
    report.dropped.push({ key: entry.key, reason });
    return;
  }
  const letter = { pdf: bundle.letterPdf, fileName: bundle.letterFileName, ...(bundle.letter.letterReference && { reference: bundle.letter.letterReference }) };
  if (action.final === 'collection-agency') {
    const path = await handOver(ctx, company, asOf, entry, action, bundle);
    sent({ channel, proof: `dossier:${path}`, priced: bundle.priced, letter });
    report.sent++;
    return;
  }
  if (channel === 'email' && !bundle.to) {
    mark('rerouted', { channel: 'letter', reason: 'no-email-address' }, { channel: 'letter', attempt: 0, reason: 'no-email-address' });
    report.rerouted++;
    return;
  }
  // Fencing: if our lease ran out and another runner claimed the key meanwhile, it owns the send.
  const t = ctx.db.tables.dunningOutbox;
  const [latest] = await ctx.db.db.select({ version: t.version }).from(t).where(eq(t.id, entry.id));
  if (!latest || latest.version !== entry.version) return;
  try {
    let proof: string;
    crashPoint('before-send');
    if (channel === 'email') {
      const delivered = await ctx.mail.send(entry.key, {
        from: bundle.from,
        ...(bundle.replyTo && { replyTo: bundle.replyTo }),
        to: bundle.to!,
        subject: bundle.subject,
        text: bundle.text,
        language: bundle.language,
        messageId: entry.messageId!,
        attachments: [{ filename: bundle.letterFileName, content: Buffer.from(bundle.letterPdf.buffer, bundle.letterPdf.byteOffset, bundle.letterPdf.byteLength), contentType: 'application/pdf' }, ...bundle.attachments],
      });
      proof = delivered.proof;
    } else {
      proof = await writeLetter(ctx.printDir, entry.planned.asOf, printKind, entry.key, bundle.letterPdf);
    }
    crashPoint('after-send');
    sent({ channel, ...(channel === 'email' && { messageId: entry.messageId! }), proof, priced: bundle.priced, letter });
    report.sent++;
  } catch (e) {
    const reason = (e as Error).message.slice(0, 300);
    const next = NEXT_CHANNEL[channel];
    if (entry.attempts >= r.maxAttempts && next) {
      mark('rerouted', { channel: next, reason }, { channel: next, attempt: 0, reason });
      report.rerouted++;
    } else {
      const wait = r.backoffMs[Math.min(entry.attempts - 1, r.backoffMs.length - 1)] ?? 60_000;
      const retryAt = new Date(ctx.clock().getTime() + wait);
      mark('failed', { attempt: entry.attempts, reason, retryAt: retryAt.toISOString() }, { reason, retryAt });
      report.failed++;
    }
  }
}

/** The collection-agency dossier: debtor, invoices, every reminder sent with its proof, the statement. */
async function handOver(ctx: RunnerContext, company: CompanyRow, asOf: CalendarDate, entry: OutboxEntry, action: DunningAction, bundle: SendBundle): Promise<string> {
  const history = await listDunningEvents(ctx.db, { companyId: company.id }, { debtorId: entry.debtorId });
  return writeDossier(
    ctx.dossierDir,
    entry.key,
    {
      companyId: company.id,
      debtor: { id: entry.debtorId, name: bundle.letter.debtor.name, address: bundle.letter.debtor.address, vatNumber: bundle.letter.debtor.vatNumber ?? null, language: bundle.language },
      invoices: bundle.letter.items.map((i) => ({ ...i })),
      reminders: history
        .filter((h) => h.action !== 'note' && h.invoiceId && action.itemIds.includes(h.invoiceId))
        .map((h) => ({ level: h.level, action: h.action, channel: h.channel, on: h.occurredOn, documentId: h.documentId, proof: h.explanation?.['proof'] ?? null, messageId: (h.explanation?.['outbox'] as OutboxMark | undefined)?.messageId ?? null, interest: h.interest.toFixed(2), fees: h.fees.toFixed(2) })),
      statement: { claims: bundle.priced.claims, interest: bundle.priced.interest, total: bundle.priced.total },
      preparedOn: asOf,
    },
    [bundle.letterPdf, ...bundle.attachments.filter((a) => a.contentType === 'application/pdf').map((a) => a.content)],
  );
}
