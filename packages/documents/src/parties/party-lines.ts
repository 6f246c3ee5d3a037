import { formatBeEnterpriseNumber, formatIban, parseKvkNumber, parseVatNumber } from '@fact/core';
import type { InvoiceTexts } from '../text/invoice-texts.js';
import type { CompanyIdentity, PartyIdentity } from './types.js';

/** Just the labels party lines need. */
export type PartyLabels = Pick<InvoiceTexts, 'vatNumber' | 'enterpriseNumber' | 'kvkNumber' | 'attention'>;

/**
 * The lines of a party's block: name, contact, address, and the identifiers that are present,
 * validated by `@fact/core` (an invalid VAT, enterprise or KvK number throws naming `field`).
 *
 * @example
 * ```ts
 * partyLines({ name: 'Klant NV', address: { street: 'Kerkstraat 1', postalCode: '9000', city: 'Gent', country: 'BE' }, vatNumber: 'BE0403019261' }, labels, 'customer');
 * // ["Klant NV", "Kerkstraat 1", "9000 Gent", "België", "Btw-nr.: BE 0403.019.261"]
 * ```
 */
export function partyLines(party: PartyIdentity, labels: PartyLabels, field: string, countryName: (code: string) => string): string[] {
  const lines = [party.name];
  if (party.attention) lines.push(`${labels.attention} ${party.attention}`);
  lines.push(party.address.street, `${party.address.postalCode} ${party.address.city}`, countryName(party.address.country));
  if (party.vatNumber) lines.push(`${labels.vatNumber}: ${printVat(party.vatNumber, `${field}.vatNumber`)}`);
  if (party.enterpriseNumber) lines.push(`${labels.enterpriseNumber}: ${formatBeEnterpriseNumber(party.enterpriseNumber, `${field}.enterpriseNumber`)}`);
  if (party.kvkNumber) lines.push(`${labels.kvkNumber}: ${parseKvkNumber(party.kvkNumber, `${field}.kvkNumber`)}`);
  return lines;
}

/**
 * A VAT number in its printed form: Belgian numbers as `BE 0403.019.261`, others as stored.
 *
 * @example
 * ```ts
 * printVat('BE0403019261'); // "BE 0403.019.261"
 * ```
 */
export function printVat(text: string, field = 'vatNumber'): string {
  const vat = parseVatNumber(text, field);
  return vat.country === 'BE' ? `BE ${formatBeEnterpriseNumber(vat.vatNumber.slice(2), field)}` : vat.vatNumber;
}

/**
 * The company line printed at the foot of every page: name, VAT, enterprise or KvK number, IBAN.
 *
 * @example
 * ```ts
 * companyFooter(company, labels); // "Fact BV · Btw-nr.: BE 0403.019.261 · IBAN BE71 0961 2345 6769 · BIC GKCCBEBB"
 * ```
 */
export function companyFooter(company: CompanyIdentity, labels: PartyLabels): string {
  const parts = [company.name, `${company.address.street}, ${company.address.postalCode} ${company.address.city}`];
  if (company.vatNumber) parts.push(`${labels.vatNumber}: ${printVat(company.vatNumber, 'company.vatNumber')}`);
  if (company.enterpriseNumber && !company.vatNumber) parts.push(`${labels.enterpriseNumber}: ${formatBeEnterpriseNumber(company.enterpriseNumber, 'company.enterpriseNumber')}`);
  if (company.kvkNumber) parts.push(`${labels.kvkNumber}: ${parseKvkNumber(company.kvkNumber, 'company.kvkNumber')}`);
  if (company.registerCourt) parts.push(company.registerCourt);
  parts.push(`IBAN ${formatIban(company.iban, 'company.iban')}`);
  if (company.bic) parts.push(`BIC ${company.bic}`);
  if (company.email) parts.push(company.email);
  if (company.phone) parts.push(company.phone);
  return parts.join(' · ');
}
