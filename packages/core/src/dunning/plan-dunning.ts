import { addDays, daysBetween, parseDate, type CalendarDate } from '../calendar/date.js';
import { minMoney, money, sumMoney, ZERO, type Money } from '../money/money.js';
import { nextLevel } from './next-level.js';
import { mergeClaims, itemClaims } from './plan-claims.js';
import { byText, debtorKey, indexCredits, indexHistory, normalizeItems, type NormalItem, type NormalSend } from './plan-input.js';
import { beRecurringReminderFeeCap } from '../recovery/bookXixDamages.js';
import type { DunningAction, DunningPlan, DunningPlanInput, PlannedItemFacts, SkippedItem } from './plan-types.js';
import { parsePolicy } from './parse-policy.js';
import type { DunningLevel, DunningPolicy } from './policy-types.js';
import { ruleText } from './rule-text.js';

interface Candidate extends NormalItem {
  creditApplied: Money;
  toRemind: Money;
}
interface Planned {
  candidate: Candidate;
  level: DunningLevel;
  facts: PlannedItemFacts;
  feeWaivedBecause?: string;
}

/**
 * Book XIX, recurring supplies: counts the reminders of this calendar year already sent to the
 * debtor for recurring-supply items (each sent letter once), plus this one; the first three are
 * free (recovery/bookXixDamages).
 */
function recurringFeeWaiver(policy: DunningPolicy, c: Candidate, all: readonly NormalItem[], history: Map<string, NormalSend[]>, asOf: CalendarDate): string | undefined {
  if (policy.jurisdiction !== 'BE' || policy.debtorKind !== 'consumer' || c.item.recurringSupply !== true) return undefined;
  const year = asOf.slice(0, 4);
  const letters = new Set<NormalSend>();
  for (const n of all) {
    if (n.item.companyId !== c.item.companyId || n.item.debtorId !== c.item.debtorId || n.item.recurringSupply !== true) continue;
    for (const s of history.get(n.key) ?? []) if (s.sentOn.startsWith(year)) letters.add(s);
  }
  const number = letters.size + 1;
  return beRecurringReminderFeeCap(number).free
    ? `Book XIX recurring supply: reminder ${number} of ${year} is one of the first three, which are free`
    : undefined;
}

/** The reasons that stop dunning whatever the level, in order of precedence. */
function exclusion(n: NormalItem, asOf: CalendarDate): Omit<SkippedItem, 'companyId' | 'debtorId' | 'itemId'> | undefined {
  const { item } = n;
  if (!n.open.greaterThan(0)) return { reason: 'paid' };
  if (item.assignedToFactor === true) return { reason: 'assigned-to-factor' };
  if (item.disputed === true) return { reason: 'disputed' };
  if (item.onHoldUntil !== undefined && item.onHoldUntil >= asOf) return { reason: 'on-hold', until: addDays(item.onHoldUntil, 1) };
  if (item.paymentPlan?.active === true) return { reason: 'payment-plan' };
  if (item.promisedPaymentDate !== undefined && item.promisedPaymentDate >= asOf) {
    return { reason: 'promise-to-pay', until: addDays(item.promisedPaymentDate, 1) };
  }
  return undefined;
}

/** Oldest invoice first: the debtor's unapplied credit is set against the oldest open amounts. */
function byDueThenId(a: NormalItem, b: NormalItem): number {
  return byText(a.item.dueDate, b.item.dueDate) || byText(a.item.id, b.item.id);
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return groups;
}

function buildAction(policy: DunningPolicy, asOf: CalendarDate, group: Planned[], credit: Money | undefined): DunningAction {
  const first = group[0] as Planned;
  const { item } = first.candidate;
  const { level } = first;
  const facts = group.map((p) => p.facts).sort((a, b) => byText(a.itemId, b.itemId));
  const action: DunningAction = {
    kind: 'send',
    companyId: item.companyId,
    debtorId: item.debtorId,
    currency: item.currency,
    level: level.level,
    levelKey: level.key,
    channel: level.channel,
    templateKey: level.templateKey,
    itemIds: facts.map((f) => f.itemId),
    dueOn: facts.map((f) => f.dueOn).sort(byText)[0] as CalendarDate,
    amount: sumMoney(group.map((p) => p.candidate.toRemind)).toFixed(2),
    claims: mergeClaims(group.flatMap((p) => itemClaims(policy, level, p.facts.gates, p.facts.itemId, p.feeWaivedBecause))),
    rule: { policyId: policy.id, policyVersion: policy.version, level: level.level, offset: { ...level.offset }, text: ruleText(level) },
    facts: { asOf, grouping: policy.grouping, items: facts },
  };
  if (level.final !== undefined) action.final = level.final;
  if (credit !== undefined && credit.greaterThan(0)) action.facts.unappliedCredit = credit.toFixed(2);
  return action;
}

/**
 * Plans today's reminders (aanmaningen, rappels): a pure function of the policy, the open items,
 * the reminders already sent (manual sends count) and the as-of date, which is the company's
 * local date given by the caller. The same input, in any array order, gives the same plan.
 *
 * Guarantees: no reminder for an item that is paid (open amount ≤ 0), assigned to a factor,
 * disputed, on hold, under an active payment plan, under a running promise to pay, or covered
 * by the debtor's unapplied credit (set against the oldest invoices first); never a level twice;
 * never a jump over a level (only a pre-due courtesy level lapses once the invoice is overdue);
 * never two reminders for an item on one day; never a claim before its legal gate opens.
 *
 * Grouping `per-debtor`: all items of one company, debtor and currency whose next level is the
 * same and due today share one action; items at different levels get one action per level (a
 * debtor can receive a level-2 and a level-3 letter on the same day; no item is escalated to
 * catch up with another). `per-invoice`: one action per item. Actions are sorted by company,
 * debtor, currency, level and first item id; skipped items by company, debtor and item id.
 *
 * @example
 * ```ts
 * const plan = planDunning({
 *   asOf: '2025-04-10',
 *   policy: BE_B2B_POLICY,
 *   items: [{ id: 'F-1', companyId: 'acme', debtorId: 'D1', dueDate: '2025-03-31', openAmount: '1210.00', currency: 'EUR' }],
 *   history: [],
 * });
 * plan.actions[0]?.level; // 2 (the reminder 7 days after the due date; the pre-due e-mail lapsed)
 * ```
 */
export function planDunning(input: DunningPlanInput): DunningPlan {
  const asOf = parseDate(input.asOf, 'asOf');
  const policy = parsePolicy(input.policy);
  const items = normalizeItems(input.items);
  const history = indexHistory(input.history, asOf);
  const credits = indexCredits(input.unappliedCredits);
  const minimum = money(policy.minimumOpenAmount ?? '0');
  const skipped: SkippedItem[] = [];
  const skip = (n: NormalItem, s: Omit<SkippedItem, 'companyId' | 'debtorId' | 'itemId'>) =>
    skipped.push({ companyId: n.item.companyId, debtorId: n.item.debtorId, itemId: n.item.id, ...s });

  const open: NormalItem[] = [];
  for (const n of items) {
    const excluded = exclusion(n, asOf);
    if (excluded) skip(n, excluded);
    else open.push(n);
  }

  const candidates: Candidate[] = [];
  const byDebtor = groupBy(open, (n) => debtorKey(n.item.companyId, n.item.debtorId, n.item.currency));
  for (const [key, list] of byDebtor) {
    let credit = credits.get(key) ?? ZERO;
    const withCredit: Candidate[] = [];
    for (const n of [...list].sort(byDueThenId)) {
      const applied = minMoney(credit, n.open);
      credit = credit.minus(applied);
      const c = { ...n, creditApplied: applied, toRemind: n.open.minus(applied) };
      if (c.toRemind.greaterThan(0)) withCredit.push(c);
      else skip(n, { reason: 'credit-covers' });
    }
    const debtorTotal = sumMoney(withCredit.map((c) => c.toRemind));
    for (const c of withCredit) {
      const amount = policy.grouping === 'per-debtor' ? debtorTotal : c.toRemind;
      if (amount.lessThan(minimum)) skip(c, { reason: 'below-minimum' });
      else candidates.push(c);
    }
  }

  const planned: Planned[] = [];
  for (const c of candidates) {
    const sends = history.get(c.key) ?? [];
    const next = nextLevel(policy, c.item.dueDate, sends, asOf);
    if (next.kind === 'wait') {
      skip(c, { reason: next.reason, ...(next.until && { until: next.until }), ...(next.level && { level: next.level }) });
      continue;
    }
    const facts: PlannedItemFacts = {
      itemId: c.item.id,
      dueDate: c.item.dueDate,
      daysOverdue: Math.max(0, daysBetween(c.item.dueDate, asOf)),
      openAmount: c.open.toFixed(2),
      creditApplied: c.creditApplied.toFixed(2),
      amountToRemind: c.toRemind.toFixed(2),
      dueOn: next.dueOn,
      lapsedLevels: next.lapsed,
      gates: next.gates,
    };
    if (next.previous) {
      const p = next.previous;
      facts.previous = { level: p.level, sentOn: p.sentOn, channel: p.channel, manual: p.manual };
    }
    const feeWaivedBecause = next.level.claims.reminderFee !== undefined ? recurringFeeWaiver(policy, c, items, history, asOf) : undefined;
    planned.push({ candidate: c, level: next.level, facts, ...(feeWaivedBecause !== undefined && { feeWaivedBecause }) });
  }

  const groups = groupBy(planned, (p) => {
    const { item } = p.candidate;
    const parts = [item.companyId, item.debtorId, item.currency, String(p.level.level)];
    return JSON.stringify(policy.grouping === 'per-debtor' ? parts : [...parts, item.id]);
  });
  const actions = [...groups.values()].map((group) => {
    const { item } = (group[0] as Planned).candidate;
    return buildAction(policy, asOf, group, credits.get(debtorKey(item.companyId, item.debtorId, item.currency)));
  });
  actions.sort(
    (a, b) =>
      byText(a.companyId, b.companyId) ||
      byText(a.debtorId, b.debtorId) ||
      byText(a.currency, b.currency) ||
      a.level - b.level ||
      byText(a.itemIds[0] ?? '', b.itemIds[0] ?? ''),
  );
  skipped.sort((a, b) => byText(a.companyId, b.companyId) || byText(a.debtorId, b.debtorId) || byText(a.itemId, b.itemId));
  return { asOf, policyId: policy.id, policyVersion: policy.version, actions, skipped };
}
