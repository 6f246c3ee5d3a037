// Public surface of @fact/ubl. Every export is named.
export { parseUbl } from './read/parse-ubl.js';
export type { ParseUblOptions } from './read/parse-ubl.js';
export { writeUbl } from './write/write-ubl.js';
export { UblParseError } from './errors.js';
export type { UblErrorCode } from './errors.js';
export { PEPPOL_BIS3, UBL_NAMESPACES } from './namespaces.js';
export type {
  UblAdditionalDocument,
  UblAddress,
  UblAllowanceCharge,
  UblBillingReference,
  UblContact,
  UblDelivery,
  UblDocument,
  UblDocumentKind,
  UblIdentifier,
  UblItem,
  UblLine,
  UblMonetaryTotals,
  UblParty,
  UblPayee,
  UblPaymentMeans,
  UblPrice,
  UblTaxCategory,
  UblTaxRepresentative,
  UblVatBreakdown,
} from './model.js';
export { validateUbl } from './validate/validate-ubl.js';
export type { UblValidation } from './validate/validate-ubl.js';
export type { UblFinding, Severity } from './validate/finding.js';
export { CURRENCY_CODES, EAS_CODES, INVOICE_TYPE_CODES, PAYMENT_MEANS_CODES, VAT_CATEGORY_CODES } from './validate/code-lists.js';
export { parseCii, CII_NAMESPACE } from './cii/parse-cii.js';
export type { ParseCiiOptions } from './cii/parse-cii.js';
export { CiiParseError } from './cii/errors.js';
export type { CiiErrorCode } from './cii/errors.js';
export { ciiPathOf } from './cii/cii-paths.js';
export { elementPath } from './element-path.js';
export { readFacturX, EINVOICE_ATTACHMENT_NAMES } from './facturx/read-facturx.js';
export type { FacturXReading, ReadFacturXOptions } from './facturx/read-facturx.js';
export { FacturXError } from './facturx/errors.js';
export type { FacturXErrorCode } from './facturx/errors.js';
