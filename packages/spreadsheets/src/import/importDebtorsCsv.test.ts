import { describe, expect, it } from 'vitest';
import type { DebtorImportOptions } from './debtorTypes.js';
import { importDebtorsCsv } from './importDebtorsCsv.js';
import type { ImportResult } from './types.js';

const OPTIONS: DebtorImportOptions = {
  mapping: {
    name: 'Naam',
    kind: 'Type',
    vatNumber: 'BTW-nummer',
    iban: 'IBAN',
    language: 'Taal',
    email: 'E-mail',
    street: 'Straat',
    postalCode: 'Postcode',
    city: 'Gemeente',
    country: 'Land',
    externalRef: 'Klantnr',
  },
};

const HEADER = 'Klantnr;Naam;Type;BTW-nummer;IBAN;Taal;E-mail;Straat;Postcode;Gemeente;Land';

function errorsOf<T>(result: ImportResult<T>): [number, string, string][] {
  if (result.ok) throw new Error('expected errors, got rows');
  return result.errors.map((e) => [e.line, e.column, e.code]);
}

describe('importDebtorsCsv', () => {
  it('reads BE and NL debtors with identifiers, language, e-mails and address', () => {
    const csv = [
      HEADER,
      'K001;Bakkerij Peeters;Bedrijf;BE 0403.019.261;BE71 0961 2345 6769;Nederlands;"boekhouding@peeters.be; info@peeters.be";Kerkstraat 1;9000;Gent;België',
      'K002;Marie Dubois;Particulier;;;Français;marie@example.be;"Rue Haute 5\nBoîte 2";1000;Bruxelles;BE',
      'K003;Groothandel Jansen B.V.;B2B;NL004495445B01;NL91ABNA0417164300;en;;Damrak 1;1012lg;Amsterdam;Nederland',
    ].join('\n');
    const result = importDebtorsCsv(csv, OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0]).toEqual({
      line: 2,
      externalRef: 'K001',
      name: 'Bakkerij Peeters',
      kind: 'business',
      vatNumber: 'BE0403019261',
      iban: 'BE71096123456769',
      language: 'nl',
      emails: ['boekhouding@peeters.be', 'info@peeters.be'],
      street: 'Kerkstraat 1',
      postalCode: '9000',
      city: 'Gent',
      country: 'BE',
    });
    expect(result.rows[1]).toMatchObject({ line: 3, kind: 'consumer', language: 'fr', street: 'Rue Haute 5\nBoîte 2', emails: ['marie@example.be'] });
    // The quoted street spans two lines, so the third debtor starts on line 5.
    expect(result.rows[2]).toMatchObject({ line: 5, kind: 'business', vatNumber: 'NL004495445B01', language: 'en', postalCode: '1012 LG', country: 'NL', emails: [] });
  });

  it('derives kind and country from the VAT number, and uses the defaults', () => {
    const csv = 'Naam;BTW\nPeeters;BE0403019261\nDubois;\n';
    const result = importDebtorsCsv(csv, { mapping: { name: 'Naam', vatNumber: 'BTW' }, defaultLanguage: 'fr' });
    expect(errorsOf(result)).toEqual([
      [3, 'kind', 'REQUIRED'],
      [3, 'country', 'REQUIRED'],
    ]);
    const withDefaults = importDebtorsCsv(csv, { mapping: { name: 'Naam', vatNumber: 'BTW' }, defaultLanguage: 'fr', defaultKind: 'consumer', defaultCountry: 'BE' });
    expect(withDefaults.ok && withDefaults.rows.map((r) => [r.kind, r.country, r.language])).toEqual([
      ['consumer', 'BE', 'fr'],
      ['consumer', 'BE', 'fr'],
    ]);
    const derived = importDebtorsCsv('Naam;BTW\nPeeters;NL004495445B01\n', { mapping: { name: 'Naam', vatNumber: 'BTW' }, defaultLanguage: 'nl' });
    expect(derived.ok && derived.rows[0]).toMatchObject({ kind: 'business', country: 'NL' });
  });

  it('lists every bad cell: VAT, IBAN, kind, language, e-mail, postal code, duplicates', () => {
    const csv = [
      HEADER,
      'K001;Peeters;Bedrijf;BE0403019261;;nl;;;9000;Gent;BE',
      'K002;;Vereniging;BE0403019262;BE00 0000 0000 0000;Duits;not-an-email;;900;Gent;BE',
      'k001;Dubois;Particulier;BE 0403 019 261;;fr;a@b.be;;1000;Brussel;BE',
      'K004;Jansen;Bedrijf;;;nl;;;12345;Utrecht;NL',
    ].join('\n');
    expect(errorsOf(importDebtorsCsv(csv, OPTIONS))).toEqual([
      [3, 'Naam', 'REQUIRED'],
      [3, 'BTW-nummer', 'INVALID_VAT_NUMBER'],
      [3, 'IBAN', 'INVALID_IBAN'],
      [3, 'Type', 'INVALID_VALUE'],
      [3, 'Taal', 'INVALID_VALUE'],
      [3, 'Postcode', 'INVALID_VALUE'],
      [3, 'E-mail', 'INVALID_VALUE'],
      [4, 'Type', 'INCONSISTENT'],
      [4, 'BTW-nummer', 'DUPLICATE'],
      [4, 'Klantnr', 'DUPLICATE'],
      [5, 'Postcode', 'INVALID_VALUE'],
    ]);
  });

  it('names line and column in the message, with the value', () => {
    const result = importDebtorsCsv('Naam;Taal\nPeeters;Deutsch\n', { mapping: { name: 'Naam', language: 'Taal' }, defaultKind: 'business', defaultCountry: 'BE' });
    expect(!result.ok && result.errors[0]).toEqual({
      line: 2,
      column: 'Taal',
      value: 'Deutsch',
      code: 'INVALID_VALUE',
      message: 'line 2, column "Taal": "Deutsch" is not a supported language: nl, fr or en',
    });
  });
});
