import { Dec } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { CODA_FIXTURE, fixture, patchCoda } from '../../test/fixtures.js';
import { BankFormatError } from '../errors/BankFormatError.js';
import { parseCoda } from './parseCoda.js';

const bytes = fixture(CODA_FIXTURE);
const text = bytes.toString('latin1');

function codaError(input: string): BankFormatError {
  try {
    parseCoda(input);
  } catch (e) {
    if (e instanceof BankFormatError) return e;
    throw e;
  }
  throw new Error('parseCoda accepted the file');
}

describe('parseCoda on the Odoo fixture (shared/fixtures/README.md)', () => {
  const file = parseCoda(bytes);
  const [statement] = file.statements;
  const txs = statement?.transactions ?? [];

  it('reads 1 statement of 5 movements on BE33737018595246 in EUR', () => {
    expect(file.format).toBe('coda');
    expect(file.version).toBe('2');
    expect(file.statements).toHaveLength(1);
    expect(statement?.accountIban).toBe('BE33737018595246');
    expect(statement?.currency).toBe('EUR');
    expect(statement?.sequence).toBe('135');
    expect(txs.map((t) => t.amount.toFixed(2))).toEqual(['-435.00', '3044.45', '-479.04', '-479.04', '63.74']);
  });

  it('totals debits 1,393.08 and credits 3,108.19 like the trailer, globalisation details counted once', () => {
    const debits = txs.filter((t) => t.direction === 'debit').reduce((s, t) => s.plus(t.amount.neg()), new Dec(0));
    const credits = txs.filter((t) => t.direction === 'credit').reduce((s, t) => s.plus(t.amount), new Dec(0));
    expect(debits.toFixed(2)).toBe('1393.08');
    expect(credits.toFixed(2)).toBe('3108.19');
    for (const globalised of [txs[2], txs[3]]) {
      expect(globalised?.batch?.count).toBe(2);
      expect(globalised?.batch?.details.map((d) => d.amount?.toFixed(2))).toEqual(['-419.92', '-59.12']);
    }
  });

  it('balances: 11,812.70 − 1,393.08 + 3,108.19 = 13,527.81 (reference.md §9.1)', () => {
    expect(statement?.openingBalance?.amount.toFixed(3)).toBe('11812.700');
    expect(statement?.closingBalance?.amount.toFixed(3)).toBe('13527.810');
    expect(statement?.closingBalance?.date).toBe('2011-01-11');
  });

  it('recognises the structured communication of the 3,044.45 credit as OGM +++240/2838/42818+++', () => {
    const credit = txs[1];
    expect(credit?.direction).toBe('credit');
    expect(credit?.remittance.structured).toEqual({ scheme: 'ogm', reference: '240283842818' });
    expect(credit?.counterparty).toEqual({ name: 'PARTNER 2', iban: 'BE61310126985517', bic: 'BBRUBEBB' });
  });

  it('keeps free text and counterparties of the other movements', () => {
    expect(txs[0]?.remittance).toEqual({ unstructured: 'MEDEDELING' });
    expect(txs[0]?.counterparty.iban).toBe('BE41063012345610');
    expect(txs[4]?.remittance.unstructured).toBe('TERUGGAVE 37232481 8400083296 .');
    expect(txs[4]?.counterparty.name).toBe('KBC VERZEKERINGEN NV');
    expect(txs[0]?.bookingDate).toBe('2011-01-11');
    expect(txs[0]?.transactionCode).toBe('00101000');
  });

  it('warns, without failing, that the new balance record names another account', () => {
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]).toContain('BE44734024486445');
    expect(file.warnings[0]).toContain('BE33737018595246');
  });

  it('gives every movement a distinct dedup key, the same on a second import and with LF line ends', () => {
    const keys = txs.map((t) => t.dedupKey);
    expect(new Set(keys).size).toBe(5);
    expect(parseCoda(bytes).statements[0]?.transactions.map((t) => t.dedupKey)).toEqual(keys);
    expect(parseCoda(text.replace(/\r\n/g, '\n')).statements[0]?.transactions.map((t) => t.dedupKey)).toEqual(keys);
  });
});

describe('parseCoda refuses broken files with the line number', () => {
  it('a record of the wrong length', () => {
    const lines = text.split('\r\n');
    lines[6] = (lines[6] ?? '').slice(0, 127);
    const e = codaError(lines.join('\r\n'));
    expect(e.code).toBe('CODA_LINE_LENGTH');
    expect(e.line).toBe(7);
    expect(e.message).toMatch(/line 7: record is 127 characters/);
  });

  it('an unknown record type', () => {
    const e = codaError(patchCoda(text, 6, 1, '5'));
    expect(e.code).toBe('CODA_UNKNOWN_RECORD');
    expect(e.line).toBe(6);
  });

  it('a non-numeric amount', () => {
    const e = codaError(patchCoda(text, 7, 40, '3O44'));
    expect(e.code).toBe('CODA_NOT_NUMERIC');
    expect(e.line).toBe(7);
    expect(e.message).toContain('movement amount');
  });

  it('a statement whose totals do not add up, naming the statement and the figures', () => {
    const tampered = patchCoda(text, 23, 43, '000000013527820');
    const e = codaError(tampered);
    expect(e.code).toBe('BALANCE_MISMATCH');
    expect(e.line).toBe(23);
    expect(e.message).toContain('statement 135');
    expect(e.message).toContain('13527.82');
    expect(e.message).toContain('13527.81');
  });

  it('a trailer whose totals disagree with the movements', () => {
    const e = codaError(patchCoda(text, 24, 23, '000000001393090'));
    expect(e.code).toBe('TRAILER_MISMATCH');
    expect(e.line).toBe(24);
    expect(e.message).toContain('total debits 1393.09');
  });

  it('a trailer with the wrong record count', () => {
    expect(codaError(patchCoda(text, 24, 17, '000021')).code).toBe('TRAILER_MISMATCH');
  });

  it('a truncated file (no trailer)', () => {
    const e = codaError(text.split('\r\n').slice(0, 23).join('\r\n'));
    expect(e.code).toBe('CODA_STRUCTURE');
  });

  it('a part 2 record that does not follow its movement', () => {
    const e = codaError(patchCoda(text, 4, 3, '0009'));
    expect(e.code).toBe('CODA_STRUCTURE');
    expect(e.line).toBe(4);
  });

  it('a movement of a fraction of a cent', () => {
    const e = codaError(patchCoda(text, 3, 33, '000000000435001'));
    expect(e.code).toBe('INVALID_AMOUNT');
    expect(e.line).toBe(3);
  });

  it('a date that does not exist', () => {
    const e = codaError(patchCoda(text, 3, 116, '310211'));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.message).toContain('entry date');
  });

  it('a CODA version 1 file', () => {
    expect(codaError(patchCoda(text, 1, 128, '1')).code).toBe('UNSUPPORTED_VERSION');
  });

  it('a file over the size limit, before reading it', () => {
    expect(() => parseCoda(bytes, { maxBytes: 1000 })).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
  });

  it('a mismatch is kept with a warning when the caller asks for it', () => {
    const file = parseCoda(patchCoda(text, 23, 43, '000000013527820'), { balanceCheck: 'warn' });
    expect(file.warnings.some((w) => w.includes('does not add up'))).toBe(true);
  });
});
