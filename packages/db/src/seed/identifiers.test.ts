import { parseBeEnterpriseNumber, parseBeVatNumber, parseIban, parseKvkNumber, parseNlVatNumber } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { generatedIdentifiers } from './identifiers.js';

describe('identifiers of generated businesses', () => {
  it.each([0, 1, 96, 97, 12_345, 6_999_999, 7_000_000])('BE #%i passes the enterprise number, VAT and IBAN checks', (n) => {
    const id = generatedIdentifiers('BE', n);
    expect(parseBeEnterpriseNumber(id.enterpriseNumber)).toBe(id.enterpriseNumber);
    expect(parseBeVatNumber(id.vatNumber)).toBe(id.vatNumber);
    expect(parseIban(id.iban).country).toBe('BE');
  });
  it.each([0, 1, 10, 999, 123_456])('NL #%i passes the KvK, VAT (11-test) and IBAN checks', (n) => {
    const id = generatedIdentifiers('NL', n);
    expect(parseKvkNumber(id.enterpriseNumber)).toBe(id.enterpriseNumber);
    expect(parseNlVatNumber(id.vatNumber)).toEqual({ vatNumber: id.vatNumber, rule: 'elfproef' });
    expect(parseIban(id.iban).country).toBe('NL');
  });
  it('gives different businesses different numbers', () => {
    const be = new Set(Array.from({ length: 2000 }, (_, n) => generatedIdentifiers('BE', n).vatNumber));
    const nl = new Set(Array.from({ length: 2000 }, (_, n) => generatedIdentifiers('NL', n).vatNumber));
    expect(be.size).toBe(2000);
    expect(nl.size).toBe(2000);
  });
});
