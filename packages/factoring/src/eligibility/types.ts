import type { CalendarDate, Money } from '@fact/core';
import type { ReasonCode } from './reasons.js';

/** One reason with the facts it rests on ("134 days old, limit 90"). */
export interface ReasonFinding {
  readonly code: ReasonCode;
  readonly detail: string;
  /** The amount this reason keeps out: the whole outstanding amount, or what a cap trimmed. */
  readonly amount: Money;
}

/**
 * The verdict on one invoice. `eligible` is what the factor buys: the outstanding amount, less
 * what contra and concentration trimmed, or zero.
 */
export interface InvoiceEligibility {
  readonly invoiceId: string;
  readonly number: string;
  readonly debtorId: string;
  readonly issueDate: CalendarDate;
  readonly dueDate: CalendarDate;
  readonly outstanding: Money;
  readonly eligible: Money;
  readonly status: 'eligible' | 'partial' | 'ineligible';
  /** Empty when the whole outstanding amount is eligible. */
  readonly reasons: readonly ReasonFinding[];
}

/** Per debtor: balance, what ageing and caps did to it. */
export interface DebtorEligibility {
  readonly debtorId: string;
  readonly name: string;
  readonly outstanding: Money;
  /** Eligible before contra and concentration. */
  readonly eligibleBeforeCaps: Money;
  readonly eligible: Money;
  /** Share (0–100) of the balance aged beyond the cross-ageing limit, two decimals. */
  readonly agedPercent: Money;
  readonly crossAged: boolean;
  /** Deducted because the debtor is also a supplier. */
  readonly contraDeducted: Money;
  /** The concentration cap that applied to this debtor, when there is one. */
  readonly concentrationCap?: Money;
}

/** The selection: every invoice with its verdict, per-debtor figures and totals. */
export interface EligibilityReport {
  readonly asOf: CalendarDate;
  readonly profileId: string;
  readonly batchId: string;
  readonly invoices: readonly InvoiceEligibility[];
  readonly debtors: readonly DebtorEligibility[];
  readonly totals: {
    readonly invoiceCount: number;
    readonly eligibleCount: number;
    readonly outstanding: Money;
    readonly eligible: Money;
    /** Outstanding amount kept out, per reason (an invoice with two reasons counts under both). */
    readonly ineligibleByReason: Readonly<Partial<Record<ReasonCode, Money>>>;
  };
}
