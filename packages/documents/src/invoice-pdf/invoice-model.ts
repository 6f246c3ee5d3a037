import { computeInvoiceTotals, parsePaymentReference, type InvoiceTotals } from '@fact/core';
import { fail } from '../errors.js';
import type { Block, DocumentModel } from '../layout/blocks.js';
import { companyFooter, partyLines } from '../parties/party-lines.js';
import { countryName } from '../text/countries.js';
import { formatDate } from '../text/format-date.js';
import { invoiceTexts } from '../text/invoice-texts.js';
import { documentLocale, parseLanguage } from '../text/locale.js';
import { conditionBlocks } from './invoice-conditions.js';
import { paymentBlocks } from './invoice-payment.js';
import { linesTable, vatTable } from './invoice-tables.js';
import type { InvoicePdfInput } from './types.js';

/** Checks the mentions the law requires of the parties (reference.md §10) before anything is drawn. */
function checkLegalMentions(input: InvoicePdfInput): void {
  const country = input.invoice.vatCountry;
  if (!input.supplier.vatNumber) fail('INVALID_ARGUMENT', 'supplier.vatNumber', `the supplier's VAT number is a required invoice mention (${country === 'NL' ? 'art. 35a Wet OB' : 'KB nr. 1 art. 5'})`);
  if (country === 'NL' && !input.supplier.kvkNumber) fail('INVALID_ARGUMENT', 'supplier.kvkNumber', 'a Dutch invoice must show the KvK number (art. 35a Wet OB)');
  const reverse = input.invoice.lines.some((l) => l.vatCategory === 'AE' || l.vatCategory === 'K');
  if (reverse && !input.customer.vatNumber) {
    fail('INVALID_ARGUMENT', 'customer.vatNumber', "the customer's VAT number is required when VAT is reverse-charged or the supply is intra-Community");
  }
}

/**
 * Builds the document model of an invoice: parties with their identifiers, the invoice facts,
 * the lines with unit prices, base and VAT per rate with exemption mentions, totals, the
 * payment block with the EPC QR code and structured reference, and the conditions. The
 * totals come from `computeInvoiceTotals` of `@fact/core`, so what is printed is what is booked.
 *
 * Throws `FactError` naming the field: a missing legal mention (`supplier.vatNumber`,
 * `supplier.kvkNumber`, `customer.vatNumber`), a missing `dueDate`, a discount computed from
 * other totals, and anything core refuses in the invoice itself.
 *
 * @example
 * ```ts
 * const model = invoiceModel(input);
 * model.title; // "Factuur 2025-0042"
 * ```
 */
export function invoiceModel(input: InvoicePdfInput): DocumentModel & { readonly totals: InvoiceTotals } {
  const language = parseLanguage(input.language, 'language');
  checkLegalMentions(input);
  const totals = computeInvoiceTotals({ ...input.invoice, language });
  const locale = documentLocale(language, input.invoice.vatCountry);
  const t = invoiceTexts(language);
  const country = (code: string) => countryName(code, language);

  const facts: [string, string][] = [
    [t.number, totals.number],
    [t.issueDate, formatDate(totals.issueDate, locale, 'short', 'invoice.issueDate')],
  ];
  if (input.supplyDate && input.supplyDate !== totals.issueDate) facts.push([t.supplyDate, formatDate(input.supplyDate, locale, 'short', 'supplyDate')]);
  if (input.dueDate && totals.kind !== 'credit-note') facts.push([t.dueDate, formatDate(input.dueDate, locale, 'short', 'dueDate')]);
  if (input.customerReference) facts.push([t.customerReference, input.customerReference]);
  if (totals.correctsInvoice.length > 0) facts.push([t.correctsInvoice, totals.correctsInvoice.join(', ')]);
  if (input.paymentReference) facts.push([t.paymentReference, parsePaymentReference(input.paymentReference, 'paymentReference').printed]);

  const blocks: Block[] = [
    {
      kind: 'parties',
      leftTitle: t.supplier,
      left: partyLines(input.supplier, t, 'supplier', country),
      rightTitle: t.customer,
      right: partyLines(input.customer, t, 'customer', country),
    },
    { kind: 'title', text: `${t.title[totals.kind]} ${totals.number}` },
    { kind: 'facts', rows: facts },
    linesTable(input.invoice, totals, t, locale),
    ...(input.notes ?? []).map((text) => ({ kind: 'paragraph', text }) as const),
    { kind: 'heading', text: t.vatSummary },
    vatTable(totals, t, locale, input.discount),
    ...paymentBlocks(input, totals, t, locale),
  ];
  const conditions = conditionBlocks(input, locale);
  if (conditions.length > 0) blocks.push({ kind: 'heading', text: t.conditions }, ...conditions);

  return {
    title: `${t.title[totals.kind]} ${totals.number}`,
    author: input.supplier.name,
    subject: `${t.title[totals.kind]} ${totals.number} – ${input.customer.name}`,
    language: locale === 'en' ? 'en' : locale,
    date: totals.issueDate,
    blocks,
    footer: companyFooter(input.supplier, t),
    pageLabel: t.page,
    totals,
  };
}
