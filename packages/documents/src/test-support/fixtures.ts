// Parties and invoices shared by the tests. The identifiers are valid test numbers (reference.md §6–§7).
import type { CompanyIdentity, PartyIdentity } from '../parties/types.js';

export const beCompany: CompanyIdentity = {
  name: 'Atelier Lumière BV',
  country: 'BE',
  address: { street: 'Veldstraat 12', postalCode: '9000', city: 'Gent', country: 'BE' },
  vatNumber: 'BE0403019261',
  enterpriseNumber: '0403019261',
  iban: 'BE68539007547034',
  bic: 'GKCCBEBB',
  email: 'boekhouding@atelier-lumiere.be',
  registerCourt: 'RPR Gent',
};

export const nlCompany: CompanyIdentity = {
  name: 'Grachtwerk B.V.',
  country: 'NL',
  address: { street: 'Keizersgracht 100', postalCode: '1015 AA', city: 'Amsterdam', country: 'NL' },
  vatNumber: 'NL004495445B01',
  kvkNumber: '12345678',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
};

export const beBusiness: PartyIdentity = {
  name: 'Brasserie Du Parc SRL',
  attention: 'Service comptabilité',
  address: { street: 'Rue Royale 5', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
  vatNumber: 'BE0428759497',
};

export const beConsumer: PartyIdentity = {
  name: 'Marie Dubois',
  address: { street: 'Avenue Louise 200', postalCode: '1050', city: 'Ixelles', country: 'BE' },
};

export const nlConsumer: PartyIdentity = {
  name: 'J. de Vries',
  address: { street: 'Dorpsstraat 7', postalCode: '3511 AB', city: 'Utrecht', country: 'NL' },
};

export const nlBusiness: PartyIdentity = {
  name: 'Koffiebranderij Noord B.V.',
  address: { street: 'Havenweg 3', postalCode: '9711 AA', city: 'Groningen', country: 'NL' },
  vatNumber: 'NL000099998B57',
};
