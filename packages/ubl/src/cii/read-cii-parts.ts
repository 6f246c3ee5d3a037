import { parseDate, type CalendarDate } from '@fact/core';
import type { UblAddress, UblAllowanceCharge, UblContact, UblIdentifier, UblParty, UblTaxCategory } from '../model.js';
import { present } from '../read/read-parts.js';
import type { Element } from '../xml/element.js';
import { CiiParseError } from './errors.js';

/**
 * A CII date (`udt:DateTimeString` with `format="102"`, i.e. `YYYYMMDD`) as a calendar date.
 * EN 16931 allows only format 102 for dates; anything else is refused, naming the element.
 */
export function ciiDate(parent: Element | undefined, qualifiedName: string): CalendarDate | undefined {
  const holder = parent?.one(qualifiedName);
  if (!holder) return undefined;
  const el = holder.one('udt:DateTimeString') ?? holder.one('qdt:DateTimeString');
  const text = el?.text();
  if (!el || text === undefined) return undefined;
  const format = el.attr('format');
  if (format !== undefined && format !== '102') throw new CiiParseError('CII_INVALID_VALUE', `date format "${format}" is not 102 (YYYYMMDD)`, `${el.path}/@format`);
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) throw new CiiParseError('CII_INVALID_VALUE', `"${text}" is not a YYYYMMDD date`, el.path);
  try {
    return parseDate(`${m[1]}-${m[2]}-${m[3]}`, el.path);
  } catch {
    throw new CiiParseError('CII_INVALID_VALUE', `"${text}" is not a calendar date`, el.path);
  }
}

/** `udt:Indicator` inside a `ram:ChargeIndicator` (xsd:boolean). */
function indicator(el: Element): boolean {
  const holder = el.one('ram:ChargeIndicator');
  const value = holder?.one('udt:Indicator');
  const text = value?.text();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new CiiParseError('CII_INVALID_VALUE', `ChargeIndicator must be true or false, got "${text ?? ''}"`, value?.path ?? `${el.path}/ram:ChargeIndicator/udt:Indicator`);
}

/** `ram:PostalTradeAddress` (BG-5, BG-8, BG-12, BG-15). */
export function readCiiAddress(el: Element | undefined): UblAddress | undefined {
  if (!el) return undefined;
  return present({
    streetName: el.childText('ram:LineOne'),
    additionalStreetName: el.childText('ram:LineTwo'),
    addressLine: el.childText('ram:LineThree'),
    cityName: el.childText('ram:CityName'),
    postalZone: el.childText('ram:PostcodeCode'),
    countrySubentity: el.childText('ram:CountrySubDivisionName'),
    countryCode: el.childText('ram:CountryID'),
  });
}

/** A `ram:*TradeParty` of the seller (BG-4) or buyer (BG-7). */
export function readCiiParty(el: Element | undefined): UblParty {
  if (!el) return { identifiers: [] };
  const registrations = el.all('ram:SpecifiedTaxRegistration');
  const registration = (scheme: string) => registrations.find((r) => r.one('ram:ID')?.attr('schemeID') === scheme)?.childText('ram:ID');
  const legal = el.one('ram:SpecifiedLegalOrganization');
  const contact = el.one('ram:DefinedTradeContact');
  const c: UblContact | undefined = contact
    ? present({
        name: contact.childText('ram:PersonName') ?? contact.childText('ram:DepartmentName'),
        telephone: contact.one('ram:TelephoneUniversalCommunication')?.childText('ram:CompleteNumber'),
        email: contact.one('ram:EmailURIUniversalCommunication')?.childText('ram:URIID'),
      })
    : undefined;
  return {
    ...present({
      endpointId: el.one('ram:URIUniversalCommunication')?.identifier('ram:URIID'),
      tradingName: legal?.childText('ram:TradingBusinessName'),
      address: readCiiAddress(el.one('ram:PostalTradeAddress')),
      vatId: registration('VA'),
      taxRegistrationId: registration('FC'),
      registrationName: el.childText('ram:Name'),
      legalId: legal?.identifier('ram:ID'),
      legalForm: el.childText('ram:Description'),
      contact: c,
    }),
    identifiers: [...el.all('ram:ID'), ...el.all('ram:GlobalID')]
      .map((id) => {
        const value = id.text();
        const schemeId = id.attr('schemeID');
        return value === undefined ? undefined : schemeId === undefined ? { value } : { value, schemeId };
      })
      .filter((x): x is UblIdentifier => x !== undefined),
  };
}

/** `ram:ApplicableTradeTax` / `ram:CategoryTradeTax`: category, rate and exemption reason. */
export function readCiiTaxCategory(el: Element | undefined): UblTaxCategory | undefined {
  if (!el) return undefined;
  return present({
    id: el.childText('ram:CategoryCode'),
    percent: el.decimal('ram:RateApplicablePercent'),
    exemptionReasonCode: el.childText('ram:ExemptionReasonCode'),
    exemptionReason: el.childText('ram:ExemptionReason'),
  });
}

/** `ram:SpecifiedTradeAllowanceCharge` on document (BG-20/21) or line level (BG-27/28). */
export function readCiiAllowanceCharge(el: Element): UblAllowanceCharge {
  return {
    chargeIndicator: indicator(el),
    ...present({
      reasonCode: el.childText('ram:ReasonCode'),
      reason: el.childText('ram:Reason'),
      multiplierFactor: el.decimal('ram:CalculationPercent'),
      amount: el.decimal('ram:ActualAmount'),
      baseAmount: el.decimal('ram:BasisAmount'),
      taxCategory: readCiiTaxCategory(el.one('ram:CategoryTradeTax')),
    }),
  };
}
