import { addDays, allocate, fromCents, money, parsePaymentReference, STATUTORY_DEFAULT_TERM, toCents, type CalendarDate, type Country, type Money } from '@fact/core';
import { elementPath, type UblDocument, type UblFinding, type UblIdentifier } from '@fact/ubl';
import { apiError } from '../../errors/api-error.js';
import { centsToAmount } from '../../schemas/money.js';

/** What the ledger keeps of a UBL document beyond its columns, so an export can say the same. */
export interface UblMeta {
  /** The e-invoice syntax it was read from (a CII one may have come inside a Factur-X PDF). */
  source: 'ubl' | 'cii';
  documentId: string | null;
  /** The PDF attachment that held the XML (`factur-x.xml`), for a Factur-X / ZUGFeRD PDF. */
  attachment?: string | null;
  typeCode: string | null;
  /** The document was an Invoice with negative totals: stored as a credit note, amounts positive. */
  negative: boolean;
  dueDateAssumed: boolean;
  buyerReference: string | null;
  orderReference: string | null;
  /** BT-83 exactly as the file wrote it. */
  paymentId: string | null;
  paymentTerms: string | null;
  buyerEndpoint: UblIdentifier | null;
  billingReferences: string[];
  prepaid: string | null;
  rounding: string | null;
  allowanceCharges: { charge: boolean; amount: string; reason: string | null; reasonCode: string | null; category: string; percent: string | null }[];
  lines: { id: string | null; unitCode: string | null; baseQuantity: string | null }[];
  /** BG-23 as the file states it (amounts as stored: positive for a negative invoice). */
  vatBreakdown: { category: string; rate: string; taxable: string; vat: string; exemptionReason: string | null; exemptionReasonCode: string | null }[];
}

/** A UBL document as ledger rows: amounts in cents (positive), lines, the buyer to match. */
export interface LedgerDraft {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  currency: string;
  netCents: number;
  vatCents: number;
  totalCents: number;
  openCents: number;
  paymentReference: string | null;
  lines: { position: number; description: string; quantity: string; unitPrice: string; vatRate: string; vatCategory: string; netCents: number; vatCents: number }[];
  vatBreakdown: { category: string; rate: string; taxableCents: number; vatCents: number }[];
  meta: UblMeta;
}

/**
 * The findings that stop an import: EN 16931 core rules (`BR-…`), which say the document's
 * amounts, dates or lines cannot be trusted. Peppol transport rules (`PEPPOL-…`, `NL-R-…`, code
 * lists) do not change what is owed, so they are reported, not blocking; a missing due date
 * (BR-CO-25) gets the statutory term instead.
 *
 * @example
 * ```ts
 * blockingFindings(validateUbl(doc).findings); // [{ rule: 'BR-CO-15', … }]
 * ```
 */
export function blockingFindings(findings: readonly UblFinding[]): UblFinding[] {
  return findings.filter((f) => f.severity === 'fatal' && f.rule.startsWith('BR-') && !f.rule.startsWith('BR-CL-') && f.rule !== 'BR-CO-25');
}

const ZERO = money(0);

function cents(value: Money | undefined, element: string): number {
  try {
    return toCents(value ?? ZERO, element);
  } catch {
    throw apiError.badInput(element, `${value?.toString()} has a fraction of a cent`);
  }
}

function decimalText(value: Money | undefined): string {
  return (value ?? ZERO).toString();
}

function needed<T>(value: T | undefined, element: string, what: string): T {
  if (value === undefined || value === null || value === '') throw apiError.badInput(element, `${what} is missing`);
  return value;
}

/** The electronic form of an OGM/RF payment id, or null when BT-83 is free text. */
function structuredReference(paymentId: string | undefined): string | null {
  if (!paymentId) return null;
  try {
    return parsePaymentReference(paymentId, 'paymentId').electronic;
  } catch {
    return null;
  }
}

/**
 * Maps a parsed (and validated) UBL invoice or credit note to ledger rows, keeping the totals the
 * document states (BT-109 net, BT-110 VAT, BT-112 total, BT-115 still to pay). VAT of each
 * breakdown (BG-23) is spread over its lines in proportion to their net amounts, as
 * `storedTotals` does for typed invoices. An Invoice with negative totals becomes a credit note
 * with positive amounts (`meta.negative`), so the ledger's sign rules hold.
 *
 * @example
 * ```ts
 * const draft = ublToLedger(parseUbl(xml), { country: 'BE', documentId: null });
 * draft.totalCents; // 165625
 * ```
 */
export function ublToLedger(doc: UblDocument, context: { country: Country; documentId: string | null; source?: 'ubl' | 'cii'; attachment?: string | null }): LedgerDraft {
  const at = (path: string) => elementPath(doc, path);
  const t = doc.totals;
  const number = needed(doc.id, at('cbc:ID'), 'the invoice number (BT-1)');
  const issueDate = needed(doc.issueDate, at('cbc:IssueDate'), 'the issue date (BT-2)');
  const total = needed(t.taxInclusiveAmount, at('cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount'), 'the total with VAT (BT-112)');
  const negative = doc.kind === 'Invoice' && total.isNegative();
  const sign = negative ? -1 : 1;
  const net = cents(t.taxExclusiveAmount, at('cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount')) * sign;
  const vat = cents(doc.taxAmount, at('cac:TaxTotal/cbc:TaxAmount')) * sign;
  const totalCents = cents(total, at('cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount')) * sign;
  const open = cents(t.payableAmount, at('cac:LegalMonetaryTotal/cbc:PayableAmount')) * sign;
  if (net < 0 || vat < 0) throw apiError.badInput(at('cac:LegalMonetaryTotal'), 'the net amount and the VAT must have the same sign as the total');
  if (net + vat !== totalCents) throw apiError.badInput(at('cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount'), 'BT-112 must equal BT-109 + BT-110');
  if (open < 0 || open > totalCents) {
    throw apiError.badInput(at('cac:LegalMonetaryTotal/cbc:PayableAmount'), `the amount due (${t.payableAmount?.toString()}) must lie between 0 and the total ${total.toString()}`);
  }
  const dueDateAssumed = doc.dueDate === undefined;
  const dueDate = doc.dueDate ?? addDays(issueDate, STATUTORY_DEFAULT_TERM[context.country].days);
  if (dueDate < issueDate) throw apiError.badInput(at('cbc:DueDate'), `${dueDate} is before the issue date ${issueDate}`);

  const lineName = doc.kind === 'Invoice' ? 'cac:InvoiceLine' : 'cac:CreditNoteLine';
  const lines = doc.lines.map((l, i) => {
    const line = (rest: string) => at(`${lineName}[${i + 1}]/${rest}`);
    const quantity = l.quantity ?? money(1);
    return {
      position: i,
      description: (l.item.name ?? l.item.description ?? l.note ?? `Line ${l.id ?? i + 1}`).slice(0, 500),
      quantity: (negative ? quantity.negated() : quantity).toString(),
      unitPrice: decimalText(l.price.amount),
      vatRate: decimalText(l.item.taxCategory?.percent),
      vatCategory: needed(l.item.taxCategory?.id, line('cac:Item/cac:ClassifiedTaxCategory/cbc:ID'), 'the line VAT category (BT-151)'),
      netCents: cents(l.lineExtensionAmount, line('cbc:LineExtensionAmount')) * sign,
      vatCents: 0,
    };
  });
  const vatBreakdown = doc.vatBreakdown.map((b, i) => {
    const sub = (rest: string) => at(`cac:TaxTotal/cac:TaxSubtotal[${i + 1}]/${rest}`);
    return {
      category: needed(b.category.id, sub('cac:TaxCategory/cbc:ID'), 'the VAT category code (BT-118)'),
      rate: decimalText(b.category.percent),
      taxableCents: cents(b.taxableAmount, sub('cbc:TaxableAmount')) * sign,
      vatCents: cents(b.taxAmount, sub('cbc:TaxAmount')) * sign,
    };
  });
  for (const b of vatBreakdown) {
    const members = lines.filter((l) => l.vatCategory === b.category && money(l.vatRate).eq(money(b.rate)));
    if (members.length === 0 || b.vatCents === 0) continue;
    const weights = members.map((m) => Math.abs(m.netCents));
    const shares = weights.some((w) => w > 0) ? allocate(fromCents(b.vatCents), weights) : members.map((_, k) => fromCents(k === 0 ? b.vatCents : 0));
    members.forEach((m, k) => (m.vatCents = toCents(shares[k]!, 'vatBreakdown')));
  }
  const paymentMeans = doc.paymentMeans.find((p) => p.paymentId) ?? doc.paymentMeans[0];
  const paymentId = paymentMeans?.paymentId ?? null;
  return {
    kind: doc.kind === 'CreditNote' || negative ? 'credit_note' : 'invoice',
    number,
    issueDate,
    dueDate,
    currency: doc.currency ?? 'EUR',
    netCents: net,
    vatCents: vat,
    totalCents,
    openCents: open,
    paymentReference: structuredReference(paymentId ?? undefined),
    lines,
    vatBreakdown,
    meta: {
      source: context.source ?? 'ubl',
      documentId: context.documentId,
      ...(context.attachment ? { attachment: context.attachment } : {}),
      typeCode: doc.typeCode ?? null,
      negative,
      dueDateAssumed,
      buyerReference: doc.buyerReference ?? null,
      orderReference: doc.orderReference ?? null,
      paymentId,
      paymentTerms: doc.paymentTermsNote ?? null,
      buyerEndpoint: doc.buyer.endpointId ?? null,
      billingReferences: doc.billingReferences.map((b) => b.id),
      prepaid: t.prepaidAmount ? t.prepaidAmount.times(sign).toString() : null,
      rounding: t.payableRoundingAmount ? t.payableRoundingAmount.times(sign).toString() : null,
      allowanceCharges: doc.allowanceCharges.map((a) => ({
        charge: a.chargeIndicator,
        amount: decimalText(a.amount?.times(sign)),
        reason: a.reason ?? null,
        reasonCode: a.reasonCode ?? null,
        category: a.taxCategory?.id ?? 'S',
        percent: a.taxCategory?.percent?.toString() ?? null,
      })),
      lines: doc.lines.map((l) => ({ id: l.id ?? null, unitCode: l.unitCode ?? null, baseQuantity: l.price.baseQuantity?.toString() ?? null })),
      vatBreakdown: doc.vatBreakdown.map((b, i) => ({
        category: vatBreakdown[i]!.category,
        rate: vatBreakdown[i]!.rate,
        taxable: centsToAmount(vatBreakdown[i]!.taxableCents),
        vat: centsToAmount(vatBreakdown[i]!.vatCents),
        exemptionReason: b.category.exemptionReason ?? null,
        exemptionReasonCode: b.category.exemptionReasonCode ?? null,
      })),
    },
  };
}
