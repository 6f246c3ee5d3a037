// Deterministic test data for the reconciliation benchmark: open invoices, and a statement of
// transactions each carrying the invoices it truly pays (or none), so wrong automatic matches
// can be counted.
import { fromCents } from '@fact/core';
import type { BankTransaction, Remittance } from '../src/model/types.js';
import type { OpenInvoice } from '../src/reconcile/types.js';

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + Number(ch)) % 97;
  return r;
}

function ogmOf(n: number): string {
  const base = String(n).padStart(10, '0');
  const r = mod97(base);
  return base + String(r === 0 ? 97 : r).padStart(2, '0');
}

function rfOf(n: number): string {
  const body = `F${n}`;
  const digits = [...`${body}RF00`].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  return `RF${String(98 - mod97(digits)).padStart(2, '0')}${body}`;
}

/** A statement line with the invoices it really pays (empty: it pays none we know for sure). */
export interface Labelled {
  readonly tx: BankTransaction;
  readonly truth: readonly string[];
  readonly scenario: string;
}

export interface BenchData {
  readonly invoices: OpenInvoice[];
  readonly labelled: Labelled[];
}

const SUBSCRIPTIONS = [12_100, 6_050, 24_200, 9_999, 30_250];

/** Generates `invoiceCount` open invoices and `txCount` transactions from `seed`. */
export function generate(invoiceCount: number, txCount: number, seed = 20250310): BenchData {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const debtorCount = Math.max(1, Math.floor(invoiceCount / 5));
  const debtorIban = (d: number) => `BE${String(10 + (d % 89)).padStart(2, '0')}${String(d).padStart(12, '0')}`;
  const invoices: OpenInvoice[] = [];
  const debtorOf: number[] = [];
  const centsOf: number[] = [];
  for (let i = 0; i < invoiceCount; i++) {
    const d = int(debtorCount);
    const cents = rand() < 0.2 ? (SUBSCRIPTIONS[int(SUBSCRIPTIONS.length)] ?? 100) : 1_000 + int(500_000);
    const kind = rand();
    invoices.push({
      id: `inv-${i}`,
      companyId: 'co-1',
      number: `2024-${String(i).padStart(6, '0')}`,
      debtorName: `Debtor ${d} BV`,
      debtorIbans: [debtorIban(d)],
      openAmount: fromCents(cents).toFixed(2),
      ...(kind < 0.7 ? { reference: ogmOf(i + 1) } : kind < 0.85 ? { reference: rfOf(i + 1) } : {}),
      dueDate: `2025-0${1 + int(9)}-1${int(9)}`,
    });
    debtorOf.push(d);
    centsOf.push(cents);
  }
  // Each invoice is used by at most one scenario, so the truth is never in doubt.
  const pool = invoices.map((_, i) => i);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [pool[i], pool[j]] = [pool[j] ?? 0, pool[i] ?? 0];
  }
  const used = new Set<number>();
  const take = (): number => {
    for (;;) {
      const i = pool.pop() ?? 0;
      if (!used.has(i) || pool.length === 0) return used.add(i), i;
    }
  };
  const invoicesOf = new Map<number, number[]>();
  debtorOf.forEach((d, i) => {
    const list = invoicesOf.get(d);
    if (list) list.push(i);
    else invoicesOf.set(d, [i]);
  });
  /** Another unused invoice of the same debtor, if any. */
  const takeSibling = (i: number): number | undefined => {
    const j = (invoicesOf.get(debtorOf[i] ?? -1) ?? []).find((k) => k !== i && !used.has(k));
    if (j !== undefined) used.add(j);
    return j;
  };
  const labelled: Labelled[] = [];
  const credits: BankTransaction[] = [];
  const make = (n: number, cents: number, remittance: Remittance, iban: string, name: string, extra: Partial<BankTransaction> = {}): BankTransaction => ({
    dedupKey: `bench:${n}`,
    bookingDate: '2025-03-10',
    valueDate: '2025-03-10',
    amount: fromCents(cents),
    currency: 'EUR',
    direction: cents < 0 ? 'debit' : 'credit',
    reversal: false,
    endToEndId: `E2E-${n}`,
    counterparty: { iban, name },
    remittance,
    ...extra,
  });
  for (let n = 0; n < txCount; n++) {
    const r = rand();
    const i = take();
    const inv = invoices[i];
    const cents = centsOf[i] ?? 0;
    const d = debtorOf[i] ?? 0;
    const ref = inv?.reference;
    const own = debtorIban(d);
    const name = `Debtor ${d} BV`;
    let tx: BankTransaction;
    let truth: string[] = [];
    let scenario: string;
    if (r < 0.55 && ref) {
      scenario = r < 0.4 ? 'reference, full' : r < 0.48 ? 'reference, partial' : r < 0.5 ? 'reference, overpaid' : 'reference in free text';
      const paid = scenario === 'reference, partial' ? Math.max(1, Math.floor(cents / 2)) : scenario === 'reference, overpaid' ? cents + 500 : cents;
      const printed = ref.startsWith('RF') ? ref : `+++${ref.slice(0, 3)}/${ref.slice(3, 7)}/${ref.slice(7)}+++`;
      const remittance: Remittance = scenario === 'reference in free text' ? { unstructured: `betaling ${printed}` } : { structured: { scheme: ref.startsWith('RF') ? 'rf' : 'ogm', reference: ref } };
      tx = make(n, paid, remittance, rand() < 0.3 ? debtorIban(int(debtorCount)) : own, name);
      truth = [inv?.id ?? ''];
    } else if (r < 0.65) {
      scenario = 'invoice number, exact amount, debtor IBAN';
      tx = make(n, cents, { unstructured: `Factuur ${inv?.number}` }, own, name);
      truth = [inv?.id ?? ''];
    } else if (r < 0.7) {
      const j = takeSibling(i);
      const other = j === undefined ? undefined : invoices[j];
      scenario = other ? 'several invoice numbers adding up' : 'invoice number, exact amount, debtor IBAN';
      const total = cents + (j === undefined ? 0 : (centsOf[j] ?? 0));
      tx = make(n, total, { unstructured: other ? `Facturen ${inv?.number} ${other.number}` : `Factuur ${inv?.number}` }, own, name);
      truth = other ? [inv?.id ?? '', other.id] : [inv?.id ?? ''];
    } else if (r < 0.8) {
      scenario = 'amount and IBAN only';
      tx = make(n, cents, { unstructured: 'betaling' }, own, name);
      truth = [inv?.id ?? ''];
    } else if (r < 0.85) {
      scenario = 'invoice number, other amount';
      tx = make(n, Math.max(1, cents - 1_000), { unstructured: `${inv?.number}` }, own, name);
      truth = [inv?.id ?? ''];
    } else if (r < 0.9) {
      scenario = 'noise';
      tx = make(n, 100 + int(900_000), { unstructured: `ref ${int(1e9)} order ${int(1e6)}` }, `NL00BANK${String(int(1e10)).padStart(10, '0')}`, `Stranger ${n}`);
    } else if (r < 0.97 || credits.length === 0) {
      scenario = 'debit';
      tx = make(n, -(100 + int(100_000)), { unstructured: 'supplier' }, `NL00SUPP${String(n).padStart(10, '0')}`, 'Supplier');
    } else {
      scenario = 'reversal of an earlier credit';
      const original = credits[int(credits.length)] as BankTransaction;
      tx = make(n, -Math.round(original.amount.toNumber() * 100), {}, original.counterparty.iban ?? '', '', { reversal: true, endToEndId: original.endToEndId ?? '', returnReason: 'AC06' });
    }
    if (tx.direction === 'credit') credits.push(tx);
    labelled.push({ tx, truth, scenario });
  }
  return { invoices, labelled };
}
