import type { CalendarDate } from '../calendar/date.js';
import type { Country } from '../calendar/holidays.js';
import type { AmountInput, Money } from '../money/money.js';
import type { VatCategory } from '../vat/categories.js';
import type { InvoiceLanguage } from '../vat/exemption-reasons.js';
import type { VatRateTable } from '../vat/rates.js';

/**
 * What kind of document: a normal invoice, a credit note (creditnota / note de crédit) or a
 * deposit (voorschotfactuur / facture d'acompte).
 *
 * @example
 * ```ts
 * const kind: InvoiceKind = 'credit-note';
 * ledgerSign(kind); // -1: a credit note lowers what the debtor owes
 * ```
 */
export type InvoiceKind = 'invoice' | 'credit-note' | 'deposit';

/**
 * One invoice line (BG-25). All amounts excluding VAT; a line is never negative.
 *
 * @example
 * ```ts
 * const line: InvoiceLineInput = {
 *   description: 'Consultancy (hours)', quantity: 10, unitPrice: '95', lineAllowance: '50',
 *   vatCategory: 'S', vatRate: 21,
 * };
 * lineNetAmount(line).toFixed(2); // "900.00"
 * ```
 */
export interface InvoiceLineInput {
  /** BT-126; defaults to the 1-based position. Must be unique. */
  readonly id?: string;
  readonly description: string;
  /** BT-129; ≥ 0. */
  readonly quantity: AmountInput;
  /** Item net price BT-146, per `priceBaseQuantity` units; ≥ 0 (BR-27). */
  readonly unitPrice: AmountInput;
  /** BT-149; > 0, default 1. */
  readonly priceBaseQuantity?: AmountInput;
  /** Sum of line allowances BT-136 (≥ 0). */
  readonly lineAllowance?: AmountInput;
  /** Sum of line charges BT-141 (≥ 0). */
  readonly lineCharge?: AmountInput;
  readonly vatCategory: VatCategory;
  /** Percent, e.g. `21` or `'6'`. 0 for E, AE, K, G, O. */
  readonly vatRate: AmountInput;
}

/**
 * A document-level allowance (BG-20, `charge: false`, e.g. a loyalty discount) or charge (BG-21,
 * `charge: true`, e.g. shipping), taxed at its own VAT category and rate.
 *
 * @example
 * ```ts
 * const shipping: DocumentAllowanceCharge = {
 *   charge: true, amount: '25', reason: 'Shipping', vatCategory: 'S', vatRate: 21,
 * };
 * ```
 */
export interface DocumentAllowanceCharge {
  readonly charge: boolean;
  /** BT-92 / BT-99, ≥ 0, excluding VAT. */
  readonly amount: AmountInput;
  /** BT-97 / BT-104. */
  readonly reason: string;
  readonly vatCategory: VatCategory;
  readonly vatRate: AmountInput;
}

/**
 * A deposit invoice deducted on a final invoice, per VAT rate: its VAT was already charged on
 * the deposit invoice, so the final invoice deducts its taxable amount (a negative line with
 * quantity −1, as Peppol BIS does) instead of only a payment. See {@link depositDeductions}.
 *
 * @example
 * ```ts
 * // what depositDeductions() returns for deposit invoice D-1 of 300.00 + 21 % VAT
 * const deducted: DeductedDeposit = { invoiceNumber: 'D-1', vatCategory: 'S', vatRate: 21, taxableAmount: 300 };
 * ```
 */
export interface DeductedDeposit {
  /** The deposit invoice's number. */
  readonly invoiceNumber: string;
  readonly vatCategory: VatCategory;
  readonly vatRate: AmountInput;
  /** The deposit's taxable amount at this rate, > 0. */
  readonly taxableAmount: AmountInput;
}

/**
 * An invoice, credit note or deposit invoice, as entered. Amounts on the document are positive
 * (a credit note's sign comes from its `kind`). Input of {@link computeInvoiceTotals}.
 *
 * @example
 * ```ts
 * const creditNote: InvoiceInput = {
 *   kind: 'credit-note', number: 'C2025-004', issueDate: '2025-03-10', currency: 'EUR',
 *   vatCountry: 'NL', correctsInvoice: 'F2025-001',
 *   lines: [{ description: 'Returned chair', quantity: 2, unitPrice: '120', vatCategory: 'S', vatRate: 21 }],
 * };
 * computeInvoiceTotals(creditNote).payable.toFixed(2); // "290.40"
 * ```
 */
export interface InvoiceInput {
  readonly kind: InvoiceKind;
  /** BT-1. */
  readonly number: string;
  /** BT-2. */
  readonly issueDate: CalendarDate;
  /** Only EUR is supported. */
  readonly currency: 'EUR';
  /** Whose VAT rates apply (the supplier's VAT country). */
  readonly vatCountry: Country;
  /** Language of default exemption mentions; `nl` when absent. */
  readonly language?: InvoiceLanguage;
  readonly lines: readonly InvoiceLineInput[];
  readonly allowancesCharges?: readonly DocumentAllowanceCharge[];
  /** BT-113: already paid (e.g. a paid deposit without its own VAT invoice), with VAT. */
  readonly prepaidAmount?: AmountInput;
  /** For a credit note: the invoice number(s) it corrects (BT-25; NL-R-001). Required for credit notes. */
  readonly correctsInvoice?: string | readonly string[];
  /** Deposit invoices whose taxable amounts this final invoice deducts. */
  readonly deductedDeposits?: readonly DeductedDeposit[];
  /** Overrides of the default exemption mention per category (BT-120). */
  readonly exemptionReasons?: Readonly<Partial<Record<VatCategory, string>>>;
}

/**
 * Options of {@link computeInvoiceTotals}.
 *
 * @example
 * ```ts
 * // validate against your own table, e.g. with a rate change announced for next year
 * const options: InvoiceTotalsOptions = { vatRates: [...VAT_RATES] };
 * computeInvoiceTotals(invoice, options);
 * ```
 */
export interface InvoiceTotalsOptions {
  /** A VAT rate table to validate against instead of {@link VAT_RATES}. */
  readonly vatRates?: VatRateTable;
}

/**
 * One computed line of {@link InvoiceTotals}: its rounded net amount (BT-131). A deposit
 * deduction appears as a synthetic negative line.
 *
 * @example
 * ```ts
 * // the line a final invoice gets for deposit invoice D-1 (see depositDeductions)
 * const line: LineNet = { id: 'deposit:D-1:S:21', vatCategory: 'S', vatRate: money(21), net: money(-300), deductsDeposit: 'D-1' };
 * ```
 */
export interface LineNet {
  readonly id: string;
  readonly vatCategory: VatCategory;
  readonly vatRate: Money;
  readonly net: Money;
  /** Set on the synthetic line that deducts a deposit invoice. */
  readonly deductsDeposit?: string;
}

/**
 * One VAT breakdown entry (BG-23): the taxable amount and VAT of one category and rate
 * (btw-specificatie / ventilation de la TVA).
 *
 * @example
 * ```ts
 * // a Belgian invoice in French with a reverse-charged line of 950.00
 * const entry: VatBreakdownEntry = {
 *   category: 'AE', rate: money(0), taxableAmount: money('950'), vatAmount: money(0),
 *   exemptionReason: 'Autoliquidation – art. 51, § 2 CTVA',
 * };
 * ```
 */
export interface VatBreakdownEntry {
  readonly category: VatCategory;
  /** BT-119, percent. */
  readonly rate: Money;
  /** BT-116. */
  readonly taxableAmount: Money;
  /** BT-117, rounded to the cent once per category and rate. */
  readonly vatAmount: Money;
  /** BT-120, for E, AE, K, G, O. */
  readonly exemptionReason?: string;
}

/**
 * The document totals by EN 16931 (BG-22), as returned by {@link computeInvoiceTotals}. All
 * amounts are whole cents.
 *
 * @example
 * ```ts
 * const t: InvoiceTotals = computeInvoiceTotals({
 *   kind: 'invoice', number: 'F-10', issueDate: '2025-02-10', currency: 'EUR', vatCountry: 'BE',
 *   lines: [{ description: 'Chairs', quantity: 4, unitPrice: '80', vatCategory: 'S', vatRate: 21 }],
 *   allowancesCharges: [{ charge: false, amount: '20', reason: 'Loyalty discount', vatCategory: 'S', vatRate: 21 }],
 * });
 * t.taxExclusive.toFixed(2); // "300.00"
 * t.vatTotal.toFixed(2); // "63.00"
 * t.payable.toFixed(2); // "363.00"
 * ```
 */
export interface InvoiceTotals {
  readonly kind: InvoiceKind;
  readonly number: string;
  readonly issueDate: CalendarDate;
  readonly correctsInvoice: readonly string[];
  readonly lineNets: readonly LineNet[];
  /** BT-106 (BR-CO-10). */
  readonly sumOfLineNets: Money;
  /** BT-107 (BR-CO-11). */
  readonly allowanceTotal: Money;
  /** BT-108 (BR-CO-12). */
  readonly chargeTotal: Money;
  /** BT-109 (BR-CO-13). */
  readonly taxExclusive: Money;
  readonly vatBreakdown: readonly VatBreakdownEntry[];
  /** BT-110 (BR-CO-14). */
  readonly vatTotal: Money;
  /** BT-112 (BR-CO-15). */
  readonly taxInclusive: Money;
  /** BT-113. */
  readonly prepaid: Money;
  /** BT-115 (BR-CO-16). */
  readonly payable: Money;
}
