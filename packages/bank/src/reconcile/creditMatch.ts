import { fromCents } from '@fact/core';
import type { StructuredReference } from '../model/types.js';
import { referencesInText } from '../references/referenceCheck.js';
import type { IndexedInvoice, InvoiceIndex } from './invoiceIndex.js';
import { invoiceNumberTokens, nameWords, normalizeIban, normalizeName } from './normalize.js';
import type { Candidate, MatchReason, MatchRule, PaymentLine, ReconcileOutcome } from './types.js';

/**
 * Points per piece of evidence when ranking suggestions; a suggestion is capped at 99 because 100
 * means "applied automatically", which only the rules of {@link MatchRule} may do.
 */
export const SUGGESTION_WEIGHTS: Readonly<Record<MatchReason, number>> = {
  reference: 60,
  'reference-shared': 45,
  'reference-already-paid': 40,
  'number-in-text': 40,
  'exact-amount': 30,
  iban: 25,
  name: 15,
  'amount-below-open': 8,
  'name-similar': 8,
};

/** What the payer's remittance points at. */
interface Evidence {
  readonly byReference: readonly IndexedInvoice[];
  readonly sharedReference: readonly IndexedInvoice[];
  readonly byNumber: readonly IndexedInvoice[];
  readonly ambiguousNumber: boolean;
  readonly iban: string | undefined;
  readonly name: string;
}

function uniqueById(list: readonly IndexedInvoice[]): IndexedInvoice[] {
  const seen = new Set<string>();
  return list.filter((inv) => (seen.has(inv.id) ? false : (seen.add(inv.id), true)));
}

function gather(line: PaymentLine, index: InvoiceIndex): Evidence {
  const { structured, moreStructured = [], unstructured = '' } = line.remittance;
  const refs: StructuredReference[] = [...(structured ? [structured] : []), ...moreStructured, ...referencesInText(unstructured)];
  const byReference: IndexedInvoice[] = [];
  const sharedReference: IndexedInvoice[] = [];
  for (const ref of refs) {
    const hits = index.byReference.get(ref.reference);
    (hits.length === 1 ? byReference : sharedReference).push(...hits);
  }
  // Payers often put the invoice number where the reference goes: read "other" references as text.
  const text = [unstructured, ...refs.filter((r) => r.scheme === 'other').map((r) => r.reference)].join(' ');
  const byNumber: IndexedInvoice[] = [];
  let ambiguousNumber = false;
  for (const token of invoiceNumberTokens(text)) {
    const hits = index.byNumber.get(token);
    if (hits.length > 1) ambiguousNumber = true;
    byNumber.push(...hits);
  }
  return {
    byReference: uniqueById(byReference),
    sharedReference: uniqueById(sharedReference),
    byNumber: uniqueById(byNumber),
    ambiguousNumber,
    iban: line.counterparty.iban === undefined ? undefined : normalizeIban(line.counterparty.iban),
    name: line.counterparty.name === undefined ? '' : normalizeName(line.counterparty.name),
  };
}

function partyMatches(inv: IndexedInvoice, ev: Evidence): boolean {
  return (ev.iban !== undefined && inv.ibans.has(ev.iban)) || (ev.name !== '' && ev.name === inv.name);
}

function byDueDate(a: IndexedInvoice, b: IndexedInvoice): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0;
}

function auto(rule: MatchRule, parts: readonly [IndexedInvoice, number][], unappliedCents: number, notes: string[]): ReconcileOutcome {
  if (unappliedCents > 0) notes.push(`overpayment: ${fromCents(unappliedCents).toFixed(2)} left unapplied`);
  return {
    kind: 'auto',
    rule,
    score: 100,
    allocations: parts.map(([inv, cents]) => ({ invoiceId: inv.id, amount: fromCents(cents) })),
    unapplied: fromCents(unappliedCents),
    notes,
  };
}

/** Spreads `cents` over invoices in order, each up to its open amount. */
function spread(invoices: readonly IndexedInvoice[], cents: number, open: ReadonlyMap<string, number>, notes: string[]): ReconcileOutcome | undefined {
  let remaining = cents;
  const parts: [IndexedInvoice, number][] = [];
  for (const inv of invoices) {
    const owed = open.get(inv.id) ?? 0;
    const paid = Math.min(owed, remaining);
    if (paid <= 0) continue;
    if (paid < owed) notes.push(`partial payment: ${fromCents(paid).toFixed(2)} of ${fromCents(owed).toFixed(2)} open on ${inv.number}`);
    parts.push([inv, paid]);
    remaining -= paid;
  }
  return parts.length === 0 ? undefined : auto(invoices.length === 1 ? 'exact-reference' : 'multi-reference', parts, remaining, notes);
}

/**
 * Decides for money in: automatic when certain (see {@link MatchRule}), otherwise ranked
 * suggestions. Pure: reads `index.open`, never changes it.
 * @internal
 */
export function matchCredit(line: PaymentLine, cents: number, index: InvoiceIndex, maxCandidates: number): ReconcileOutcome {
  const ev = gather(line, index);
  const open = index.open;
  const owed = (inv: IndexedInvoice) => open.get(inv.id) ?? 0;

  if (ev.byReference.length > 0 && ev.sharedReference.length === 0) {
    const payable = ev.byReference.filter((inv) => owed(inv) > 0);
    const notes = ev.byReference.filter((inv) => owed(inv) === 0).map((inv) => `invoice ${inv.number} named by the payer is already paid`);
    const ordered = payable.length > 1 ? [...payable].sort(byDueDate) : payable;
    const outcome = spread(ordered, cents, open, notes);
    if (outcome) return outcome;
  }

  const numbered = ev.byNumber.filter((inv) => owed(inv) > 0);
  if (!ev.ambiguousNumber && numbered.length === ev.byNumber.length) {
    const total = numbered.reduce((sum, inv) => sum + owed(inv), 0);
    if (numbered.length >= 2 && total === cents && numbered.every((inv) => partyMatches(inv, ev))) {
      return auto('multi-invoice-numbers', [...numbered].sort(byDueDate).map((inv) => [inv, owed(inv)] as [IndexedInvoice, number]), 0, []);
    }
    const [only] = numbered;
    if (numbered.length === 1 && only && owed(only) === cents && ev.iban !== undefined && only.ibans.has(ev.iban)) {
      return auto('amount+iban+number', [[only, cents]], 0, []);
    }
  }
  return suggest(line, cents, ev, index, maxCandidates);
}

function suggest(line: PaymentLine, cents: number, ev: Evidence, index: InvoiceIndex, maxCandidates: number): ReconcileOutcome {
  const pool = new Map<string, IndexedInvoice>();
  const add = (list: readonly IndexedInvoice[]) => list.forEach((inv) => pool.set(inv.id, inv));
  add(ev.byReference);
  add(ev.sharedReference);
  add(ev.byNumber);
  if (ev.iban !== undefined) add(index.byIban.get(ev.iban));
  if (ev.name !== '') add(index.byName.get(ev.name));
  const sameAmount = index.byAmount.get(cents);
  if (sameAmount.length <= 50) add(sameAmount);

  const refIds = new Set(ev.byReference.map((inv) => inv.id));
  const sharedIds = new Set(ev.sharedReference.map((inv) => inv.id));
  const numberIds = new Set(ev.byNumber.map((inv) => inv.id));
  const payerWords = nameWords(ev.name);
  const candidates: (Candidate & { dueDate: string })[] = [];
  for (const inv of pool.values()) {
    const owed = index.open.get(inv.id) ?? 0;
    const reasons: MatchReason[] = [];
    if (refIds.has(inv.id)) reasons.push(owed === 0 ? 'reference-already-paid' : 'reference');
    else if (sharedIds.has(inv.id)) reasons.push('reference-shared');
    else if (owed === 0) continue;
    if (numberIds.has(inv.id)) reasons.push('number-in-text');
    if (owed === cents) reasons.push('exact-amount');
    else if (cents < owed) reasons.push('amount-below-open');
    if (ev.iban !== undefined && inv.ibans.has(ev.iban)) reasons.push('iban');
    if (ev.name !== '' && ev.name === inv.name) reasons.push('name');
    else if (similar(payerWords, inv.nameWords)) reasons.push('name-similar');
    const score = reasons.reduce((sum, r) => sum + SUGGESTION_WEIGHTS[r], 0);
    if (score === 0) continue;
    candidates.push({ invoiceId: inv.id, score: Math.min(score, 99), reasons, dueDate: inv.dueDate });
  }
  candidates.sort((a, b) => b.score - a.score || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) || (a.invoiceId < b.invoiceId ? -1 : 1));
  return {
    kind: 'suggest',
    candidates: candidates.slice(0, maxCandidates).map(({ invoiceId, score, reasons }) => ({ invoiceId, score, reasons })),
    why: explain(ev, index, line),
  };
}

function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared) >= 0.5;
}

function explain(ev: Evidence, index: InvoiceIndex, line: PaymentLine): string {
  if (ev.sharedReference.length > 0) return 'the reference belongs to several invoices';
  if (ev.byReference.length > 0) return 'the referenced invoice is already paid';
  if (ev.ambiguousNumber) return 'an invoice number in the text belongs to several invoices';
  if (ev.byNumber.length > 0) return 'invoice numbers found, but the amount or the payer does not confirm them';
  if (line.remittance.structured) return `the ${line.remittance.structured.scheme} reference matches no open invoice`;
  if (ev.iban !== undefined && index.byIban.has(ev.iban)) return 'a known payer, but no reference or invoice number';
  return 'no reference, invoice number or known payer';
}
