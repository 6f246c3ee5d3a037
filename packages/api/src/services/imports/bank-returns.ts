import { isBankFormatError, parseStatementFile, paymentLines, type BankTransaction, type PriorPayment, type ReconciledPayment } from '@fact/bank';
import { fromCents, toCents } from '@fact/core';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Context } from '../../context.js';
import type { Database } from '../../db.js';
import { centsToAmount } from '../../schemas/money.js';
import { appendAudit } from '../audit.js';
import { reversePaymentRecord } from '../payments.js';

type Ctx = Pick<Context, 'documents' | 'logger'>;

/** A live payment that came from a bank line, as a return may point at it. */
export interface LedgerCredit {
  paymentId: string;
  /** The payment line's key (`payments.reference`): what reconciliation calls `paymentKey`. */
  key: string;
  bankAccountId: string;
  cents: number;
  receivedOn: string;
  allocations: { invoiceId: string; cents: number }[];
}

/**
 * The amounts (cents) of the money going out in these transactions, line by line, and those of
 * the lines the bank marks as a return (camt `RvslInd` or `RtrInf`, a CODA R-transaction).
 */
function debitAmounts(transactions: readonly BankTransaction[]): { all: Set<number>; returns: Set<number> } {
  const all = new Set<number>();
  const returns = new Set<number>();
  for (const t of transactions) {
    for (const l of paymentLines(t)) {
      if (l.direction !== 'debit') continue;
      const cents = Math.abs(toCents(l.amount, 'amount'));
      all.add(cents);
      if (l.reversal || l.returnReason) returns.add(cents);
    }
  }
  return { all, returns };
}

/**
 * The payer's end-to-end id of each payment line of earlier statements, read back from the stored
 * statement files: the ledger keeps the files (content-addressed) rather than a copy of every id.
 * A file that is missing or no longer reads gives no ids (its payments are then only candidates).
 */
async function endToEndIds(ctx: Ctx, db: Database, statementIds: string[]): Promise<Map<string, string>> {
  const st = db.tables.bankStatements;
  const d = db.tables.documents;
  const files = statementIds.length
    ? await db.db.select({ documentId: d.id, sha256: d.sha256 }).from(st).innerJoin(d, eq(d.id, st.documentId)).where(inArray(st.id, statementIds))
    : [];
  const ids = new Map<string, string>();
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.sha256)) continue;
    seen.add(f.sha256);
    const bytes = await ctx.documents.get(f.sha256);
    if (!bytes) continue;
    try {
      for (const s of parseStatementFile(bytes, { balanceCheck: 'warn' }).statements)
        for (const t of s.transactions) for (const l of paymentLines(t)) if (l.endToEndId) ids.set(l.key, l.endToEndId);
    } catch (error) {
      if (!isBankFormatError(error)) throw error;
      ctx.logger.warn({ documentId: f.documentId, code: error.code }, 'a stored statement no longer reads; its end-to-end ids are unknown');
    }
  }
  return ids;
}

/**
 * The company's live payments from bank lines that a debit among `fresh` could take back (same
 * amount), with their allocations, and their end-to-end ids when a line the bank marks as a
 * return has that amount, as `priorPayments` for reconciliation.
 *
 * @example
 * ```ts
 * const { prior, credits } = await creditsReturnsMayUndo(ctx, tx, companyId, freshTransactions);
 * ```
 */
export async function creditsReturnsMayUndo(ctx: Ctx, db: Database, companyId: string, fresh: readonly BankTransaction[]): Promise<{ prior: PriorPayment[]; credits: Map<string, LedgerCredit> }> {
  const debits = debitAmounts(fresh);
  const amounts = [...debits.all];
  const credits = new Map<string, LedgerCredit>();
  if (amounts.length === 0) return { prior: [], credits };
  const p = db.tables.payments;
  const b = db.tables.bankTransactions;
  const rows: { id: string; reference: string | null; cents: number; receivedOn: string; communication: string | null; bankAccountId: string; statementId: string | null; dedupKey: string; structuredReference: string | null; iban: string | null }[] = [];
  for (let k = 0; k < amounts.length; k += 500) {
    rows.push(
      ...(await db.db
        .select({ id: p.id, reference: p.reference, cents: p.amountCents, receivedOn: p.receivedOn, communication: p.communication, bankAccountId: b.bankAccountId, statementId: b.statementId, dedupKey: b.dedupKey, structuredReference: b.structuredReference, iban: b.counterpartyIban })
        .from(p)
        .innerJoin(b, eq(b.id, p.bankTransactionId))
        .where(and(eq(p.companyId, companyId), isNull(p.reversedAt), isNotNull(p.reference), inArray(p.amountCents, amounts.slice(k, k + 500))))),
    );
  }
  if (rows.length === 0) return { prior: [], credits };
  const a = db.tables.allocations;
  const allocations = await db.db.select({ paymentId: a.paymentId, invoiceId: a.invoiceId, cents: a.amountCents }).from(a).where(and(inArray(a.paymentId, rows.map((r) => r.id)), isNull(a.reversedAt)));
  // Reading earlier files back costs time: only for credits a marked return may take back
  // (an ordinary payment going out is compared on its reference only).
  const files = rows.filter((r) => debits.returns.has(r.cents)).map((r) => r.statementId);
  const ids = await endToEndIds(ctx, db, [...new Set(files.filter((s): s is string => s !== null))]);
  const prior: PriorPayment[] = rows.map((r) => {
    const key = r.reference!;
    const mine = allocations.filter((x) => x.paymentId === r.id).map((x) => ({ invoiceId: x.invoiceId, cents: x.cents }));
    credits.set(key, { paymentId: r.id, key, bankAccountId: r.bankAccountId, cents: r.cents, receivedOn: r.receivedOn, allocations: mine });
    // A payment confirmed from the queue is keyed by its transaction (`key` or `key#2`).
    const endToEndId = ids.get(key) ?? ids.get(key.replace(/#\d+$/, ''));
    return {
      key,
      amount: fromCents(r.cents),
      ...(endToEndId ? { endToEndId } : {}),
      ...(r.structuredReference && r.dedupKey === key ? { reference: r.structuredReference } : {}),
      ...(r.iban ? { counterpartyIban: r.iban } : {}),
      allocations: mine.map((m) => ({ invoiceId: m.invoiceId, amount: fromCents(m.cents) })),
    };
  });
  return { prior, credits };
}

/** What undoing a returned payment did, for the import's result. */
export interface AutoReversal {
  paymentId: string;
  cents: number;
  invoiceIds: string[];
  returnReason: string | null;
}

/**
 * Undoes the payment a return takes back when reconciliation is certain of it (the payer's
 * end-to-end id, one open credit of that amount) and it was received on the same account: the
 * payment and its allocations are reversed (the invoices are open again, so dunning sees them),
 * the returning bank line is `matched`, and the audit log says why (`bank.auto_reverse`). Returns
 * null when it is not certain: the line stays in the unmatched queue with the candidate shown.
 *
 * @example
 * ```ts
 * const undone = await undoReturnedPayment(tx, companyId, result, { id, bankAccountId }, credit, actor);
 * ```
 */
export async function undoReturnedPayment(
  db: Database,
  companyId: string,
  result: ReconciledPayment,
  line: { transactionId: string; bankAccountId: string },
  credit: LedgerCredit | undefined,
  actor: { userId: string; now: Date },
): Promise<AutoReversal | null> {
  if (result.outcome.kind !== 'reversal' || !result.outcome.original?.certain || !credit) return null;
  if (credit.bankAccountId !== line.bankAccountId) return null;
  const reason = result.outcome.returnReason ?? null;
  await reversePaymentRecord(db, credit.paymentId, `returned by the bank${reason ? ` (${reason})` : ''} on ${result.payment.bookingDate}, bank line ${result.payment.key}`, actor);
  await appendAudit(db, {
    companyId,
    actorUserId: actor.userId,
    action: 'bank.auto_reverse',
    entityType: 'bank_transaction',
    entityId: line.transactionId,
    at: actor.now,
    after: {
      paymentId: credit.paymentId,
      paymentKey: credit.key,
      amount: centsToAmount(credit.cents),
      evidence: result.outcome.original.evidence,
      returnReason: reason,
      reopened: credit.allocations,
    },
  });
  return { paymentId: credit.paymentId, cents: credit.cents, invoiceIds: credit.allocations.map((x) => x.invoiceId), returnReason: reason };
}
