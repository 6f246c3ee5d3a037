import { BE_B2B_POLICY, BE_B2C_POLICY, NL_B2C_POLICY, parsePolicy } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { policyErrorField, policyForm, policyValues, readPolicyForm } from './policy-form.js';

function formOf(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe('the policy editor form', () => {
  it('round-trips a preset: its own values read back give the same lawful policy, as a new version', () => {
    const { policy, errors } = readPolicyForm(formOf(policyValues(BE_B2C_POLICY)), BE_B2C_POLICY, 'own-BE-B2C', 2);
    expect(errors).toEqual({});
    expect(parsePolicy(policy)).toEqual({ ...BE_B2C_POLICY, id: 'own-BE-B2C', version: 2 });
  });

  it('reads edited days, channel, claims, fee and kind of letter; keeps keys and gates', () => {
    const values = { ...policyValues(BE_B2B_POLICY), 'l2.days': '10', 'l2.channel': 'registered-letter', 'l1.interest': 'claim', 'l2.reminderFee': '12,50', 'l3.final': '' };
    const { policy } = readPolicyForm(formOf(values), BE_B2B_POLICY, 'own-BE-B2B', 2);
    expect(policy.levels[2]).toMatchObject({ key: 'second-reminder', offset: { from: 'previous-level', days: 10 }, channel: 'registered-letter', claims: { interest: 'claim', fixedCompensation: 'claim', reminderFee: '12.50' } });
    expect(policy.levels[1]?.claims).toEqual({ interest: 'claim' });
    expect(policy.levels[3]?.final).toBeUndefined();
  });

  it('refuses what is not a whole number of days or an amount, keeping what was typed', () => {
    const values = { ...policyValues(BE_B2B_POLICY), 'l2.days': 'two weeks', 'l1.reminderFee': '7,5x', minimumOpenAmount: 'ten' };
    const { errors, values: kept } = readPolicyForm(formOf(values), BE_B2B_POLICY, 'x', 2);
    expect(errors).toEqual({ 'l2.days': 'validation.days', 'l1.reminderFee': 'validation.amount', minimumOpenAmount: 'validation.amount' });
    expect(kept['l2.days']).toBe('two weeks');
  });

  it('puts each parsePolicy error next to its field', () => {
    expect(policyErrorField('levels[2].offset.days')).toBe('l2.days');
    expect(policyErrorField('levels[0].offset.from')).toBe('l0.from');
    expect(policyErrorField('levels[1].claims.bik')).toBe('l1.bik');
    expect(policyErrorField('levels[1].claims')).toBe('l1.claims');
    expect(policyErrorField('levels[3].gates[0]')).toBe('l3.claims');
    expect(policyErrorField('levels[4].final')).toBe('l4.final');
    expect(policyErrorField('minimumOpenAmount')).toBe('minimumOpenAmount');
    expect(policyErrorField('jurisdiction')).toBe('form');
  });

  it('offers only the claims the law allows and shows the gates by the fields they constrain', () => {
    const b2c = policyForm(BE_B2C_POLICY, 'consumer');
    expect(b2c.levels[1]?.claims).toEqual(['interest', 'damages']);
    expect(b2c.levels[1]?.hints['claims']?.map((h) => h.key)).toEqual(['gate.book-xix-free-first-reminder']);
    expect(b2c.levels[2]?.hints['days']?.map((h) => h.key)).toEqual(['gate.book-xix-waiting-period']);
    expect(b2c.levels[2]?.hints['reminderFee']).toEqual([{ key: 'law.fee.beB2c', params: { fee: '7.50' } }]);
    const nl = policyForm(NL_B2C_POLICY, 'consumer');
    expect(nl.levels[2]?.claims).toEqual(['interest', 'bik']);
    expect(nl.levels[2]?.feeAllowed).toBe(false);
    expect(nl.levels[3]?.hints['days']?.map((h) => h.key)).toEqual(['gate.nl-14-day-letter-expired']);
    expect(policyForm(BE_B2B_POLICY, 'business').levels[2]?.hints['fixedCompensation']).toEqual([{ key: 'law.eur40', params: { amount: '40.00' } }]);
  });
});
