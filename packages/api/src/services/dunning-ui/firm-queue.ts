// The accountant's follow-up queue over every company: what the runner's outbox holds that needs a
// person (waiting for approval, an open phone task, a failed delivery), grouped per company and
// debtor, each with the planner's reason (rule, facts) and the amounts it would claim.
import { explainAction, type DunningAction, type ExplainLanguage } from '@fact/core';
import { listQueue, loadOutbox, priceClaims, type QueueItem } from '@fact/dunning-runner';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db.js';

/** One claim of a planned send, priced as the letter would print it today. */
export interface QueueClaim {
  kind: string;
  mode: 'claim' | 'announce';
  status: 'included' | 'blocked';
  legalBasis: string;
  /** The priced amount (interest per invoice, €40, BIK, damages, fee); null when withheld. */
  amount: string | null;
  invoiceNumber: string | null;
  blockedBecause: string | null;
}

/** One planned send in the queue, with everything needed to decide on it. */
export interface QueueEntry {
  key: string;
  level: number;
  levelKey: string;
  final: string | null;
  channel: string;
  state: string;
  needsApproval: boolean;
  plannedOn: string;
  amount: string;
  /** Principal plus the costs claimed now. */
  totalWithClaims: string | null;
  reason: string | null;
  attempts: number;
  rule: { text: string; from: string; days: number; policyId: string; policyVersion: number } | null;
  /** The planner's sentence in the reader's language (invoice numbers, not ids). */
  explanation: string | null;
  invoices: { id: string; number: string; dueDate: string; daysOverdue: number; amountToRemind: string; previousLevel: number | null; previousSentOn: string | null }[];
  claims: QueueClaim[];
}

export interface QueueDebtor {
  debtorId: string;
  name: string;
  kind: string;
  items: QueueEntry[];
}

export interface QueueCompany {
  companyId: string;
  legalName: string;
  debtors: QueueDebtor[];
}

/** Whether an item needs a person: waiting for approval, an open call, or a delivery that failed. */
export function needsAttention(q: QueueItem): boolean {
  return q.needsApproval || q.state === 'task-open' || q.state === 'failed';
}

function entry(q: QueueItem, action: DunningAction | undefined, kind: 'business' | 'consumer', country: 'BE' | 'NL', numberOf: (id: string) => string, language: ExplainLanguage): QueueEntry {
  let priced: ReturnType<typeof priceClaims> | undefined;
  if (action) {
    try {
      priced = priceClaims(action, { country, debtorKind: kind, dueDates: Object.fromEntries(action.facts.items.map((f) => [f.itemId, f.dueDate])) });
    } catch {
      priced = undefined; // a rate-table gap: the claims are shown without amounts
    }
  }
  const claims: QueueClaim[] = [];
  for (const c of action?.claims ?? []) {
    const amounts = (priced?.claims ?? []).filter((p) => p.kind === c.kind && c.status === 'included');
    if (amounts.length === 0) claims.push({ kind: c.kind, mode: c.mode, status: c.status, legalBasis: c.legalBasis, amount: null, invoiceNumber: null, blockedBecause: c.blockedBecause ?? null });
    for (const p of amounts) claims.push({ kind: c.kind, mode: c.mode, status: c.status, legalBasis: c.legalBasis, amount: p.amount, invoiceNumber: p.itemId ? numberOf(p.itemId) : null, blockedBecause: null });
  }
  const readable = action && { ...action, itemIds: action.itemIds.map(numberOf), claims: action.claims.map((c) => ({ ...c, itemIds: c.itemIds.map(numberOf) })) };
  return {
    key: q.key,
    level: q.level,
    levelKey: action?.levelKey ?? String(q.level),
    final: action?.final ?? null,
    channel: q.channel,
    state: q.state,
    needsApproval: q.needsApproval,
    plannedOn: q.plannedOn,
    amount: q.amount,
    totalWithClaims: priced?.total ?? null,
    reason: q.reason ?? null,
    attempts: q.attempts,
    rule: action ? { text: action.rule.text, from: action.rule.offset.from, days: action.rule.offset.days, policyId: action.rule.policyId, policyVersion: action.rule.policyVersion } : null,
    explanation: readable ? safe(() => explainAction(readable, language)) : null,
    invoices: (action?.facts.items ?? q.itemIds.map((id) => ({ itemId: id, dueDate: '', daysOverdue: 0, amountToRemind: '', previous: undefined }))).map((f) => ({
      id: f.itemId,
      number: numberOf(f.itemId),
      dueDate: f.dueDate,
      daysOverdue: f.daysOverdue,
      amountToRemind: f.amountToRemind,
      previousLevel: f.previous?.level ?? null,
      previousSentOn: f.previous?.sentOn ?? null,
    })),
    claims,
  };
}

function safe(fn: () => string): string | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/**
 * The queue of one company, grouped per debtor (debtors by name, items by level), or null when
 * nothing needs a person.
 *
 * @example
 * ```ts
 * const company = await companyQueue(db, { id, legalName, country: 'BE' }, 'nl');
 * ```
 */
export async function companyQueue(db: Database, company: { id: string; legalName: string; country: 'BE' | 'NL' }, language: ExplainLanguage, filter: (q: QueueItem) => boolean = needsAttention): Promise<QueueCompany | null> {
  const items = (await listQueue(db, company.id)).filter(filter);
  if (items.length === 0) return null;
  const outbox = await loadOutbox(db, company.id);
  const t = db.tables;
  const debtorIds = [...new Set(items.map((q) => q.debtorId))];
  const invoiceIds = [...new Set(items.flatMap((q) => q.itemIds))];
  const debtors = await db.db.select({ id: t.debtors.id, name: t.debtors.name, kind: t.debtors.kind }).from(t.debtors).where(and(eq(t.debtors.companyId, company.id), inArray(t.debtors.id, debtorIds)));
  const numbers = new Map<string, string>();
  for (let i = 0; i < invoiceIds.length; i += 500) {
    const slice = invoiceIds.slice(i, i + 500);
    const rows = await db.db.select({ id: t.invoices.id, number: t.invoices.number }).from(t.invoices).where(and(eq(t.invoices.companyId, company.id), inArray(t.invoices.id, slice)));
    for (const r of rows) numbers.set(r.id, r.number);
  }
  const numberOf = (id: string) => numbers.get(id) ?? id;
  const byDebtor = new Map<string, QueueDebtor>();
  for (const d of debtors) byDebtor.set(d.id, { debtorId: d.id, name: d.name, kind: d.kind, items: [] });
  for (const q of items) {
    const planned = outbox.get(q.key)?.planned;
    const debtor = byDebtor.get(q.debtorId) ?? { debtorId: q.debtorId, name: q.debtorId, kind: planned?.policy.kind ?? 'business', items: [] };
    byDebtor.set(q.debtorId, debtor);
    const kind = planned?.policy.kind ?? (debtor.kind === 'consumer' ? 'consumer' : 'business');
    debtor.items.push(entry(q, planned?.action as DunningAction | undefined, kind, company.country, numberOf, language));
  }
  const grouped = [...byDebtor.values()].filter((d) => d.items.length > 0);
  grouped.sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.debtorId < b.debtorId ? -1 : 1));
  for (const d of grouped) d.items.sort((a, b) => a.level - b.level || (a.key < b.key ? -1 : 1));
  return { companyId: company.id, legalName: company.legalName, debtors: grouped };
}
