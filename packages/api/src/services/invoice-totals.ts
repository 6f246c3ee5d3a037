import { allocate, computeInvoiceTotals, toCents, type Country, type VatCategory } from '@fact/core';

/** A line as the API receives it: exact decimal strings. */
export interface LineInput {
  description: string;
  quantity: string;
  unitPrice: string;
  vatRate: string;
  vatCategory: VatCategory;
}

/** What is stored for an invoice: header totals and each line, in cents. */
export interface StoredTotals {
  netCents: number;
  vatCents: number;
  totalCents: number;
  lines: (LineInput & { position: number; netCents: number; vatCents: number })[];
}

/**
 * Computes the totals with @fact/core (EN 16931: VAT rounded once per category and rate, rates
 * checked against the supplier country's table) and spreads each rate's VAT over its lines in
 * proportion to their net amounts, so the stored lines add up to the stored header exactly.
 *
 * @example
 * ```ts
 * storedTotals({ kind: 'invoice', number: 'F1', issueDate: '2025-03-01', country: 'BE', lines: [{ description: 'Bread', quantity: '2', unitPrice: '10.00', vatRate: '6', vatCategory: 'S' }] });
 * // { netCents: 2000, vatCents: 120, totalCents: 2120, lines: [...] }
 * ```
 */
export function storedTotals(input: {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  country: Country;
  correctsInvoice?: string;
  lines: LineInput[];
}): StoredTotals {
  const totals = computeInvoiceTotals({
    kind: input.kind === 'credit_note' ? 'credit-note' : 'invoice',
    number: input.number,
    issueDate: input.issueDate,
    currency: 'EUR',
    vatCountry: input.country,
    lines: input.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, vatRate: l.vatRate, vatCategory: l.vatCategory })),
    ...(input.correctsInvoice ? { correctsInvoice: input.correctsInvoice } : {}),
  });
  const lineNets = totals.lineNets.map((n) => toCents(n.net, 'lines'));
  const lineVat = lineNets.map(() => 0);
  for (const entry of totals.vatBreakdown) {
    const members = totals.lineNets.flatMap((n, i) => (n.vatCategory === entry.category && n.vatRate.equals(entry.rate) ? [i] : []));
    if (members.length === 0) continue;
    const weights = members.map((i) => lineNets[i] ?? 0);
    const shares = weights.some((w) => w > 0) ? allocate(entry.vatAmount, weights) : members.map((_, k) => (k === 0 ? entry.vatAmount : entry.vatAmount.times(0)));
    members.forEach((i, k) => (lineVat[i] = toCents(shares[k]!, 'lines')));
  }
  const netCents = toCents(totals.taxExclusive, 'lines');
  const vatCents = toCents(totals.vatTotal, 'lines');
  return {
    netCents,
    vatCents,
    totalCents: netCents + vatCents,
    lines: input.lines.map((l, i) => ({ ...l, position: i, netCents: lineNets[i] ?? 0, vatCents: lineVat[i] ?? 0 })),
  };
}
