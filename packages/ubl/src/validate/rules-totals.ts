import { Dec, ZERO, type Money } from '@fact/core';
import type { UblDocument } from '../model.js';
import { finding, paths, type UblFinding } from './finding.js';

const sum = (values: readonly (Money | undefined)[]): Money => values.reduce<Money>((a, v) => (v === undefined ? a : a.plus(v)), new Dec(0));
const show = (m: Money): string => m.toFixed(2);

/**
 * EN 16931 calculation rules on document totals: BR-CO-10 … BR-CO-16, and the two-decimal
 * rule on document amounts (BR-DEC-*). Amounts are compared exactly, as the rules require.
 *
 * @example
 * ```ts
 * totalsRules(doc).filter((f) => f.rule === 'BR-CO-15'); // [] when BT-112 = BT-109 + BT-110
 * ```
 */
export function totalsRules(doc: UblDocument): UblFinding[] {
  const p = paths(doc);
  const t = doc.totals;
  const out: UblFinding[] = [];
  const check = (rule: string, actual: Money | undefined, expected: Money, element: string, formula: string) => {
    if (actual !== undefined && !actual.equals(expected)) {
      out.push(finding(rule, 'fatal', element, `${formula}: expected ${show(expected)}, the document states ${show(actual)}`));
    }
  };
  const allowances = doc.allowanceCharges.filter((a) => !a.chargeIndicator);
  const charges = doc.allowanceCharges.filter((a) => a.chargeIndicator);

  check('BR-CO-10', t.lineExtensionAmount, sum(doc.lines.map((l) => l.lineExtensionAmount)), p.total('LineExtensionAmount'), 'BT-106 = Σ line net amounts (BT-131)');
  if (t.allowanceTotalAmount !== undefined || allowances.length > 0) {
    check('BR-CO-11', t.allowanceTotalAmount ?? ZERO, sum(allowances.map((a) => a.amount)), p.total('AllowanceTotalAmount'), 'BT-107 = Σ document allowances (BT-92)');
  }
  if (t.chargeTotalAmount !== undefined || charges.length > 0) {
    check('BR-CO-12', t.chargeTotalAmount ?? ZERO, sum(charges.map((a) => a.amount)), p.total('ChargeTotalAmount'), 'BT-108 = Σ document charges (BT-99)');
  }
  if (t.lineExtensionAmount !== undefined) {
    const expected = t.lineExtensionAmount.minus(t.allowanceTotalAmount ?? ZERO).plus(t.chargeTotalAmount ?? ZERO);
    check('BR-CO-13', t.taxExclusiveAmount, expected, p.total('TaxExclusiveAmount'), 'BT-109 = BT-106 − BT-107 + BT-108');
  }
  if (doc.taxAmount !== undefined) {
    check('BR-CO-14', doc.taxAmount, sum(doc.vatBreakdown.map((b) => b.taxAmount)), p.at('cac:TaxTotal/cbc:TaxAmount'), 'BT-110 = Σ VAT category tax amounts (BT-117)');
  }
  if (t.taxExclusiveAmount !== undefined) {
    check('BR-CO-15', t.taxInclusiveAmount, t.taxExclusiveAmount.plus(doc.taxAmount ?? ZERO), p.total('TaxInclusiveAmount'), 'BT-112 = BT-109 + BT-110');
  }
  if (t.taxInclusiveAmount !== undefined) {
    const expected = t.taxInclusiveAmount.minus(t.prepaidAmount ?? ZERO).plus(t.payableRoundingAmount ?? ZERO);
    check('BR-CO-16', t.payableAmount, expected, p.total('PayableAmount'), 'BT-115 = BT-112 − BT-113 + BT-114');
  }

  const decimals: [Money | undefined, string][] = [
    [t.lineExtensionAmount, p.total('LineExtensionAmount')],
    [t.taxExclusiveAmount, p.total('TaxExclusiveAmount')],
    [t.taxInclusiveAmount, p.total('TaxInclusiveAmount')],
    [t.allowanceTotalAmount, p.total('AllowanceTotalAmount')],
    [t.chargeTotalAmount, p.total('ChargeTotalAmount')],
    [t.prepaidAmount, p.total('PrepaidAmount')],
    [t.payableRoundingAmount, p.total('PayableRoundingAmount')],
    [t.payableAmount, p.total('PayableAmount')],
    [doc.taxAmount, p.at('cac:TaxTotal/cbc:TaxAmount')],
    ...doc.lines.map((l, i) => [l.lineExtensionAmount, p.line(i, 'cbc:LineExtensionAmount')] as [Money | undefined, string]),
    ...doc.vatBreakdown.flatMap((b, i) => [
      [b.taxableAmount, p.at(`cac:TaxTotal/cac:TaxSubtotal[${i + 1}]/cbc:TaxableAmount`)] as [Money | undefined, string],
      [b.taxAmount, p.at(`cac:TaxTotal/cac:TaxSubtotal[${i + 1}]/cbc:TaxAmount`)] as [Money | undefined, string],
    ]),
  ];
  for (const [value, element] of decimals) {
    if (value !== undefined && value.decimalPlaces() > 2) {
      out.push(finding('BR-DEC', 'fatal', element, `${value.toString()} has more than 2 decimals`));
    }
  }
  return out;
}
