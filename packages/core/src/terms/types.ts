import type { CalendarDate } from '../calendar/date.js';
import type { AmountInput, Money } from '../money/money.js';

/**
 * A single due date rule (betalingstermijn / délai de paiement): net days, end of month plus
 * days, a fixed date, or the statutory default when nothing was agreed.
 *
 * @example
 * ```ts
 * const terms: SinglePaymentTerms = { type: 'end-of-month', days: 30 };
 * finalDueDate(terms, { issueDate: '2025-03-12' }); // "2025-04-30" (31 March + 30 days)
 * ```
 */
export type SinglePaymentTerms =
  /** Net N calendar days from the issue date ("30 dagen netto"). */
  | { readonly type: 'net'; readonly days: number }
  /** The end of the issue month, then N calendar days ("30 dagen einde maand" read as end of month + 30). */
  | { readonly type: 'end-of-month'; readonly days: number }
  /** A fixed calendar date. */
  | { readonly type: 'fixed-date'; readonly date: CalendarDate }
  /**
   * No term agreed: the statutory default of 30 days, counted from the latest of receipt of the
   * invoice, delivery and acceptance (BE Law 2 Aug 2002; NL art. 6:119a BW; reference.md §1.2, §10).
   */
  | { readonly type: 'statutory-default' };

/**
 * One portion of an instalment schedule (termijn / échéance); its `terms` may not be another
 * schedule.
 *
 * @example
 * ```ts
 * const firstHalf: InstalmentTerm = { percent: 50, terms: { type: 'net', days: 30 } };
 * ```
 */
export interface InstalmentTerm {
  /** Percent of the payable, > 0; all portions sum to exactly 100. */
  readonly percent: AmountInput;
  readonly terms: Exclude<SinglePaymentTerms, { type: 'statutory-default' }>;
}

/**
 * Payment terms: a single rule or an instalment schedule (afbetalingsregeling / échéancier).
 *
 * @example
 * ```ts
 * const terms: PaymentTerms = {
 *   type: 'instalments',
 *   instalments: [
 *     { percent: 50, terms: { type: 'net', days: 30 } },
 *     { percent: 50, terms: { type: 'net', days: 60 } },
 *   ],
 * };
 * dueDates(terms, { issueDate: '2025-03-01', payable: '1000.01' }).map((d) => [d.dueDate, d.amount.toFixed(2)]);
 * // [["2025-03-31", "500.01"], ["2025-04-30", "500.00"]]
 * ```
 */
export type PaymentTerms = SinglePaymentTerms | { readonly type: 'instalments'; readonly instalments: readonly InstalmentTerm[] };

/**
 * The facts a due date is counted from: the issue date, and when known the receipt of the
 * invoice, delivery and acceptance (the statutory default counts from the latest of them).
 *
 * @example
 * ```ts
 * const context: DueDateContext = { issueDate: '2025-03-01', receivedDate: '2025-03-03', deliveryDate: '2025-03-05' };
 * finalDueDate({ type: 'statutory-default' }, context); // "2025-04-04" (delivery + 30 days)
 * ```
 */
export interface DueDateContext {
  /** Invoice issue date (BT-2). */
  readonly issueDate: CalendarDate;
  /** When the customer received the invoice; not before the issue date. */
  readonly receivedDate?: CalendarDate;
  /** When the goods or services were received. */
  readonly deliveryDate?: CalendarDate;
  /** End of an agreed acceptance or verification procedure (BE: at most 30 days in principle). */
  readonly acceptanceDate?: CalendarDate;
}

/**
 * What a due date was counted from, so a letter can explain it.
 *
 * @example
 * ```ts
 * const [first] = dueDates({ type: 'statutory-default' },
 *   { issueDate: '2025-03-01', receivedDate: '2025-03-03', deliveryDate: '2025-03-05', payable: '121' });
 * const event: DueDateEvent | undefined = first?.countedFrom.event; // "delivery"
 * ```
 */
export type DueDateEvent = 'issue' | 'receipt' | 'delivery' | 'acceptance' | 'end-of-month' | 'fixed-date';

/**
 * One due instalment, as returned by {@link dueDates} (a single-term invoice has exactly one,
 * for 100 %).
 *
 * @example
 * ```ts
 * const [due] = dueDates({ type: 'end-of-month', days: 30 }, { issueDate: '2025-03-12', payable: 121 });
 * // due: { sequence: 1, percent: 100, dueDate: "2025-04-30", amount: 121,
 * //        countedFrom: { date: "2025-03-31", event: "end-of-month", days: 30 } }
 * ```
 */
export interface DueInstalment {
  /** 1-based. */
  readonly sequence: number;
  readonly percent: Money;
  readonly dueDate: CalendarDate;
  /** This portion of the payable, whole cents; portions sum exactly to the payable. */
  readonly amount: Money;
  /** The day counting started from and why. */
  readonly countedFrom: { readonly date: CalendarDate; readonly event: DueDateEvent; readonly days: number };
}
