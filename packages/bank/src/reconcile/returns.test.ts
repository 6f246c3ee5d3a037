import { describe, expect, it } from 'vitest';
import { invoice, tx } from '../../test/builders.js';
import { fixture } from '../../test/fixtures.js';
import { parseCamt053 } from '../camt/parseCamt053.js';
import { parseCoda } from '../coda/parseCoda.js';
import { camtFile, codaFile } from '../testing/index.js';
import { reconcile } from './reconcile.js';

const OGM = '240283842818';
const ogm = (reference: string) => ({ structured: { scheme: 'ogm' as const, reference } });
const PAYER = 'BE68539007547034';

describe('returned payments: how sure the original is', () => {
  it('an end-to-end id that one earlier credit carries is certain', () => {
    const rs = reconcile([tx('100.00', { endToEndId: 'E2E-1', remittance: ogm(OGM) }), tx('-100.00', { reversal: true, endToEndId: 'E2E-1' })], [invoice('i1', '100.00', { reference: OGM })]);
    expect(rs[1]?.outcome).toMatchObject({ kind: 'reversal', original: { paymentKey: rs[0]?.payment.key, evidence: 'end-to-end-id', certain: true, allocations: [{ invoiceId: 'i1' }] } });
  });

  it('two earlier credits with the same end-to-end id and amount: a candidate, not certain', () => {
    const rs = reconcile([tx('100.00', { endToEndId: 'E2E-1' }), tx('100.00', { endToEndId: 'E2E-1' }), tx('-100.00', { reversal: true, endToEndId: 'E2E-1' })], []);
    expect(rs[2]?.outcome).toMatchObject({ kind: 'reversal', original: { evidence: 'end-to-end-id', certain: false } });
  });

  it("SEPA's NOTPROVIDED is no end-to-end id; the same amount alone is not evidence", () => {
    const rs = reconcile([tx('100.00', { endToEndId: 'NOTPROVIDED', counterparty: { iban: PAYER } }), tx('-100.00', { endToEndId: 'NOTPROVIDED' })], []);
    expect(rs[1]?.outcome).toEqual({ kind: 'ignore', reason: 'debit' });
    const flagged = reconcile([tx('100.00', { endToEndId: 'NOT PROVIDED', counterparty: { iban: PAYER } }), tx('-100.00', { reversal: true, endToEndId: 'NOT PROVIDED', counterparty: { iban: PAYER } })], []);
    expect(flagged[1]?.outcome).toMatchObject({ kind: 'reversal', original: { evidence: 'iban', certain: false } });
  });

  it('the same OGM and amount is a candidate, not certain', () => {
    const rs = reconcile([tx('100.00', { remittance: ogm(OGM) }), tx('-100.00', { remittance: ogm(OGM) })], [invoice('i1', '100.00', { reference: OGM })]);
    expect(rs[1]?.outcome).toMatchObject({ kind: 'reversal', original: { evidence: 'reference', certain: false } });
  });

  it('a return of another amount is not the original', () => {
    const rs = reconcile([tx('100.00', { endToEndId: 'E2E-1' }), tx('-90.00', { reversal: true, endToEndId: 'E2E-1' })], []);
    expect(rs[1]?.outcome).toEqual({ kind: 'reversal' });
  });
});

describe('CODA R-transactions (record 22: customer reference 64-98, type 113, reason 114-117)', () => {
  const credit = { amount: '250.00', ogm: OGM, endToEndId: 'INV-2025-0007', counterpartyIban: PAYER, counterpartyName: 'Bakkerij Peeters' };
  it('a generated statement parses, balances and trailer adding up', () => {
    const file = parseCoda(codaFile({ account: 'BE33737018595246', date: '2025-03-10', sequence: '070', openingBalance: '1000.00', movements: [credit, { amount: '-80.00', freeText: 'rent' }] }));
    const [s] = file.statements;
    expect(s?.closingBalance?.amount.toFixed(2)).toBe('1170.00');
    expect(s?.transactions.map((t) => [t.amount.toFixed(2), t.reversal, t.endToEndId ?? null])).toEqual([
      ['250.00', false, 'INV-2025-0007'],
      ['-80.00', false, null],
    ]);
  });

  it('a return (type 2, reason MD06) is a reversal with its end-to-end id, and undoes the credit with certainty', () => {
    const first = parseCoda(codaFile({ account: 'BE33737018595246', date: '2025-03-10', sequence: '070', openingBalance: '0', movements: [credit] })).statements[0]!.transactions;
    const back = parseCoda(codaFile({ account: 'BE33737018595246', date: '2025-03-12', sequence: '071', openingBalance: '250.00', movements: [{ ...credit, amount: '-250.00', ogm: undefined, freeText: 'RETOUR', rTransaction: '2', returnReason: 'MD06' }] })).statements[0]!.transactions;
    expect(back[0]).toMatchObject({ direction: 'debit', reversal: true, endToEndId: 'INV-2025-0007', returnReason: 'MD06' });
    const rs = reconcile([...first, ...back], [invoice('i1', '250.00', { reference: OGM })]);
    expect(rs[0]?.outcome.kind).toBe('auto');
    expect(rs[1]?.outcome).toMatchObject({ kind: 'reversal', returnReason: 'MD06', original: { paymentKey: first[0]!.dedupKey, evidence: 'end-to-end-id', certain: true } });
  });

  it('the Odoo fixture has no R-transaction: nothing is a reversal, the customer reference 362/363 is kept', () => {
    const txs = parseCoda(fixture('coda/odoo-Ontvangen_CODA.2013-01-11-18.59.15.cod')).statements[0]!.transactions;
    expect(txs.every((t) => !t.reversal)).toBe(true);
    expect(txs[4]?.endToEndId).toBe('362/363');
  });
});

describe('camt: the OCA fixture returns two direct debits (RvslInd, AC06) collected on an earlier statement', () => {
  const ACCOUNT = 'NL77ABNA0574908765';
  it('finds each collection by its end-to-end id, with certainty', () => {
    // The collections the fixture's return batch refers to (end-to-end ids and amounts from the fixture).
    const earlier = parseCamt053(
      camtFile({
        account: ACCOUNT,
        date: '2014-01-03',
        id: 'COLLECT-1',
        openingBalance: '0',
        entries: [{ amount: '664.05', bankReference: 'COLL-2014-125', details: [{ amount: '564.05', endToEndId: 'TESTBANK/NL/20141229/01206408', name: 'Test Customer' }, { amount: '100.00', endToEndId: 'TESTBANK/NL/20141229/01206407', name: 'Test Customer' }] }],
      }),
    ).statements[0]!.transactions;
    const returned = parseCamt053(fixture('camt053/oca-test-camt053.xml'), { balanceCheck: 'warn' }).statements[0]!.transactions;
    const rs = reconcile([...earlier, ...returned], []);
    const reversals = rs.filter((r) => r.outcome.kind === 'reversal');
    expect(reversals.map((r) => [r.payment.amount.toFixed(2), r.outcome.kind === 'reversal' && r.outcome.returnReason, r.outcome.kind === 'reversal' && r.outcome.original?.certain])).toEqual([
      ['-564.05', 'AC06', true],
      ['-100.00', 'AC06', true],
    ]);
    expect(reversals.map((r) => (r.outcome.kind === 'reversal' ? r.outcome.original?.paymentKey : null))).toEqual([`${earlier[0]!.dedupKey}/1`, `${earlier[0]!.dedupKey}/2`]);
  });
});
