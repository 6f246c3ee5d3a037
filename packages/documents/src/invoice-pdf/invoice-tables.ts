import { money, type DiscountTerms, type InvoiceInput, type InvoiceTotals } from '@fact/core';
import type { Block } from '../layout/blocks.js';
import { formatMoney, formatNumber, formatPercent } from '../text/format-money.js';
import type { InvoiceTexts } from '../text/invoice-texts.js';
import type { DocumentLocale } from '../text/locale.js';

/**
 * The lines table: description, quantity, unit price (excl. VAT), VAT rate and line net, as
 * art. 35a Wet OB and KB nr. 1 art. 5 ask (reference.md §10). Deposit deductions follow.
 */
export function linesTable(invoice: InvoiceInput, totals: InvoiceTotals, t: InvoiceTexts, locale: DocumentLocale): Block {
  const rows = invoice.lines.map((line, i) => {
    const net = totals.lineNets[i]?.net ?? money(0);
    const base = line.priceBaseQuantity === undefined ? '' : ` / ${formatNumber(line.priceBaseQuantity, locale, 0, `invoice.lines[${i}].priceBaseQuantity`)}`;
    return [
      line.description,
      formatNumber(line.quantity, locale, 0, `invoice.lines[${i}].quantity`),
      `${formatMoneyExact(line.unitPrice, locale, `invoice.lines[${i}].unitPrice`)}${base}`,
      formatPercent(line.vatRate, locale, 0, `invoice.lines[${i}].vatRate`),
      formatMoney(net, locale),
    ];
  });
  for (const deduction of totals.lineNets.filter((l) => l.deductsDeposit !== undefined)) {
    rows.push([t.depositDeduction(deduction.deductsDeposit ?? ''), '-1', '', formatPercent(deduction.vatRate, locale), formatMoney(deduction.net, locale)]);
  }
  return {
    kind: 'table',
    columns: [
      { header: t.columns.description, weight: 9 },
      { header: t.columns.quantity, weight: 2, align: 'right' },
      { header: t.columns.unitPrice, weight: 3, align: 'right' },
      { header: t.columns.vatRate, weight: 2, align: 'right' },
      { header: t.columns.net, weight: 3.4, align: 'right' },
    ],
    rows,
  };
}

/** A unit price may carry more than two decimals; print all of them, with the euro sign. */
function formatMoneyExact(value: InvoiceInput['lines'][number]['unitPrice'], locale: DocumentLocale, field: string): string {
  const amount = money(value, field);
  if (amount.decimalPlaces() <= 2) return formatMoney(amount, locale, field);
  const number = formatNumber(amount, locale, 2, field);
  return locale === 'en' ? `€${number}` : locale === 'nl-NL' ? `€\u00a0${number}` : `${number}\u00a0€`;
}

/** Base and VAT per category and rate (BG-23), with the exemption mention where no VAT is charged, and the totals. */
export function vatTable(totals: InvoiceTotals, t: InvoiceTexts, locale: DocumentLocale, discount?: DiscountTerms): Block {
  // Belgian practice (KB nr. 1 art. 28): with VAT on the discounted base, the taxable amount of
  // each rate is the base after the discount and the VAT is core's VAT on that base.
  const discounted = discount?.vatMode === 'on-discounted-base' ? discount : undefined;
  const rows = totals.vatBreakdown.map((entry, i) => {
    const share = discounted?.perCategory[i];
    return [
      entry.category === 'S' ? formatPercent(entry.rate, locale) : `${formatPercent(entry.rate, locale)} (${entry.category})`,
      formatMoney(share ? entry.taxableAmount.minus(share.baseDiscount) : entry.taxableAmount, locale),
      formatMoney(share ? share.vatOnDiscountedBase : entry.vatAmount, locale),
      entry.exemptionReason ?? '',
    ];
  });
  const vatTotal = discounted ? discounted.invoiceVatTotal : totals.vatTotal;
  const taxInclusive = discounted ? totals.taxExclusive.plus(vatTotal) : totals.taxInclusive;
  const sums: string[][] = [];
  if (!totals.allowanceTotal.isZero()) sums.push([t.allowance, formatMoney(totals.allowanceTotal.negated(), locale), '', '']);
  if (!totals.chargeTotal.isZero()) sums.push([t.charge, formatMoney(totals.chargeTotal, locale), '', '']);
  sums.push([t.totalExclVat, formatMoney(totals.taxExclusive, locale), '', '']);
  sums.push([t.totalVat, '', formatMoney(vatTotal, locale), '']);
  sums.push([t.totalInclVat, formatMoney(taxInclusive, locale), '', '']);
  if (!totals.prepaid.isZero()) sums.push([t.prepaid, formatMoney(totals.prepaid.negated(), locale), '', '']);
  sums.push([t.payable, formatMoney(discounted ? discounted.payableIfLate : totals.payable, locale), '', '']);
  return {
    kind: 'table',
    columns: [
      { header: t.vatColumns.rate, weight: 3.4 },
      { header: t.vatColumns.base, weight: 3, align: 'right' },
      { header: t.vatColumns.vat, weight: 2.6, align: 'right' },
      { header: t.vatColumns.mention, weight: 7 },
    ],
    rows,
    totals: sums,
  };
}
