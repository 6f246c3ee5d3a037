import type { UblAddress, UblAllowanceCharge, UblLine, UblParty, UblPaymentMeans, UblTaxCategory } from '../model.js';
import type { CalendarDate } from '@fact/core';
import { amount, identifier, node, quantity, type Out } from './xml-node.js';

const VAT_SCHEME = { 'cbc:ID': 'VAT' };

export function addressOut(a: UblAddress | undefined): Out | undefined {
  if (!a) return undefined;
  return node([
    ['cbc:StreetName', a.streetName],
    ['cbc:AdditionalStreetName', a.additionalStreetName],
    ['cbc:CityName', a.cityName],
    ['cbc:PostalZone', a.postalZone],
    ['cbc:CountrySubentity', a.countrySubentity],
    ['cac:AddressLine', a.addressLine === undefined ? undefined : { 'cbc:Line': a.addressLine }],
    ['cac:Country', a.countryCode === undefined ? undefined : { 'cbc:IdentificationCode': a.countryCode }],
  ]);
}

export function partyOut(p: UblParty): Out | undefined {
  const taxSchemes = [
    p.vatId === undefined ? undefined : { 'cbc:CompanyID': p.vatId, 'cac:TaxScheme': VAT_SCHEME },
    // BT-32: Peppol writes the other tax registration with a tax scheme other than VAT.
    p.taxRegistrationId === undefined ? undefined : { 'cbc:CompanyID': p.taxRegistrationId, 'cac:TaxScheme': { 'cbc:ID': 'TAX' } },
  ].filter((x) => x !== undefined);
  return node([
    ['cbc:EndpointID', identifier(p.endpointId)],
    ['cac:PartyIdentification', p.identifiers.map((id) => ({ 'cbc:ID': identifier(id) }))],
    ['cac:PartyName', p.tradingName === undefined ? undefined : { 'cbc:Name': p.tradingName }],
    ['cac:PostalAddress', addressOut(p.address)],
    ['cac:PartyTaxScheme', taxSchemes],
    [
      'cac:PartyLegalEntity',
      node([
        ['cbc:RegistrationName', p.registrationName],
        ['cbc:CompanyID', identifier(p.legalId)],
        ['cbc:CompanyLegalForm', p.legalForm],
      ]),
    ],
    ['cac:Contact', p.contact ? node([['cbc:Name', p.contact.name], ['cbc:Telephone', p.contact.telephone], ['cbc:ElectronicMail', p.contact.email]]) : undefined],
  ]);
}

export function taxCategoryOut(c: UblTaxCategory | undefined, withExemption: boolean): Out | undefined {
  if (!c) return undefined;
  return node([
    ['cbc:ID', c.id],
    ['cbc:Percent', quantity(c.percent)],
    ['cbc:TaxExemptionReasonCode', withExemption ? c.exemptionReasonCode : undefined],
    ['cbc:TaxExemptionReason', withExemption ? c.exemptionReason : undefined],
    ['cac:TaxScheme', VAT_SCHEME],
  ]);
}

export function allowanceChargeOut(a: UblAllowanceCharge, currency: string | undefined, documentLevel: boolean): Out | undefined {
  return node([
    ['cbc:ChargeIndicator', a.chargeIndicator ? 'true' : 'false'],
    ['cbc:AllowanceChargeReasonCode', a.reasonCode],
    ['cbc:AllowanceChargeReason', a.reason],
    ['cbc:MultiplierFactorNumeric', quantity(a.multiplierFactor)],
    ['cbc:Amount', amount(a.amount, currency)],
    ['cbc:BaseAmount', amount(a.baseAmount, currency)],
    ['cac:TaxCategory', documentLevel ? taxCategoryOut(a.taxCategory, false) : undefined],
  ]);
}

export function paymentMeansOut(p: UblPaymentMeans, dueDate: CalendarDate | undefined): Out | undefined {
  const code = p.code === undefined ? undefined : p.codeName === undefined ? p.code : { '#text': p.code, '@_name': p.codeName };
  return node([
    ['cbc:PaymentMeansCode', code],
    ['cbc:PaymentDueDate', dueDate],
    ['cbc:PaymentID', p.paymentId],
    [
      'cac:PayeeFinancialAccount',
      node([
        ['cbc:ID', p.accountId],
        ['cbc:Name', p.accountName],
        ['cac:FinancialInstitutionBranch', p.bic === undefined ? undefined : { 'cbc:ID': p.bic }],
      ]),
    ],
    [
      'cac:PaymentMandate',
      node([
        ['cbc:ID', p.mandateId],
        ['cac:PayerFinancialAccount', p.debitedAccountId === undefined ? undefined : { 'cbc:ID': p.debitedAccountId }],
      ]),
    ],
  ]);
}

export function lineOut(l: UblLine, kind: 'Invoice' | 'CreditNote', currency: string | undefined): Out | undefined {
  const price = l.price;
  const priceAllowance =
    price.discount === undefined && price.grossAmount === undefined
      ? undefined
      : node([
          ['cbc:ChargeIndicator', 'false'],
          ['cbc:Amount', amount(price.discount, currency)],
          ['cbc:BaseAmount', amount(price.grossAmount, currency)],
        ]);
  return node([
    ['cbc:ID', l.id],
    ['cbc:Note', l.note],
    [kind === 'Invoice' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity', quantity(l.quantity, l.unitCode)],
    ['cbc:LineExtensionAmount', amount(l.lineExtensionAmount, currency)],
    ['cbc:AccountingCost', l.accountingCost],
    ['cac:InvoicePeriod', l.period ? node([['cbc:StartDate', l.period.startDate], ['cbc:EndDate', l.period.endDate]]) : undefined],
    ['cac:OrderLineReference', l.orderLineReference === undefined ? undefined : { 'cbc:LineID': l.orderLineReference }],
    ['cac:DocumentReference', l.documentReference === undefined ? undefined : { 'cbc:ID': identifier(l.documentReference) }],
    ['cac:AllowanceCharge', l.allowanceCharges.map((a) => allowanceChargeOut(a, currency, false))],
    [
      'cac:Item',
      node([
        ['cbc:Description', l.item.description],
        ['cbc:Name', l.item.name],
        ['cac:BuyersItemIdentification', l.item.buyersId === undefined ? undefined : { 'cbc:ID': l.item.buyersId }],
        ['cac:SellersItemIdentification', l.item.sellersId === undefined ? undefined : { 'cbc:ID': l.item.sellersId }],
        ['cac:StandardItemIdentification', l.item.standardId === undefined ? undefined : { 'cbc:ID': identifier(l.item.standardId) }],
        ['cac:OriginCountry', l.item.originCountry === undefined ? undefined : { 'cbc:IdentificationCode': l.item.originCountry }],
        ['cac:CommodityClassification', l.item.classifications.map((c) => ({ 'cbc:ItemClassificationCode': identifier(c, 'listID') }))],
        ['cac:ClassifiedTaxCategory', taxCategoryOut(l.item.taxCategory, false)],
        ['cac:AdditionalItemProperty', l.item.properties.map((p) => ({ 'cbc:Name': p.name, 'cbc:Value': p.value }))],
      ]),
    ],
    [
      'cac:Price',
      node([
        ['cbc:PriceAmount', amount(price.amount, currency)],
        ['cbc:BaseQuantity', quantity(price.baseQuantity, price.baseQuantityUnitCode)],
        ['cac:AllowanceCharge', priceAllowance],
      ]),
    ],
  ]);
}
