// Valid identifiers for generated companies and debtors, made from their position rather than
// drawn from the random stream (so adding them changed no other generated value). Every number
// passes the check of @fact/core that an import or an invoice would apply (see identifiers.test.ts).

const mod97 = (digits: string): number => Number(BigInt(digits) % 97n);
/** Letters as IBAN numbers (A = 10 … Z = 35). */
const lettersToDigits = (text: string): string => text.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));

function iban(country: 'BE' | 'NL', bban: string): string {
  const check = 98 - mod97(lettersToDigits(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** Belgian enterprise number (KBO/BCE) `0xxxxxxxcc`: the check is 97 − (first 8 digits mod 97). */
function beEnterpriseNumber(n: number): string {
  const first8 = `0${String(2_000_000 + (n % 7_000_000)).padStart(7, '0')}`;
  return `${first8}${String(97 - mod97(first8)).padStart(2, '0')}`;
}

/** Nine digits passing the Dutch 11-test (weights 9…2 and −1 on the last digit). */
function nlElfproef(n: number): string {
  for (let k = n; ; k++) {
    const eight = String(10_000_000 + (k % 89_999_999)).padStart(8, '0');
    const sum = [...eight].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
    const last = sum % 11;
    if (last < 10) return `${eight}${last}`;
  }
}

/** What a generated business carries: enterprise number, VAT number, IBAN and BIC. */
export interface GeneratedIdentifiers {
  enterpriseNumber: string;
  vatNumber: string;
  iban: string;
  bic: string;
}

/**
 * Identifiers of the `n`-th generated business of a country (companies and business debtors draw
 * from separate ranges, so no two share a number).
 *
 * @example
 * ```ts
 * generatedIdentifiers('BE', 0); // { enterpriseNumber: '0200000097', vatNumber: 'BE0200000097', iban: 'BE…', bic: 'GEBABEBB' }
 * ```
 */
export function generatedIdentifiers(country: 'BE' | 'NL', n: number): GeneratedIdentifiers {
  if (country === 'BE') {
    const enterpriseNumber = beEnterpriseNumber(n);
    // BE BBAN: bank code 001 (BNP Paribas Fortis), 7 digits, then (first 10 mod 97) or 97 for 0.
    const first10 = `001${String(n % 10_000_000).padStart(7, '0')}`;
    const national = mod97(first10) || 97;
    return { enterpriseNumber, vatNumber: `BE${enterpriseNumber}`, iban: iban('BE', `${first10}${String(national).padStart(2, '0')}`), bic: 'GEBABEBB' };
  }
  const rsin = nlElfproef(100_000 + n * 7);
  const kvk = String(50_000_000 + (n % 49_999_999)).padStart(8, '0');
  return { enterpriseNumber: kvk, vatNumber: `NL${rsin}B01`, iban: iban('NL', `INGB${String(n % 10_000_000_000).padStart(10, '0')}`), bic: 'INGBNL2A' };
}
