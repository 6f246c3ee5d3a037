import { XMLBuilder } from 'fast-xml-parser';
import type { UblDocument } from '../model.js';
import { PEPPOL_BIS3, UBL_NAMESPACES } from '../namespaces.js';
import { allowanceChargeOut, lineOut, partyOut, paymentMeansOut, taxCategoryOut, addressOut } from './write-parts.js';
import { amount, identifier, node, type Out } from './xml-node.js';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  // Escapes &, <, >, ' and " in text and attributes.
  processEntities: true,
});

function documentReference(id: string | undefined): Out | undefined {
  return id === undefined ? undefined : { 'cbc:ID': id };
}

/**
 * Writes a {@link UblDocument} as Peppol BIS Billing 3.0 UBL 2.1 XML: an `Invoice-2` or a
 * `CreditNote-2` document with the elements in UBL schema order. BT-24 and BT-23 default to the
 * Peppol identifiers (`urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0`,
 * `urn:fdc:peppol.eu:2017:poacc:billing:01:1.0`). In a credit note the due date (BT-9) goes in
 * the first `cac:PaymentMeans/cbc:PaymentDueDate` and the project reference (BT-11) in an
 * additional document reference of type 50, as Peppol BIS prescribes for CreditNote.
 *
 * Values are written as they are: nothing is computed or rounded here. Run {@link validateUbl}
 * before sending.
 *
 * @example
 * ```ts
 * const xml = writeUbl(parseUbl(received)); // same business content, Peppol layout
 * ```
 */
export function writeUbl(doc: UblDocument): string {
  const invoice = doc.kind === 'Invoice';
  const cur = doc.currency;
  const projectAsDocument = !invoice && doc.projectReference !== undefined ? [{ 'cbc:ID': doc.projectReference, 'cbc:DocumentTypeCode': '50' }] : [];
  const additional = [
    ...projectAsDocument,
    ...doc.additionalDocuments.map((d) =>
      node([
        ['cbc:ID', identifier(d.id)],
        ['cbc:DocumentTypeCode', d.typeCode],
        ['cbc:DocumentDescription', d.description],
        [
          'cac:Attachment',
          node([
            [
              'cbc:EmbeddedDocumentBinaryObject',
              d.attachment === undefined
                ? undefined
                : { '#text': d.attachment.content, '@_mimeCode': d.attachment.mimeCode, '@_filename': d.attachment.filename },
            ],
            ['cac:ExternalReference', d.uri === undefined ? undefined : { 'cbc:URI': d.uri }],
          ]),
        ],
      ]),
    ),
  ];
  const billing = doc.billingReferences.map((b) => ({ 'cac:InvoiceDocumentReference': node([['cbc:ID', b.id], ['cbc:IssueDate', b.issueDate]]) }));
  const references: (readonly [string, unknown])[] = [
    ['cac:OrderReference', node([['cbc:ID', doc.orderReference], ['cbc:SalesOrderID', doc.salesOrderReference]])],
    ['cac:BillingReference', billing],
    ['cac:DespatchDocumentReference', documentReference(doc.despatchReference)],
    ['cac:ReceiptDocumentReference', documentReference(doc.receiptReference)],
    ...((invoice
      ? [
          ['cac:OriginatorDocumentReference', documentReference(doc.originatorReference)],
          ['cac:ContractDocumentReference', documentReference(doc.contractReference)],
          ['cac:AdditionalDocumentReference', additional],
          ['cac:ProjectReference', documentReference(doc.projectReference)],
        ]
      : [
          ['cac:ContractDocumentReference', documentReference(doc.contractReference)],
          ['cac:AdditionalDocumentReference', additional],
          ['cac:OriginatorDocumentReference', documentReference(doc.originatorReference)],
        ]) as (readonly [string, unknown])[]),
  ];
  const taxTotals = [
    node([
      ['cbc:TaxAmount', amount(doc.taxAmount, cur)],
      [
        'cac:TaxSubtotal',
        doc.vatBreakdown.map((s) =>
          node([
            ['cbc:TaxableAmount', amount(s.taxableAmount, cur)],
            ['cbc:TaxAmount', amount(s.taxAmount, cur)],
            ['cac:TaxCategory', taxCategoryOut(s.category, true)],
          ]),
        ),
      ],
    ]),
    doc.taxAmountInTaxCurrency === undefined ? undefined : { 'cbc:TaxAmount': amount(doc.taxAmountInTaxCurrency, doc.taxCurrency) },
  ].filter((x) => x !== undefined);
  const t = doc.totals;
  const delivery = doc.delivery;

  const body = node([
    ['@_xmlns', UBL_NAMESPACES[doc.kind]],
    ['@_xmlns:cac', UBL_NAMESPACES.cac],
    ['@_xmlns:cbc', UBL_NAMESPACES.cbc],
    ['cbc:CustomizationID', doc.customizationId ?? PEPPOL_BIS3.customizationId],
    ['cbc:ProfileID', doc.profileId ?? PEPPOL_BIS3.profileId],
    ['cbc:ID', doc.id],
    ['cbc:IssueDate', doc.issueDate],
    ['cbc:DueDate', invoice ? doc.dueDate : undefined],
    ['cbc:TaxPointDate', invoice ? undefined : doc.taxPointDate],
    [invoice ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode', doc.typeCode],
    ['cbc:Note', doc.notes],
    ['cbc:TaxPointDate', invoice ? doc.taxPointDate : undefined],
    ['cbc:DocumentCurrencyCode', cur],
    ['cbc:TaxCurrencyCode', doc.taxCurrency],
    ['cbc:AccountingCost', doc.accountingCost],
    ['cbc:BuyerReference', doc.buyerReference],
    [
      'cac:InvoicePeriod',
      doc.invoicePeriod
        ? node([['cbc:StartDate', doc.invoicePeriod.startDate], ['cbc:EndDate', doc.invoicePeriod.endDate], ['cbc:DescriptionCode', doc.invoicePeriod.descriptionCode]])
        : undefined,
    ],
    ...references,
    ['cac:AccountingSupplierParty', { 'cac:Party': partyOut(doc.seller) ?? {} }],
    ['cac:AccountingCustomerParty', { 'cac:Party': partyOut(doc.buyer) ?? {} }],
    [
      'cac:PayeeParty',
      doc.payee
        ? node([
            ['cac:PartyIdentification', doc.payee.identifier === undefined ? undefined : { 'cbc:ID': identifier(doc.payee.identifier) }],
            ['cac:PartyName', doc.payee.name === undefined ? undefined : { 'cbc:Name': doc.payee.name }],
            ['cac:PartyLegalEntity', doc.payee.legalId === undefined ? undefined : { 'cbc:CompanyID': identifier(doc.payee.legalId) }],
          ])
        : undefined,
    ],
    [
      'cac:TaxRepresentativeParty',
      doc.taxRepresentative
        ? node([
            ['cac:PartyName', doc.taxRepresentative.name === undefined ? undefined : { 'cbc:Name': doc.taxRepresentative.name }],
            ['cac:PostalAddress', addressOut(doc.taxRepresentative.address)],
            ['cac:PartyTaxScheme', doc.taxRepresentative.vatId === undefined ? undefined : { 'cbc:CompanyID': doc.taxRepresentative.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }],
          ])
        : undefined,
    ],
    [
      'cac:Delivery',
      delivery
        ? node([
            ['cbc:ActualDeliveryDate', delivery.date],
            ['cac:DeliveryLocation', node([['cbc:ID', identifier(delivery.locationId)], ['cac:Address', addressOut(delivery.address)]])],
            ['cac:DeliveryParty', delivery.partyName === undefined ? undefined : { 'cac:PartyName': { 'cbc:Name': delivery.partyName } }],
          ])
        : undefined,
    ],
    ['cac:PaymentMeans', doc.paymentMeans.map((p, i) => paymentMeansOut(p, !invoice && i === 0 ? doc.dueDate : undefined))],
    ['cac:PaymentTerms', doc.paymentTermsNote === undefined ? undefined : { 'cbc:Note': doc.paymentTermsNote }],
    ['cac:AllowanceCharge', doc.allowanceCharges.map((a) => allowanceChargeOut(a, cur, true))],
    ['cac:TaxTotal', taxTotals],
    [
      'cac:LegalMonetaryTotal',
      node([
        ['cbc:LineExtensionAmount', amount(t.lineExtensionAmount, cur)],
        ['cbc:TaxExclusiveAmount', amount(t.taxExclusiveAmount, cur)],
        ['cbc:TaxInclusiveAmount', amount(t.taxInclusiveAmount, cur)],
        ['cbc:AllowanceTotalAmount', amount(t.allowanceTotalAmount, cur)],
        ['cbc:ChargeTotalAmount', amount(t.chargeTotalAmount, cur)],
        ['cbc:PrepaidAmount', amount(t.prepaidAmount, cur)],
        ['cbc:PayableRoundingAmount', amount(t.payableRoundingAmount, cur)],
        ['cbc:PayableAmount', amount(t.payableAmount, cur)],
      ]),
    ],
    [invoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine', doc.lines.map((l) => lineOut(l, doc.kind, cur))],
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [doc.kind]: body }) as string}`;
}
