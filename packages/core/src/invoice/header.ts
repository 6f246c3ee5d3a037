import { parseDate, type CalendarDate } from '../calendar/date.js';
import type { Country } from '../calendar/holidays.js';
import { fail } from '../errors/fail.js';
import { toCents, type Money } from '../money/money.js';
import type { InvoiceLanguage } from '../vat/exemption-reasons.js';
import { readDecimal } from './line-net.js';
import type { InvoiceInput, InvoiceKind } from './types.js';

const KINDS: readonly InvoiceKind[] = ['invoice', 'credit-note', 'deposit'];
const LANGUAGES: readonly InvoiceLanguage[] = ['nl', 'fr', 'en'];

/** The checked document header. @internal */
export interface InvoiceHeader {
  readonly kind: InvoiceKind;
  readonly number: string;
  readonly issueDate: CalendarDate;
  readonly vatCountry: Country;
  readonly language: InvoiceLanguage;
  readonly correctsInvoice: readonly string[];
}

/** A non-empty trimmed string, or `INVALID_INVOICE` naming the field. @internal */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') return fail('INVALID_INVOICE', field, 'must be a non-empty text');
  return value.trim();
}

/** An amount in whole cents, ≥ 0; a fraction of a cent is refused rather than rounded. @internal */
export function wholeCents(value: Parameters<typeof readDecimal>[0], field: string, fallback?: Money): Money {
  const d = readDecimal(value, 'INVALID_AMOUNT', field, fallback);
  if (d.isNegative() && !d.isZero()) fail('INVALID_AMOUNT', field, `must not be negative, got ${d.toString()}`);
  toCents(d, field);
  return d;
}

/** Checks kind, number, date, currency, country, language and the credit-note link. @internal */
export function checkHeader(input: InvoiceInput): InvoiceHeader {
  if (input === null || typeof input !== 'object') return fail('INVALID_INVOICE', 'invoice', 'expected an object');
  if (!KINDS.includes(input.kind)) fail('INVALID_INVOICE', 'kind', `${JSON.stringify(input.kind)} is not one of ${KINDS.join(', ')}`);
  const number = requireText(input.number, 'number');
  const issueDate = parseDate(input.issueDate, 'issueDate');
  if (input.currency !== 'EUR') fail('UNSUPPORTED_CURRENCY', 'currency', `${JSON.stringify(input.currency)} is not supported; only EUR`);
  if (input.vatCountry !== 'BE' && input.vatCountry !== 'NL') {
    fail('INVALID_ARGUMENT', 'vatCountry', `${JSON.stringify(input.vatCountry)} is not BE or NL`);
  }
  const language = input.language ?? 'nl';
  if (!LANGUAGES.includes(language)) fail('INVALID_ARGUMENT', 'language', `${JSON.stringify(language)} is not one of ${LANGUAGES.join(', ')}`);

  const raw = input.correctsInvoice;
  const corrects = raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
  const correctsInvoice = corrects.map((n, i) => requireText(n, `correctsInvoice[${i}]`));
  if (input.kind === 'credit-note' && correctsInvoice.length === 0) {
    // NL-R-001 and good practice in BE: a credit note names the invoice it corrects.
    fail('INVALID_INVOICE', 'correctsInvoice', 'a credit note must name the invoice(s) it corrects');
  }
  if (input.kind !== 'credit-note' && correctsInvoice.length > 0) {
    fail('INVALID_INVOICE', 'correctsInvoice', `only a credit note corrects an invoice (kind is ${input.kind})`);
  }
  if (input.kind !== 'invoice' && input.deductedDeposits !== undefined && input.deductedDeposits.length > 0) {
    fail('INVALID_INVOICE', 'deductedDeposits', `only a final invoice deducts deposits (kind is ${input.kind})`);
  }
  if (!Array.isArray(input.lines) || input.lines.length === 0) fail('INVALID_INVOICE', 'lines', 'needs at least one line');
  return { kind: input.kind, number, issueDate, vatCountry: input.vatCountry, language, correctsInvoice };
}
