import { fromCents, money, toCents } from '@fact/core';
import type { PaymentLine, PriorPayment, ReconcileOutcome } from './types.js';

/** A credit that a later reversal may take back. @internal */
export interface KnownCredit {
  readonly key: string;
  readonly cents: number;
  readonly endToEndId: string | undefined;
  readonly reference: string | undefined;
  readonly iban: string | undefined;
  readonly allocations: readonly (readonly [string, number])[];
}

/** How the original of a return was found. */
export type ReturnEvidence = 'end-to-end-id' | 'reference' | 'iban';

/** The credit a return takes back, how it was found, and whether that is certain. @internal */
export interface ReturnMatch {
  readonly credit: KnownCredit;
  readonly evidence: ReturnEvidence;
  /** Found by the payer's end-to-end id, and no other open credit has that id and amount. */
  readonly certain: boolean;
}

/** SEPA's placeholder when the payer gave no end-to-end id: it identifies nothing. */
const isPlaceholder = (id: string) => /^NOT\s*PROVIDED$/i.test(id.trim());

/**
 * Credits seen so far (from the ledger, then from this run), searchable the way banks identify a
 * returned payment: end-to-end id, then structured reference, then payer IBAN, always with the
 * same amount. A credit is taken back at most once. Only an end-to-end id (not SEPA's
 * `NOTPROVIDED`) that one open credit carries is certain; the rest are candidates. @internal
 */
export class CreditRegister {
  /** By amount in cents: a return always has the amount of what it returns. */
  private readonly byCents = new Map<number, KnownCredit[]>();
  private readonly reversed = new Set<string>();

  constructor(prior: readonly PriorPayment[]) {
    prior.forEach((p, i) => {
      const field = `priorPayments[${i}]`;
      this.add({
        key: p.key,
        cents: toCents(money(p.amount, `${field}.amount`), `${field}.amount`),
        endToEndId: p.endToEndId,
        reference: p.reference,
        iban: p.counterpartyIban?.replace(/\s/g, '').toUpperCase(),
        allocations: p.allocations.map((a, j) => [a.invoiceId, toCents(money(a.amount, `${field}.allocations[${j}].amount`))] as const),
      });
    });
  }

  add(credit: KnownCredit): void {
    const list = this.byCents.get(credit.cents);
    if (list) list.push(credit);
    else this.byCents.set(credit.cents, [credit]);
  }

  /** The credit that `line` (money out, `cents` > 0) takes back, and how sure that is. */
  find(line: PaymentLine, cents: number, allowIbanOnly: boolean): ReturnMatch | undefined {
    const open = (this.byCents.get(cents) ?? []).filter((c) => !this.reversed.has(c.key));
    const latest = (list: KnownCredit[]) => list[list.length - 1];
    const e2e = line.endToEndId;
    if (e2e !== undefined && !isPlaceholder(e2e)) {
      const hits = open.filter((c) => c.endToEndId === e2e);
      const hit = latest(hits);
      if (hit) return { credit: hit, evidence: 'end-to-end-id', certain: hits.length === 1 };
    }
    const ref = line.remittance.structured?.reference;
    if (ref !== undefined) {
      const hit = latest(open.filter((c) => c.reference === ref));
      if (hit) return { credit: hit, evidence: 'reference', certain: false };
    }
    const iban = line.counterparty.iban?.replace(/\s/g, '').toUpperCase();
    if (allowIbanOnly && iban !== undefined) {
      const hits = open.filter((c) => c.iban === iban);
      if (hits.length === 1) return { credit: hits[0]!, evidence: 'iban', certain: false };
    }
    return undefined;
  }

  markReversed(key: string): void {
    this.reversed.add(key);
  }
}

/** The outcome for a reversal, undoing the original's allocations in `open`. @internal */
export function reversalOutcome(line: PaymentLine, match: ReturnMatch | undefined, open: Map<string, number>): ReconcileOutcome {
  const original = match?.credit;
  if (original) {
    for (const [invoiceId, cents] of original.allocations) {
      const current = open.get(invoiceId);
      if (current !== undefined) open.set(invoiceId, current + cents);
    }
  }
  return {
    kind: 'reversal',
    ...(original
      ? {
          original: {
            paymentKey: original.key,
            allocations: original.allocations.map(([invoiceId, cents]) => ({ invoiceId, amount: fromCents(cents) })),
            evidence: match.evidence,
            certain: match.certain,
          },
        }
      : {}),
    ...(line.returnReason ? { returnReason: line.returnReason } : {}),
  };
}
