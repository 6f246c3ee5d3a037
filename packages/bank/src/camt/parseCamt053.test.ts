import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/fixtures.js';
import { BankFormatError } from '../errors/BankFormatError.js';
import type { BankStatement } from '../model/types.js';
import { parseCamt053 } from './parseCamt053.js';

const camt = (name: string) => fixture(`camt053/${name}`);

function camtError(input: string | Buffer, options?: Parameters<typeof parseCamt053>[1]): BankFormatError {
  try {
    parseCamt053(input, options);
  } catch (e) {
    if (e instanceof BankFormatError) return e;
    throw e;
  }
  throw new Error('parseCamt053 accepted the file');
}

/** Opening + movements = closing, the check a person would do by hand. */
function addsUp(s: BankStatement): boolean {
  const moved = s.transactions.reduce((sum, t) => sum.plus(t.amount), s.openingBalance!.amount);
  return moved.eq(s.closingBalance!.amount);
}

describe('parseCamt053 on the fixtures (shared/fixtures/README.md)', () => {
  it.each([
    ['genkgo-camt053.v2.minimal.xml', '001.02', [1]],
    ['genkgo-camt053.v4.xml', '001.04', [1]],
    ['genkgo-camt053.v8.xml', '001.08', [1]],
    ['genkgo-camt053.v2.multi.statement.xml', '001.02', [1, 1]],
    ['oca-test-camt053-no-ntry.xml', '001.04', [0]],
    ['oca-test-camt053-txdtls.xml', '001.04', [1]],
  ])('%s parses as version %s with %j transactions per statement', (name, version, counts) => {
    const file = parseCamt053(camt(name));
    expect(file.format).toBe('camt053');
    expect(file.version).toBe(version);
    expect(file.statements.map((s) => s.transactions.length)).toEqual(counts);
  });

  it('balances add up wherever both booked balances are in the account currency', () => {
    for (const name of ['genkgo-camt053.v2.multi.statement.xml', 'oca-test-camt053-no-ntry.xml', 'oca-test-camt053-txdtls.xml']) {
      for (const s of parseCamt053(camt(name)).statements) expect(addsUp(s), `${name} ${s.id}`).toBe(true);
    }
  });

  it('says so, instead of checking, when the closing balance is in another currency (genkgo: EUR then SEK)', () => {
    const file = parseCamt053(camt('genkgo-camt053.v2.minimal.xml'));
    expect(file.statements[0]?.closingBalance?.currency).toBe('SEK');
    expect(file.warnings).toEqual([expect.stringContaining('balances not checked')]);
  });

  it('reads the v2 entry: credit 8.85, debtor, IBAN, SCOR reference kept as "other"', () => {
    const [tx] = parseCamt053(camt('genkgo-camt053.v2.minimal.xml')).statements[0]?.transactions ?? [];
    expect(tx?.amount.toFixed(2)).toBe('8.85');
    expect(tx?.direction).toBe('credit');
    expect(tx?.bookingDate).toBe('2014-12-31');
    expect(tx?.valueDate).toBe('2015-01-02');
    expect(tx?.counterparty).toEqual({ name: 'NAME NAME', iban: 'NL56AGDH9619008421' });
    expect(tx?.remittance.structured).toEqual({ scheme: 'other', reference: '4654654654654654' });
    expect(tx?.transactionCode).toBe('544');
  });

  it('reads v8: Othr account id, Pty/Nm, BookgDt/DtTm, AcctSvcrRef as dedup key, Sts/Cd', () => {
    const s = parseCamt053(camt('genkgo-camt053.v8.xml')).statements[0];
    const tx = s?.transactions[0];
    expect(s?.accountIban).toBe('NL26VAYB8060476890');
    expect(tx?.counterparty.name).toBe('NAME NAME');
    expect(tx?.bookingDate).toBe('2014-12-31');
    expect(tx?.endToEndId).toBe('MUELL/FINP/RA12345');
    expect(tx?.dedupKey).toBe('camt:NL26VAYB8060476890:ref:AAAASESS-FP-CN_98765/01');
    expect(tx?.transactionCode).toBe('PMNT/RCDT/BOOK');
  });

  it('reads a multi-statement file into two statements with distinct dedup keys', () => {
    const file = parseCamt053(camt('genkgo-camt053.v2.multi.statement.xml'));
    expect(file.statements.map((s) => s.id)).toEqual(['253EURNL26VAYB8060476890', '254EURNL26VAYB8060476890']);
    const keys = file.statements.flatMap((s) => s.transactions.map((t) => t.dedupKey));
    expect(new Set(keys).size).toBe(2);
    expect(file.statements[1]?.transactions[0]?.amount.toFixed(2)).toBe('-7.00');
    expect(file.statements[1]?.transactions[0]?.counterparty.name).toBe('Company Name 2');
  });

  it('reads a batch of two credits with their own amounts, debtors and references', () => {
    const tx = parseCamt053(camt('oca-test-camt053-txdtls.xml')).statements[0]?.transactions[0];
    expect(tx?.amount.toFixed(2)).toBe('3483.00');
    expect(tx?.batch?.count).toBe(2);
    expect(tx?.batch?.details.map((d) => [d.amount?.toFixed(2), d.counterparty.iban, d.remittance.structured?.reference])).toEqual([
      ['2187.00', 'CH2222000000123456789', '302388292000011111111111111'],
      ['1296.00', 'CH3333000000123456789', '302388292000022222222222222'],
    ]);
  });

  it('refuses the OCA sample, whose balances do not add up, naming the statement and the figures', () => {
    const e = camtError(camt('oca-test-camt053.xml'));
    expect(e.code).toBe('BALANCE_MISMATCH');
    expect(e.message).toContain('1234Test/1');
    expect(e.message).toContain('15568.27');
    expect(e.message).toContain('15121.12');
    expect(e.element).toBe('Document/BkToCstmrStmt/Stmt[1]/Bal');
  });

  it('reads the OCA sample when asked to warn: direct debit, reversed batch with AC06, credit', () => {
    const file = parseCamt053(camt('oca-test-camt053.xml'), { balanceCheck: 'warn' });
    expect(file.warnings).toEqual([expect.stringContaining('does not add up')]);
    const [dd, reversal, credit] = file.statements[0]?.transactions ?? [];
    expect(dd?.amount.toFixed(2)).toBe('-754.25');
    expect(dd?.endToEndId).toBe('435005714488-ABNO33052620');
    expect(dd?.counterparty.name).toBe('INSURANCE COMPANY TESTX');
    expect(reversal?.reversal).toBe(true);
    expect(reversal?.returnReason).toBe('AC06');
    expect(reversal?.batch?.details.map((d) => d.amount?.toFixed(2))).toEqual(['-564.05', '-100.00']);
    expect(credit?.amount.toFixed(2)).toBe('1405.31');
    expect(credit?.counterparty.iban).toBe('NL69ABNA0522123643');
    expect(credit?.remittance.unstructured).toBe('#RD PARTY MEDIA CUSNO 90782 4210773');
  });

  it('refuses the genkgo wrong file, saying that it holds no statement', () => {
    const e = camtError(camt('genkgo-camt053.v2.wrong.xml'));
    expect(e.code).toBe('MISSING_ELEMENT');
    expect(e.message).toMatch(/no Stmt/);
    expect(e.line).toBe(3);
  });

  it('gives the same dedup keys when the same file is imported twice', () => {
    const keys = () => parseCamt053(camt('oca-test-camt053-txdtls.xml')).statements[0]?.transactions.map((t) => t.dedupKey);
    expect(keys()).toEqual(keys());
  });
});

describe('dedup keys across the statements of one file', () => {
  it('keeps two statements that repeat a bank reference as two transactions', () => {
    const xml = new TextDecoder().decode(camt('genkgo-camt053.v4.xml'));
    const stmt = /<Stmt>[\s\S]*<\/Stmt>/.exec(xml)?.[0] ?? '';
    const second = stmt.replace(/<Id>([^<]+)<\/Id>/, '<Id>$1-2</Id>');
    const file = parseCamt053(xml.replace(stmt, stmt + second), { balanceCheck: 'warn' });
    const keys = file.statements.flatMap((s) => s.transactions.map((t) => t.dedupKey));
    expect(file.statements).toHaveLength(2);
    expect(new Set(keys).size).toBe(keys.length);
    expect(file.warnings.some((w) => w.includes('share the identifier'))).toBe(true);
  });
});
