/**
 * One bracket of the BIK scale (staffel buitengerechtelijke incassokosten): `percent` of the
 * part of the principal up to `upTo`.
 *
 * @example
 * ```ts
 * const second: BikBracket = { upTo: '5000', percent: '10' }; // 10 % of the part from €2,500 to €5,000
 * ```
 */
export interface BikBracket {
  /** Upper bound of the bracket in euro; `null` for the open top bracket. */
  readonly upTo: string | null;
  readonly percent: string;
}

/**
 * The scale of the Besluit vergoeding voor buitengerechtelijke incassokosten (Dutch
 * extrajudicial collection costs), as data. {@link bikScale} is the one in force.
 *
 * @example
 * ```ts
 * // a hypothetical amendment with a higher minimum, passed to the calculation
 * const amended: BikScale = { ...bikScale, minimum: '50', inForceFrom: '2027-01-01', source: 'Stb. 2026, …' };
 * bikAmount('100', { scale: amended }).toFixed(2); // "50.00"
 * ```
 */
export interface BikScale {
  readonly brackets: readonly BikBracket[];
  readonly minimum: string;
  readonly maximum: string;
  readonly inForceFrom: string;
  readonly source: string;
}

/**
 * The Dutch BIK scale (Besluit vergoeding voor buitengerechtelijke incassokosten, art. 2),
 * in force since 1 July 2012: cumulative brackets over the principal without interest, at
 * least €40 and at most €6,775. Amounts exclude VAT.
 *
 * @example
 * ```ts
 * bikScale.brackets[0]; // { upTo: '2500', percent: '15' }
 * ```
 */
export const bikScale: BikScale = {
  brackets: [
    { upTo: '2500', percent: '15' },
    { upTo: '5000', percent: '10' },
    { upTo: '10000', percent: '5' },
    { upTo: '200000', percent: '1' },
    { upTo: null, percent: '0.5' },
  ],
  minimum: '40',
  maximum: '6775',
  inForceFrom: '2012-07-01',
  source: 'reference.md §2 (das.nl; stedin.net; alektumgroup.nl; oamkb)',
};
