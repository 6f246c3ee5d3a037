import type { CalendarDate } from '../calendar/date.js';
import type { AmountInput } from '../money/money.js';
import type { ClaimKind, InterestAccrualStart, InterestBasis } from './claim-law.js';
import type {
  ClaimMode,
  DunningChannel,
  DunningGrouping,
  DunningOffset,
  DunningPolicy,
  LegalGateKind,
} from './policy-types.js';

/**
 * An open receivable as the planner sees it. The caller has already computed `openAmount` as of
 * the plan date (payments and applied credit notes deducted).
 *
 * @example
 * ```ts
 * const item: DunningItem = { id: 'F-2025-001', companyId: 'acme', debtorId: 'D1', dueDate: '2025-03-31', openAmount: '1210.00', currency: 'EUR' };
 * ```
 */
export interface DunningItem {
  id: string;
  /** The creditor company; an item id is unique within its company only. */
  companyId: string;
  debtorId: string;
  dueDate: CalendarDate;
  openAmount: AmountInput;
  /** ISO 4217, e.g. `EUR`. Items of different currencies never share a letter. */
  currency: string;
  disputed?: boolean;
  /** Held through this date (inclusive). */
  onHoldUntil?: CalendarDate;
  paymentPlan?: { active: boolean; id?: string };
  /** Sold or assigned to a factor: the factor collects, not us. */
  assignedToFactor?: boolean;
  /** The debtor promised to pay by this date (inclusive). */
  promisedPaymentDate?: CalendarDate;
  /**
   * A recurring supply (subscription, utility). Book XIX: the first three reminders of a calendar
   * year to a consumer for recurring supplies are free, so no reminder fee is claimed for them.
   */
  recurringSupply?: boolean;
}

/**
 * A reminder that was sent, by the planner's run or by hand; both count the same.
 *
 * @example
 * ```ts
 * const sent: SentReminder = { companyId: 'acme', itemIds: ['F-2025-001'], level: 2, sentOn: '2025-04-07', channel: 'email', manual: true };
 * ```
 */
export interface SentReminder {
  companyId: string;
  itemIds: string[];
  level: number;
  sentOn: CalendarDate;
  channel: DunningChannel;
  manual?: boolean;
  /** When the debtor received it, if known (the Dutch 14-day term counts from the day after). */
  deliveredOn?: CalendarDate;
}

/**
 * Credit of a debtor not yet allocated to an invoice (an open credit note, an unmatched payment).
 *
 * @example
 * ```ts
 * const credit: DebtorUnappliedCredit = { companyId: 'acme', debtorId: 'D1', currency: 'EUR', amount: '100.00' };
 * ```
 */
export interface DebtorUnappliedCredit {
  companyId: string;
  debtorId: string;
  currency: string;
  amount: AmountInput;
}

/**
 * Everything {@link planDunning} needs. The as-of date is the company's local date, given by the caller.
 *
 * @example
 * ```ts
 * planDunning({ asOf: '2025-04-10', policy: BE_B2B_POLICY, items: [item], history: [], unappliedCredits: [credit] });
 * ```
 */
export interface DunningPlanInput {
  asOf: CalendarDate;
  policy: DunningPolicy;
  items: DunningItem[];
  history: SentReminder[];
  unappliedCredits?: DebtorUnappliedCredit[];
}

/**
 * Why an item gets no reminder today.
 *
 * @example
 * ```ts
 * plan.skipped.filter((s) => s.reason === 'waiting-period');
 * ```
 */
export type DunningSkipReason =
  | 'paid'
  | 'disputed'
  | 'on-hold'
  | 'payment-plan'
  | 'assigned-to-factor'
  | 'promise-to-pay'
  | 'not-yet-due'
  | 'below-minimum'
  | 'waiting-period'
  | 'credit-covers'
  | 'final-level-reached';

/**
 * An item that gets no reminder today, and why.
 *
 * @example
 * ```ts
 * plan.skipped[0]; // { companyId: 'acme', debtorId: 'D1', itemId: 'F-1', reason: 'on-hold', until: '2025-04-11' }
 * ```
 */
export interface SkippedItem {
  companyId: string;
  debtorId: string;
  itemId: string;
  reason: DunningSkipReason;
  /** The first date on which this reason no longer holds (exclusive end), when it is known. */
  until?: CalendarDate;
  /** The level the item is waiting for (`not-yet-due`, `waiting-period`). */
  level?: number;
}

/**
 * How a legal gate stood for one item when the action was planned.
 *
 * @example
 * ```ts
 * action.facts.items[0]?.gates[0]?.payWithoutCostsUntil; // last day to pay free of costs
 * ```
 */
export interface GateOutcome {
  gate: LegalGateKind;
  /**
   * `this-send`: the action itself is the gated letter (free first reminder, 14-day letter);
   * `open`: the waiting period has ended; `blocked`: the letter the gate relies on was never
   * sent on a durable medium, so the claims behind the gate are withheld.
   */
  status: 'this-send' | 'open' | 'blocked';
  legalBasis: string;
  /** The letter the gate relies on. */
  basedOn?: { level: number; sentOn: CalendarDate; channel: DunningChannel; deliveredOn?: CalendarDate; deliveryEstimated?: boolean };
  /** The first day claims are allowed (for `this-send`: if the letter goes out today). */
  claimableFrom?: CalendarDate;
  /** The last day the debtor may pay free of costs (for `this-send`: if the letter goes out today). */
  payWithoutCostsUntil?: CalendarDate;
  blockedBecause?: string;
}

/**
 * One claim of an action: what is claimed or announced, on which items, under which law and gate.
 *
 * @example
 * ```ts
 * action.claims.filter((c) => c.status === 'blocked').map((c) => c.blockedBecause);
 * ```
 */
export interface DunningClaim {
  kind: ClaimKind;
  mode: ClaimMode;
  /** `included`: goes in the letter; `blocked`: the policy asked for it but a legal gate withheld it. */
  status: 'included' | 'blocked';
  itemIds: string[];
  legalBasis: string;
  basis?: InterestBasis;
  accrualStart?: InterestAccrualStart;
  /** Fixed amounts only (the €40 per invoice, a reminder fee per letter). */
  amount?: string;
  per?: 'invoice' | 'letter';
  gate?: LegalGateKind;
  blockedBecause?: string;
}

/**
 * What the planner relied on for one item of an action.
 *
 * @example
 * ```ts
 * action.facts.items.map((f) => `${f.itemId}: ${f.amountToRemind} (${f.daysOverdue} days late)`);
 * ```
 */
export interface PlannedItemFacts {
  itemId: string;
  dueDate: CalendarDate;
  daysOverdue: number;
  openAmount: string;
  creditApplied: string;
  /** `openAmount − creditApplied`: what the letter asks for. */
  amountToRemind: string;
  /** The last reminder sent for this item (manual sends included). */
  previous?: { level: number; sentOn: CalendarDate; channel: DunningChannel; manual: boolean };
  /** The day this level became due for this item. */
  dueOn: CalendarDate;
  /** A pre-due level that was not sent before the due date passed; it is not sent afterwards. */
  lapsedLevels: number[];
  gates: GateOutcome[];
}

/**
 * One reminder to send (or one call to make, for `phone-task`).
 *
 * @example
 * ```ts
 * for (const a of plan.actions) console.log(a.templateKey, a.itemIds, explainAction(a, 'nl'));
 * ```
 */
export interface DunningAction {
  kind: 'send';
  companyId: string;
  debtorId: string;
  currency: string;
  level: number;
  levelKey: string;
  channel: DunningChannel;
  templateKey: string;
  final?: 'formal-notice' | 'collection-agency';
  itemIds: string[];
  /** The earliest day the rule made this action due (per item in `facts.items`). */
  dueOn: CalendarDate;
  /** The total to remind, two decimals. */
  amount: string;
  claims: DunningClaim[];
  rule: { policyId: string; policyVersion: number; level: number; offset: DunningOffset; text: string };
  facts: { asOf: CalendarDate; grouping: DunningGrouping; unappliedCredit?: string; items: PlannedItemFacts[] };
}

/**
 * The planner's answer: what to send today and why everything else waits.
 *
 * @example
 * ```ts
 * const { actions, skipped } = planDunning(input);
 * ```
 */
export interface DunningPlan {
  asOf: CalendarDate;
  policyId: string;
  policyVersion: number;
  actions: DunningAction[];
  skipped: SkippedItem[];
}
