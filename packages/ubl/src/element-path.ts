import { ciiPathOf } from './cii/cii-paths.js';
import type { UblDocument } from './model.js';

/**
 * The path of an element in the syntax the document was read from. Give the UBL path below the
 * root (`cac:LegalMonetaryTotal/cbc:PayableAmount`); a UBL document gets `/Invoice/…` or
 * `/CreditNote/…`, a CII document the element of the Cross Industry Invoice that holds the same
 * business term. Importers use it so their messages name what the sender wrote.
 *
 * @example
 * ```ts
 * elementPath(parseUbl(xml), 'cbc:DueDate'); // "/Invoice/cbc:DueDate"
 * elementPath(parseCii(xml), 'cbc:DueDate'); // "/rsm:CrossIndustryInvoice/…/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"
 * ```
 */
export function elementPath(doc: Pick<UblDocument, 'kind' | 'syntax'>, ublRelativePath: string): string {
  const ubl = `/${doc.kind}${ublRelativePath ? `/${ublRelativePath}` : ''}`;
  return doc.syntax === 'cii' ? ciiPathOf(ubl) : ubl;
}

/** A UBL element path as it reads in the document's own syntax. @internal */
export function inDocumentSyntax(doc: Pick<UblDocument, 'syntax'>, ublPath: string): string {
  return doc.syntax === 'cii' ? ciiPathOf(ublPath) : ublPath;
}
