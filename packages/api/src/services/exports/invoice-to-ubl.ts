import { defaultExemptionReason, fromCents, money, parsePaymentReference, type InvoiceLanguage, type Money, type VatCategory } from '@fact/core';
import { PEPPOL_BIS3, type UblAllowanceCharge, type UblDocument, type UblIdentifier, type UblLine, type UblParty, type UblVatBreakdown } from '@fact/ubl';
import type { UblMeta } from '../imports/ubl-to-ledger.js';
import type { InvoiceSource } from './invoice-source.js';

const digits = (s: string) => s.replace(/\D/g, '');

/** A tax category with its rate; "not subject to VAT" (O) carries no rate at all (BR-O-05). */
function category(id: string, rate: string | null) {
  return id === 'O' || rate === null ? { id } : { id, percent: money(rate) };
}

/**
 * The Peppol electronic address (BT-34 / BT-49) of a Belgian or Dutch party: BE enterprise
 * number under 0208, NL KvK number (8 digits) under 0106 or OIN (20 digits, government bodies)
 * under 0190, else the VAT number (9925 BE, 9944 NL).
 *
 * @example
 * ```ts
 * peppolEndpoint('BE', '0403.019.261', null); // { value: '0403019261', schemeId: '0208' }
 * ```
 */
export function peppolEndpoint(country: string, enterpriseNumber: string | null, vatNumber: string | null): UblIdentifier | undefined {
  if (enterpriseNumber && country === 'BE' && digits(enterpriseNumber).length === 10) return { value: digits(enterpriseNumber), schemeId: '0208' };
  if (enterpriseNumber && country === 'NL' && digits(enterpriseNumber).length === 8) return { value: digits(enterpriseNumber), schemeId: '0106' };
  if (enterpriseNumber && country === 'NL' && digits(enterpriseNumber).length === 20) return { value: digits(enterpriseNumber), schemeId: '0190' };
  if (vatNumber?.startsWith('BE')) return { value: vatNumber, schemeId: '9925' };
  if (vatNumber?.startsWith('NL')) return { value: vatNumber, schemeId: '9944' };
  return undefined;
}

function legalId(endpoint: UblIdentifier | undefined): UblIdentifier | undefined {
  return endpoint && ['0208', '0106', '0190'].includes(endpoint.schemeId ?? '') ? endpoint : undefined;
}

function metaOf(source: InvoiceSource): Partial<UblMeta> {
  const meta = source.invoice.meta;
  const from = meta ? (meta as { source?: unknown }).source : undefined;
  return from === 'ubl' || from === 'cii' ? (meta as unknown as UblMeta) : {};
}

const PAYABLE_BY: Record<InvoiceLanguage, string> = { nl: 'Te betalen uiterlijk op', fr: 'À payer au plus tard le', en: 'Payable by' };

/** BT-83: the OGM in its printed form, an RF reference in its electronic form. */
function paymentId(reference: string | null): string | undefined {
  if (!reference) return undefined;
  try {
    const parsed = parsePaymentReference(reference);
    return parsed.scheme === 'ogm' ? parsed.printed : parsed.electronic;
  } catch {
    return reference;
  }
}

/**
 * Maps a ledger invoice or credit note, its company (the seller) and its debtor (the buyer) to
 * a Peppol BIS Billing 3.0 document: endpoints and legal ids (BE 0208, NL 0106/KvK, VAT schemes
 * otherwise), VAT breakdown per category and rate (from the lines, or as the imported file stated
 * it), payment means 58 (SEPA credit transfer) with the company's IBAN and the OGM/RF as
 * PaymentID, payment terms, due date, buyer reference (the imported one, else the debtor's
 * customer number, else the invoice number, since Peppol requires BT-10 or BT-13).
 * What an imported UBL document carried beyond the ledger's columns (document allowances, prepaid
 * amount, the original PaymentID, the buyer's endpoint) is taken from `invoice.meta`.
 *
 * @example
 * ```ts
 * const xml = writeUbl(invoiceToUbl(await loadInvoiceSource(db, invoiceId)));
 * ```
 */
export function invoiceToUbl(source: InvoiceSource): UblDocument {
  const { invoice, lines, company, debtor } = source;
  const meta = metaOf(source);
  const sign = meta.negative ? -1 : 1;
  const signed = (m: Money) => (sign < 0 ? m.negated() : m);
  const amount = (cents: number) => signed(fromCents(cents));
  const currency = invoice.currency;
  const language: InvoiceLanguage = company.language === 'nl' || company.language === 'fr' ? company.language : 'en';
  const isInvoice = invoice.kind === 'invoice' || meta.negative === true;

  const ublLines: UblLine[] = lines.map((l, i) => {
    const extra = meta.lines?.[i];
    return {
      id: extra?.id ?? String(i + 1),
      quantity: signed(money(String(l.quantity))),
      unitCode: extra?.unitCode ?? 'C62',
      lineExtensionAmount: amount(l.netCents),
      allowanceCharges: [],
      item: { name: l.description, classifications: [], properties: [], taxCategory: category(l.vatCategory, String(l.vatRate)) },
      price: { amount: money(String(l.unitPrice)), ...(extra?.baseQuantity ? { baseQuantity: money(extra.baseQuantity) } : {}) },
    };
  });

  const breakdown: UblVatBreakdown[] = meta.vatBreakdown
    ? meta.vatBreakdown.map((b) => ({
        taxableAmount: signed(money(b.taxable)),
        taxAmount: signed(money(b.vat)),
        category: { ...category(b.category, b.rate), ...(b.exemptionReason ? { exemptionReason: b.exemptionReason } : {}), ...(b.exemptionReasonCode ? { exemptionReasonCode: b.exemptionReasonCode } : {}) },
      }))
    : breakdownFromLines(source, language);

  const allowanceCharges: UblAllowanceCharge[] = (meta.allowanceCharges ?? []).map((a) => ({
    chargeIndicator: a.charge,
    amount: signed(money(a.amount)),
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.reasonCode ? { reasonCode: a.reasonCode } : {}),
    taxCategory: category(a.category, a.percent),
  }));
  const sumOf = (values: Money[]) => values.reduce((s, v) => s.plus(v), money(0));
  const allowanceTotal = sumOf(allowanceCharges.filter((a) => !a.chargeIndicator).map((a) => a.amount!));
  const chargeTotal = sumOf(allowanceCharges.filter((a) => a.chargeIndicator).map((a) => a.amount!));
  const prepaid = meta.prepaid ? signed(money(meta.prepaid)) : undefined;
  const rounding = meta.rounding ? signed(money(meta.rounding)) : undefined;
  const inclusive = amount(invoice.totalCents);

  const sellerEndpoint = peppolEndpoint(company.country, company.enterpriseNumber, company.vatNumber);
  const seller: UblParty = {
    identifiers: [],
    registrationName: company.legalName,
    address: { countryCode: company.country },
    ...(sellerEndpoint ? { endpointId: sellerEndpoint } : {}),
    ...(legalId(sellerEndpoint) ? { legalId: legalId(sellerEndpoint)! } : {}),
    ...(company.vatNumber ? { vatId: company.vatNumber } : {}),
  };
  const buyerEndpoint = meta.buyerEndpoint ?? peppolEndpoint(debtor.country, debtor.enterpriseNumber, debtor.vatNumber);
  const buyerLegal = legalId(peppolEndpoint(debtor.country, debtor.enterpriseNumber, null));
  const buyer: UblParty = {
    identifiers: [],
    registrationName: debtor.name,
    address: {
      countryCode: debtor.country,
      ...(debtor.street ? { streetName: debtor.street } : {}),
      ...(debtor.city ? { cityName: debtor.city } : {}),
      ...(debtor.postalCode ? { postalZone: debtor.postalCode } : {}),
    },
    ...(buyerEndpoint ? { endpointId: buyerEndpoint } : {}),
    ...(buyerLegal ? { legalId: buyerLegal } : {}),
    ...(debtor.vatNumber ? { vatId: debtor.vatNumber } : {}),
  };

  const pid = meta.paymentId ?? paymentId(invoice.paymentReference);
  const paymentMeans = company.iban
    ? [{ code: '58', accountId: company.iban, ...(company.bic ? { bic: company.bic } : {}), ...(pid ? { paymentId: pid } : {}), accountName: company.legalName }]
    : [];
  const billing = meta.billingReferences?.length ? meta.billingReferences : source.creditedNumber ? [source.creditedNumber] : [];

  return {
    kind: isInvoice ? 'Invoice' : 'CreditNote',
    customizationId: PEPPOL_BIS3.customizationId,
    profileId: PEPPOL_BIS3.profileId,
    id: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    typeCode: meta.typeCode ?? (isInvoice ? '380' : '381'),
    notes: [],
    currency,
    buyerReference: meta.buyerReference ?? (meta.orderReference ? undefined : (debtor.externalRef ?? invoice.number)),
    ...(meta.orderReference ? { orderReference: meta.orderReference } : {}),
    billingReferences: billing.map((id) => ({ id })),
    additionalDocuments: [],
    seller,
    buyer,
    paymentMeans,
    paymentTermsNote: meta.paymentTerms ?? `${PAYABLE_BY[language]} ${invoice.dueDate}`,
    allowanceCharges,
    taxAmount: amount(invoice.vatCents),
    vatBreakdown: breakdown,
    totals: {
      lineExtensionAmount: sumOf(ublLines.map((l) => l.lineExtensionAmount!)),
      taxExclusiveAmount: amount(invoice.netCents),
      taxInclusiveAmount: inclusive,
      ...(allowanceCharges.some((a) => !a.chargeIndicator) ? { allowanceTotalAmount: allowanceTotal } : {}),
      ...(allowanceCharges.some((a) => a.chargeIndicator) ? { chargeTotalAmount: chargeTotal } : {}),
      ...(prepaid ? { prepaidAmount: prepaid } : {}),
      ...(rounding ? { payableRoundingAmount: rounding } : {}),
      payableAmount: inclusive.minus(prepaid ?? 0).plus(rounding ?? 0),
    },
    lines: ublLines,
  };
}

/** BG-23 from the stored lines: one entry per category and rate, VAT as stored on the lines. */
function breakdownFromLines(source: InvoiceSource, language: InvoiceLanguage): UblVatBreakdown[] {
  const groups = new Map<string, { category: string; rate: Money; taxable: number; vat: number }>();
  for (const l of source.lines) {
    const rate = money(String(l.vatRate));
    const key = `${l.vatCategory}|${rate.toString()}`;
    const g = groups.get(key) ?? { category: l.vatCategory, rate, taxable: 0, vat: 0 };
    g.taxable += l.netCents;
    g.vat += l.vatCents;
    groups.set(key, g);
  }
  const country = source.company.country === 'NL' ? 'NL' : 'BE';
  return [...groups.values()].map((g) => {
    const reason = defaultExemptionReason(country, g.category as VatCategory, language);
    return { taxableAmount: fromCents(g.taxable), taxAmount: fromCents(g.vat), category: { ...category(g.category, g.rate.toString()), ...(reason ? { exemptionReason: reason } : {}) } };
  });
}
