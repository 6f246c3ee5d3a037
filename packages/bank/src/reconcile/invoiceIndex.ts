import { FactError, money, toCents } from '@fact/core';
import type { CalendarDate } from '@fact/core';
import { classifyReference } from '../references/referenceCheck.js';
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
  readonly byReference: ReadonlyMap<string, readonly IndexedInvoice[]>;
  readonly byNumber: ReadonlyMap<string, readonly IndexedInvoice[]>;
  readonly byIban: ReadonlyMap<string, readonly IndexedInvoice[]>;
  readonly byName: ReadonlyMap<string, readonly IndexedInvoice[]>;
  /** By the open amount at the start; candidates only, the current amount is in `open`. */
  readonly byAmount: ReadonlyMap<number, readonly IndexedInvoice[]>;
  readonly open: Map<string, number>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the index. Throws `FactError` for broken input: a duplicate id (`DUPLICATE_ID`), an open
 * amount that is not whole cents or is negative (`INVALID_AMOUNT`, naming `invoices[i].openAmount`).
 * @internal
 */
export function indexInvoices(invoices: readonly OpenInvoice[], companyId: string | undefined): InvoiceIndex {
  const byId = new Map<string, IndexedInvoice>();
  const byReference = new Map<string, IndexedInvoice[]>();
  const byNumber = new Map<string, IndexedInvoice[]>();
  const byIban = new Map<string, IndexedInvoice[]>();
  const byName = new Map<string, IndexedInvoice[]>();
  const byAmount = new Map<number, IndexedInvoice[]>();
  const open = new Map<string, number>();
  invoices.forEach((inv, i) => {
    if (companyId !== undefined && inv.companyId !== companyId) return;
    if (byId.has(inv.id)) throw new FactError('DUPLICATE_ID', `invoices[${i}].id: "${inv.id}" appears twice`, `invoices[${i}].id`);
    const field = `invoices[${i}].openAmount`;
    const cents = toCents(money(inv.openAmount, field), field);
    if (cents < 0) throw new FactError('INVALID_AMOUNT', `${field}: must not be negative, got ${String(inv.openAmount)}`, field);
    const name = normalizeName(inv.debtorName);
    const ibans = new Set(inv.debtorIbans.map(normalizeIban));
    const indexed: IndexedInvoice = { id: inv.id, number: inv.number, name, nameWords: nameWords(name), ibans, dueDate: inv.dueDate };
    byId.set(inv.id, indexed);
    open.set(inv.id, cents);
    const ref = inv.reference === undefined ? undefined : classifyReference(inv.reference);
    if (ref) push(byReference, ref.reference, indexed);
    const number = normalizeInvoiceNumber(inv.number);
    if (number !== '') push(byNumber, number, indexed);
    for (const iban of ibans) push(byIban, iban, indexed);
    if (name !== '') push(byName, name, indexed);
    push(byAmount, cents, indexed);
  });
  return { byId, byReference, byNumber, byIban, byName, byAmount, open };
}
