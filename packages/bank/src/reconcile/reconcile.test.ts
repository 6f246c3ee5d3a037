import { isFactError } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { invoice, tx } from '../../test/builders.js';
import { CODA_FIXTURE, fixture } from '../../test/fixtures.js';
import { parseCoda } from '../coda/parseCoda.js';
import { reconcile } from './reconcile.js';
import type { ReconcileOutcome } from './types.js';

const OGM = '240283842818'; // reference.md §6.1, valid
const OGM_2 = '000000000097'; // reference.md §6.1, lowest valid value
const RF = 'RF18539007547034'; // reference.md §6.2
const PAYER = 'BE68539007547034';
const STRANGER = 'BE72000000001616';

const ogm = (reference: string) => ({ structured: { scheme: 'ogm' as const, reference } });
const allocs = (o: ReconcileOutcome | undefined) => (o?.kind === 'auto' ? o.allocations.map((a) => [a.invoiceId, a.amount.toFixed(2)]) : o?.kind);

describe('reconcile: automatic matches', () => {
  it('an exact OGM reference pays its invoice', () => {
    const [r] = reconcile([tx('1210.00', { remittance: ogm(OGM) })], [invoice('i1', '1210.00', { reference: `+++240/2838/42818+++` }), invoice('i2', '1210.00')]);
    expect(r?.outcome).toMatchObject({ kind: 'auto', rule: 'exact-reference', score: 100 });
    expect(allocs(r?.outcome)).toEqual([['i1', '1210.00']]);
  });

  it('a partial payment by reference, then the rest', () => {
    const rs = reconcile(
      [tx('500.00', { remittance: ogm(OGM) }), tx('710.00', { remittance: ogm(OGM) })],
      [invoice('i1', '1210.00', { reference: OGM })],
    );
    expect(allocs(rs[0]?.outcome)).toEqual([['i1', '500.00']]);
    expect(rs[0]?.outcome.kind === 'auto' && rs[0].outcome.notes).toEqual(['partial payment: 500.00 of 1210.00 open on 2025-0001']);
    expect(allocs(rs[1]?.outcome)).toEqual([['i1', '710.00']]);
  });

  it('an overpayment pays the open amount and leaves the rest unapplied, saying so', () => {
    const [r] = reconcile([tx('1300.00', { remittance: ogm(OGM) })], [invoice('i1', '1210.00', { reference: OGM })]);
    expect(allocs(r?.outcome)).toEqual([['i1', '1210.00']]);
    expect(r?.outcome.kind === 'auto' && r.outcome.unapplied.toFixed(2)).toBe('90.00');
    expect(r?.outcome.kind === 'auto' && r.outcome.notes).toEqual(['overpayment: 90.00 left unapplied']);
  });

  it('an OGM typed in the free text, and an RF reference', () => {
    const invoices = [invoice('i1', '100.00', { reference: OGM }), invoice('i2', '200.00', { reference: RF })];
    const rs = reconcile(
      [tx('100.00', { remittance: { unstructured: 'betaling +++240/2838/42818+++ bedankt' } }), tx('200.00', { remittance: { structured: { scheme: 'rf', reference: RF } } })],
      invoices,
    );
    expect(rs.map((r) => allocs(r.outcome))).toEqual([[['i1', '100.00']], [['i2', '200.00']]]);
  });

  it('several references: all invoices paid, oldest due first when the money runs short', () => {
    const invoices = [invoice('i1', '100.00', { reference: OGM, dueDate: '2025-04-01' }), invoice('i2', '200.00', { reference: OGM_2, dueDate: '2025-02-01' })];
    const [r] = reconcile([tx('250.00', { remittance: { ...ogm(OGM), moreStructured: [{ scheme: 'ogm', reference: OGM_2 }] } })], invoices);
    expect(r?.outcome).toMatchObject({ kind: 'auto', rule: 'multi-reference' });
    expect(allocs(r?.outcome)).toEqual([['i2', '200.00'], ['i1', '50.00']]);
  });

  it('one payment for several invoices named in the text, adding up exactly, from the debtor', () => {
    const invoices = [invoice('i12', '121.00'), invoice('i13', '242.00'), invoice('i14', '363.00')];
    const [r] = reconcile([tx('363.00', { counterparty: { iban: PAYER }, remittance: { unstructured: 'Facturen 2025-0012 en 2025/0013' } })], invoices);
    expect(r?.outcome).toMatchObject({ kind: 'auto', rule: 'multi-invoice-numbers' });
    expect(allocs(r?.outcome)).toEqual([['i12', '121.00'], ['i13', '242.00']]);
  });

  it('one invoice number, its exact open amount, from a known IBAN', () => {
    const [r] = reconcile([tx('121.00', { counterparty: { iban: PAYER }, remittance: { unstructured: 'INV2025-0012' } })], [invoice('i12', '121.00'), invoice('i13', '121.00')]);
    expect(r?.outcome).toMatchObject({ kind: 'auto', rule: 'amount+iban+number' });
    expect(allocs(r?.outcome)).toEqual([['i12', '121.00']]);
  });

  it('the OGM credit of the real CODA fixture pays its invoice; the debits (globalisation details one by one) are ignored', () => {
    const txs = parseCoda(fixture(CODA_FIXTURE)).statements[0]?.transactions ?? [];
    const rs = reconcile(txs, [invoice('i1', '3044.45', { reference: OGM, debtorName: 'Partner 2' })]);
    expect(rs.map((r) => r.outcome.kind)).toEqual(['ignore', 'auto', 'ignore', 'ignore', 'ignore', 'ignore', 'suggest']);
    expect(allocs(rs[1]?.outcome)).toEqual([['i1', '3044.45']]);
  });
});

describe('reconcile: what goes to the unmatched queue', () => {
  it('several invoices with the same amount from the same payer: ambiguous, both suggested', () => {
    const [r] = reconcile([tx('121.00', { counterparty: { iban: PAYER } })], [invoice('i1', '121.00'), invoice('i2', '121.00'), invoice('i3', '99.00')]);
    expect(r?.outcome.kind).toBe('suggest');
    const c = r?.outcome.kind === 'suggest' ? r.outcome.candidates : [];
    expect(c.slice(0, 2).map((x) => [x.invoiceId, x.score, x.reasons])).toEqual([
      ['i1', 55, ['exact-amount', 'iban']],
      ['i2', 55, ['exact-amount', 'iban']],
    ]);
    expect(c.every((x) => x.score < 100)).toBe(true);
  });

  it('invoice number and exact amount from an unknown IBAN: suggested first, not applied', () => {
    const [r] = reconcile([tx('121.00', { counterparty: { iban: STRANGER }, remittance: { unstructured: '2025-0012' } })], [invoice('i12', '121.00')]);
    expect(r?.outcome).toMatchObject({ kind: 'suggest', candidates: [{ invoiceId: 'i12', score: 70, reasons: ['number-in-text', 'exact-amount'] }] });
  });

  it('invoice numbers whose open amounts do not add up to the payment', () => {
    const [r] = reconcile([tx('300.00', { counterparty: { iban: PAYER }, remittance: { unstructured: '2025-0012 2025-0013' } })], [invoice('i12', '121.00'), invoice('i13', '242.00')]);
    expect(r?.outcome.kind).toBe('suggest');
  });

  it('several invoices adding up, but from a payer who is not the debtor', () => {
    const [r] = reconcile(
      [tx('363.00', { counterparty: { iban: STRANGER, name: 'Someone Else' }, remittance: { unstructured: '2025-0012 2025-0013' } })],
      [invoice('i12', '121.00'), invoice('i13', '242.00')],
    );
    expect(r?.outcome.kind).toBe('suggest');
  });

  it('a second payment of an invoice already paid by reference', () => {
    const rs = reconcile([tx('100.00', { remittance: ogm(OGM) }), tx('100.00', { remittance: ogm(OGM) })], [invoice('i1', '100.00', { reference: OGM })]);
    expect(rs[1]?.outcome).toMatchObject({ kind: 'suggest', why: 'the referenced invoice is already paid', candidates: [{ invoiceId: 'i1', score: 40, reasons: ['reference-already-paid'] }] });
  });

  it('a reference that matches no invoice, with nothing else to go on', () => {
    const [r] = reconcile([tx('100.00', { remittance: ogm(OGM_2) })], [invoice('i1', '55.00', { reference: OGM })]);
    expect(r?.outcome).toEqual({ kind: 'suggest', candidates: [], why: 'the ogm reference matches no open invoice' });
  });
});

describe('reconcile: money out and reversals', () => {
  it('an ordinary debit is ignored', () => {
    expect(reconcile([tx('-50.00')], [invoice('i1', '50.00')])[0]?.outcome).toEqual({ kind: 'ignore', reason: 'debit' });
  });

  it('a reversed credit points at the original and puts the money back on the invoice', () => {
    const rs = reconcile(
      [
        tx('100.00', { endToEndId: 'E2E-1', remittance: ogm(OGM) }),
        tx('-100.00', { reversal: true, endToEndId: 'E2E-1', returnReason: 'AC06' }),
        tx('100.00', { remittance: ogm(OGM) }),
      ],
      [invoice('i1', '100.00', { reference: OGM })],
    );
    expect(rs[1]?.outcome).toMatchObject({ kind: 'reversal', returnReason: 'AC06', original: { paymentKey: rs[0]?.payment.key } });
    expect(allocs(rs[2]?.outcome)).toEqual([['i1', '100.00']]);
  });

  it('a CODA return (a debit without a flag, same OGM and amount as an earlier credit) is a reversal', () => {
    const rs = reconcile([tx('100.00', { remittance: ogm(OGM) }), tx('-100.00', { remittance: ogm(OGM) })], [invoice('i1', '100.00', { reference: OGM })]);
    expect(rs[1]?.outcome.kind).toBe('reversal');
  });

  it('a reversal of a payment already in the ledger', () => {
    const [r] = reconcile([tx('-80.00', { reversal: true, counterparty: { iban: PAYER } })], [invoice('i1', '20.00')], {
      priorPayments: [{ key: 'old', amount: '80.00', counterpartyIban: PAYER, allocations: [{ invoiceId: 'i1', amount: '80.00' }] }],
    });
    expect(r?.outcome).toMatchObject({ kind: 'reversal', original: { paymentKey: 'old', allocations: [{ invoiceId: 'i1' }] } });
  });

  it('a reversal whose original cannot be found still says it is a reversal', () => {
    expect(reconcile([tx('-80.00', { reversal: true, returnReason: 'MD06' })], [])[0]?.outcome).toEqual({ kind: 'reversal', returnReason: 'MD06' });
  });

  it('a reversed debit (money coming back) is not a customer payment', () => {
    expect(reconcile([tx('80.00', { reversal: true })], [])[0]?.outcome).toEqual({ kind: 'ignore', reason: 'reversal-of-debit' });
  });
});

describe('reconcile: scope and input', () => {
  it('a batch of credits is matched line by line', () => {
    const batch = tx('300.00', {
      batch: {
        count: 2,
        details: [
          { amount: tx('100.00').amount, counterparty: {}, remittance: ogm(OGM) },
          { amount: tx('200.00').amount, counterparty: {}, remittance: ogm(OGM_2) },
        ],
      },
    });
    const rs = reconcile([batch], [invoice('i1', '100.00', { reference: OGM }), invoice('i2', '200.00', { reference: OGM_2 })]);
    expect(rs.map((r) => [r.payment.key, allocs(r.outcome)])).toEqual([
      [`${batch.dedupKey}/1`, [['i1', '100.00']]],
      [`${batch.dedupKey}/2`, [['i2', '200.00']]],
    ]);
  });

  it('only the invoices of the account owner are matched', () => {
    const [r] = reconcile([tx('100.00', { remittance: ogm(OGM) })], [invoice('i1', '100.00', { reference: OGM, companyId: 'co_2' })], { companyId: 'co_1' });
    expect(r?.outcome.kind).toBe('suggest');
  });

  it('refuses an invoice whose open amount has a fraction of a cent, naming it', () => {
    try {
      reconcile([], [invoice('i1', '10.005')]);
      expect.unreachable();
    } catch (e) {
      expect(isFactError(e, 'INVALID_AMOUNT')).toBe(true);
      expect(isFactError(e) && e.field).toBe('invoices[0].openAmount');
    }
  });

  it('refuses two invoices with the same id', () => {
    expect(() => reconcile([], [invoice('i1', '1.00'), invoice('i1', '2.00')])).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
  });

  it('ignores lines in another currency', () => {
    expect(reconcile([tx('10.00', { currency: 'CHF' })], [])[0]?.outcome).toEqual({ kind: 'ignore', reason: 'other-currency' });
  });
});
