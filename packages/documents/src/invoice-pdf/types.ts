import type { CalendarDate, DiscountTerms, InvoiceInput, PenaltyClause } from '@fact/core';
import type { CompanyIdentity, PartyIdentity } from '../parties/types.js';
import type { DocumentLanguage } from '../text/locale.js';

/** The company's conditions printed on the invoice (algemene voorwaarden / conditions générales). */
export interface InvoiceConditions {
  /**
   * Late-payment interest: the statutory rate of the supplier's country (B2B: Law of 2 Aug 2002 /
   * art. 6:119a BW; consumers: the legal rate), or an agreed annual rate in percent.
   */
  readonly lateInterest?: { readonly basis: 'statutory' } | { readonly basis: 'contractual'; readonly ratePercent: string };
  /** B2B only: the €40 fixed compensation (BE) or the BIK scale with its €40 minimum (NL). */
  readonly recoveryCosts?: boolean;
  /** An agreed penalty clause (schadebeding / clause pénale), as `beB2bPenaltyClause` of `@fact/core` reads it. */
  readonly penalty?: PenaltyClause;
  /** Retention of title (eigendomsvoorbehoud / réserve de propriété). */
  readonly retentionOfTitle?: boolean;
  /** Further clauses, already in the invoice's language. */
  readonly additional?: readonly string[];
}

/** Everything an invoice PDF shows. Totals are computed from `invoice` by `@fact/core`. */
export interface InvoicePdfInput {
  /** The invoice as entered (lines, VAT categories, allowances); `invoice.vatCountry` is the supplier's law. */
  readonly invoice: InvoiceInput;
  readonly supplier: CompanyIdentity;
  readonly customer: PartyIdentity & { readonly kind: 'business' | 'consumer' };
  readonly language: DocumentLanguage;
  /** Date of the taxable event (supply), when it differs from the issue date. */
  readonly supplyDate?: CalendarDate;
  /** From `dueDates`/`finalDueDate` of `@fact/core`; required unless the invoice is a credit note. */
  readonly dueDate?: CalendarDate;
  /** Buyer reference or purchase order number. */
  readonly customerReference?: string;
  /** A Belgian OGM or an RF creditor reference, in any form; printed and put in the QR code. */
  readonly paymentReference?: string;
  /** The early-payment discount as worked out by `discountTerms` of `@fact/core`. */
  readonly discount?: DiscountTerms;
  readonly conditions?: InvoiceConditions;
  /** Free notes printed under the lines. */
  readonly notes?: readonly string[];
}
