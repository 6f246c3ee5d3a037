import type {
  UblAddress,
  UblAllowanceCharge,
  UblContact,
  UblIdentifier,
  UblParty,
  UblPaymentMeans,
  UblTaxCategory,
} from '../model.js';
import { UblParseError } from '../errors.js';
import type { Element } from '../xml/element.js';

/** Drops undefined fields; returns undefined when nothing is left. */
export function present<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

/** `cac:PostalAddress` / `cac:Address` (BG-5, BG-8, BG-12, BG-15). */
export function readAddress(el: Element | undefined): UblAddress | undefined {
  if (!el) return undefined;
  return present({
    streetName: el.childText('cbc:StreetName'),
    additionalStreetName: el.childText('cbc:AdditionalStreetName'),
    addressLine: el.one('cac:AddressLine')?.childText('cbc:Line'),
    cityName: el.childText('cbc:CityName'),
    postalZone: el.childText('cbc:PostalZone'),
    countrySubentity: el.childText('cbc:CountrySubentity'),
    countryCode: el.one('cac:Country')?.childText('cbc:IdentificationCode'),
  });
}

/** `cac:Party` of the seller (BG-4) or buyer (BG-7). */
export function readParty(el: Element | undefined): UblParty {
  if (!el) return { identifiers: [] };
  let vatId: string | undefined;
  let taxRegistrationId: string | undefined;
  for (const scheme of el.all('cac:PartyTaxScheme')) {
    const id = scheme.childText('cbc:CompanyID');
    if (scheme.one('cac:TaxScheme')?.childText('cbc:ID') === 'VAT') vatId ??= id;
    else taxRegistrationId ??= id;
  }
  const legal = el.one('cac:PartyLegalEntity');
  const contact = el.one('cac:Contact');
  const c: UblContact | undefined = contact
    ? present({ name: contact.childText('cbc:Name'), telephone: contact.childText('cbc:Telephone'), email: contact.childText('cbc:ElectronicMail') })
    : undefined;
  return {
    ...present({
      endpointId: el.identifier('cbc:EndpointID'),
      tradingName: el.one('cac:PartyName')?.childText('cbc:Name'),
      address: readAddress(el.one('cac:PostalAddress')),
      vatId,
      taxRegistrationId,
      registrationName: legal?.childText('cbc:RegistrationName'),
      legalId: legal?.identifier('cbc:CompanyID'),
      legalForm: legal?.childText('cbc:CompanyLegalForm'),
      contact: c,
    }),
    identifiers: el
      .all('cac:PartyIdentification')
      .map((p) => p.identifier('cbc:ID'))
      .filter((x): x is UblIdentifier => x !== undefined),
  };
}

/** `cac:TaxCategory` / `cac:ClassifiedTaxCategory`. */
export function readTaxCategory(el: Element | undefined): UblTaxCategory | undefined {
  if (!el) return undefined;
  return present({
    id: el.childText('cbc:ID'),
    percent: el.decimal('cbc:Percent'),
    exemptionReasonCode: el.childText('cbc:TaxExemptionReasonCode'),
    exemptionReason: el.childText('cbc:TaxExemptionReason'),
  });
}

/** `cac:AllowanceCharge` on document or line level. */
export function readAllowanceCharge(el: Element): UblAllowanceCharge {
  const indicator = el.one('cbc:ChargeIndicator');
  // xsd:boolean: true, false, 1 or 0.
  const text = indicator?.text();
  if (text !== 'true' && text !== 'false' && text !== '1' && text !== '0') {
    throw new UblParseError('UBL_INVALID_VALUE', `ChargeIndicator must be true or false, got "${text ?? ''}"`, indicator?.path ?? `${el.path}/cbc:ChargeIndicator`);
  }
  return {
    chargeIndicator: text === 'true' || text === '1',
    ...present({
      reasonCode: el.childText('cbc:AllowanceChargeReasonCode'),
      reason: el.childText('cbc:AllowanceChargeReason'),
      multiplierFactor: el.decimal('cbc:MultiplierFactorNumeric'),
      amount: el.decimal('cbc:Amount'),
      baseAmount: el.decimal('cbc:BaseAmount'),
      taxCategory: readTaxCategory(el.one('cac:TaxCategory')),
    }),
  };
}

/** `cac:PaymentMeans` (BG-16, BG-17, BG-19). */
export function readPaymentMeans(el: Element): UblPaymentMeans {
  const code = el.one('cbc:PaymentMeansCode');
  const account = el.one('cac:PayeeFinancialAccount');
  const mandate = el.one('cac:PaymentMandate');
  return (
    present({
      code: code?.text(),
      codeName: code?.attr('name'),
      paymentId: el.childText('cbc:PaymentID'),
      accountId: account?.childText('cbc:ID'),
      accountName: account?.childText('cbc:Name'),
      bic: account?.one('cac:FinancialInstitutionBranch')?.childText('cbc:ID'),
      mandateId: mandate?.childText('cbc:ID'),
      debitedAccountId: mandate?.one('cac:PayerFinancialAccount')?.childText('cbc:ID'),
    }) ?? {}
  );
}
