import { isValidIban } from '@fact/core';
import type { UblDocument } from '../model.js';
import { PEPPOL_BIS3 } from '../namespaces.js';
import { finding, paths, type UblFinding } from './finding.js';

const empty = (v: string | undefined): boolean => v === undefined || v.trim() === '';

/**
 * EN 16931 BR-01 … BR-16 (mandatory business terms), BR-CO-25 (due date or terms), BR-61
 * (account for credit transfers) and the Peppol rules on identifiers and references
 * (PEPPOL-EN16931-R001, R003, R004, R010, R020).
 *
 * @example
 * ```ts
 * mandatoryRules(doc).map((f) => f.rule); // e.g. ["BR-02", "PEPPOL-EN16931-R003"]
 * ```
 */
export function mandatoryRules(doc: UblDocument): UblFinding[] {
  const p = paths(doc);
  const out: UblFinding[] = [];
  const need = (rule: string, value: string | undefined | object, element: string, what: string) => {
    if (value === undefined || (typeof value === 'string' && empty(value))) out.push(finding(rule, 'fatal', element, `${what} is required`));
  };
  const typeCode = doc.kind === 'Invoice' ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode';
  const seller = 'cac:AccountingSupplierParty/cac:Party';
  const buyer = 'cac:AccountingCustomerParty/cac:Party';

  need('BR-01', doc.customizationId, p.at('cbc:CustomizationID'), 'the specification identifier (BT-24)');
  need('BR-02', doc.id, p.at('cbc:ID'), 'the invoice number (BT-1)');
  need('BR-03', doc.issueDate, p.at('cbc:IssueDate'), 'the issue date (BT-2)');
  need('BR-04', doc.typeCode, p.at(typeCode), 'the invoice type code (BT-3)');
  need('BR-05', doc.currency, p.at('cbc:DocumentCurrencyCode'), 'the invoice currency code (BT-5)');
  need('BR-06', doc.seller.registrationName, p.at(`${seller}/cac:PartyLegalEntity/cbc:RegistrationName`), "the seller's name (BT-27)");
  need('BR-07', doc.buyer.registrationName, p.at(`${buyer}/cac:PartyLegalEntity/cbc:RegistrationName`), "the buyer's name (BT-44)");
  need('BR-08', doc.seller.address, p.at(`${seller}/cac:PostalAddress`), "the seller's postal address (BG-5)");
  need('BR-09', doc.seller.address?.countryCode, p.at(`${seller}/cac:PostalAddress/cac:Country/cbc:IdentificationCode`), "the seller's country code (BT-40)");
  need('BR-10', doc.buyer.address, p.at(`${buyer}/cac:PostalAddress`), "the buyer's postal address (BG-8)");
  need('BR-11', doc.buyer.address?.countryCode, p.at(`${buyer}/cac:PostalAddress/cac:Country/cbc:IdentificationCode`), "the buyer's country code (BT-55)");
  need('BR-12', doc.totals.lineExtensionAmount, p.total('LineExtensionAmount'), 'the sum of line net amounts (BT-106)');
  need('BR-13', doc.totals.taxExclusiveAmount, p.total('TaxExclusiveAmount'), 'the total without VAT (BT-109)');
  need('BR-14', doc.totals.taxInclusiveAmount, p.total('TaxInclusiveAmount'), 'the total with VAT (BT-112)');
  need('BR-15', doc.totals.payableAmount, p.total('PayableAmount'), 'the amount due for payment (BT-115)');
  if (doc.lines.length === 0) out.push(finding('BR-16', 'fatal', p.at(doc.kind === 'Invoice' ? 'cac:InvoiceLine' : 'cac:CreditNoteLine'), 'at least one line (BG-25) is required'));
  doc.lines.forEach((line, i) => {
    need('BR-21', line.id, p.line(i, 'cbc:ID'), 'the line identifier (BT-126)');
    need('BR-22', line.quantity, p.line(i, doc.kind === 'Invoice' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity'), 'the invoiced quantity (BT-129)');
    need('BR-24', line.lineExtensionAmount, p.line(i, 'cbc:LineExtensionAmount'), 'the line net amount (BT-131)');
    need('BR-25', line.item.name, p.line(i, 'cac:Item/cbc:Name'), 'the item name (BT-153)');
    need('BR-26', line.price.amount, p.line(i, 'cac:Price/cbc:PriceAmount'), 'the item net price (BT-146)');
    need('BR-CO-04', line.item.taxCategory?.id, p.line(i, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID'), 'the line VAT category (BT-151)');
  });

  const payable = doc.totals.payableAmount;
  if (payable?.greaterThan(0) && doc.dueDate === undefined && empty(doc.paymentTermsNote)) {
    out.push(finding('BR-CO-25', 'fatal', p.at('cbc:DueDate'), 'with a positive amount due, the due date (BT-9) or the payment terms (BT-20) must be given'));
  }
  doc.paymentMeans.forEach((pm, i) => {
    const element = p.at(`cac:PaymentMeans${doc.paymentMeans.length > 1 ? `[${i + 1}]` : ''}/cac:PayeeFinancialAccount/cbc:ID`);
    if ((pm.code === '30' || pm.code === '58') && empty(pm.accountId)) {
      out.push(finding('BR-61', 'fatal', element, `payment means ${pm.code} (credit transfer) needs the payment account identifier (BT-84)`));
    }
    // Not an EN rule: SEPA credit transfer (58) needs a valid IBAN, or the payment will bounce.
    if (pm.code === '58' && pm.accountId !== undefined && !isValidIban(pm.accountId)) {
      out.push(finding('FACT-IBAN', 'warning', element, `"${pm.accountId}" is not a valid IBAN (ISO 13616 check)`));
    }
  });

  if (empty(doc.profileId)) out.push(finding('PEPPOL-EN16931-R001', 'fatal', p.at('cbc:ProfileID'), 'the business process type (BT-23) is required'));
  if (doc.customizationId !== undefined && !doc.customizationId.startsWith(PEPPOL_BIS3.customizationId)) {
    out.push(finding('PEPPOL-EN16931-R004', 'fatal', p.at('cbc:CustomizationID'), `the specification identifier must be ${PEPPOL_BIS3.customizationId}, got "${doc.customizationId}"`));
  }
  if (empty(doc.buyerReference) && empty(doc.orderReference)) {
    out.push(finding('PEPPOL-EN16931-R003', 'fatal', p.at('cbc:BuyerReference'), 'a buyer reference (BT-10) or a purchase order reference (BT-13) is required'));
  }
  if (empty(doc.buyer.endpointId?.value)) out.push(finding('PEPPOL-EN16931-R010', 'fatal', p.at(`${buyer}/cbc:EndpointID`), "the buyer's electronic address (BT-49) is required"));
  if (empty(doc.seller.endpointId?.value)) out.push(finding('PEPPOL-EN16931-R020', 'fatal', p.at(`${seller}/cbc:EndpointID`), "the seller's electronic address (BT-34) is required"));
  for (const [party, path, rule] of [[doc.seller, seller, 'BR-62'], [doc.buyer, buyer, 'BR-63']] as const) {
    if (party.endpointId !== undefined && empty(party.endpointId.schemeId)) {
      out.push(finding(rule, 'fatal', p.at(`${path}/cbc:EndpointID/@schemeID`), 'the electronic address needs its scheme identifier'));
    }
  }
  return out;
}
