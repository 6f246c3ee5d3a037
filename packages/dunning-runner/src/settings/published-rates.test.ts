import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beCommercialRates, type DunningAction } from '@fact/core';
import { afterAll, describe, expect, it } from 'vitest';
import { priceClaims } from '../compose/claims.js';
import { publishedRates } from './published-rates.js';

const dir = mkdtempSync(join(tmpdir(), 'fact-rates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// The shipped Belgian commercial table ends with 2026; a reminder in January 2027 needs the
// rate the Staatsblad publishes then. 1,000.00 due on the table's last day, as of 31 January.
const lastDay = beCommercialRates.validUntil!;
const asOf = '2027-01-31';
const action = {
  facts: { asOf, items: [{ itemId: 'inv-1', amountToRemind: '1000.00', dueDate: lastDay }] },
  claims: [{ kind: 'interest', status: 'included', mode: 'claim', itemIds: ['inv-1'], accrualStart: 'day-after-due-date', legalBasis: 'Wet van 2 augustus 2002, art. 5' }],
} as unknown as DunningAction;
const ctx = { country: 'BE' as const, debtorKind: 'business' as const, dueDates: { 'inv-1': lastDay } };

describe('FACT_RATES_FILE: statutory rates published after this release', () => {
  it('without it, interest past the shipped table is refused (a gap, never a guess)', () => {
    expect(() => priceClaims(action, { ...ctx, rateTables: publishedRates({}) })).toThrow(/no rate in table be-commercial/);
  });

  it('with it, the letter claims interest at the published rate', () => {
    const path = file('rates.json', JSON.stringify({ 'be-commercial': [{ from: '2027-01-01', rate: '10.00', source: 'BS 2027-01-05 (test)' }] }));
    const priced = priceClaims(action, { ...ctx, rateTables: publishedRates({ FACT_RATES_FILE: path }) });
    // 1,000.00 × 10 % × 31 / 365 = 8.49 (1–31 January 2027)
    expect(priced.interest[0]!.total).toBe('8.49');
    expect(priced.interest[0]!.segments.map((s) => [s.from, s.days, s.ratePercent])).toEqual([['2027-01-01', 31, '10.00']]);
  });

  it('names the file and what is wrong', () => {
    expect(() => publishedRates({ FACT_RATES_FILE: file('broken.json', '{ "be-commercial": [') })).toThrow(/FACT_RATES_FILE .*broken\.json/);
    expect(() => publishedRates({ FACT_RATES_FILE: join(dir, 'missing.json') })).toThrow(/missing\.json.*ENOENT/);
    expect(() => publishedRates({ FACT_RATES_FILE: file('unknown.json', JSON.stringify({ 'be-comercial': [{ from: '2027-01-01', rate: '10', source: 'x' }] })) })).toThrow(/unknown rate table "be-comercial"/);
    expect(() => publishedRates({ FACT_RATES_FILE: file('norate.json', JSON.stringify({ 'be-commercial': [{ from: '2027-01-01', source: 'x' }] })) })).toThrow(/be-commercial\[0\]: "rate" must be a non-empty string/);
    expect(() => publishedRates({ FACT_RATES_FILE: file('gap.json', JSON.stringify({ 'be-commercial': [{ from: '2027-07-01', rate: '10', source: 'x' }] })) })).toThrow(/gap/);
  });
});
