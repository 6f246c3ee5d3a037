import { UblParseError } from '../errors.js';
import type { UblAdditionalDocument, UblDocument, UblIdentifier, UblLine, UblPaymentMeans, UblVatBreakdown } from '../model.js';
import { present } from '../read/read-parts.js';
import { INVOICE_TYPE_CODES } from '../validate/code-lists.js';
import { Element } from '../xml/element.js';
import { DEFAULT_MAX_BYTES, parseXmlSafely, type XmlNode } from '../xml/safe-xml.js';
import { CII_ROOT } from './cii-paths.js';
import { CiiParseError } from './errors.js';
import { ciiDate, readCiiAddress, readCiiAllowanceCharge, readCiiParty, readCiiTaxCategory } from './read-cii-parts.js';

/** The namespace of a UN/CEFACT Cross Industry Invoice D16B (Factur-X 1.0, ZUGFeRD 2.x, XRechnung CII). */
export const CII_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

/** Options of {@link parseCii}. */
export interface ParseCiiOptions {
  /** Largest accepted document in bytes (default 20 MiB). */
  readonly maxBytes?: number;
}

/** `ram:IssuerAssignedID` with its scheme, which CII gives as the sibling `ram:ReferenceTypeCode`. */
function referenceOf(el: Element | undefined): UblIdentifier | undefined {
  const value = el?.childText('ram:IssuerAssignedID');
  if (el === undefined || value === undefined) return undefined;
  const schemeId = el.childText('ram:ReferenceTypeCode');
  return schemeId === undefined ? { value } : { value, schemeId };
}

function readLine(el: Element): UblLine {
  const doc = el.one('ram:AssociatedDocumentLineDocument');
  const product = el.one('ram:SpecifiedTradeProduct');
  const agreement = el.one('ram:SpecifiedLineTradeAgreement');
  const net = agreement?.one('ram:NetPriceProductTradePrice');
  const gross = agreement?.one('ram:GrossPriceProductTradePrice');
  const quantity = el.one('ram:SpecifiedLineTradeDelivery')?.one('ram:BilledQuantity');
  const settlement = el.one('ram:SpecifiedLineTradeSettlement');
  const period = settlement?.one('ram:BillingSpecifiedPeriod');
  const objectRef = settlement?.all('ram:AdditionalReferencedDocument').find((d) => d.childText('ram:TypeCode') === '130');
  const basis = net?.one('ram:BasisQuantity');
  return {
    ...present({
      id: doc?.childText('ram:LineID'),
      note: doc?.one('ram:IncludedNote')?.childText('ram:Content'),
      quantity: el.one('ram:SpecifiedLineTradeDelivery')?.decimal('ram:BilledQuantity'),
      unitCode: quantity?.attr('unitCode'),
      lineExtensionAmount: settlement?.one('ram:SpecifiedTradeSettlementLineMonetarySummation')?.decimal('ram:LineTotalAmount'),
      accountingCost: settlement?.one('ram:ReceivableSpecifiedTradeAccountingAccount')?.childText('ram:ID'),
      period: period ? present({ startDate: ciiDate(period, 'ram:StartDateTime'), endDate: ciiDate(period, 'ram:EndDateTime') }) : undefined,
      orderLineReference: agreement?.one('ram:BuyerOrderReferencedDocument')?.childText('ram:LineID'),
      documentReference: referenceOf(objectRef),
    }),
    allowanceCharges: (settlement?.all('ram:SpecifiedTradeAllowanceCharge') ?? []).map(readCiiAllowanceCharge),
    item: {
      ...present({
        description: product?.childText('ram:Description'),
        name: product?.childText('ram:Name'),
        buyersId: product?.childText('ram:BuyerAssignedID'),
        sellersId: product?.childText('ram:SellerAssignedID'),
        standardId: product?.identifier('ram:GlobalID'),
        originCountry: product?.one('ram:OriginTradeCountry')?.childText('ram:ID'),
        taxCategory: readCiiTaxCategory(settlement?.one('ram:ApplicableTradeTax')),
      }),
      classifications: (product?.all('ram:DesignatedProductClassification') ?? []).map((c) => c.identifier('ram:ClassCode', 'listID')).filter((x) => x !== undefined),
      properties: (product?.all('ram:ApplicableProductCharacteristic') ?? []).map((p) => ({ name: p.childText('ram:Description') ?? '', value: p.childText('ram:Value') ?? '' })),
    },
    price:
      present({
        amount: net?.decimal('ram:ChargeAmount'),
        baseQuantity: net?.decimal('ram:BasisQuantity'),
        baseQuantityUnitCode: basis?.attr('unitCode'),
        discount: gross?.one('ram:AppliedTradeAllowanceCharge')?.decimal('ram:ActualAmount'),
        grossAmount: gross?.decimal('ram:ChargeAmount'),
      }) ?? {},
  };
}

function readAdditionalDocument(el: Element): UblAdditionalDocument {
  const binary = el.one('ram:AttachmentBinaryObject');
  const content = binary?.text();
  return {
    id: referenceOf(el) ?? { value: '' },
    ...present({
      typeCode: el.childText('ram:TypeCode'),
      description: el.childText('ram:Name'),
      uri: el.childText('ram:URIID'),
      attachment: binary && content !== undefined ? { content, ...present({ mimeCode: binary.attr('mimeCode'), filename: binary.attr('filename') }) } : undefined,
    }),
  };
}

/**
 * BT-110 and BT-111: `ram:TaxTotalAmount` may appear twice, once in the invoice currency and
 * once in the VAT accounting currency, told apart by `@currencyID`.
 */
function taxTotals(summation: Element | undefined, currency: string | undefined, taxCurrency: string | undefined) {
  const totals = summation?.all('ram:TaxTotalAmount') ?? [];
  const main = totals.find((t) => t.attr('currencyID') === currency) ?? totals.find((t) => t.attr('currencyID') === undefined) ?? (taxCurrency === undefined ? totals[0] : undefined);
  const other = taxCurrency !== undefined ? totals.find((t) => t !== main && t.attr('currencyID') === taxCurrency) : undefined;
  return { taxAmount: main?.decimalValue(), taxAmountInTaxCurrency: other?.decimalValue() };
}

function readPaymentMeans(el: Element, paymentId: string | undefined, mandateId: string | undefined): UblPaymentMeans {
  const code = el.one('ram:TypeCode');
  const payee = el.one('ram:PayeePartyCreditorFinancialAccount');
  return (
    present({
      code: code?.text(),
      codeName: el.childText('ram:Information'),
      paymentId,
      accountId: payee?.childText('ram:IBANID') ?? payee?.childText('ram:ProprietaryID'),
      accountName: payee?.childText('ram:AccountName'),
      bic: el.one('ram:PayeeSpecifiedCreditorFinancialInstitution')?.childText('ram:BICID'),
      mandateId,
      debitedAccountId: el.one('ram:PayerPartyDebtorFinancialAccount')?.childText('ram:IBANID'),
    }) ?? {}
  );
}

function readDocument(node: XmlNode): UblDocument {
  const root = new Element(node, CII_ROOT);
  const context = root.one('rsm:ExchangedDocumentContext');
  const header = root.one('rsm:ExchangedDocument');
  const transaction = root.one('rsm:SupplyChainTradeTransaction');
  const agreement = transaction?.one('ram:ApplicableHeaderTradeAgreement');
  const delivery = transaction?.one('ram:ApplicableHeaderTradeDelivery');
  const settlement = transaction?.one('ram:ApplicableHeaderTradeSettlement');
  const summation = settlement?.one('ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  const typeCode = header?.childText('ram:TypeCode');
  // One root for both: the type code says whether it is a credit note (UNCL1001 381, 261…).
  const kind = typeCode !== undefined && INVOICE_TYPE_CODES.CreditNote.has(typeCode) ? 'CreditNote' : 'Invoice';
  const currency = settlement?.childText('ram:InvoiceCurrencyCode');
  const taxCurrency = settlement?.childText('ram:TaxCurrencyCode');
  const terms = settlement?.all('ram:SpecifiedTradePaymentTerms') ?? [];
  const documents = agreement?.all('ram:AdditionalReferencedDocument') ?? [];
  const tender = documents.find((d) => d.childText('ram:TypeCode') === '50');
  const payee = settlement?.one('ram:PayeeTradeParty');
  const representative = agreement?.one('ram:SellerTaxRepresentativeTradeParty');
  const shipTo = delivery?.one('ram:ShipToTradeParty');
  const period = settlement?.one('ram:BillingSpecifiedPeriod');
  const paymentId = settlement?.childText('ram:PaymentReference');
  const mandateId = terms.map((t) => t.childText('ram:DirectDebitMandateID')).find((m) => m !== undefined);
  const seller = readCiiParty(agreement?.one('ram:SellerTradeParty'));
  const creditorId = settlement?.childText('ram:CreditorReferenceID');
  const vatBreakdown: UblVatBreakdown[] = (settlement?.all('ram:ApplicableTradeTax') ?? []).map((t) => ({
    ...present({ taxableAmount: t.decimal('ram:BasisAmount'), taxAmount: t.decimal('ram:CalculatedAmount') }),
    category: readCiiTaxCategory(t) ?? {},
  }));
  const tax = taxTotals(summation, currency, taxCurrency);
  const means = settlement?.all('ram:SpecifiedTradeSettlementPaymentMeans') ?? [];

  return {
    kind,
    syntax: 'cii',
    ...present({
      customizationId: context?.one('ram:GuidelineSpecifiedDocumentContextParameter')?.childText('ram:ID'),
      profileId: context?.one('ram:BusinessProcessSpecifiedDocumentContextParameter')?.childText('ram:ID'),
      id: header?.childText('ram:ID'),
      issueDate: ciiDate(header, 'ram:IssueDateTime'),
      dueDate: terms.map((t) => ciiDate(t, 'ram:DueDateDateTime')).find((d) => d !== undefined),
      typeCode,
      taxPointDate: settlement?.all('ram:ApplicableTradeTax').map((t) => ciiDate(t, 'ram:TaxPointDate')).find((d) => d !== undefined),
      currency,
      taxCurrency,
      accountingCost: settlement?.one('ram:ReceivableSpecifiedTradeAccountingAccount')?.childText('ram:ID'),
      buyerReference: agreement?.childText('ram:BuyerReference'),
      invoicePeriod: period
        ? present({
            startDate: ciiDate(period, 'ram:StartDateTime'),
            endDate: ciiDate(period, 'ram:EndDateTime'),
            descriptionCode: settlement?.all('ram:ApplicableTradeTax').map((t) => t.childText('ram:DueDateTypeCode')).find((c) => c !== undefined),
          })
        : undefined,
      orderReference: agreement?.one('ram:BuyerOrderReferencedDocument')?.childText('ram:IssuerAssignedID'),
      salesOrderReference: agreement?.one('ram:SellerOrderReferencedDocument')?.childText('ram:IssuerAssignedID'),
      despatchReference: delivery?.one('ram:DespatchAdviceReferencedDocument')?.childText('ram:IssuerAssignedID'),
      receiptReference: delivery?.one('ram:ReceivingAdviceReferencedDocument')?.childText('ram:IssuerAssignedID'),
      originatorReference: tender?.childText('ram:IssuerAssignedID'),
      contractReference: agreement?.one('ram:ContractReferencedDocument')?.childText('ram:IssuerAssignedID'),
      projectReference: agreement?.one('ram:SpecifiedProcuringProject')?.childText('ram:ID'),
      payee: payee
        ? present({
            name: payee.childText('ram:Name'),
            identifier: payee.identifier('ram:GlobalID') ?? payee.identifier('ram:ID'),
            legalId: payee.one('ram:SpecifiedLegalOrganization')?.identifier('ram:ID'),
          })
        : undefined,
      taxRepresentative: representative
        ? present({
            name: representative.childText('ram:Name'),
            vatId: representative.all('ram:SpecifiedTaxRegistration').find((r) => r.one('ram:ID')?.attr('schemeID') === 'VA')?.childText('ram:ID'),
            address: readCiiAddress(representative.one('ram:PostalTradeAddress')),
          })
        : undefined,
      delivery:
        shipTo || delivery?.one('ram:ActualDeliverySupplyChainEvent')
          ? present({
              date: ciiDate(delivery?.one('ram:ActualDeliverySupplyChainEvent'), 'ram:OccurrenceDateTime'),
              locationId: shipTo?.identifier('ram:GlobalID') ?? shipTo?.identifier('ram:ID'),
              address: readCiiAddress(shipTo?.one('ram:PostalTradeAddress')),
              partyName: shipTo?.childText('ram:Name'),
            })
          : undefined,
      paymentTermsNote: terms.map((t) => t.childText('ram:Description')).find((d) => d !== undefined),
      taxAmount: tax.taxAmount,
      taxAmountInTaxCurrency: tax.taxAmountInTaxCurrency,
    }),
    notes: (header?.all('ram:IncludedNote') ?? []).map((n) => n.childText('ram:Content') ?? ''),
    billingReferences: (settlement?.all('ram:InvoiceReferencedDocument') ?? []).flatMap((r) => {
      const id = r.childText('ram:IssuerAssignedID');
      return id === undefined ? [] : [{ id, ...present({ issueDate: ciiDate(r, 'ram:FormattedIssueDateTime') }) }];
    }),
    additionalDocuments: documents.filter((d) => d !== tender).map(readAdditionalDocument),
    // BT-90 (bank assigned creditor identifier) is a seller identifier with scheme SEPA in UBL.
    seller: creditorId === undefined ? seller : { ...seller, identifiers: [...seller.identifiers, { value: creditorId, schemeId: 'SEPA' }] },
    buyer: readCiiParty(agreement?.one('ram:BuyerTradeParty')),
    // BT-83 and BT-89 are settlement-level in CII, per payment means in UBL.
    paymentMeans: means.length > 0 ? means.map((m) => readPaymentMeans(m, paymentId, mandateId)) : paymentId !== undefined ? [{ paymentId }] : [],
    allowanceCharges: (settlement?.all('ram:SpecifiedTradeAllowanceCharge') ?? []).map(readCiiAllowanceCharge),
    vatBreakdown,
    totals:
      present({
        lineExtensionAmount: summation?.decimal('ram:LineTotalAmount'),
        taxExclusiveAmount: summation?.decimal('ram:TaxBasisTotalAmount'),
        taxInclusiveAmount: summation?.decimal('ram:GrandTotalAmount'),
        allowanceTotalAmount: summation?.decimal('ram:AllowanceTotalAmount'),
        chargeTotalAmount: summation?.decimal('ram:ChargeTotalAmount'),
        prepaidAmount: summation?.decimal('ram:TotalPrepaidAmount'),
        payableRoundingAmount: summation?.decimal('ram:RoundingAmount'),
        payableAmount: summation?.decimal('ram:DuePayableAmount'),
      }) ?? {},
    lines: (transaction?.all('ram:IncludedSupplyChainTradeLineItem') ?? []).map(readLine),
  };
}

/**
 * Reads a UN/CEFACT Cross Industry Invoice (CII D16B: the XML inside Factur-X, ZUGFeRD 2.x and
 * XRechnung-CII) into the same EN 16931 model as {@link parseUbl}, marked `syntax: 'cii'`, so the
 * same validator and importer apply and findings name CII elements. The XML is read with the same
 * safe settings as UBL: size limit, DOCTYPE/ENTITY refused (XXE, billion laughs), well-formedness
 * checked, nesting capped. Errors are {@link CiiParseError}s naming the element.
 *
 * A credit note is a CII invoice whose type code (BT-3) is a credit note code (381…): it becomes
 * `kind: 'CreditNote'` with positive amounts, as in UBL.
 *
 * @example
 * ```ts
 * const doc = parseCii(readFileSync('factur-x.xml'));
 * validateUbl(doc).findings; // elements as /rsm:CrossIndustryInvoice/…
 * ```
 */
export function parseCii(xml: string | Uint8Array, options: ParseCiiOptions = {}): UblDocument {
  try {
    const { rootName, rootNamespace, root } = parseXmlSafely(xml, options.maxBytes ?? DEFAULT_MAX_BYTES);
    if (rootName === 'CrossIndustryDocument') {
      throw new CiiParseError('CII_UNSUPPORTED', 'this is a ZUGFeRD 1.0 CrossIndustryDocument; Fact reads Factur-X / ZUGFeRD 2.x (CrossIndustryInvoice D16B)');
    }
    if (rootName !== 'CrossIndustryInvoice') throw new CiiParseError('CII_NOT_CII', `root element is ${rootName}; expected rsm:CrossIndustryInvoice`);
    if (rootNamespace !== CII_NAMESPACE) {
      throw new CiiParseError('CII_NOT_CII', `root element CrossIndustryInvoice is in namespace "${rootNamespace ?? '(none)'}", expected ${CII_NAMESPACE}`);
    }
    return readDocument(root);
  } catch (error) {
    if (error instanceof UblParseError) throw CiiParseError.fromUbl(error);
    throw error;
  }
}
