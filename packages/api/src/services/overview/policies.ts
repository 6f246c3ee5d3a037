import {
  createPortfolioEvaluator,
  DEFAULT_DUNNING_POLICIES,
  parsePolicy,
  type CalendarDate,
  type Country,
  type DunningPolicy,
  type PortfolioEvaluator,
  type RateTable,
} from '@fact/core';

/** A debtor's kind, which picks the dunning policy (B2B or B2C) and the statutory rate. */
export type DebtorKind = 'business' | 'consumer';

/**
 * The dunning policy of a company for one kind of debtor: its own (stored as
 * `{ business?: policy, consumer?: policy }` in `companies.dunning_policy`, checked by
 * @fact/core's parsePolicy) or the default of its country. The same choice the dunning plan
 * makes, so "reminders due" on the dashboard and the plan agree.
 *
 * @example
 * ```ts
 * companyPolicy('BE', null, 'business'); // BE_B2B_POLICY
 * ```
 */
export function companyPolicy(country: Country, stored: Record<string, unknown> | null, kind: DebtorKind): DunningPolicy {
  const own = stored?.[kind];
  if (own) return parsePolicy(own);
  return DEFAULT_DUNNING_POLICIES[`${country}-${kind === 'business' ? 'B2B' : 'B2C'}`];
}

/**
 * The overview reports no interest, only status and next reminder, which do not depend on the
 * rate. A zero rate over all time keeps the evaluator from needing a published rate for every
 * day up to the as-of date (the statutory tables end with the last published half-year).
 */
const NO_INTEREST: RateTable = Object.freeze({
  id: 'overview-no-interest',
  name: 'No interest (dashboard status and next reminder only)',
  jurisdiction: 'contract',
  kind: 'contractual',
  publication: 'fixed',
  entries: Object.freeze([{ from: '1900-01-01', rate: '0', source: 'not a legal rate: the dashboard reports no interest' }]),
});

/**
 * One portfolio evaluator per kind of debtor of a company, as of a date: the policy decides the
 * next reminder. No interest is computed (see NO_INTEREST).
 *
 * @example
 * ```ts
 * const evaluators = companyEvaluators('NL', null, '2026-11-20');
 * evaluators.business.evaluate({ dueDate: '2026-10-01', amountCents: 12_100 }).next;
 * ```
 */
export function companyEvaluators(country: Country, stored: Record<string, unknown> | null, asOf: CalendarDate): Record<DebtorKind, PortfolioEvaluator> {
  const make = (kind: DebtorKind) => createPortfolioEvaluator({ asOf, rateTable: NO_INTEREST, method: 'simple', policy: companyPolicy(country, stored, kind) });
  return { business: make('business'), consumer: make('consumer') };
}
