import type { UblDocument } from '../model.js';
import { CURRENCY_CODES, EAS_CODES, INVOICE_TYPE_CODES, PAYMENT_MEANS_CODES, VAT_CATEGORY_CODES } from './code-lists.js';
import { finding, paths, type UblFinding } from './finding.js';

/**
 * Code-list rules: currency (BR-CL-04/05), VAT category (BR-CL-17/18), payment means
 * (BR-CL-16), document type (BR-CL-01) and electronic address scheme (BR-CL-25). Lists marked
 * unconfirmed in {@link EAS_CODES} / {@link INVOICE_TYPE_CODES} give warnings, not fatal errors.
 *
 * @example
 * ```ts
 * codeListRules(doc).find((f) => f.rule === 'BR-CL-04'); // undefined when the currency is ISO 4217
 * ```
 */
export function codeListRules(doc: UblDocument): UblFinding[] {
  const p = paths(doc);
  const out: UblFinding[] = [];
  if (doc.currency !== undefined && !CURRENCY_CODES.has(doc.currency)) {
    out.push(finding('BR-CL-04', 'fatal', p.at('cbc:DocumentCurrencyCode'), `"${doc.currency}" is not an ISO 4217 currency code`));
  }
  if (doc.taxCurrency !== undefined && !CURRENCY_CODES.has(doc.taxCurrency)) {
    out.push(finding('BR-CL-05', 'fatal', p.at('cbc:TaxCurrencyCode'), `"${doc.taxCurrency}" is not an ISO 4217 currency code`));
  }
  if (doc.typeCode !== undefined && !INVOICE_TYPE_CODES[doc.kind].has(doc.typeCode)) {
    const element = p.at(doc.kind === 'Invoice' ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode');
    out.push(finding('BR-CL-01', 'warning', element, `"${doc.typeCode}" is not a ${doc.kind} type code that Peppol accepts`));
  }
  doc.vatBreakdown.forEach((b, i) => {
    if (b.category.id !== undefined && !VAT_CATEGORY_CODES.has(b.category.id)) {
      out.push(finding('BR-CL-17', 'fatal', p.at(`cac:TaxTotal/cac:TaxSubtotal[${i + 1}]/cac:TaxCategory/cbc:ID`), `"${b.category.id}" is not a VAT category code`));
    }
  });
  doc.lines.forEach((l, i) => {
    const id = l.item.taxCategory?.id;
    if (id !== undefined && !VAT_CATEGORY_CODES.has(id)) out.push(finding('BR-CL-18', 'fatal', p.line(i, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID'), `"${id}" is not a VAT category code`));
  });
  doc.paymentMeans.forEach((pm, i) => {
    if (pm.code !== undefined && !PAYMENT_MEANS_CODES.has(pm.code)) {
      out.push(finding('BR-CL-16', 'fatal', p.at(`cac:PaymentMeans[${i + 1}]/cbc:PaymentMeansCode`), `"${pm.code}" is not a UNCL4461 payment means code`));
    }
  });
  for (const [party, path] of [[doc.seller, 'cac:AccountingSupplierParty'], [doc.buyer, 'cac:AccountingCustomerParty']] as const) {
    const scheme = party.endpointId?.schemeId;
    if (scheme !== undefined && !EAS_CODES.codes.has(scheme)) {
      out.push(finding('BR-CL-25', 'warning', p.at(`${path}/cac:Party/cbc:EndpointID/@schemeID`), `"${scheme}" is not in the electronic address scheme (EAS) list`));
    }
  }
  return out;
}
