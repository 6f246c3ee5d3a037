// Public surface of @fact/core. Every export is named; nothing is re-exported with `*`.

// errors
export { FactError, FACT_ERROR_CODES, isFactError } from './errors/FactError.js';
export type { FactErrorCode } from './errors/FactError.js';

// money
export { Dec } from './money/decimal.js';
export {
  money,
  nonNegativeMoney,
  roundCents,
  toCents,
  fromCents,
  sumMoney,
  formatCents,
  maxMoney,
  minMoney,
  ZERO,
} from './money/money.js';
export type { Money, AmountInput } from './money/money.js';
export { allocate } from './money/allocate.js';

// calendar
export {
  parseDate,
  addDays,
  addMonths,
  addYears,
  daysBetween,
  compareDates,
  maxDate,
  minDate,
  endOfMonth,
  isoWeekday,
  isWithin,
} from './calendar/date.js';
export type { CalendarDate } from './calendar/date.js';
export { easterSunday, publicHolidays, isBusinessDay, addBusinessDays } from './calendar/holidays.js';
export type { Country, PublicHoliday } from './calendar/holidays.js';

// invoices, VAT, totals, credit notes
// payment terms
// early-payment discount
// payments and allocation
// status and ageing
// debtor payment behaviour
// late-payment interest and rate tables
// recovery costs
// VAT bad-debt relief
// dunning
// references and identifiers
