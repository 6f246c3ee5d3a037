import { defineRateTable, endOfPublicationPeriod, type RateEntry, type RateTable } from './rateTable.js';

// Dutch wettelijke rente (art. 6:119 BW): ECB MRO + 2.25 points, rounded, adjusted on
// 1 January or 1 July only "if necessary". The table lists the dates on which it changed;
// earlier history (1976-2002) is left out because reference.md gives no exact start days.
const T = 'reference.md §1.3 rate history (Rentetool RENTETABEL';
const EARLY = 'reference.md §1.3 earlier wettelijke rente (raadvanarbitrage.nl)';

const ENTRIES: readonly RateEntry[] = [
  { from: '2003-08-01', rate: '5.00', source: EARLY },
  { from: '2004-02-01', rate: '4.00', source: EARLY },
  { from: '2007-01-01', rate: '6.00', source: `${T}; raadvanarbitrage.nl)` },
  { from: '2009-07-01', rate: '4.00', source: `${T}; raadvanarbitrage.nl)` },
  { from: '2010-01-01', rate: '3.00', source: `${T}; raadvanarbitrage.nl)` },
  { from: '2011-07-01', rate: '4.00', source: `${T}; iqount.nl)` },
  { from: '2012-07-01', rate: '3.00', source: `${T}; stb-2014-491)` },
  { from: '2015-01-01', rate: '2.00', source: `${T}; stb-2014-491; fintool.nl)`, note: 'unchanged to 31-12-2022' },
  { from: '2023-01-01', rate: '4.00', source: `${T}; flib.nl)` },
  { from: '2023-07-01', rate: '6.00', source: `${T}; watsonlaw.nl)` },
  { from: '2024-01-01', rate: '7.00', source: `${T}; feitsmaverhagen.nl; smkaccountants.nl, Stb. 2023, 484)` },
  { from: '2024-07-01', rate: '7.00', source: `${T}; metaalunie.nl)` },
  { from: '2025-01-01', rate: '6.00', source: `${T})` },
  {
    from: '2025-07-01',
    rate: '6.00',
    source: `${T}) [U]`,
    unconfirmed: true,
    note: 'the calculator table says 6 %; the formula gives about 5 % (MRO 2.40 + 2.25 = 4.65); check Staatsblad 2025',
  },
  { from: '2026-01-01', rate: '4.00', source: `${T}; open-source FAQ text)` },
  {
    from: '2026-07-01',
    rate: '4.00',
    source: 'reference.md §1.3 last published rate carried forward [U] (its sources end early 2026)',
    unconfirmed: true,
    note: 'the wettelijke rente is set by decree (AMvB) and usually changes on 1 January or 1 July; none known for H2 2026: check the Staatsblad',
  },
];

/**
 * Dutch statutory interest (wettelijke rente, art. 6:119 BW) for consumer and non-commercial
 * debts, from August 2003. It runs from default (verzuim) and is compounded yearly (lid 2).
 * Valid until the end of the last published half-year.
 *
 * @example
 * ```ts
 * rateOn(nlStatutoryRates, '2024-03-01').rate; // "7.00"
 * ```
 */
export const nlStatutoryRates: RateTable = defineRateTable({
  id: 'nl-wettelijke-rente',
  name: 'NL wettelijke rente (art. 6:119 BW)',
  jurisdiction: 'NL',
  kind: 'civil',
  publication: 'half-yearly',
  entries: ENTRIES,
  validUntil: endOfPublicationPeriod((ENTRIES[ENTRIES.length - 1] as RateEntry).from, 'half-yearly'),
});
