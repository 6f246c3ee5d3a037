// The factor profile as data: what one factor buys and on which terms (other-systems.md §3.2).
import { isValidIban } from '@fact/core';
import { z } from 'zod';
import { amountField, daysField, idField, percentField } from '../input/zod-fields.js';

const country = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 country code such as "BE"');

/** The zod schema of a factor profile (format version 1). Parse it with {@link parseFactorProfile}. */
export const factorProfileSchema = z.strictObject({
  formatVersion: z.literal(1, { error: 'expected 1 (the profile format this version reads)' }),
  id: idField,
  name: idField,
  factor: z.strictObject({
    name: idField,
    iban: z.string({ error: 'expected an IBAN' }).refine(isValidIban, 'not a valid IBAN (country, length and check digits)'),
    bic: z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'expected an 8- or 11-character BIC').optional(),
    address: z.string().min(1).optional(),
    email: z.string().min(3).optional(),
  }),
  /** Open (openbare cessie / cession notifiée): the debtor is told to pay the factor. Silent: not told. */
  assignment: z.enum(['open', 'silent'], { error: 'expected "open" or "silent"' }),
  /** Share of the eligible amount paid out at purchase (voorschot / avance). */
  advancePercent: percentField,
  /** Factoring commission as a share of the eligible amount. */
  feePercent: percentField,
  /** A fixed fee per invoice bought, in euro. */
  fixedFeePerInvoice: amountField.optional(),
  /** Days from the invoice date after which an invoice is too old. */
  maxInvoiceAgeDays: daysField,
  /** Days past the due date after which an invoice is ineligible. */
  maxDaysPastDue: daysField,
  minAmount: amountField.optional(),
  maxAmount: amountField.optional(),
  concentration: z
    .strictObject({
      capPercent: percentField,
      /** `batch`: of the eligible amount sold in this batch; `book`: of the seller's whole open book. */
      of: z.enum(['batch', 'book'], { error: 'expected "batch" or "book"' }),
    })
    .optional(),
  crossAgeing: z
    .strictObject({
      /** More than this share of a debtor's balance aged over `overDays` makes the whole balance ineligible. */
      thresholdPercent: percentField,
      overDays: daysField,
      measuredFrom: z.enum(['invoice-date', 'due-date'], { error: 'expected "invoice-date" or "due-date"' }),
    })
    .optional(),
  /** Debtor ids or VAT numbers the factor does not buy. */
  excludedDebtors: z.array(idField).default([]),
  excludedCountries: z.array(country).default([]),
  businessDebtorsOnly: z.boolean({ error: 'expected true or false' }).default(true),
  ublRequired: z.boolean({ error: 'expected true or false' }).default(false),
  /** When an assigned invoice still unpaid is offered back to the seller (terugkoop / rachat). */
  recourse: z.strictObject({
    days: daysField,
    from: z.enum(['due-date', 'invoice-date', 'assignment'], { error: 'expected "due-date", "invoice-date" or "assignment"' }),
  }),
});
