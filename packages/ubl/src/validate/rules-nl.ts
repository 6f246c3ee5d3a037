import type { UblDocument } from '../model.js';
import { finding, paths, type UblFinding } from './finding.js';

/**
 * Dutch rules of Peppol BIS (reference.md §8), applied when the seller is in the Netherlands:
 * NL-R-001 a credit note refers to the invoice it corrects; NL-R-003 the seller's legal
 * identifier is a KvK number (0106) or an OIN (0190); NL-R-007 payment instructions are given
 * when the buyer has to pay.
 *
 * @example
 * ```ts
 * nlRules(doc); // [] for a Belgian seller
 * ```
 */
export function nlRules(doc: UblDocument): UblFinding[] {
  if (doc.seller.address?.countryCode !== 'NL') return [];
  const p = paths(doc);
  const out: UblFinding[] = [];
  const creditNote = doc.kind === 'CreditNote' || doc.typeCode === '381';
  if (creditNote && doc.billingReferences.length === 0) {
    out.push(finding('NL-R-001', 'fatal', p.at('cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID'), 'a Dutch credit note must refer to the invoice it corrects (BG-3)'));
  }
  const scheme = doc.seller.legalId?.schemeId;
  if (scheme !== '0106' && scheme !== '0190') {
    out.push(finding('NL-R-003', 'fatal', p.at('cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID/@schemeID'), `a Dutch seller's legal identifier must be a KvK number (0106) or OIN (0190), got scheme ${scheme ?? '(none)'}`));
  }
  if (doc.totals.payableAmount?.greaterThan(0) && doc.paymentMeans.length === 0) {
    out.push(finding('NL-R-007', 'fatal', p.at('cac:PaymentMeans'), 'a Dutch seller must give payment instructions (BG-16) when the buyer pays'));
  }
  return out;
}
