import { UblParseError } from '../errors.js';
import type { UblAdditionalDocument, UblDocument, UblDocumentKind, UblLine, UblVatBreakdown } from '../model.js';
import { UBL_NAMESPACES } from '../namespaces.js';
import { Element } from '../xml/element.js';
import { DEFAULT_MAX_BYTES, parseXmlSafely } from '../xml/safe-xml.js';
import { present, readAddress, readAllowanceCharge, readParty, readPaymentMeans, readTaxCategory } from './read-parts.js';

/** Options of {@link parseUbl}. */
export interface ParseUblOptions {
  /** Largest accepted document in bytes (default 20 MiB). */
  readonly maxBytes?: number;
}

function readLine(el: Element, kind: UblDocumentKind): UblLine {
  const quantity = el.one(kind === 'Invoice' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity');
  const period = el.one('cac:InvoicePeriod');
  const item = el.one('cac:Item');
  const price = el.one('cac:Price');
  const priceAllowance = price?.one('cac:AllowanceCharge');
  const baseQuantity = price?.one('cbc:BaseQuantity');
  return {
    ...present({
      id: el.childText('cbc:ID'),
      note: el.childText('cbc:Note'),
      quantity: el.decimal(kind === 'Invoice' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity'),
      unitCode: quantity?.attr('unitCode'),
      lineExtensionAmount: el.decimal('cbc:LineExtensionAmount'),
      accountingCost: el.childText('cbc:AccountingCost'),
      period: period ? present({ startDate: period.date('cbc:StartDate'), endDate: period.date('cbc:EndDate') }) : undefined,
      orderLineReference: el.one('cac:OrderLineReference')?.childText('cbc:LineID'),
      documentReference: el.one('cac:DocumentReference')?.identifier('cbc:ID'),
    }),
    allowanceCharges: el.all('cac:AllowanceCharge').map(readAllowanceCharge),
    item: {
      ...present({
        description: item?.childText('cbc:Description'),
        name: item?.childText('cbc:Name'),
        buyersId: item?.one('cac:BuyersItemIdentification')?.childText('cbc:ID'),
        sellersId: item?.one('cac:SellersItemIdentification')?.childText('cbc:ID'),
        standardId: item?.one('cac:StandardItemIdentification')?.identifier('cbc:ID'),
        originCountry: item?.one('cac:OriginCountry')?.childText('cbc:IdentificationCode'),
        taxCategory: readTaxCategory(item?.one('cac:ClassifiedTaxCategory')),
      }),
      classifications: (item?.all('cac:CommodityClassification') ?? [])
        .map((c) => c.identifier('cbc:ItemClassificationCode', 'listID'))
        .filter((x) => x !== undefined),
      properties: (item?.all('cac:AdditionalItemProperty') ?? []).map((p) => ({ name: p.childText('cbc:Name') ?? '', value: p.childText('cbc:Value') ?? '' })),
    },
    price:
      present({
        amount: price?.decimal('cbc:PriceAmount'),
        baseQuantity: price?.decimal('cbc:BaseQuantity'),
        baseQuantityUnitCode: baseQuantity?.attr('unitCode'),
        discount: priceAllowance?.decimal('cbc:Amount'),
        grossAmount: priceAllowance?.decimal('cbc:BaseAmount'),
      }) ?? {},
  };
}

function readAdditionalDocument(el: Element): UblAdditionalDocument {
  const attachment = el.one('cac:Attachment');
  const binary = attachment?.one('cbc:EmbeddedDocumentBinaryObject');
  const content = binary?.text();
  return {
    id: el.identifier('cbc:ID') ?? { value: '' },
    ...present({
      typeCode: el.childText('cbc:DocumentTypeCode'),
      description: el.childText('cbc:DocumentDescription'),
      uri: attachment?.one('cac:ExternalReference')?.childText('cbc:URI'),
      attachment:
        binary && content !== undefined
          ? { content, ...present({ mimeCode: binary.attr('mimeCode'), filename: binary.attr('filename') }) }
          : undefined,
    }),
  };
}

/** Splits the TaxTotal elements into BT-110 + BG-23 (document currency) and BT-111 (tax currency). */
function readTaxTotals(root: Element, currency: string | undefined) {
  const totals = root.all('cac:TaxTotal');
  const main = totals.find((t) => t.all('cac:TaxSubtotal').length > 0) ?? totals.find((t) => t.one('cbc:TaxAmount')?.attr('currencyID') === currency) ?? totals[0];
  const other = totals.find((t) => t !== main);
  const vatBreakdown: UblVatBreakdown[] = (main?.all('cac:TaxSubtotal') ?? []).map((s) => ({
    ...present({ taxableAmount: s.decimal('cbc:TaxableAmount'), taxAmount: s.decimal('cbc:TaxAmount') }),
    category: readTaxCategory(s.one('cac:TaxCategory')) ?? {},
  }));
  return { taxAmount: main?.decimal('cbc:TaxAmount'), taxAmountInTaxCurrency: other?.decimal('cbc:TaxAmount'), vatBreakdown };
}

/**
 * Reads a UBL 2.1 Invoice or CreditNote (Peppol BIS Billing 3.0 / EN 16931) into a
 * {@link UblDocument}. The XML is parsed safely: documents over the size limit, with a DOCTYPE
 * or entity declarations (XXE, billion laughs), or not well-formed are refused with a
 * {@link UblParseError}; so are unreadable amounts and dates (the error names the element).
 * Missing business terms are not errors here: {@link validateUbl} reports them.
 *
 * @example
 * ```ts
 * const doc = parseUbl(readFileSync('invoice.xml'));
 * doc.totals.payableAmount?.toFixed(2); // "1656.25"
 * ```
 */
export function parseUbl(xml: string | Uint8Array, options: ParseUblOptions = {}): UblDocument {
  const { rootName, rootNamespace, root: node } = parseXmlSafely(xml, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (rootName !== 'Invoice' && rootName !== 'CreditNote') {
    throw new UblParseError('UBL_NOT_UBL', `root element is ${rootName}; expected a UBL Invoice or CreditNote`);
  }
  const kind: UblDocumentKind = rootName;
  if (rootNamespace !== UBL_NAMESPACES[kind]) {
    throw new UblParseError('UBL_NOT_UBL', `root element ${rootName} is in namespace "${rootNamespace ?? '(none)'}", expected ${UBL_NAMESPACES[kind]}`);
  }
  const root = new Element(node, `/${kind}`);
  const currency = root.childText('cbc:DocumentCurrencyCode');
  const paymentMeans = root.all('cac:PaymentMeans');
  const documents = root.all('cac:AdditionalDocumentReference');
  const projectDocument = kind === 'CreditNote' ? documents.find((d) => d.childText('cbc:DocumentTypeCode') === '50') : undefined;
  const period = root.one('cac:InvoicePeriod');
  const order = root.one('cac:OrderReference');
  const payee = root.one('cac:PayeeParty');
  const representative = root.one('cac:TaxRepresentativeParty');
  const delivery = root.one('cac:Delivery');
  const location = delivery?.one('cac:DeliveryLocation');
  const tax = readTaxTotals(root, currency);

  return {
    kind,
    ...present({
      customizationId: root.childText('cbc:CustomizationID'),
      profileId: root.childText('cbc:ProfileID'),
      id: root.childText('cbc:ID'),
      issueDate: root.date('cbc:IssueDate'),
      dueDate: kind === 'Invoice' ? root.date('cbc:DueDate') : paymentMeans.map((p) => p.date('cbc:PaymentDueDate')).find((d) => d !== undefined),
      typeCode: root.childText(kind === 'Invoice' ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode'),
      taxPointDate: root.date('cbc:TaxPointDate'),
      currency,
      taxCurrency: root.childText('cbc:TaxCurrencyCode'),
      accountingCost: root.childText('cbc:AccountingCost'),
      buyerReference: root.childText('cbc:BuyerReference'),
      invoicePeriod: period
        ? present({ startDate: period.date('cbc:StartDate'), endDate: period.date('cbc:EndDate'), descriptionCode: period.childText('cbc:DescriptionCode') })
        : undefined,
      orderReference: order?.childText('cbc:ID'),
      salesOrderReference: order?.childText('cbc:SalesOrderID'),
      despatchReference: root.one('cac:DespatchDocumentReference')?.childText('cbc:ID'),
      receiptReference: root.one('cac:ReceiptDocumentReference')?.childText('cbc:ID'),
      originatorReference: root.one('cac:OriginatorDocumentReference')?.childText('cbc:ID'),
      contractReference: root.one('cac:ContractDocumentReference')?.childText('cbc:ID'),
      projectReference: kind === 'Invoice' ? root.one('cac:ProjectReference')?.childText('cbc:ID') : projectDocument?.childText('cbc:ID'),
      payee: payee
        ? present({
            name: payee.one('cac:PartyName')?.childText('cbc:Name'),
            identifier: payee.one('cac:PartyIdentification')?.identifier('cbc:ID'),
            legalId: payee.one('cac:PartyLegalEntity')?.identifier('cbc:CompanyID'),
          })
        : undefined,
      taxRepresentative: representative
        ? present({
            name: representative.one('cac:PartyName')?.childText('cbc:Name'),
            vatId: representative.one('cac:PartyTaxScheme')?.childText('cbc:CompanyID'),
            address: readAddress(representative.one('cac:PostalAddress')),
          })
        : undefined,
      delivery: delivery
        ? present({
            date: delivery.date('cbc:ActualDeliveryDate'),
            locationId: location?.identifier('cbc:ID'),
            address: readAddress(location?.one('cac:Address')),
            partyName: delivery.one('cac:DeliveryParty')?.one('cac:PartyName')?.childText('cbc:Name'),
          })
        : undefined,
      paymentTermsNote: root.one('cac:PaymentTerms')?.childText('cbc:Note'),
      taxAmount: tax.taxAmount,
      taxAmountInTaxCurrency: tax.taxAmountInTaxCurrency,
    }),
    notes: root.all('cbc:Note').map((n) => n.text() ?? ''),
    billingReferences: root.all('cac:BillingReference').flatMap((b) => {
      const ref = b.one('cac:InvoiceDocumentReference');
      const id = ref?.childText('cbc:ID');
      return ref && id !== undefined ? [{ id, ...present({ issueDate: ref.date('cbc:IssueDate') }) }] : [];
    }),
    additionalDocuments: documents.filter((d) => d !== projectDocument).map(readAdditionalDocument),
    seller: readParty(root.one('cac:AccountingSupplierParty')?.one('cac:Party')),
    buyer: readParty(root.one('cac:AccountingCustomerParty')?.one('cac:Party')),
    paymentMeans: paymentMeans.map(readPaymentMeans),
    allowanceCharges: root.all('cac:AllowanceCharge').map(readAllowanceCharge),
    vatBreakdown: tax.vatBreakdown,
    totals: readTotals(root.one('cac:LegalMonetaryTotal')),
    lines: root.all(kind === 'Invoice' ? 'cac:InvoiceLine' : 'cac:CreditNoteLine').map((l) => readLine(l, kind)),
  };
}

function readTotals(el: Element | undefined): UblDocument['totals'] {
  if (!el) return {};
  return (
    present({
      lineExtensionAmount: el.decimal('cbc:LineExtensionAmount'),
      taxExclusiveAmount: el.decimal('cbc:TaxExclusiveAmount'),
      taxInclusiveAmount: el.decimal('cbc:TaxInclusiveAmount'),
      allowanceTotalAmount: el.decimal('cbc:AllowanceTotalAmount'),
      chargeTotalAmount: el.decimal('cbc:ChargeTotalAmount'),
      prepaidAmount: el.decimal('cbc:PrepaidAmount'),
      payableRoundingAmount: el.decimal('cbc:PayableRoundingAmount'),
      payableAmount: el.decimal('cbc:PayableAmount'),
    }) ?? {}
  );
}
