import type { CalendarDate, Money } from '@fact/core';

/**
 * The typed model of a Peppol BIS Billing 3.0 / EN 16931 invoice or credit note in UBL 2.1.
 * Names follow the UBL elements; the EN 16931 business term (BT-x / BG-x) of each field is in its
 * TSDoc. Everything that EN 16931 makes mandatory is still optional here, because a received
 * document may lack it: {@link validateUbl} reports what is missing instead of the parser failing.
 * Amounts, quantities and percentages are exact decimals (`Money` from `@fact/core`).
 */

/** An identifier with its optional scheme (`schemeID`, e.g. EAS `0208` or ICD `0088`). */
export interface UblIdentifier {
  readonly value: string;
  readonly schemeId?: string;
}

/** A postal address (BG-5 seller, BG-8 buyer, BG-12 tax representative, BG-15 delivery). */
export interface UblAddress {
  /** BT-35 / BT-50 / BT-64 / BT-75 Address line 1. */
  readonly streetName?: string;
  /** BT-36 / BT-51 / BT-65 / BT-76 Address line 2. */
  readonly additionalStreetName?: string;
  /** BT-162 / BT-163 / BT-164 / BT-165 Address line 3 (`cac:AddressLine/cbc:Line`). */
  readonly addressLine?: string;
  /** BT-37 / BT-52 / BT-66 / BT-77 City. */
  readonly cityName?: string;
  /** BT-38 / BT-53 / BT-67 / BT-78 Post code. */
  readonly postalZone?: string;
  /** BT-39 / BT-54 / BT-68 / BT-79 Country subdivision. */
  readonly countrySubentity?: string;
  /** BT-40 / BT-55 / BT-69 / BT-80 Country code (ISO 3166-1 alpha-2). */
  readonly countryCode?: string;
}

/** Contact of a party (BG-6 seller, BG-9 buyer). */
export interface UblContact {
  /** BT-41 / BT-56 Contact point. */
  readonly name?: string;
  /** BT-42 / BT-57 Telephone. */
  readonly telephone?: string;
  /** BT-43 / BT-58 E-mail address. */
  readonly email?: string;
}

/** The seller (BG-4) or the buyer (BG-7). */
export interface UblParty {
  /** BT-34 / BT-49 Electronic address (Peppol participant id) with its EAS scheme. */
  readonly endpointId?: UblIdentifier;
  /** BT-29 / BT-46 Seller or buyer identifiers (`cac:PartyIdentification`); BT-90 bank-assigned creditor id has scheme `SEPA`. */
  readonly identifiers: readonly UblIdentifier[];
  /** BT-28 / BT-45 Trading name (`cac:PartyName/cbc:Name`). */
  readonly tradingName?: string;
  readonly address?: UblAddress;
  /** BT-31 / BT-48 VAT identifier (`cac:PartyTaxScheme` with tax scheme `VAT`). */
  readonly vatId?: string;
  /** BT-32 Seller tax registration identifier (`cac:PartyTaxScheme` with another tax scheme). */
  readonly taxRegistrationId?: string;
  /** BT-27 / BT-44 Legal name (`cac:PartyLegalEntity/cbc:RegistrationName`). */
  readonly registrationName?: string;
  /** BT-30 / BT-47 Legal registration identifier (KBO/BCE 0208, KvK 0106, OIN 0190…). */
  readonly legalId?: UblIdentifier;
  /** BT-33 Seller additional legal information. */
  readonly legalForm?: string;
  readonly contact?: UblContact;
}

/** BG-10 Payee, when it is not the seller. */
export interface UblPayee {
  /** BT-59 Payee name. */
  readonly name?: string;
  /** BT-60 Payee identifier. */
  readonly identifier?: UblIdentifier;
  /** BT-61 Payee legal registration identifier. */
  readonly legalId?: UblIdentifier;
}

/** BG-11 Seller tax representative. */
export interface UblTaxRepresentative {
  /** BT-62 Name. */
  readonly name?: string;
  /** BT-63 VAT identifier. */
  readonly vatId?: string;
  readonly address?: UblAddress;
}

/** BG-13 Delivery information. */
export interface UblDelivery {
  /** BT-72 Actual delivery date. */
  readonly date?: CalendarDate;
  /** BT-71 Deliver-to location identifier. */
  readonly locationId?: UblIdentifier;
  readonly address?: UblAddress;
  /** BT-70 Deliver-to party name. */
  readonly partyName?: string;
}

/** BG-16 Payment instructions (one `cac:PaymentMeans`). */
export interface UblPaymentMeans {
  /** BT-81 Payment means type code (UNCL4461: 30 credit transfer, 58 SEPA credit transfer, 59 SEPA direct debit…). */
  readonly code?: string;
  /** BT-82 Payment means text (`@name`). */
  readonly codeName?: string;
  /** BT-83 Remittance information: put the OGM or RF reference here. */
  readonly paymentId?: string;
  /** BT-84 Payment account identifier (IBAN for SEPA). */
  readonly accountId?: string;
  /** BT-85 Payment account name. */
  readonly accountName?: string;
  /** BT-86 Payment service provider identifier (BIC). */
  readonly bic?: string;
  /** BT-89 Mandate reference identifier (direct debit). */
  readonly mandateId?: string;
  /** BT-91 Debited account identifier (direct debit). */
  readonly debitedAccountId?: string;
}

/** A tax category: BT-95/96 (document allowance), BT-102/103 (charge), BT-151/152 (line item), BT-118/119 (breakdown). */
export interface UblTaxCategory {
  /** VAT category code (UNCL5305 subset: S, Z, E, AE, K, G, O, L, M). */
  readonly id?: string;
  /** VAT rate in percent. */
  readonly percent?: Money;
  /** BT-121 VAT exemption reason code (breakdown only). */
  readonly exemptionReasonCode?: string;
  /** BT-120 VAT exemption reason text (breakdown only). */
  readonly exemptionReason?: string;
}

/** An allowance (BG-20 document, BG-27 line) or charge (BG-21 document, BG-28 line). */
export interface UblAllowanceCharge {
  /** `true` for a charge, `false` for an allowance. */
  readonly chargeIndicator: boolean;
  /** BT-98 / BT-105 / BT-140 / BT-145 Reason code (UNCL5189 allowances, UNCL7161 charges). */
  readonly reasonCode?: string;
  /** BT-97 / BT-104 / BT-139 / BT-144 Reason. */
  readonly reason?: string;
  /** BT-94 / BT-101 / BT-138 / BT-143 Percentage. */
  readonly multiplierFactor?: Money;
  /** BT-92 / BT-99 / BT-136 / BT-141 Amount. */
  readonly amount?: Money;
  /** BT-93 / BT-100 / BT-137 / BT-142 Base amount. */
  readonly baseAmount?: Money;
  /** Document level only: the VAT category of the allowance or charge. */
  readonly taxCategory?: UblTaxCategory;
}

/** BG-23 VAT breakdown (one `cac:TaxSubtotal`). */
export interface UblVatBreakdown {
  /** BT-116 VAT category taxable amount. */
  readonly taxableAmount?: Money;
  /** BT-117 VAT category tax amount. */
  readonly taxAmount?: Money;
  /** BT-118 category code, BT-119 rate, BT-120/121 exemption reason. */
  readonly category: UblTaxCategory;
}

/** BG-22 Document totals (`cac:LegalMonetaryTotal`). */
export interface UblMonetaryTotals {
  /** BT-106 Sum of invoice line net amounts. */
  readonly lineExtensionAmount?: Money;
  /** BT-109 Invoice total amount without VAT. */
  readonly taxExclusiveAmount?: Money;
  /** BT-112 Invoice total amount with VAT. */
  readonly taxInclusiveAmount?: Money;
  /** BT-107 Sum of allowances on document level. */
  readonly allowanceTotalAmount?: Money;
  /** BT-108 Sum of charges on document level. */
  readonly chargeTotalAmount?: Money;
  /** BT-113 Paid amount. */
  readonly prepaidAmount?: Money;
  /** BT-114 Rounding amount. */
  readonly payableRoundingAmount?: Money;
  /** BT-115 Amount due for payment. */
  readonly payableAmount?: Money;
}

/** BG-25 Invoice line (`cac:InvoiceLine` / `cac:CreditNoteLine`). */
export interface UblLine {
  /** BT-126 Invoice line identifier. */
  readonly id?: string;
  /** BT-127 Invoice line note. */
  readonly note?: string;
  /** BT-129 Invoiced quantity. */
  readonly quantity?: Money;
  /** BT-130 Unit of measure code (UN/ECE Rec 20/21). */
  readonly unitCode?: string;
  /** BT-131 Invoice line net amount. */
  readonly lineExtensionAmount?: Money;
  /** BT-133 Buyer accounting reference. */
  readonly accountingCost?: string;
  /** BG-26 Invoice line period: BT-134 start, BT-135 end. */
  readonly period?: { readonly startDate?: CalendarDate; readonly endDate?: CalendarDate };
  /** BT-132 Referenced purchase order line reference. */
  readonly orderLineReference?: string;
  /** BT-128 Invoice line object identifier. */
  readonly documentReference?: UblIdentifier;
  /** BG-27 / BG-28 Line allowances and charges. */
  readonly allowanceCharges: readonly UblAllowanceCharge[];
  readonly item: UblItem;
  readonly price: UblPrice;
}

/** BG-31 Item information. */
export interface UblItem {
  /** BT-154 Item description. */
  readonly description?: string;
  /** BT-153 Item name. */
  readonly name?: string;
  /** BT-156 Item buyer's identifier. */
  readonly buyersId?: string;
  /** BT-155 Item seller's identifier. */
  readonly sellersId?: string;
  /** BT-157 Item standard identifier (e.g. GTIN, scheme 0160). */
  readonly standardId?: UblIdentifier;
  /** BT-159 Item country of origin. */
  readonly originCountry?: string;
  /** BT-158 Item classification identifiers (`@listID` as scheme). */
  readonly classifications: readonly UblIdentifier[];
  /** BT-151 Invoiced item VAT category code and BT-152 rate. */
  readonly taxCategory?: UblTaxCategory;
  /** BG-32 Item attributes: BT-160 name, BT-161 value. */
  readonly properties: readonly { readonly name: string; readonly value: string }[];
}

/** BG-29 Price details. */
export interface UblPrice {
  /** BT-146 Item net price. */
  readonly amount?: Money;
  /** BT-149 Item price base quantity. */
  readonly baseQuantity?: Money;
  /** BT-150 Item price base quantity unit of measure code. */
  readonly baseQuantityUnitCode?: string;
  /** BT-147 Item price discount. */
  readonly discount?: Money;
  /** BT-148 Item gross price. */
  readonly grossAmount?: Money;
}

/** BG-3 Preceding invoice reference (`cac:BillingReference/cac:InvoiceDocumentReference`). */
export interface UblBillingReference {
  /** BT-25 Preceding invoice reference. */
  readonly id: string;
  /** BT-26 Preceding invoice issue date. */
  readonly issueDate?: CalendarDate;
}

/** BG-24 Additional supporting document. */
export interface UblAdditionalDocument {
  /** BT-122 Supporting document reference (BT-18 invoiced object identifier when typeCode is 130). */
  readonly id: UblIdentifier;
  /** `cbc:DocumentTypeCode` (130 invoiced object, 50 project reference in credit notes). */
  readonly typeCode?: string;
  /** BT-123 Supporting document description. */
  readonly description?: string;
  /** BT-124 External document location. */
  readonly uri?: string;
  /** BT-125 Attached document, base64, with its mime code and file name. */
  readonly attachment?: { readonly content: string; readonly mimeCode?: string; readonly filename?: string };
}

/** Which UBL document: an invoice (`Invoice-2`) or a credit note (`CreditNote-2`). */
export type UblDocumentKind = 'Invoice' | 'CreditNote';

/** BG-0 An invoice or credit note. */
export interface UblDocument {
  readonly kind: UblDocumentKind;
  /**
   * The syntax the document was read from: absent for UBL 2.1, `'cii'` for a UN/CEFACT Cross
   * Industry Invoice (Factur-X, ZUGFeRD). The model is the same (EN 16931); element paths in
   * findings and errors follow the syntax (see `elementPath`).
   */
  readonly syntax?: 'cii';
  /** BT-24 Specification identifier (`cbc:CustomizationID`). */
  readonly customizationId?: string;
  /** BT-23 Business process type (`cbc:ProfileID`). */
  readonly profileId?: string;
  /** BT-1 Invoice number. */
  readonly id?: string;
  /** BT-2 Invoice issue date. */
  readonly issueDate?: CalendarDate;
  /** BT-9 Payment due date (`cbc:DueDate`; in a credit note `cac:PaymentMeans/cbc:PaymentDueDate`). */
  readonly dueDate?: CalendarDate;
  /** BT-3 Invoice type code (UNCL1001: 380 invoice, 381 credit note, 384 corrected, 389 self-billed…). */
  readonly typeCode?: string;
  /** BT-22 Invoice notes. */
  readonly notes: readonly string[];
  /** BT-7 VAT point date. */
  readonly taxPointDate?: CalendarDate;
  /** BT-5 Invoice currency code (ISO 4217). */
  readonly currency?: string;
  /** BT-6 VAT accounting currency code. */
  readonly taxCurrency?: string;
  /** BT-19 Buyer accounting reference. */
  readonly accountingCost?: string;
  /** BT-10 Buyer reference. */
  readonly buyerReference?: string;
  /** BG-14 Invoicing period: BT-73 start, BT-74 end, BT-8 VAT point date code. */
  readonly invoicePeriod?: { readonly startDate?: CalendarDate; readonly endDate?: CalendarDate; readonly descriptionCode?: string };
  /** BT-13 Purchase order reference. */
  readonly orderReference?: string;
  /** BT-14 Sales order reference. */
  readonly salesOrderReference?: string;
  /** BG-3 Preceding invoice references (credit notes, corrections). */
  readonly billingReferences: readonly UblBillingReference[];
  /** BT-16 Despatch advice reference. */
  readonly despatchReference?: string;
  /** BT-15 Receiving advice reference. */
  readonly receiptReference?: string;
  /** BT-17 Tender or lot reference. */
  readonly originatorReference?: string;
  /** BT-12 Contract reference. */
  readonly contractReference?: string;
  /** BT-11 Project reference (invoice: `cac:ProjectReference`; credit note: an additional document with type code 50). */
  readonly projectReference?: string;
  /** BG-24 Additional supporting documents. */
  readonly additionalDocuments: readonly UblAdditionalDocument[];
  /** BG-4 Seller. */
  readonly seller: UblParty;
  /** BG-7 Buyer. */
  readonly buyer: UblParty;
  /** BG-10 Payee. */
  readonly payee?: UblPayee;
  /** BG-11 Seller tax representative. */
  readonly taxRepresentative?: UblTaxRepresentative;
  /** BG-13 Delivery. */
  readonly delivery?: UblDelivery;
  /** BG-16 Payment instructions, one per `cac:PaymentMeans`. */
  readonly paymentMeans: readonly UblPaymentMeans[];
  /** BT-20 Payment terms. */
  readonly paymentTermsNote?: string;
  /** BG-20 / BG-21 Document level allowances and charges. */
  readonly allowanceCharges: readonly UblAllowanceCharge[];
  /** BT-110 Invoice total VAT amount (the `cac:TaxTotal` in the document currency). */
  readonly taxAmount?: Money;
  /** BT-111 Invoice total VAT amount in accounting currency (the `cac:TaxTotal` in the tax currency). */
  readonly taxAmountInTaxCurrency?: Money;
  /** BG-23 VAT breakdown. */
  readonly vatBreakdown: readonly UblVatBreakdown[];
  /** BG-22 Document totals. */
  readonly totals: UblMonetaryTotals;
  /** BG-25 Lines. */
  readonly lines: readonly UblLine[];
}
