import { FactError, money, toCents } from '@fact/core';
import type { CalendarDate } from '@fact/core';
import { classifyReference } from '../references/referenceCheck.js';
import { MultiMap } from './multiMap.js';
import { nameWords, normalizeIban, normalizeInvoiceNumber, normalizeName } from './normalize.js';
import type { OpenInvoice } from './types.js';

/** An invoice prepared for matching. @internal */
export interface IndexedInvoice {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly nameWords: ReadonlySet<string>;
  readonly ibans: ReadonlySet<string>;
  readonly dueDate: CalendarDate;
}

/**
 * Invoices indexed by reference, number, IBAN, name and open amount, with the open amounts (in
 * integer cents: exact, and fast for 100,000 invoices) that change as payments are applied.
 * @internal
 */
export interface InvoiceIndex {
  readonly byId: ReadonlyMap<string, IndexedInvoice>;
  readonly byReference: MultiMap<string, IndexedInvoice>;
  readonly byNumber: MultiMap<string, IndexedInvoice>;
  readonly byIban: MultiMap<string, IndexedInvoice>;
  readonly byName: MultiMap<string, IndexedInvoice>;
  /** By the open amount at the start; candidates only, the current amount is in `open`. */
  readonly byAmount: MultiMap<number, IndexedInvoice>;
  readonly open: Map<string, number>;
}

const PLAIN_EUROS = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Cents of an amount; plain "1234.5" strings are read directly (exact, and 100,000 of them add up). */
function centsOf(amount: OpenInvoice['openAmount'], i: number): number {
  if (typeof amount === 'string') {
    const m = PLAIN_EUROS.exec(amount);
    if (m) return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  }
  const field = `invoices[${i}].openAmount`;
  return toCents(money(amount, field), field);
}


/**
 * Builds the index. Throws `FactError` for broken input: a duplicate id (`DUPLICATE_ID`), an open
 * amount that is not whole cents or is negative (`INVALID_AMOUNT`, naming `invoices[i].openAmount`).
 * @internal
 */
export function indexInvoices(invoices: readonly OpenInvoice[], companyId: string | undefined): InvoiceIndex {
  const byId = new Map<string, IndexedInvoice>();
  const byReference = new MultiMap<string, IndexedInvoice>();
  const byNumber = new MultiMap<string, IndexedInvoice>();
  const byIban = new MultiMap<string, IndexedInvoice>();
  const byName = new MultiMap<string, IndexedInvoice>();
  const byAmount = new MultiMap<number, IndexedInvoice>();
  const open = new Map<string, number>();
  // 100,000 invoices share far fewer debtors: normalise each name and IBAN list once.
  const names = new Map<string, { name: string; words: ReadonlySet<string> }>();
  const ibanSets = new Map<string, ReadonlySet<string>>();
  invoices.forEach((inv, i) => {
    if (companyId !== undefined && inv.companyId !== companyId) return;
    if (byId.has(inv.id)) throw new FactError('DUPLICATE_ID', `invoices[${i}].id: "${inv.id}" appears twice`, `invoices[${i}].id`);
    const cents = centsOf(inv.openAmount, i);
    if (cents < 0) {
      const field = `invoices[${i}].openAmount`;
      throw new FactError('INVALID_AMOUNT', `${field}: must not be negative, got ${String(inv.openAmount)}`, field);
    }
    let named = names.get(inv.debtorName);
    if (!named) {
      const normalized = normalizeName(inv.debtorName);
      named = { name: normalized, words: nameWords(normalized) };
      names.set(inv.debtorName, named);
    }
    const name = named.name;
    const ibanKey = inv.debtorIbans.join('|');
    let ibans = ibanSets.get(ibanKey);
    if (!ibans) {
      ibans = new Set(inv.debtorIbans.map(normalizeIban));
      ibanSets.set(ibanKey, ibans);
    }
    const indexed: IndexedInvoice = { id: inv.id, number: inv.number, name, nameWords: named.words, ibans, dueDate: inv.dueDate };
    byId.set(inv.id, indexed);
    open.set(inv.id, cents);
    const ref = inv.reference === undefined ? undefined : classifyReference(inv.reference);
    if (ref) byReference.add(ref.reference, indexed);
    const number = normalizeInvoiceNumber(inv.number);
    if (number !== '') byNumber.add(number, indexed);
    for (const iban of ibans) byIban.add(iban, indexed);
    if (name !== '') byName.add(name, indexed);
    byAmount.add(cents, indexed);
  });
  return { byId, byReference, byNumber, byIban, byName, byAmount, open };
}
