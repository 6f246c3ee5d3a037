import { daysBetween, type CalendarDate } from '../calendar/date.js';
import type { Country } from '../calendar/holidays.js';
import { fail } from '../errors/fail.js';
import { finalDueDate } from './due-dates.js';
import { PAYMENT_TERM_CAPS, type DebtorKind, type PaymentTermCap } from './legal-caps.js';
import type { DueDateContext, PaymentTerms } from './types.js';

/**
 * The parties and dates, for {@link checkTermsAgainstLaw}.
 *
 * @example
 * ```ts
 * const context: TermsLawContext = {
 *   country: 'NL', debtorKind: 'business', largeToSme: true, issueDate: '2025-03-01', receivedDate: '2025-03-03',
 * };
 * ```
 */
export interface TermsLawContext extends DueDateContext {
  readonly country: Country;
  readonly debtorKind: DebtorKind;
  /** NL: a large company pays an SME or sole trader (art. 6:119a lid 5 BW). Default false. */
  readonly largeToSme?: boolean;
}

/**
 * A legal limit an agreed term goes beyond. A value, not an error: the invoice can still be sent.
 *
 * @example
 * ```ts
 * const [w] = checkTermsAgainstLaw({ type: 'net', days: 90 },
 *   { country: 'NL', debtorKind: 'business', largeToSme: true, issueDate: '2025-03-01', receivedDate: '2025-03-03' });
 * // w: { code: "TERM_EXCEEDS_LEGAL_MAXIMUM", capId: "NL-LARGE-TO-SME-60", severity: "violation",
 * //      maxDays: 60, termDays: 88, dueDate: "2025-05-30", unconfirmed: false, … }
 * ```
 */
export interface TermsWarning {
  readonly code: 'TERM_EXCEEDS_LEGAL_MAXIMUM' | 'TERM_NEEDS_FAIRNESS_REVIEW';
  readonly capId: string;
  readonly severity: PaymentTermCap['severity'];
  readonly maxDays: number;
  /** Days from receipt of the invoice (or the issue date when receipt is unknown) to the last due date. */
  readonly termDays: number;
  readonly dueDate: CalendarDate;
  readonly consequence: string;
  readonly source: string;
  readonly unconfirmed: boolean;
  readonly note?: string;
}

const KINDS: readonly DebtorKind[] = ['business', 'consumer', 'public'];

/**
 * Warns when agreed payment terms go beyond a legal maximum: Belgian B2B terms over 60 days
 * (since 1 Feb 2022), Dutch large-company-to-SME terms over 60 days (void, becomes 30), other
 * Dutch B2B terms over 60 days (only if not grossly unfair), public authorities over 30 days.
 * Consumers have no statutory cap. The statutory default itself never warns.
 *
 * The term is counted from receipt of the invoice when known, else from the issue date, which
 * can only overstate it: a warning is then conservative.
 *
 * @example
 * ```ts
 * checkTermsAgainstLaw({ type: 'net', days: 90 }, { country: 'BE', debtorKind: 'business', issueDate: '2025-03-01' });
 * // [{ code: 'TERM_EXCEEDS_LEGAL_MAXIMUM', capId: 'BE-B2B-60', maxDays: 60, termDays: 90, … }]
 * ```
 */
export function checkTermsAgainstLaw(
  terms: PaymentTerms,
  context: TermsLawContext,
  caps: readonly PaymentTermCap[] = PAYMENT_TERM_CAPS,
): TermsWarning[] {
  if (context === null || typeof context !== 'object') return fail('INVALID_ARGUMENT', 'context', 'expected { country, debtorKind, issueDate }');
  if (context.country !== 'BE' && context.country !== 'NL') fail('INVALID_ARGUMENT', 'country', `${JSON.stringify(context.country)} is not BE or NL`);
  if (!KINDS.includes(context.debtorKind)) fail('INVALID_ARGUMENT', 'debtorKind', `${JSON.stringify(context.debtorKind)} is not one of ${KINDS.join(', ')}`);
  if (context.largeToSme !== undefined && typeof context.largeToSme !== 'boolean') fail('INVALID_ARGUMENT', 'largeToSme', 'must be true or false');

  const dueDate = finalDueDate(terms, context);
  if (terms.type === 'statutory-default' || context.debtorKind === 'consumer') return [];
  const from = context.receivedDate ?? context.issueDate;
  const termDays = Math.max(0, daysBetween(from, dueDate));
  const relation = context.largeToSme === true ? 'large-to-sme' : 'other';

  return caps
    .filter(
      (c) =>
        c.country === context.country &&
        c.debtorKind === context.debtorKind &&
        (c.relation === 'all' || c.relation === relation) &&
        c.validFrom <= context.issueDate &&
        (c.validTo === undefined || context.issueDate <= c.validTo) &&
        termDays > c.maxDays,
    )
    .map((c) => {
      const warning: TermsWarning = {
        code: c.severity === 'violation' ? 'TERM_EXCEEDS_LEGAL_MAXIMUM' : 'TERM_NEEDS_FAIRNESS_REVIEW',
        capId: c.id,
        severity: c.severity,
        maxDays: c.maxDays,
        termDays,
        dueDate,
        consequence: c.consequence,
        source: c.source,
        unconfirmed: c.unconfirmed === true,
      };
      return c.note === undefined ? warning : { ...warning, note: c.note };
    });
}
