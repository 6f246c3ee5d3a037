import type { Decimal } from 'decimal.js';
import { fail } from '../errors/fail.js';
import { parseBic } from '../identifiers/bic.js';
import { parseIban } from '../identifiers/iban.js';
import { Dec } from '../money/decimal.js';
import { money } from '../money/money.js';
import { parsePaymentReference } from '../references/parse-payment-reference.js';
import { EPC_QR_LIMITS as L } from './epc-qr-limits.js';

/**
 * What goes into an EPC QR code ("scan to pay", GiroCode) for a SEPA credit transfer.
 *
 * @example
 * ```ts
 * const input: EpcQrInput = { bic: 'GEBABEBB', name: 'Fact BV', iban: 'BE71 0961 2345 6769', amount: '12.34', text: 'Invoice F2025-001' };
 * epcQrPayload(input); // "BCD\n002\n1\nSCT\nGEBABEBB\nFact BV\nBE71096123456769\nEUR12.34\n\n\nInvoice F2025-001"
 * ```
 */
export interface EpcQrInput {
  /** Beneficiary's BIC; optional in version 002 within the EEA. */
  readonly bic?: string;
  /** Beneficiary name, at most 70 characters. */
  readonly name: string;
  /** Beneficiary IBAN of a SEPA country, print or electronic form. */
  readonly iban: string;
  /** Amount in euro, 0.01 to 999999999.99, at most 2 decimals (never rounded here). */
  readonly amount: string | number | Decimal;
  /** ISO 20022 purpose code, up to 4 characters (e.g. `CHAR`). */
  readonly purpose?: string;
  /** Structured creditor reference: a Belgian OGM (any form) or an ISO 11649 RF reference. */
  readonly reference?: string;
  /** Unstructured remittance text, at most 140 characters; not together with `reference`. */
  readonly text?: string;
  /** Beneficiary-to-originator information, at most 70 characters. */
  readonly information?: string;
}

function checkLength(value: string, max: number, field: string): void {
  const length = [...value].length;
  if (length > max) fail('PAYLOAD_TOO_LONG', field, `${length} characters; EPC069-12 allows at most ${max}`);
}

function checkLine(value: string, field: string): string {
  if (typeof value !== 'string') return fail('INVALID_ARGUMENT', field, `expected text, got ${typeof value}`);
  if (/[\r\n]/.test(value)) fail('INVALID_ARGUMENT', field, 'must not contain line breaks: each element is one line of the payload');
  return value.trim();
}

function amountLine(value: EpcQrInput['amount']): string {
  const amount = money(value, 'amount');
  if (amount.decimalPlaces() > 2) fail('INVALID_AMOUNT', 'amount', `${amount.toString()} has more than 2 decimals`);
  if (amount.lessThan(new Dec(L.minAmount)) || amount.greaterThan(new Dec(L.maxAmount))) {
    fail('INVALID_AMOUNT', 'amount', `${amount.toString()} is outside ${L.minAmount} to ${L.maxAmount}`);
  }
  return `${L.currency}${amount.toFixed(2)}`;
}

/**
 * Builds the text of an EPC QR code (EPC069-12 version 002, character set 1 = UTF-8,
 * identification SCT): one element per line, separated by LF, nothing after the last element
 * present. The structured reference goes in line 10 in its electronic form (an OGM as its 12
 * digits, the safe choice in reference.md §5); free text goes in line 11.
 *
 * Throws `PAYLOAD_TOO_LONG` naming the field that is over its limit (or, when the whole payload
 * exceeds 331 bytes, the free-text field to shorten first); `INVALID_IBAN` / `INVALID_BIC` /
 * `INVALID_REFERENCE` / `INVALID_AMOUNT` for bad values; `INVALID_ARGUMENT` when both
 * `reference` and `text` are given, the name is empty, or a value contains a line break.
 *
 * @example
 * ```ts
 * epcQrPayload({ name: 'Fact BV', iban: 'BE71 0961 2345 6769', amount: '12.34', reference: '+++240/2838/42818+++' });
 * // "BCD\n002\n1\nSCT\n\nFact BV\nBE71096123456769\nEUR12.34\n\n240283842818"
 * ```
 */
export function epcQrPayload(input: EpcQrInput): string {
  const name = checkLine(input.name, 'name');
  if (name.length === 0) fail('INVALID_ARGUMENT', 'name', 'the beneficiary name is required');
  checkLength(name, L.nameMax, 'name');

  const iban = parseIban(input.iban, 'iban');
  if (!iban.sepa) fail('INVALID_IBAN', 'iban', `${iban.country} is not a SEPA country; an EPC QR code is for SEPA credit transfers`);
  const bic = input.bic === undefined || input.bic.trim() === '' ? '' : parseBic(input.bic, 'bic');

  let purpose = '';
  if (input.purpose !== undefined && input.purpose.trim() !== '') {
    purpose = checkLine(input.purpose, 'purpose').toUpperCase();
    checkLength(purpose, L.purposeMax, 'purpose');
    if (!/^[A-Z0-9]+$/.test(purpose)) fail('INVALID_ARGUMENT', 'purpose', `"${input.purpose}" is not a purpose code (letters and digits)`);
  }

  const hasReference = input.reference !== undefined && input.reference.trim() !== '';
  const hasText = input.text !== undefined && input.text.trim() !== '';
  if (hasReference && hasText) {
    fail('INVALID_ARGUMENT', 'text', 'give either a structured reference or unstructured text, not both (EPC069-12 lines 10 and 11)');
  }
  let reference = '';
  if (hasReference) {
    reference = parsePaymentReference(checkLine(input.reference ?? '', 'reference'), 'reference').electronic;
    checkLength(reference, L.referenceMax, 'reference');
  }
  const text = hasText ? checkLine(input.text ?? '', 'text') : '';
  checkLength(text, L.textMax, 'text');
  const information = input.information === undefined ? '' : checkLine(input.information, 'information');
  checkLength(information, L.informationMax, 'information');

  const lines = [L.serviceTag, L.version, L.characterSet, L.identification, bic, name, iban.electronic, amountLine(input.amount), purpose, reference, text, information];
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const payload = lines.join('\n');

  const bytes = new TextEncoder().encode(payload).length;
  if (bytes > L.payloadMaxBytes) {
    const culprit = information ? 'information' : text ? 'text' : 'name';
    fail('PAYLOAD_TOO_LONG', culprit, `the payload is ${bytes} bytes, EPC069-12 allows ${L.payloadMaxBytes}; shorten ${culprit}`);
  }
  return payload;
}
