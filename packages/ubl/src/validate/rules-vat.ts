import { Dec, ZERO, roundCents, type Money } from '@fact/core';
import type { UblDocument, UblTaxCategory } from '../model.js';
import { finding, paths, type UblFinding } from './finding.js';

/** Categories whose rate must be 0 and whose VAT amount is 0 (BR-Z/E/AE/K/G/O-05, -09). */
const ZERO_RATED = new Set(['Z', 'E', 'AE', 'K', 'G', 'O']);
/** Categories that need an exemption reason text or code in the breakdown (BR-E-10, BR-AE-10, BR-K-10, BR-G-10, BR-O-10). */
const NEEDS_REASON = new Set(['E', 'AE', 'K', 'G', 'O']);

const key = (c: UblTaxCategory | undefined): string => `${c?.id ?? '?'}|${c?.percent?.toString() ?? ''}`;
const rateOf = (c: UblTaxCategory | undefined): Money => c?.percent ?? ZERO;

/**
 * VAT category rules, the basics of EN 16931 BR-S, BR-Z, BR-E, BR-AE (and K, G, O): a breakdown
 * per category used (BR-CO-18, BR-x-01), the seller's VAT identifier where the category needs
 * it (BR-S/Z/E/AE-02), rates (BR-S-05, BR-x-05), taxable amount per category and rate
 * (BR-x-08), VAT amount (BR-CO-17, BR-x-09) and exemption reasons (BR-x-10).
 *
 * @example
 * ```ts
 * vatRules(doc).map((f) => f.rule); // e.g. ["BR-S-08"] when a category's taxable amount is off
 * ```
 */
export function vatRules(doc: UblDocument): UblFinding[] {
  const p = paths(doc);
  const out: UblFinding[] = [];
  const breakdownPath = (i: number, rest: string) => p.at(`cac:TaxTotal/cac:TaxSubtotal${doc.vatBreakdown.length > 1 ? `[${i + 1}]` : ''}/${rest}`);
  if (doc.vatBreakdown.length === 0) out.push(finding('BR-CO-18', 'fatal', p.at('cac:TaxTotal/cac:TaxSubtotal'), 'at least one VAT breakdown (BG-23) is required'));

  // Taxable base per category and rate, from the lines and the document allowances and charges.
  const base = new Map<string, Money>();
  const add = (c: UblTaxCategory | undefined, amount: Money | undefined) => {
    if (amount !== undefined) base.set(key(c), (base.get(key(c)) ?? new Dec(0)).plus(amount));
  };
  doc.lines.forEach((l) => add(l.item.taxCategory, l.lineExtensionAmount));
  doc.allowanceCharges.forEach((a) => add(a.taxCategory, a.amount === undefined ? undefined : a.chargeIndicator ? a.amount : a.amount.negated()));

  const used = new Set([...doc.lines.map((l) => l.item.taxCategory?.id), ...doc.allowanceCharges.map((a) => a.taxCategory?.id)].filter((x) => x !== undefined));
  const inBreakdown = new Set(doc.vatBreakdown.map((b) => b.category.id));
  for (const code of used) {
    if (!inBreakdown.has(code)) out.push(finding(`BR-${code}-01`, 'fatal', p.at('cac:TaxTotal/cac:TaxSubtotal'), `category ${code} is used but has no VAT breakdown`));
    if (['S', 'Z', 'E', 'AE'].includes(code) && doc.seller.vatId === undefined && doc.seller.taxRegistrationId === undefined && doc.taxRepresentative?.vatId === undefined) {
      out.push(finding(`BR-${code}-02`, 'fatal', p.at('cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID'), `category ${code} requires the seller's VAT identifier (BT-31) or a tax representative`));
    }
  }
  if (used.has('AE') && doc.buyer.vatId === undefined && doc.buyer.legalId === undefined) {
    out.push(finding('BR-AE-04', 'fatal', p.at('cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID'), "reverse charge (AE) requires the buyer's VAT identifier (BT-48) or legal registration identifier (BT-47)"));
  }
  doc.lines.forEach((l, i) => {
    const c = l.item.taxCategory;
    const element = p.line(i, 'cac:Item/cac:ClassifiedTaxCategory/cbc:Percent');
    if (c?.id === 'S' && !rateOf(c).greaterThan(0)) out.push(finding('BR-S-05', 'fatal', element, 'a standard-rated (S) line needs a VAT rate above 0'));
    if (c?.id !== undefined && ZERO_RATED.has(c.id) && c.id !== 'O' && !rateOf(c).isZero()) {
      out.push(finding(`BR-${c.id}-05`, 'fatal', element, `a line in category ${c.id} must have rate 0, got ${rateOf(c).toString()}`));
    }
  });

  doc.vatBreakdown.forEach((b, i) => {
    const code = b.category.id ?? '?';
    const expectedBase = base.get(key(b.category)) ?? ZERO;
    if (b.taxableAmount !== undefined && !b.taxableAmount.equals(expectedBase)) {
      out.push(finding(`BR-${code}-08`, 'fatal', breakdownPath(i, 'cbc:TaxableAmount'), `taxable amount of ${code} ${rateOf(b.category).toString()}% should be Σ line nets + charges − allowances = ${expectedBase.toFixed(2)}, the document states ${b.taxableAmount.toFixed(2)}`));
    }
    if (b.taxableAmount !== undefined && b.taxAmount !== undefined) {
      const expected = ZERO_RATED.has(code) ? ZERO : roundCents(b.taxableAmount.times(rateOf(b.category)).dividedBy(100));
      if (!b.taxAmount.equals(expected)) {
        out.push(finding(ZERO_RATED.has(code) ? `BR-${code}-09` : 'BR-CO-17', 'fatal', breakdownPath(i, 'cbc:TaxAmount'), `VAT of ${code} ${rateOf(b.category).toString()}% on ${b.taxableAmount.toFixed(2)} should be ${expected.toFixed(2)}, the document states ${b.taxAmount.toFixed(2)}`));
      }
    }
    if (NEEDS_REASON.has(code) && b.category.exemptionReason === undefined && b.category.exemptionReasonCode === undefined) {
      out.push(finding(`BR-${code}-10`, 'fatal', breakdownPath(i, 'cac:TaxCategory/cbc:TaxExemptionReason'), `category ${code} needs an exemption reason text (BT-120) or code (BT-121)`));
    }
    if (code === 'S' && !rateOf(b.category).greaterThan(0)) out.push(finding('BR-S-05', 'fatal', breakdownPath(i, 'cac:TaxCategory/cbc:Percent'), 'category S needs a rate above 0'));
  });
  return out;
}
