// Shapes of the generated data, as data. Figures are plausible orders of magnitude for Belgian
// and Dutch SMEs (not measurements); they exist to make dashboards and benchmarks realistic.

/** How a debtor pays: days after the due date [min, max], or never. */
export const PAYMENT_BEHAVIOURS = [
  ['prompt', 0.5, -10, 3],
  ['slow', 0.3, 4, 45],
  ['late', 0.15, 30, 120],
  ['defaulting', 0.05, null, null],
] as const;

/** Payment terms in days and how common they are. */
export const PAYMENT_TERMS: readonly (readonly [number, number])[] = [
  [30, 0.55],
  [14, 0.2],
  [60, 0.1],
  [8, 0.1],
  [90, 0.05],
];

/** VAT rates by country with weights. */
export const VAT_RATES = {
  BE: [
    ['21', 0.85],
    ['6', 0.1],
    ['0', 0.05],
  ],
  NL: [
    ['21', 0.85],
    ['9', 0.1],
    ['0', 0.05],
  ],
} as const;

/** Share of consumer (B2C) debtors, share of partial payments, credit notes and disputes. */
export const RATES = {
  consumerDebtors: 0.3,
  partialPayment: 0.08,
  creditNote: 0.03,
  dispute: 0.02,
  /** Median net invoice amount in euro and the log-normal spread. */
  medianNetEuro: 650,
  amountSigma: 1.1,
} as const;

export const BE_CITIES = ['Brussel', 'Antwerpen', 'Gent', 'Leuven', 'Liège', 'Namur', 'Brugge', 'Hasselt', 'Mechelen', 'Charleroi'] as const;
export const NL_CITIES = ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', 'Den Haag', 'Groningen', 'Tilburg', 'Breda', 'Zwolle', 'Arnhem'] as const;
export const NAME_PARTS = ['Kroon', 'Zonneveld', 'Van Dijck', 'Peeters', 'Janssens', 'Dubois', 'Lambert', 'De Vries', 'Bakker', 'Visser', 'Mertens', 'Claes', 'Willems', 'Smit', 'Meijer', 'Maes'] as const;
export const TRADES = ['Bouw', 'Logistics', 'Bakkerij', 'Consult', 'Garage', 'Print', 'Tech', 'Brouwerij', 'Catering', 'Design'] as const;
export const BE_FORMS = ['BV', 'NV', 'CommV', 'SRL', 'SA'] as const;
export const NL_FORMS = ['B.V.', 'N.V.', 'V.O.F.'] as const;
