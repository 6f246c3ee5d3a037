import { explainAction, type CalendarDate, type DunningAction } from '@fact/core';
import { listDunningEvents } from '@fact/db';
import { ComposeError, composeSend, type SendBundle } from '../compose/bundle.js';
import { writeDossier } from '../channels/dossier.js';
import { letterWritten, writeLetter } from '../channels/print.js';
import { sendGate } from '../facts/gate.js';
import { policyFor, type CompanyRow } from '../facts/company-plan.js';
import { messageIdFor } from '../outbox/key.js';
import { isClaimable, nextN, type OutboxEntry, type OutboxMark } from '../outbox/state.js';
import { appendRows, loadOutbox, lockKey, markRow } from '../outbox/store.js';
import type { RunnerSettings } from '../settings/runner-settings.js';
import { crashPoint } from './crash.js';
import { markSent } from './mark-sent.js';
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

async function appendMark(ctx: RunnerContext, entry: OutboxEntry, on: CalendarDate, mark: Omit<OutboxMark, 'key' | 'n' | 'at'>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const fresh = (await loadOutbox(tx, entry.companyId, entry.debtorId)).get(entry.key);
    await appendRows(tx, [markRow(entry.companyId, entry.debtorId, on, entry.planned.level, { key: entry.key, n: nextN(fresh), at: ctx.clock().toISOString(), ...mark })]);
  });
}

/**
 * Takes one entry for this runner: under the key's lock (PostgreSQL: skipped if another instance
 * holds it; SQLite: one writer), re-reads its state and, if still claimable, appends `claimed` with
 * the attempt, a lease and the Message-ID, recorded BEFORE anything is sent.
 */
async function claim(ctx: RunnerContext, entry: OutboxEntry, domain: string): Promise<{ entry: OutboxEntry; recovering: boolean } | undefined> {
  const r = resolved(ctx);
  return ctx.db.transaction(async (tx) => {
    if (!(await lockKey(tx, `dunning-send:${entry.key}`, 'skip'))) return undefined;
    const fresh = (await loadOutbox(tx, entry.companyId, entry.debtorId)).get(entry.key);
    const now = ctx.clock();
    if (!fresh || !isClaimable(fresh, now)) return undefined;
    const messageId = fresh.messageId ?? messageIdFor(entry.key, domain);
    const mark: OutboxMark = {
      key: entry.key,
      n: nextN(fresh),
      state: 'claimed',
      at: now.toISOString(),
      attempt: fresh.attempts + 1,
      leaseUntil: new Date(now.getTime() + r.leaseMs).toISOString(),
      runner: r.runnerId,
      messageId,
      channel: fresh.channel,
    };
    await appendRows(tx, [markRow(entry.companyId, entry.debtorId, fresh.planned.asOf, fresh.planned.level, mark)]);
    return { entry: { ...fresh, last: mark, marks: [...fresh.marks, mark], attempts: mark.attempt!, messageId }, recovering: fresh.last.state === 'claimed' };
  });
}

/**
 * Phase 2: claims every claimable entry of the company (or only `keys`), re-checks the gate,
 * composes and delivers it, and records it as sent.
 *
 * @example
 * ```ts
 * const report = await deliverPhase(ctx, company, settings, '2025-04-10');
 * ```
 */
export async function deliverPhase(ctx: RunnerContext, company: CompanyRow, settings: RunnerSettings, asOf: CalendarDate, keys?: readonly string[]): Promise<DeliverReport> {
  const report: DeliverReport = { sent: 0, recovered: 0, dropped: [], failed: 0, rerouted: 0, tasks: 0, leased: 0 };
  const domain = settings.identity?.email.split('@')[1] ?? 'fact.invalid';
  const now = ctx.clock();
  const entries = [...(await loadOutbox(ctx.db, company.id)).values()].filter((e) => !keys || keys.includes(e.key)).sort((a, b) => (a.key < b.key ? -1 : 1));
  const queue = entries.filter((candidate) => {
    if (isClaimable(candidate, now)) return true;
    if (candidate.last.state === 'claimed') report.leased++;
    return false;
  });
  // A few sends in flight: SMTP is latency-bound (one round trip per command), while the
  // database writes stay serialised by the single writer (SQLite) or by the key locks (PostgreSQL).
  const worker = async () => {
    for (let candidate = queue.shift(); candidate; candidate = queue.shift()) {
      const claimed = await claim(ctx, candidate, domain);
      if (!claimed) continue;
      crashPoint('after-claim');
      await deliverOne(ctx, company, settings, asOf, claimed.entry, claimed.recovering, report);
    }
  };
  await Promise.all(Array.from({ length: resolved(ctx).concurrency }, worker));
  return report;
}

async function deliverOne(ctx: RunnerContext, company: CompanyRow, settings: RunnerSettings, asOf: CalendarDate, entry: OutboxEntry, recovering: boolean, report: DeliverReport): Promise<void> {
  const r = resolved(ctx);
  const action = entry.planned.action as unknown as DunningAction;
  const channel = entry.channel;
  const at = ctx.clock();
  // A crash after delivery but before `sent`: the file is the proof; record it, send nothing.
  if (recovering && channel === 'email' && (await ctx.mail.alreadyDelivered(entry.key))) {
    await markSent(ctx.db, entry, asOf, at, { channel, ...(entry.messageId && { messageId: entry.messageId }), proof: 'eml-file', recovered: true }, ctx.documentsRoot);
    report.recovered++;
    return;
  }
  const printKind = channel === 'registered-letter' ? 'registered' : 'letter';
  if (recovering && (channel === 'letter' || channel === 'registered-letter') && (await letterWritten(ctx.printDir, entry.planned.asOf, printKind, entry.key))) {
    await markSent(ctx.db, entry, asOf, at, { channel, proof: 'print-file', recovered: true }, ctx.documentsRoot);
    report.recovered++;
    return;
  }
  const gate = await sendGate(ctx.db, {
    companyId: company.id,
    debtorId: entry.debtorId,
    asOf,
    items: action.facts.items.map((f) => ({ itemId: f.itemId, openAmount: f.openAmount })),
    ...(action.facts.unappliedCredit && { unappliedCredit: action.facts.unappliedCredit }),
  });
  if (!gate.ok) {
    await appendMark(ctx, entry, asOf, { state: 'dropped', reason: gate.invoiceId ? `${gate.reason}:${gate.invoiceId}` : gate.reason });
    report.dropped.push({ key: entry.key, reason: gate.reason });
    return;
  }
  if (channel === 'phone-task' && action.final !== 'collection-agency') {
    await appendMark(ctx, entry, asOf, { state: 'task-open', reason: explainAction(action, company.language === 'fr' ? 'fr' : company.language === 'en' ? 'en' : 'nl') });
    report.tasks++;
    return;
  }
  let bundle: SendBundle;
  try {
    bundle = await composeSend(ctx.db, company, settings.identity, policyFor(company, entry.planned.policy.kind), entry.planned.policy.kind, action, { attachInvoices: r.attachInvoices });
  } catch (e) {
    const reason = e instanceof ComposeError ? e.reason : `error:${(e as { code?: string }).code ?? (e as Error).message}`;
    await appendMark(ctx, entry, asOf, { state: 'dropped', reason });
    report.dropped.push({ key: entry.key, reason });
    return;
  }
  const letter = { pdf: bundle.letterPdf, fileName: bundle.letterFileName, ...(bundle.letter.letterReference && { reference: bundle.letter.letterReference }) };
  if (action.final === 'collection-agency') {
    const history = await listDunningEvents(ctx.db, { companyId: company.id }, { debtorId: entry.debtorId });
    const path = await writeDossier(
      ctx.dossierDir,
      entry.key,
      {
        companyId: company.id,
        debtor: { id: entry.debtorId, name: bundle.letter.debtor.name, address: bundle.letter.debtor.address, vatNumber: bundle.letter.debtor.vatNumber ?? null, language: bundle.language },
        invoices: bundle.letter.items.map((i) => ({ ...i })),
        reminders: history.filter((h) => h.action !== 'note' && h.invoiceId && action.itemIds.includes(h.invoiceId)).map((h) => ({ level: h.level, action: h.action, channel: h.channel, on: h.occurredOn, documentId: h.documentId, proof: h.explanation?.['proof'] ?? null, messageId: (h.explanation?.['outbox'] as OutboxMark | undefined)?.messageId ?? null, interest: h.interest.toFixed(2), fees: h.fees.toFixed(2) })),
        statement: { claims: bundle.priced.claims, interest: bundle.priced.interest, total: bundle.priced.total },
        preparedOn: asOf,
      },
      [bundle.letterPdf, ...bundle.attachments.filter((a) => a.contentType === 'application/pdf').map((a) => a.content)],
    );
    await markSent(ctx.db, entry, asOf, at, { channel, proof: `dossier:${path}`, priced: bundle.priced, letter }, ctx.documentsRoot);
    report.sent++;
    return;
  }
  if (channel === 'email' && !bundle.to) {
    await appendMark(ctx, entry, asOf, { state: 'rerouted', channel: 'letter', reason: 'no-email-address' });
    report.rerouted++;
    return;
  }
  // Fencing: if our lease ran out and another runner claimed the key meanwhile, it owns the send.
  const latest = (await loadOutbox(ctx.db, entry.companyId, entry.debtorId)).get(entry.key);
  if (!latest || latest.last.n !== entry.last.n) return;
  try {
    let proof: string;
    crashPoint('before-send');
    if (channel === 'email') {
      const sent = await ctx.mail.send(entry.key, {
        from: bundle.from,
        ...(bundle.replyTo && { replyTo: bundle.replyTo }),
        to: bundle.to!,
        subject: bundle.subject,
        text: bundle.text,
        language: bundle.language,
        messageId: entry.messageId!,
        attachments: [{ filename: bundle.letterFileName, content: Buffer.from(bundle.letterPdf), contentType: 'application/pdf' }, ...bundle.attachments],
      });
      proof = sent.proof;
    } else {
      proof = await writeLetter(ctx.printDir, entry.planned.asOf, printKind, entry.key, bundle.letterPdf);
    }
    crashPoint('after-send');
    await markSent(ctx.db, entry, asOf, at, { channel, ...(channel === 'email' && { messageId: entry.messageId! }), proof, priced: bundle.priced, letter }, ctx.documentsRoot);
    crashPoint('after-mark');
    report.sent++;
  } catch (e) {
    const reason = (e as Error).message.slice(0, 300);
    const next = NEXT_CHANNEL[channel];
    if (entry.attempts >= r.maxAttempts && next) {
      await appendMark(ctx, entry, asOf, { state: 'rerouted', channel: next, reason });
      report.rerouted++;
    } else {
      const wait = r.backoffMs[Math.min(entry.attempts - 1, r.backoffMs.length - 1)] ?? 60_000;
      await appendMark(ctx, entry, asOf, { state: 'failed', attempt: entry.attempts, reason, retryAt: new Date(ctx.clock().getTime() + wait).toISOString() });
      report.failed++;
    }
  }
}
