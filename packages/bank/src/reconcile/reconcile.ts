import { toCents } from '@fact/core';
import type { BankTransaction } from '../model/types.js';
import { matchCredit } from './creditMatch.js';
import { indexInvoices } from './invoiceIndex.js';
import { paymentLines } from './paymentLines.js';
import { CreditRegister, reversalOutcome } from './reversal.js';
import type { OpenInvoice, ReconcileOptions, ReconciledPayment, ReconcileOutcome } from './types.js';

/**
 * Reconciles bank transactions with open invoices (afpunten / lettrage). Each payment line (a
 * transaction, or each detail of a batch) gets one outcome, in input order:
 * - an exact OGM/RF reference → `auto` on that invoice, partial or with the overpayment left
 *   unapplied; several references → `auto` on all of them (oldest due first);
 * - two or more invoice numbers in the text whose open amounts add up exactly, from the debtor's
 *   IBAN or name → `auto`; one invoice number with its exact open amount from a known IBAN → `auto`;
 * - anything else → `suggest`, with candidates scored on reference, invoice number, amount, IBAN
 *   and name, for the accountant's unmatched queue;
 * - a reversal (camt `RvslInd`, a CODA R-transaction, or a debit that returns an earlier credit
 *   by end-to-end id or reference) → `reversal`, with the original payment, the allocations to
 *   undo, how it was found and whether that is certain (a unique end-to-end id);
 * - other money out → `ignore`.
 *
 * Automatic allocations reduce the open amounts seen by later lines, so two payments of the same
 * invoice never pay it twice. Pure and deterministic: the same input gives the same outcomes.
 *
 * @example
 * ```ts
 * const results = reconcile(file.statements.flatMap((s) => s.transactions), openInvoices, { companyId });
 * results.filter((r) => r.outcome.kind === 'suggest'); // the unmatched queue
 * ```
 */
export function reconcile(
  transactions: readonly BankTransaction[],
  invoices: readonly OpenInvoice[],
  options: ReconcileOptions = {},
): ReconciledPayment[] {
  const index = indexInvoices(invoices, options.companyId);
  const register = new CreditRegister(options.priorPayments ?? []);
  const currency = options.currency ?? 'EUR';
  const maxCandidates = options.maxCandidates ?? 5;
  const results: ReconciledPayment[] = [];

  for (const tx of transactions) {
    for (const line of paymentLines(tx)) {
      const cents = Math.abs(toCents(line.amount, `transactions[${tx.dedupKey}].amount`));
      let outcome: ReconcileOutcome;
      if (line.currency !== currency) {
        outcome = { kind: 'ignore', reason: 'other-currency' };
      } else if (cents === 0) {
        outcome = { kind: 'ignore', reason: 'zero-amount' };
      } else if (line.direction === 'debit') {
        const match = register.find(line, cents, line.reversal);
        if (match || line.reversal) {
          if (match) register.markReversed(match.credit.key);
          outcome = reversalOutcome(line, match, index.open);
        } else {
          outcome = { kind: 'ignore', reason: 'debit' };
        }
      } else if (line.reversal) {
        outcome = { kind: 'ignore', reason: 'reversal-of-debit' };
      } else {
        outcome = matchCredit(line, cents, index, maxCandidates);
        const applied: [string, number][] = [];
        if (outcome.kind === 'auto') {
          for (const a of outcome.allocations) {
            const paid = toCents(a.amount);
            index.open.set(a.invoiceId, (index.open.get(a.invoiceId) ?? 0) - paid);
            applied.push([a.invoiceId, paid]);
          }
        }
        register.add({
          key: line.key,
          cents,
          endToEndId: line.endToEndId,
          reference: line.remittance.structured?.reference,
          iban: line.counterparty.iban?.replace(/\s/g, '').toUpperCase(),
          allocations: applied,
        });
      }
      results.push({ payment: line, outcome });
    }
  }
  return results;
}
