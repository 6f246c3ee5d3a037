import { fail } from '../errors/fail.js';
import { Dec } from '../money/decimal.js';
import { roundCents, sumMoney, type AmountInput, type Money } from '../money/money.js';
import { needsExemptionReason, parseVatCategory, VAT_CATEGORIES, type VatCategory } from '../vat/categories.js';
import { defaultExemptionReason } from '../vat/exemption-reasons.js';
import { checkVatRate, VAT_RATES } from '../vat/rates.js';
import { checkHeader, requireText, wholeCents, type InvoiceHeader } from './header.js';
import { lineNetAmount } from './line-net.js';
import type { InvoiceInput, InvoiceTotals, InvoiceTotalsOptions, LineNet, VatBreakdownEntry } from './types.js';

interface Group {
  category: VatCategory;
  rate: Money;
  /** Where the group was first seen, for error messages. */
  field: string;
  taxable: Money;
  /** The last allowance or deposit deduction applied, blamed when the group turns negative. */
  reducedBy?: string;
}

/**
 * Computes the totals of an invoice, credit note or deposit invoice by the EN 16931 rules, with
 * every input checked first. Amounts are rounded at two named points only: each line net
 * (BT-131) and each VAT amount per category and rate (BT-117). Everything else is an exact sum
 * of rounded figures, so the document always adds up.
 *
 * A final invoice deducts a deposit in one of two ways:
 * - `prepaidAmount` (BT-113): the deposit was a mere payment; VAT is on the full final invoice.
 * - `deductedDeposits`: a deposit invoice already charged its VAT; its taxable amount per rate
 *   is deducted as a negative line, so the final invoice charges only the remaining VAT. Build
 *   them from the deposit's totals with {@link depositDeductions}.
 *
 * Throws `FactError` naming the field: `INVALID_QUANTITY`, `INVALID_AMOUNT`,
 * `UNKNOWN_VAT_CATEGORY`, `INVALID_VAT_RATE`, `INVALID_INVOICE`, `DUPLICATE_ID`,
 * `UNSUPPORTED_CURRENCY`, `RATE_TABLE_GAP`.
 *
 * @example
 * ```ts
 * const t = computeInvoiceTotals({
 *   kind: 'invoice', number: 'F2025-001', issueDate: '2025-03-01', currency: 'EUR', vatCountry: 'BE',
 *   lines: [
 *     { description: 'Consultancy', quantity: 10, unitPrice: '95', vatCategory: 'S', vatRate: 21 },
 *     { description: 'Book', quantity: 1, unitPrice: '40', vatCategory: 'S', vatRate: 6 },
 *   ],
 * });
 * t.vatTotal.toFixed(2); // "201.90" (199.50 + 2.40)
 * t.payable.toFixed(2); // "1191.90"
 * ```
 */
export function computeInvoiceTotals(input: InvoiceInput, options: InvoiceTotalsOptions = {}): InvoiceTotals {
  const header = checkHeader(input);
  const table = options.vatRates ?? VAT_RATES;
  const groups = new Map<string, Group>();
  const groupOf = (category: VatCategory, rate: Money, field: string): Group => {
    const key = `${category}|${rate.toString()}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { category, rate, field, taxable: new Dec(0) };
      groups.set(key, g);
    }
    return g;
  };
  const rateOf = (value: AmountInput, category: VatCategory, field: string) =>
    checkVatRate(header.vatCountry, category, value, header.issueDate, field, table);

  // Lines (BG-25), each net rounded once.
  const lineNets: LineNet[] = [];
  const ids = new Set<string>();
  input.lines.forEach((line, i) => {
    const field = `lines[${i}]`;
    requireText(line.description, `${field}.description`);
    const id = line.id === undefined ? String(i + 1) : requireText(line.id, `${field}.id`);
    if (ids.has(id)) fail('DUPLICATE_ID', `${field}.id`, `line id "${id}" is used twice`);
    ids.add(id);
    const category = parseVatCategory(line.vatCategory, `${field}.vatCategory`);
    const rate = rateOf(line.vatRate, category, `${field}.vatRate`);
    const net = lineNetAmount(line, field);
    lineNets.push({ id, vatCategory: category, vatRate: rate, net });
    const g = groupOf(category, rate, field);
    g.taxable = g.taxable.plus(net);
  });

  // Deposit invoices deducted on a final invoice: negative lines per rate (quantity −1).
  (input.deductedDeposits ?? []).forEach((d, i) => {
    const field = `deductedDeposits[${i}]`;
    const number = requireText(d.invoiceNumber, `${field}.invoiceNumber`);
    const category = parseVatCategory(d.vatCategory, `${field}.vatCategory`);
    const rate = rateOf(d.vatRate, category, `${field}.vatRate`);
    const amount = wholeCents(d.taxableAmount, `${field}.taxableAmount`);
    if (amount.isZero()) fail('INVALID_AMOUNT', `${field}.taxableAmount`, 'must be greater than 0');
    const id = `deposit:${number}:${category}:${rate.toString()}`;
    if (ids.has(id)) fail('DUPLICATE_ID', field, `deposit ${number} at ${category} ${rate.toString()} % is deducted twice`);
    ids.add(id);
    lineNets.push({ id, vatCategory: category, vatRate: rate, net: amount.negated(), deductsDeposit: number });
    const g = groupOf(category, rate, field);
    g.taxable = g.taxable.minus(amount);
    g.reducedBy = field;
  });

  // Document-level allowances (BG-20) and charges (BG-21).
  let allowanceTotal: Money = new Dec(0);
  let chargeTotal: Money = new Dec(0);
  (input.allowancesCharges ?? []).forEach((ac, i) => {
    const field = `allowancesCharges[${i}]`;
    if (typeof ac.charge !== 'boolean') fail('INVALID_INVOICE', `${field}.charge`, 'must be true (charge) or false (allowance)');
    requireText(ac.reason, `${field}.reason`);
    const amount = wholeCents(ac.amount, `${field}.amount`);
    const category = parseVatCategory(ac.vatCategory, `${field}.vatCategory`);
    const rate = rateOf(ac.vatRate, category, `${field}.vatRate`);
    const g = groupOf(category, rate, field);
    g.taxable = ac.charge ? g.taxable.plus(amount) : g.taxable.minus(amount);
    if (!ac.charge) g.reducedBy = field;
    if (ac.charge) chargeTotal = chargeTotal.plus(amount);
    else allowanceTotal = allowanceTotal.plus(amount);
  });

  const vatBreakdown = breakdown(groups, header, input);
  // BR-CO-10: BT-106 = Σ BT-131.
  const sumOfLineNets = sumMoney(lineNets.map((l) => l.net));
  // BR-CO-13: BT-109 = BT-106 − BT-107 + BT-108.
  const taxExclusive = sumOfLineNets.minus(allowanceTotal).plus(chargeTotal);
  // BR-CO-14: BT-110 = Σ BT-117.
  const vatTotal = sumMoney(vatBreakdown.map((v) => v.vatAmount));
  // BR-CO-15: BT-112 = BT-109 + BT-110.
  const taxInclusive = taxExclusive.plus(vatTotal);
  const prepaid = wholeCents(input.prepaidAmount, 'prepaidAmount', new Dec(0));
  if (prepaid.greaterThan(taxInclusive)) {
    fail('INVALID_AMOUNT', 'prepaidAmount', `${prepaid.toFixed(2)} exceeds the total with VAT ${taxInclusive.toFixed(2)}`);
  }
  // BR-CO-16: BT-115 = BT-112 − BT-113 (no rounding amount BT-114 in EUR).
  const payable = taxInclusive.minus(prepaid);

  return {
    kind: header.kind,
    number: header.number,
    issueDate: header.issueDate,
    correctsInvoice: header.correctsInvoice,
    lineNets,
    sumOfLineNets,
    allowanceTotal,
    chargeTotal,
    taxExclusive,
    vatBreakdown,
    vatTotal,
    taxInclusive,
    prepaid,
    payable,
  };
}

function breakdown(groups: Map<string, Group>, header: InvoiceHeader, input: InvoiceInput): VatBreakdownEntry[] {
  const all = [...groups.values()];
  // BR-O-11: an invoice with category O (outside scope) has no other VAT category.
  const outside = all.find((g) => g.category === 'O');
  const other = all.find((g) => g.category !== 'O');
  if (outside !== undefined && other !== undefined) {
    fail('INVALID_INVOICE', `${outside.field}.vatCategory`, `category O cannot be mixed with ${other.category} on one document (BR-O-11)`);
  }
  const overrides = input.exemptionReasons ?? {};
  for (const [cat, text] of Object.entries(overrides)) {
    const category = parseVatCategory(cat, `exemptionReasons.${cat}`);
    requireText(text, `exemptionReasons.${category}`);
  }
  return all
    .sort((a, b) => VAT_CATEGORIES.indexOf(a.category) - VAT_CATEGORIES.indexOf(b.category) || b.rate.comparedTo(a.rate))
    .map((g) => {
      // BR-S-08 and siblings: BT-116 = Σ line nets + charges − allowances of this category and rate.
      if (g.taxable.isNegative() && !g.taxable.isZero()) {
        fail('INVALID_AMOUNT', g.reducedBy ?? g.field, `allowances or deductions make the ${g.category} ${g.rate.toString()} % taxable amount negative (${g.taxable.toFixed(2)})`);
      }
      const taxableAmount = g.taxable.isZero() ? new Dec(0) : g.taxable;
      // Rounding point 2, BR-CO-17: BT-117 = BT-116 × BT-119 ÷ 100, rounded to the cent once per category and rate.
      const vatAmount = roundCents(taxableAmount.times(g.rate).dividedBy(100));
      const exemptionReason = needsExemptionReason(g.category)
        ? (overrides[g.category]?.trim() ?? defaultExemptionReason(header.vatCountry, g.category, header.language))
        : undefined;
      return exemptionReason === undefined
        ? { category: g.category, rate: g.rate, taxableAmount, vatAmount }
        : { category: g.category, rate: g.rate, taxableAmount, vatAmount, exemptionReason };
    });
}
