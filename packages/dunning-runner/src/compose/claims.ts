import {
  addDays,
  bikAmount,
  bookXixDamagesCap,
  lateInterest,
  money,
  statutoryInterestBasis,
  sumMoney,
  type CalendarDate,
  type DunningAction,
  type Money,
  type StatutoryRateTables,
} from '@fact/core';
import { publishedRates } from '../settings/published-rates.js';

/** One claim with its amount, as printed in the letter and stored in the dunning event. */
export interface PricedClaim {
  kind: 'interest' | 'fixed-compensation' | 'bik' | 'damages' | 'reminder-fee';
  mode: 'claim' | 'announce';
  amount: string;
  /** Per-invoice claims name their invoice. */
  itemId?: string;
  legalBasis: string;
}

/** The interest statement of one invoice (lateInterest segments). */
export interface PricedInterest {
  itemId: string;
  segments: { from: string; to: string; days: number; base: string; ratePercent: string; amount: string }[];
  total: string;
}

/** Everything a letter claims, and why. */
export interface PricedClaims {
  claims: PricedClaim[];
  interest: PricedInterest[];
  /** What the debtor owes with this letter: principal to remind + claimed (not announced) amounts. */
  total: string;
}

/**
 * Puts amounts on the claims the planner included: interest per invoice by `lateInterest` at the
 * statutory rate of the policy's law (segments kept for the statement), the €40 per invoice, BIK
 * by `bikAmount` on the principal, Book XIX damages by `bookXixDamagesCap`, a reminder fee as
 * given. Blocked claims (a legal gate withheld them) are left out.
 *
 * @example
 * ```ts
 * const priced = priceClaims(action, { country: 'BE', debtorKind: 'business', dueDates: { 'inv-1': '2025-03-31' } });
 * ```
 */
export function priceClaims(
  action: DunningAction,
  ctx: { country: 'BE' | 'NL'; debtorKind: 'business' | 'consumer'; dueDates: Record<string, CalendarDate>; rateTables?: StatutoryRateTables },
): PricedClaims {
  // Rates published since this release (FACT_RATES_FILE) unless the caller gives its own tables.
  const rateTables = ctx.rateTables ?? publishedRates();
  const asOf = action.facts.asOf;
  const toRemind = new Map(action.facts.items.map((f) => [f.itemId, money(f.amountToRemind)]));
  const principal = sumMoney([...toRemind.values()]);
  const claims: PricedClaim[] = [];
  const interest: PricedInterest[] = [];
  for (const c of action.claims) {
    if (c.status !== 'included') continue;
    if (c.kind === 'interest') {
      const basis = statutoryInterestBasis(ctx.country, ctx.debtorKind, rateTables ? { rateTables } : {});
      for (const itemId of c.itemIds) {
        const fact = action.facts.items.find((f) => f.itemId === itemId);
        const base = toRemind.get(itemId);
        if (!fact || !base || base.lessThanOrEqualTo(0)) continue;
        // B2C interest runs only once the waiting period of the gate ended (Book XIX, 6:96 BW).
        const from = c.accrualStart === 'day-after-due-date' ? (ctx.dueDates[itemId] ?? fact.dueDate) : gateStart(fact, asOf);
        if (from >= asOf) continue;
        const r = lateInterest({ principal: base.toFixed(2), dueDate: from, until: asOf, rateTable: basis.table, method: basis.method });
        interest.push({
          itemId,
          total: r.total.toFixed(2),
          segments: r.segments.map((s) => ({ from: s.from, to: s.to, days: s.days, base: s.base.toFixed(2), ratePercent: s.ratePercent, amount: s.amount.toFixed(2) })),
        });
        claims.push({ kind: 'interest', mode: c.mode, amount: r.total.toFixed(2), itemId, legalBasis: c.legalBasis });
      }
    } else if (c.kind === 'fixed-compensation' || (c.kind === 'reminder-fee' && c.per === 'invoice')) {
      for (const itemId of c.itemIds) claims.push({ kind: c.kind, mode: c.mode, amount: money(c.amount ?? '40').toFixed(2), itemId, legalBasis: c.legalBasis });
    } else if (c.kind === 'bik') {
      claims.push({ kind: 'bik', mode: c.mode, amount: bikAmount(principal.toFixed(2)).toFixed(2), legalBasis: c.legalBasis });
    } else if (c.kind === 'damages') {
      claims.push({ kind: 'damages', mode: c.mode, amount: bookXixDamagesCap(principal.toFixed(2)).amount.toFixed(2), legalBasis: c.legalBasis });
    } else {
      claims.push({ kind: c.kind, mode: c.mode, amount: money(c.amount ?? '0').toFixed(2), legalBasis: c.legalBasis });
    }
  }
  const claimed: Money[] = claims.filter((c) => c.mode === 'claim').map((c) => money(c.amount));
  return { claims, interest, total: principal.plus(sumMoney(claimed)).toFixed(2) };
}

/** The last day before interest runs for a gated (B2C) claim: the day before the gate opened. */
function gateStart(fact: DunningAction['facts']['items'][number], asOf: CalendarDate): CalendarDate {
  const open = fact.gates.map((g) => g.claimableFrom).filter((d): d is CalendarDate => d !== undefined).sort().pop();
  return open ? addDays(open, -1) : asOf;
}
