import { defineRateTable, endOfPublicationPeriod, type RateEntry, type RateTable } from './rateTable.js';

// Belgian late-payment rate for commercial transactions (Law of 2 August 2002, art. 5):
// ECB MRO rate on the first calendar day of the half-year + 8 points (+ 7 before 16/03/2013),
// rounded up to the next half point. Published half-yearly by FOD Financiën in the Staatsblad.
// Adding a half-year is one line at the end of RECENT; validUntil follows from it.

const PRE_2013 = 'reference.md §1.2 (pre-2013 rates; lexgo.be/en/papers/2014/09)';
const VS = 'reference.md §1.2 (vanostaeyen.eu';

/** Half-years before the Law of 22 Nov 2013 regime; shared by both tables. */
const HISTORY: readonly RateEntry[] = [
  { from: '2002-07-01', rate: '10.50', source: PRE_2013, note: 'H2 2002; the law applies from its entry into force in August 2002' },
  { from: '2003-01-01', rate: '10.00', source: PRE_2013 },
  { from: '2003-07-01', rate: '9.50', source: PRE_2013, note: 'unchanged through H1 2006' },
  { from: '2006-07-01', rate: '10.00', source: PRE_2013 },
  { from: '2007-01-01', rate: '11.00', source: PRE_2013 },
  { from: '2007-07-01', rate: '11.50', source: PRE_2013, note: 'unchanged through H2 2008' },
  { from: '2009-01-01', rate: '9.50', source: PRE_2013 },
  { from: '2009-07-01', rate: '8.00', source: PRE_2013, note: 'unchanged through H1 2011' },
  { from: '2011-07-01', rate: '8.50', source: PRE_2013 },
  { from: '2012-01-01', rate: '8.00', source: PRE_2013, note: 'both half-years of 2012' },
  { from: '2013-01-01', rate: '8.00', source: `${PRE_2013}; old formula ECB + 7 until the new law of 16/03/2013` },
];

/** Contracts concluded from 16 March 2013 (ECB + 8). */
const RECENT: readonly RateEntry[] = [
  { from: '2013-03-16', rate: '9.00', source: 'reference.md §1.2 H1 2013 (lexgo 2014; vanostaeyen.eu)', note: 'ECB + 8 applies from 16/03/2013' },
  { from: '2013-07-01', rate: '8.50', source: 'reference.md §1.2 H2 2013 (lexgo 2014; vanostaeyen.eu)' },
  { from: '2014-01-01', rate: '8.50', source: 'reference.md §1.2 H1 2014 (lexgo 2014; vanostaeyen.eu)' },
  { from: '2014-07-01', rate: '8.50', source: 'reference.md §1.2 H2 2014 (lexgo, BS 5 Sep 2014)' },
  { from: '2015-01-01', rate: '8.50', source: 'reference.md §1.2 H1 2015 (vanostaeyen.eu)' },
  { from: '2015-07-01', rate: '8.50', source: 'reference.md §1.2 H2 2015 (vanostaeyen.eu; certifisc.be)' },
  { from: '2016-01-01', rate: '8.50', source: 'reference.md §1.2 H1 2016 (vanostaeyen.eu)' },
  { from: '2016-07-01', rate: '8.00', source: `${VS}) H2 2016` },
  { from: '2017-01-01', rate: '8.00', source: `${VS}) H1 2017` },
  { from: '2017-07-01', rate: '8.00', source: `${VS}) H2 2017` },
  { from: '2018-01-01', rate: '8.00', source: `${VS}) H1 2018` },
  { from: '2018-07-01', rate: '8.00', source: `${VS}) H2 2018` },
  { from: '2019-01-01', rate: '8.00', source: `${VS}) H1 2019` },
  {
    from: '2019-07-01',
    rate: '8.00',
    source: `${VS}, BS 18 July 2019) H2 2019`,
    note: 'fidelium.eu says 8.5 %; vanostaeyen.eu and the formula (MRO 0 %) give 8 %, which reference.md adopts',
  },
  { from: '2020-01-01', rate: '8.00', source: 'reference.md §1.2 H1 2020 (fidelium.eu)' },
  { from: '2020-07-01', rate: '8.00', source: 'reference.md §1.2 H2 2020 (fidelium.eu)' },
  { from: '2021-01-01', rate: '8.00', source: 'reference.md §1.2 H1 2021 (fidelium.eu)' },
  { from: '2021-07-01', rate: '8.00', source: 'reference.md §1.2 H2 2021 (fidelium.eu)' },
  { from: '2022-01-01', rate: '8.00', source: 'reference.md §1.2 H1 2022 (mondaq 1302262)' },
  { from: '2022-07-01', rate: '8.00', source: 'reference.md §1.2 H2 2022 (mondaq 1302262)' },
  { from: '2023-01-01', rate: '10.50', source: 'reference.md §1.2 H1 2023 (mondaq 1302262, BS 17 Mar 2023; studio-legale.com)' },
  { from: '2023-07-01', rate: '12.00', source: 'reference.md §1.2 H2 2023 (kantoor-jan-loeters.be)' },
  { from: '2024-01-01', rate: '12.50', source: 'reference.md §1.2 H1 2024 (kantoor-jan-loeters.be; medenam.be)' },
  {
    from: '2024-07-01',
    rate: '12.50',
    source: 'reference.md §1.2 H2 2024 [F]',
    unconfirmed: true,
    note: 'formula-derived: MRO 4.25 + 8 = 12.25, rounded up to 12.50; no published notice found',
  },
  { from: '2025-01-01', rate: '11.50', source: 'reference.md §1.2 H1 2025 (lawbase.be)' },
  { from: '2025-07-01', rate: '10.50', source: 'reference.md §1.2 H2 2025 (lawbase.be)' },
  { from: '2026-01-01', rate: '10.50', source: 'reference.md §1.2 H1 2026 (embuild.be)', note: 'reported as expected unchanged before publication' },
  {
    from: '2026-07-01',
    rate: '10.50',
    source: 'reference.md §1.2 formula of art. 5 Law 2 Aug 2002 [F] (its sources end early 2026)',
    unconfirmed: true,
    note: 'formula-derived, not yet published when this table was written: ECB MRO assumed unchanged at 2.15 % on 1 July 2026 (+ 8 = 10.15, rounded up to 10.50); replace with the FOD Financiën notice',
  },
];

const lastFrom = (entries: readonly RateEntry[]) => (entries[entries.length - 1] as RateEntry).from;

/**
 * Belgian statutory late-payment rate for commercial transactions (Law of 2 August 2002,
 * art. 5), contracts concluded from 16 March 2013, per half-year from H2 2002; simple interest.
 * Before 16/03/2013 it holds the rate of the time (which then applied to every contract).
 * Valid until the end of the last published half-year; later dates throw `RATE_TABLE_GAP`.
 *
 * @example
 * ```ts
 * rateOn(beCommercialRates, '2025-07-01').rate; // "10.50"
 * ```
 */
export const beCommercialRates: RateTable = defineRateTable({
  id: 'be-commercial',
  name: 'BE interest for late payment in commercial transactions (Law 2 Aug 2002)',
  jurisdiction: 'BE',
  kind: 'commercial',
  publication: 'half-yearly',
  entries: [...HISTORY, ...RECENT],
  validUntil: endOfPublicationPeriod(lastFrom(RECENT), 'half-yearly'),
});

const OLD: readonly RateEntry[] = [
  { from: '2013-07-01', rate: '7.50', source: 'reference.md §1.2 old-contracts column H2 2013 (lexgo 2014; vanostaeyen.eu)' },
  { from: '2014-01-01', rate: '7.50', source: 'reference.md §1.2 old-contracts column H1 2014' },
  { from: '2014-07-01', rate: '7.50', source: 'reference.md §1.2 old-contracts column H2 2014 (lexgo, BS 5 Sep 2014)' },
  { from: '2015-01-01', rate: '7.50', source: 'reference.md §1.2 old-contracts column H1 2015 (vanostaeyen.eu), until 15/03/2015' },
  {
    from: '2015-03-16',
    rate: '8.50',
    source: 'reference.md §1.2 (the old column ends on 15/03/2015; wordscope)',
    note: 'from 16/03/2015 old contracts follow the current rate of the Law of 22 Nov 2013',
  },
];

/**
 * Belgian commercial rate for contracts concluded before 16 March 2013 and not renewed
 * (old formula ECB + 7, rounded up to the half point), the separate lower column that ends on
 * 15 March 2015; from 16 March 2015 it follows {@link beCommercialRates}.
 *
 * @example
 * ```ts
 * rateOn(beCommercialRatesOldContracts, '2014-03-01').rate; // "7.50"
 * ```
 */
export const beCommercialRatesOldContracts: RateTable = defineRateTable({
  id: 'be-commercial-pre-2013-contracts',
  name: 'BE commercial late-payment rate, contracts before 16/03/2013',
  jurisdiction: 'BE',
  kind: 'commercial',
  publication: 'half-yearly',
  entries: [...HISTORY, ...OLD, ...RECENT.filter((e) => e.from > '2015-03-16')],
  validUntil: beCommercialRates.validUntil as string,
});
