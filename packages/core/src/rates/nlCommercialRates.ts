import { defineRateTable, endOfPublicationPeriod, type RateEntry, type RateTable } from './rateTable.js';

// Dutch wettelijke handelsrente (art. 6:119a BW): latest ECB MRO rate before 1 January or
// 1 July + 8 points (+ 7 before 16/03/2013), not rounded. Add a half-year as one line.
const T = 'reference.md §1.3 rate history (Rentetool RENTETABEL';
const EARLY = 'reference.md §1.3 early handelsrente (raadvanarbitrage.nl)';

const ENTRIES: readonly RateEntry[] = [
  { from: '2002-08-08', rate: '7.00', source: EARLY },
  { from: '2002-12-01', rate: '10.35', source: EARLY },
  { from: '2003-01-01', rate: '9.85', source: EARLY },
  { from: '2003-07-01', rate: '9.10', source: EARLY },
  { from: '2004-01-01', rate: '9.02', source: `${EARLY}; Rentetool`, note: 'raadvanarbitrage.nl gives 9.01/9.02 % for 2004' },
  { from: '2004-07-01', rate: '9.01', source: `${EARLY}; Rentetool` },
  { from: '2005-01-01', rate: '9.09', source: EARLY },
  { from: '2005-07-01', rate: '9.05', source: EARLY },
  { from: '2006-01-01', rate: '9.25', source: EARLY },
  { from: '2006-07-01', rate: '9.83', source: EARLY },
  { from: '2007-01-01', rate: '10.58', source: `${T}; vdkraan.nl)` },
  { from: '2007-07-01', rate: '11.07', source: `${T}; vdkraan.nl)` },
  { from: '2008-01-01', rate: '11.20', source: `${T}; vdkraan.nl)` },
  { from: '2008-07-01', rate: '11.07', source: `${T}; vdkraan.nl)` },
  { from: '2009-01-01', rate: '9.50', source: `${T}; raadvanarbitrage.nl)` },
  { from: '2009-07-01', rate: '8.00', source: `${T}; raadvanarbitrage.nl)` },
  { from: '2010-01-01', rate: '8.00', source: `${T}; raadvanarbitrage.nl)` },
  {
    from: '2011-07-01',
    rate: '8.25',
    source: `${T})`,
    note: 'vdkraan.nl gives 8.0 % for 2011-2012; 8.25 % matches the formula (MRO 1.25 + 7)',
  },
  { from: '2012-01-01', rate: '8.00', source: `${T}; vdkraan.nl)` },
  { from: '2013-01-01', rate: '7.75', source: `${T}; vdkraan.nl)` },
  { from: '2013-03-16', rate: '8.75', source: `${T})`, note: 'new ECB + 8 rule' },
  { from: '2013-07-01', rate: '8.50', source: `${T}; fintool.nl; advocatenkantooroste.nl)` },
  { from: '2014-01-01', rate: '8.25', source: `${T})` },
  { from: '2014-07-01', rate: '8.15', source: `${T}; fintool.nl)` },
  { from: '2015-01-01', rate: '8.05', source: `${T}; fintool.nl)` },
  { from: '2016-07-01', rate: '8.00', source: `${T})`, note: 'unchanged to 31-12-2022' },
  { from: '2023-01-01', rate: '10.50', source: `${T}; flib.nl)` },
  { from: '2023-07-01', rate: '12.00', source: `${T}; watsonlaw.nl)` },
  { from: '2024-01-01', rate: '12.50', source: `${T}; nl.wikipedia)` },
  { from: '2024-07-01', rate: '12.25', source: `${T}; metaalunie.nl)` },
  { from: '2025-01-01', rate: '11.15', source: `${T})` },
  { from: '2025-07-01', rate: '10.15', source: `${T})` },
  { from: '2026-01-01', rate: '10.15', source: `${T}; open-source FAQ text)` },
  {
    from: '2026-07-01',
    rate: '10.15',
    source: 'reference.md §1.3 formula of art. 6:120 lid 2 BW [F] (its sources end early 2026)',
    unconfirmed: true,
    note: 'formula-derived, not yet published when this table was written: ECB MRO assumed unchanged at 2.15 % on 1 July 2026 (+ 8 = 10.15); replace with the Staatscourant notice',
  },
];

/**
 * Dutch statutory commercial interest (wettelijke handelsrente, art. 6:119a BW) from August
 * 2002, changing on 1 January and 1 July (and on 16 March 2013). Compounded yearly from the
 * start date (art. 6:119a lid 3). Valid until the end of the last published half-year.
 *
 * @example
 * ```ts
 * rateOn(nlCommercialRates, '2024-07-01').rate; // "12.25"
 * ```
 */
export const nlCommercialRates: RateTable = defineRateTable({
  id: 'nl-handelsrente',
  name: 'NL wettelijke handelsrente (art. 6:119a BW)',
  jurisdiction: 'NL',
  kind: 'commercial',
  publication: 'half-yearly',
  entries: ENTRIES,
  validUntil: endOfPublicationPeriod((ENTRIES[ENTRIES.length - 1] as RateEntry).from, 'half-yearly'),
});
