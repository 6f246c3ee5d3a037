import { FactError } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { parseFactorProfile } from '../profile/parse-profile.js';
import { batchInput, debtorInput, invoiceInput, profileInput } from '../test-support/fixtures.js';
import { parseFactoringBatch } from './parse-batch.js';

function errorOf(fn: () => unknown): FactError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FactError) return e;
    throw e;
  }
  throw new Error('expected a FactError');
}

describe('parseFactorProfile: bad input names the field', () => {
  it.each([
    [{ advancePercent: '120' }, 'INVALID_POLICY', 'profile.advancePercent', 'a percentage cannot exceed 100'],
    [{ advancePercent: '85%' }, 'INVALID_POLICY', 'profile.advancePercent', 'expected a percentage'],
    [{ maxDaysPastDue: -1 }, 'INVALID_POLICY', 'profile.maxDaysPastDue', 'cannot be negative'],
    [{ assignment: 'loud' }, 'INVALID_POLICY', 'profile.assignment', 'expected "open" or "silent"'],
    [{ concentration: { capPercent: '20', of: 'world' } }, 'INVALID_POLICY', 'profile.concentration.of', 'expected "batch" or "book"'],
    [{ factor: { name: 'X', iban: 'BE00 0000 0000 0000' } }, 'INVALID_POLICY', 'profile.factor.iban', 'not a valid IBAN'],
    [{ excludedCountries: ['be'] }, 'INVALID_POLICY', 'profile.excludedCountries[0]', 'ISO 3166'],
    [{ minAmount: '500', maxAmount: '100' }, 'INVALID_POLICY', 'profile.minAmount', 'above maxAmount 100.00'],
  ] as const)('%o → %s %s', (over, code, field, text) => {
    const e = errorOf(() => parseFactorProfile({ ...profileInput(), ...over }));
    expect(e.code).toBe(code);
    expect(e.field).toBe(field);
    expect(e.message).toContain(text);
  });

  it('refuses an unknown key (a typo would silently do nothing)', () => {
    const e = errorOf(() => parseFactorProfile({ ...profileInput(), maxInvoiceAge: 90 }));
    expect(e.field).toBe('profile');
    expect(e.code).toBe('INVALID_POLICY');
  });
});

describe('parseFactoringBatch: bad input names the field', () => {
  const ok = () => batchInput([invoiceInput('1', 'd1'), invoiceInput('2', 'd1')], [debtorInput('d1')]);

  it.each([
    [(b: ReturnType<typeof ok>) => ({ ...b, invoices: [invoiceInput('1', 'd1', { dueDate: '2025-02-30' })] }), 'INVALID_INVOICE', 'batch.invoices[0].dueDate'],
    [(b: ReturnType<typeof ok>) => ({ ...b, invoices: [invoiceInput('1', 'd1', { outstanding: '12.345' })] }), 'INVALID_INVOICE', 'batch.invoices[0].outstanding'],
    [(b: ReturnType<typeof ok>) => ({ ...b, invoices: [invoiceInput('1', 'd1', { outstanding: '2000.00' })] }), 'INVALID_AMOUNT', 'batch.invoices[0].outstanding'],
    [(b: ReturnType<typeof ok>) => ({ ...b, invoices: [invoiceInput('1', 'd1', { dueDate: '2025-05-01' })] }), 'INVALID_RANGE', 'batch.invoices[0].dueDate'],
    [(b: ReturnType<typeof ok>) => ({ ...b, invoices: [invoiceInput('1', 'nobody')] }), 'UNKNOWN_ITEM', 'batch.invoices[0].debtorId'],
    [(b: ReturnType<typeof ok>) => ({ ...b, invoices: [invoiceInput('1', 'd1'), invoiceInput('1', 'd1')] }), 'DUPLICATE_ID', 'batch.invoices[1].id'],
    [(b: ReturnType<typeof ok>) => ({ ...b, invoices: [invoiceInput('1', 'd1'), invoiceInput('2', 'd1', { number: 'F-1' })] }), 'DUPLICATE_ID', 'batch.invoices[1].number'],
    [(b: ReturnType<typeof ok>) => ({ ...b, seller: { ...b.seller, iban: 'BE68539007547035' } }), 'INVALID_IBAN', 'batch.seller.iban'],
    [(b: ReturnType<typeof ok>) => ({ ...b, debtors: [debtorInput('d1', { language: 'de' as never })] }), 'INVALID_INVOICE', 'batch.debtors[0].language'],
  ] as const)('%# → %s %s', (change, code, field) => {
    const e = errorOf(() => parseFactoringBatch(change(ok())));
    expect(e.code).toBe(code);
    expect(e.field).toBe(field);
    expect(e.message.startsWith(`${field}: `)).toBe(true);
  });
});
