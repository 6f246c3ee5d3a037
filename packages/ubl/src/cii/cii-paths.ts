/**
 * Where a business term sits in a Cross Industry Invoice, for the element paths of findings and
 * errors. The validator states its rules on the EN 16931 model with UBL paths; for a document
 * read from CII each path is translated here, so a finding names the element the sender wrote
 * (EN 16931-3-3, the CII syntax binding).
 */
export const CII_ROOT = '/rsm:CrossIndustryInvoice';
const CONTEXT = `${CII_ROOT}/rsm:ExchangedDocumentContext`;
const HEADER = `${CII_ROOT}/rsm:ExchangedDocument`;
const TRANSACTION = `${CII_ROOT}/rsm:SupplyChainTradeTransaction`;
const AGREEMENT = `${TRANSACTION}/ram:ApplicableHeaderTradeAgreement`;
const SETTLEMENT = `${TRANSACTION}/ram:ApplicableHeaderTradeSettlement`;
const SUMMATION = `${SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation`;

/** BG-22 totals: UBL `cac:LegalMonetaryTotal` children → CII monetary summation children. */
const TOTALS: Readonly<Record<string, string>> = {
  LineExtensionAmount: 'LineTotalAmount',
  TaxExclusiveAmount: 'TaxBasisTotalAmount',
  TaxInclusiveAmount: 'GrandTotalAmount',
  AllowanceTotalAmount: 'AllowanceTotalAmount',
  ChargeTotalAmount: 'ChargeTotalAmount',
  PrepaidAmount: 'TotalPrepaidAmount',
  PayableRoundingAmount: 'RoundingAmount',
  PayableAmount: 'DuePayableAmount',
};

type Rest = Readonly<Record<string, string>>;

const PARTY: Rest = {
  '': '',
  '/cac:PartyLegalEntity/cbc:RegistrationName': '/ram:Name',
  '/cac:PartyLegalEntity/cbc:CompanyID': '/ram:SpecifiedLegalOrganization/ram:ID',
  '/cac:PartyLegalEntity/cbc:CompanyID/@schemeID': '/ram:SpecifiedLegalOrganization/ram:ID/@schemeID',
  '/cac:PartyName/cbc:Name': '/ram:SpecifiedLegalOrganization/ram:TradingBusinessName',
  '/cac:PostalAddress': '/ram:PostalTradeAddress',
  '/cac:PostalAddress/cac:Country/cbc:IdentificationCode': '/ram:PostalTradeAddress/ram:CountryID',
  '/cbc:EndpointID': '/ram:URIUniversalCommunication/ram:URIID',
  '/cbc:EndpointID/@schemeID': '/ram:URIUniversalCommunication/ram:URIID/@schemeID',
  '/cac:PartyTaxScheme/cbc:CompanyID': '/ram:SpecifiedTaxRegistration/ram:ID',
};

const TAX: Rest = {
  '': '',
  '/cbc:TaxableAmount': '/ram:BasisAmount',
  '/cbc:TaxAmount': '/ram:CalculatedAmount',
  '/cac:TaxCategory/cbc:ID': '/ram:CategoryCode',
  '/cac:TaxCategory/cbc:Percent': '/ram:RateApplicablePercent',
  '/cac:TaxCategory/cbc:TaxExemptionReason': '/ram:ExemptionReason',
  '/cac:TaxCategory/cbc:TaxExemptionReasonCode': '/ram:ExemptionReasonCode',
};

const LINE_SETTLEMENT = '/ram:SpecifiedLineTradeSettlement';
const LINE: Rest = {
  '': '',
  '/cbc:ID': '/ram:AssociatedDocumentLineDocument/ram:LineID',
  '/cbc:InvoicedQuantity': '/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity',
  '/cbc:CreditedQuantity': '/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity',
  '/cbc:LineExtensionAmount': `${LINE_SETTLEMENT}/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount`,
  '/cac:Item/cbc:Name': '/ram:SpecifiedTradeProduct/ram:Name',
  '/cac:Price/cbc:PriceAmount': '/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount',
  '/cac:Item/cac:ClassifiedTaxCategory/cbc:ID': `${LINE_SETTLEMENT}/ram:ApplicableTradeTax/ram:CategoryCode`,
  '/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent': `${LINE_SETTLEMENT}/ram:ApplicableTradeTax/ram:RateApplicablePercent`,
};

const PAYMENT_MEANS: Rest = {
  '': '',
  '/cbc:PaymentMeansCode': '/ram:TypeCode',
  '/cac:PayeeFinancialAccount/cbc:ID': '/ram:PayeePartyCreditorFinancialAccount/ram:IBANID',
};

const ALLOWANCE: Rest = {
  '': '',
  '/cbc:Amount': '/ram:ActualAmount',
  '/cac:TaxCategory/cbc:ID': '/ram:CategoryTradeTax/ram:CategoryCode',
  '/cac:TaxCategory/cbc:Percent': '/ram:CategoryTradeTax/ram:RateApplicablePercent',
};

const SIMPLE: Rest = {
  'cbc:CustomizationID': `${CONTEXT}/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID`,
  'cbc:ProfileID': `${CONTEXT}/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID`,
  'cbc:ID': `${HEADER}/ram:ID`,
  'cbc:IssueDate': `${HEADER}/ram:IssueDateTime/udt:DateTimeString`,
  'cbc:InvoiceTypeCode': `${HEADER}/ram:TypeCode`,
  'cbc:CreditNoteTypeCode': `${HEADER}/ram:TypeCode`,
  'cbc:DocumentCurrencyCode': `${SETTLEMENT}/ram:InvoiceCurrencyCode`,
  'cbc:TaxCurrencyCode': `${SETTLEMENT}/ram:TaxCurrencyCode`,
  'cbc:DueDate': `${SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString`,
  'cbc:BuyerReference': `${AGREEMENT}/ram:BuyerReference`,
  'cac:LegalMonetaryTotal': SUMMATION,
  'cac:TaxTotal': SETTLEMENT,
  'cac:TaxTotal/cbc:TaxAmount': `${SUMMATION}/ram:TaxTotalAmount`,
  'cac:PaymentMeans/cbc:PaymentID': `${SETTLEMENT}/ram:PaymentReference`,
  'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID': `${SETTLEMENT}/ram:InvoiceReferencedDocument/ram:IssuerAssignedID`,
};

/** Repeated groups: UBL element (with optional `[n]`) → CII element, and how their children map. */
const GROUPS: readonly [RegExp, string, Rest][] = [
  [/^cac:AccountingSupplierParty\/cac:Party()(.*)$/, `${AGREEMENT}/ram:SellerTradeParty`, PARTY],
  [/^cac:AccountingCustomerParty\/cac:Party()(.*)$/, `${AGREEMENT}/ram:BuyerTradeParty`, PARTY],
  [/^cac:TaxTotal\/cac:TaxSubtotal(\[\d+\])?(.*)$/, `${SETTLEMENT}/ram:ApplicableTradeTax`, TAX],
  [/^cac:(?:Invoice|CreditNote)Line(\[\d+\])?(.*)$/, `${TRANSACTION}/ram:IncludedSupplyChainTradeLineItem`, LINE],
  [/^cac:PaymentMeans(\[\d+\])?(.*)$/, `${SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans`, PAYMENT_MEANS],
  [/^cac:AllowanceCharge(\[\d+\])?(.*)$/, `${SETTLEMENT}/ram:SpecifiedTradeAllowanceCharge`, ALLOWANCE],
];

/**
 * The CII element for a UBL element path (`/Invoice/…` or `/CreditNote/…`). A path with no known
 * CII counterpart keeps its UBL form after the CII root, marked so a reader sees it is a business
 * term rather than a literal CII element.
 *
 * @example
 * ```ts
 * ciiPathOf('/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount');
 * // "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount"
 * ```
 */
export function ciiPathOf(ublPath: string): string {
  const relative = ublPath.replace(/^\/(?:Invoice|CreditNote)\/?/, '');
  if (relative === '') return CII_ROOT;
  const simple = SIMPLE[relative];
  if (simple !== undefined) return simple;
  const total = /^cac:LegalMonetaryTotal\/cbc:(\w+)$/.exec(relative);
  if (total && TOTALS[total[1]!]) return `${SUMMATION}/ram:${TOTALS[total[1]!]}`;
  for (const [pattern, element, children] of GROUPS) {
    const match = pattern.exec(relative);
    const child = match ? children[match[2] ?? ''] : undefined;
    if (match && child !== undefined) return `${element}${match[1] ?? ''}${child}`;
  }
  return `${CII_ROOT} (UBL ${relative})`;
}
