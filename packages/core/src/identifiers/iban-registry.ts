/**
 * IBAN country formats (rules as data). Each entry gives the BBAN structure in the SWIFT IBAN
 * Registry notation (`n` digits, `a` upper-case letters, `c` letters or digits, `!` fixed
 * length); the IBAN length is 4 + the BBAN length. `sepa` marks countries in the SEPA schemes,
 * which is what an EPC QR code (SEPA credit transfer) accepts.
 *
 * Source: SWIFT IBAN Registry, as carried in arthurdejong/python-stdnum `stdnum/iban.dat`
 * (BE = 16 and NL = 18 characters; reference.md §7). SEPA membership: EPC list of SEPA
 * countries; the entries marked `unconfirmed` joined the schemes recently and should be checked
 * against the current EPC list before relying on them.
 *
 * @example
 * ```ts
 * const nl: IbanCountryFormat = { country: 'NL', name: 'Netherlands', bban: '4!a10!n', sepa: true };
 * // NL IBAN length: 4 + 4 letters + 10 digits = 18
 * ```
 */
export interface IbanCountryFormat {
  readonly country: string;
  readonly name: string;
  /** BBAN structure, SWIFT notation. */
  readonly bban: string;
  /** In the SEPA credit transfer scheme. */
  readonly sepa: boolean;
  /** True where reference.md would mark the figure [U]. */
  readonly unconfirmed?: true;
}

/**
 * Version and source of {@link IBAN_FORMATS}, to show where the IBAN rules come from and how
 * recent they are.
 *
 * @example
 * ```ts
 * `IBAN rules ${IBAN_REGISTRY_SOURCE.version} (${IBAN_REGISTRY_SOURCE.source})`;
 * // "IBAN rules 2024-01 (SWIFT IBAN Registry via arthurdejong/python-stdnum stdnum/iban.dat; EPC list of SEPA countries)"
 * ```
 */
export const IBAN_REGISTRY_SOURCE = {
  version: '2024-01',
  source: 'SWIFT IBAN Registry via arthurdejong/python-stdnum stdnum/iban.dat; EPC list of SEPA countries',
} as const;

const f = (country: string, name: string, bban: string, sepa: boolean, unconfirmed?: true): IbanCountryFormat =>
  unconfirmed ? { country, name, bban, sepa, unconfirmed } : { country, name, bban, sepa };

/**
 * The IBAN formats Fact knows: all SEPA countries and a few frequent others. {@link parseIban}
 * validates against it.
 *
 * @example
 * ```ts
 * IBAN_FORMATS.find((f) => f.country === 'NL'); // { country: "NL", name: "Netherlands", bban: "4!a10!n", sepa: true }
 * IBAN_FORMATS.filter((f) => !f.sepa).map((f) => f.country); // ["AE", "BA", "IL", "SA", "TR"]
 * ```
 */
export const IBAN_FORMATS: readonly IbanCountryFormat[] = [
  f('AD', 'Andorra', '4!n4!n12!c', true),
  f('AT', 'Austria', '5!n11!n', true),
  f('BE', 'Belgium', '3!n7!n2!n', true),
  f('BG', 'Bulgaria', '4!a4!n2!n8!c', true),
  f('CH', 'Switzerland', '5!n12!c', true),
  f('CY', 'Cyprus', '3!n5!n16!c', true),
  f('CZ', 'Czech Republic', '4!n6!n10!n', true),
  f('DE', 'Germany', '8!n10!n', true),
  f('DK', 'Denmark', '4!n9!n1!n', true),
  f('EE', 'Estonia', '2!n2!n11!n1!n', true),
  f('ES', 'Spain', '4!n4!n1!n1!n10!n', true),
  f('FI', 'Finland', '6!n7!n1!n', true),
  f('FR', 'France', '5!n5!n11!c2!n', true),
  f('GB', 'United Kingdom', '4!a6!n8!n', true),
  f('GI', 'Gibraltar', '4!a15!c', true),
  f('GR', 'Greece', '3!n4!n16!c', true),
  f('HR', 'Croatia', '7!n10!n', true),
  f('HU', 'Hungary', '3!n4!n1!n15!n1!n', true),
  f('IE', 'Ireland', '4!a6!n8!n', true),
  f('IS', 'Iceland', '4!n2!n6!n10!n', true),
  f('IT', 'Italy', '1!a5!n5!n12!c', true),
  f('LI', 'Liechtenstein', '5!n12!c', true),
  f('LT', 'Lithuania', '5!n11!n', true),
  f('LU', 'Luxembourg', '3!n13!c', true),
  f('LV', 'Latvia', '4!a13!c', true),
  f('MC', 'Monaco', '5!n5!n11!c2!n', true),
  f('MT', 'Malta', '4!a5!n18!c', true),
  f('NL', 'Netherlands', '4!a10!n', true),
  f('NO', 'Norway', '4!n6!n1!n', true),
  f('PL', 'Poland', '8!n16!n', true),
  f('PT', 'Portugal', '4!n4!n11!n2!n', true),
  f('RO', 'Romania', '4!a16!c', true),
  f('SE', 'Sweden', '3!n16!n1!n', true),
  f('SI', 'Slovenia', '5!n8!n2!n', true),
  f('SK', 'Slovak Republic', '4!n6!n10!n', true),
  f('SM', 'San Marino', '1!a5!n5!n12!c', true),
  f('VA', 'Vatican City State', '3!n15!n', true, true),
  f('AL', 'Albania', '8!n16!c', true, true),
  f('MD', 'Moldova', '2!c18!c', true, true),
  f('ME', 'Montenegro', '3!n13!n2!n', true, true),
  f('MK', 'North Macedonia', '3!n10!c2!n', true, true),
  f('RS', 'Serbia', '3!n13!n2!n', true, true),
  f('AE', 'United Arab Emirates', '3!n16!n', false),
  f('BA', 'Bosnia and Herzegovina', '3!n3!n8!n2!n', false),
  f('IL', 'Israel', '3!n3!n13!n', false),
  f('SA', 'Saudi Arabia', '2!n18!c', false),
  f('TR', 'Turkey', '5!n1!n16!c', false),
];
