import { CLAIM_LAW, money, parseDate, sumMoney, type Money } from '@fact/core';
import { fail } from '../errors.js';
import { parseLanguage } from '../text/locale.js';
import type { ReminderLetterInput } from './types.js';

const LEVELS = ['pre-due', 'first-reminder', 'second-reminder', 'formal-notice', 'final-notice'] as const;

/** The amounts of a letter once checked: open items, claims charged now, the total to pay. */
export interface CheckedAmounts {
  readonly openTotal: Money;
  readonly claimedTotal: Money;
  readonly total: Money;
}

function checkStatutoryScope(input: ReminderLetterInput): void {
  if (input.statutoryLetter === 'book-xix-free-first-reminder' && (input.jurisdiction !== 'BE' || input.debtorKind !== 'consumer')) {
    fail('INVALID_ARGUMENT', 'statutoryLetter', 'the Book XIX free first reminder is for Belgian consumer debts only');
  }
  if (input.statutoryLetter === 'nl-14-day-letter' && (input.jurisdiction !== 'NL' || input.debtorKind !== 'consumer')) {
    fail('INVALID_ARGUMENT', 'statutoryLetter', 'the 14-day letter (art. 6:96 lid 6 BW) is for Dutch consumer debts only');
  }
  if (input.statutoryLetter !== undefined && input.statutoryLetter !== 'book-xix-free-first-reminder' && input.statutoryLetter !== 'nl-14-day-letter') {
    fail('INVALID_ARGUMENT', 'statutoryLetter', `"${String(input.statutoryLetter)}" is not a statutory letter`);
  }
}

function checkStatutory(input: ReminderLetterInput): void {
  const claims = input.claims ?? [];
  if (input.statutoryLetter === 'book-xix-free-first-reminder') {
    const charged = claims.findIndex((c) => c.mode === 'claim');
    if (charged >= 0) fail('INVALID_ARGUMENT', `claims[${charged}].mode`, 'the Book XIX first reminder is free: it may announce costs, never charge them (reference.md §3)');
    if (!claims.some((c) => c.kind === 'damages' && c.mode === 'announce')) {
      fail('INVALID_ARGUMENT', 'claims', 'the Book XIX first reminder must state the damages that will be charged if unpaid (reference.md §3)');
    }
    if (!input.company.enterpriseNumber && !input.company.vatNumber?.toUpperCase().startsWith('BE')) {
      fail('INVALID_ARGUMENT', 'company.enterpriseNumber', "the Book XIX first reminder must show the creditor's enterprise number");
    }
    input.items.forEach((item, i) => {
      if (!item.description?.trim()) fail('INVALID_ARGUMENT', `items[${i}].description`, 'the Book XIX first reminder must describe the product or service');
    });
  }
  if (input.statutoryLetter === 'nl-14-day-letter') {
    const bik = claims.find((c) => c.kind === 'bik' && c.mode === 'announce');
    if (!bik || !money(bik.amount, 'claims.bik.amount').greaterThan(0)) {
      fail('INVALID_ARGUMENT', 'claims', 'the 14-day letter must state the exact amount of the collection costs (BIK) that will be charged (reference.md §2)');
    }
    const charged = claims.findIndex((c) => c.kind === 'bik' && c.mode === 'claim');
    if (charged >= 0) fail('INVALID_ARGUMENT', `claims[${charged}].mode`, 'BIK may only be charged after the 14 days of the 14-day letter have passed');
  }
}

/**
 * Checks a reminder letter's input against the law and itself before anything is printed:
 * known level and language, valid dates, at least one invoice with an open amount, claims the
 * law allows for the jurisdiction and debtor (`CLAIM_LAW` of `@fact/core`), the contents the
 * Book XIX first reminder and the Dutch 14-day letter must have, and interest statements whose
 * segments add up to their totals and to the interest claimed. Throws `FactError` naming the field.
 *
 * @example
 * ```ts
 * checkReminderLetter(input).total.toFixed(2); // "1274.56"
 * ```
 */
export function checkReminderLetter(input: ReminderLetterInput): CheckedAmounts {
  if (!(LEVELS as readonly string[]).includes(input.level)) fail('INVALID_ARGUMENT', 'level', `"${String(input.level)}" is not one of ${LEVELS.join(', ')}`);
  parseLanguage(input.debtor.language, 'debtor.language');
  parseDate(input.letterDate, 'letterDate');
  parseDate(input.payBy, 'payBy');
  if (input.items.length === 0) fail('INVALID_ARGUMENT', 'items', 'a reminder needs at least one invoice');
  const numbers = new Set<string>();
  const open = input.items.map((item, i) => {
    parseDate(item.issueDate, `items[${i}].issueDate`);
    parseDate(item.dueDate, `items[${i}].dueDate`);
    money(item.amount, `items[${i}].amount`);
    const amount = money(item.openAmount, `items[${i}].openAmount`);
    if (!amount.greaterThan(0)) fail('INVALID_AMOUNT', `items[${i}].openAmount`, `must be above zero, got ${amount.toString()}`);
    if (numbers.has(item.number)) fail('DUPLICATE_ID', `items[${i}].number`, `invoice ${item.number} appears twice`);
    numbers.add(item.number);
    return amount;
  });

  checkStatutoryScope(input);
  const claims = input.claims ?? [];
  claims.forEach((c, i) => {
    const rule = CLAIM_LAW[input.jurisdiction][input.debtorKind][c.kind];
    if (!rule) fail('INVALID_ARGUMENT', `claims[${i}].kind`, `"${String(c.kind)}" is not a claim kind`);
    if (!rule.allowed) fail('INVALID_ARGUMENT', `claims[${i}].kind`, rule.forbiddenBecause ?? `${c.kind} is not allowed here`);
    if (c.mode !== 'claim' && c.mode !== 'announce') fail('INVALID_ARGUMENT', `claims[${i}].mode`, 'must be "claim" or "announce"');
    if (!money(c.amount, `claims[${i}].amount`).greaterThan(0)) fail('INVALID_AMOUNT', `claims[${i}].amount`, 'must be above zero');
    if (c.itemNumber !== undefined && !numbers.has(c.itemNumber)) fail('UNKNOWN_ITEM', `claims[${i}].itemNumber`, `${c.itemNumber} is not one of the letter's invoices`);
    if (c.mode === 'claim' && input.level === 'pre-due') fail('INVALID_ARGUMENT', `claims[${i}].mode`, 'a friendly reminder before the due date charges nothing');
  });
  checkStatutory(input);

  const statements = input.interest ?? [];
  const statementTotals = statements.map((s, i) => {
    if (!numbers.has(s.itemNumber)) fail('UNKNOWN_ITEM', `interest[${i}].itemNumber`, `${s.itemNumber} is not one of the letter's invoices`);
    const total = money(s.total, `interest[${i}].total`);
    const sum = sumMoney(s.segments.map((seg, j) => money(seg.amount, `interest[${i}].segments[${j}].amount`)));
    if (!sum.equals(total)) fail('INVALID_AMOUNT', `interest[${i}].total`, `${total.toFixed(2)} is not the sum of its segments ${sum.toFixed(2)}`);
    return total;
  });
  const claimedInterest = claims.filter((c) => c.kind === 'interest' && c.mode === 'claim');
  if (claimedInterest.length > 0) {
    if (statements.length === 0) fail('INVALID_ARGUMENT', 'interest', 'claimed interest needs its statement (the segments from lateInterest)');
    const claimed = sumMoney(claimedInterest.map((c) => money(c.amount)));
    const stated = sumMoney(statementTotals);
    if (!claimed.equals(stated)) fail('INVALID_AMOUNT', 'claims', `interest claimed ${claimed.toFixed(2)} differs from the statement total ${stated.toFixed(2)}`);
  }

  const openTotal = sumMoney(open);
  const claimedTotal = sumMoney(claims.filter((c) => c.mode === 'claim').map((c) => money(c.amount)));
  return { openTotal, claimedTotal, total: openTotal.plus(claimedTotal) };
}
