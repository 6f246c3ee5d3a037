import type { Country } from '@fact/core';

/** A postal address; `country` is an ISO 3166 alpha-2 code (`BE`, `NL`, `FR`…). */
export interface PostalAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly country: string;
}

/** A customer or debtor as printed on an invoice or a letter. */
export interface PartyIdentity {
  readonly name: string;
  /** A contact person ("t.a.v." / "à l'attention de"), printed under the name. */
  readonly attention?: string;
  readonly address: PostalAddress;
  /** VAT number in any usual form (`BE 0403.019.261`, `NL004495445B01`). */
  readonly vatNumber?: string;
  /** Belgian enterprise number (KBO/BCE), 10 digits. */
  readonly enterpriseNumber?: string;
  /** Dutch Chamber of Commerce (KvK) number, 8 digits. */
  readonly kvkNumber?: string;
}

/** The company that issues the invoice or sends the letter: its identity and bank account. */
export interface CompanyIdentity extends PartyIdentity {
  /** The country whose law and conventions govern the company's documents. */
  readonly country: Country;
  readonly iban: string;
  readonly bic?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly website?: string;
  /** A Belgian "RPR/RPM" court line (`RPR Gent, afdeling Gent`), printed in the footer when given. */
  readonly registerCourt?: string;
}
