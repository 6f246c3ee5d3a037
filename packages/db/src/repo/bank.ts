import { parseDate, type CalendarDate, type Money } from '@fact/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { MatchStatus, StatementFormat } from '../schema/enums.js';
import { guarded } from './errors.js';
import { newId } from './ids.js';
import { centsOrNull, cents, money } from './rows.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** A company bank account. */
export interface BankAccount {
  id: string;
  iban: string;
  bic: string | null;
  name: string | null;
}

/** One booked movement. */
export interface BankTransaction {
  id: string;
  bankAccountId: string;
  statementId: string | null;
  bookingDate: CalendarDate;
  valueDate: CalendarDate | null;
  /** Signed: money in is positive. */
  amount: Money;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  communication: string | null;
  structuredReference: string | null;
  bankReference: string | null;
  dedupKey: string;
  matchStatus: MatchStatus;
}

/**
 * Finds the company's account with this IBAN, or adds it.
 *
 * @example
 * ```ts
 * const acc = await ensureBankAccount(db, { companyId }, { iban: 'BE68539007547034' });
 * ```
 */
export async function ensureBankAccount(ex: Executor, scope: CompanyScope, input: { iban: string; bic?: string | null; name?: string | null }): Promise<BankAccount> {
  const a = ex.tables.bankAccounts;
  return ex.transaction(async (tx) => {
    const where = and(eq(a.companyId, scope.companyId), eq(a.iban, input.iban));
    const [existing] = await tx.db.select().from(a).where(where);
    if (existing) return { id: existing.id, iban: existing.iban, bic: existing.bic, name: existing.name };
    const [row] = await guarded(() => tx.db.insert(a).values({ id: newId(), companyId: scope.companyId, iban: input.iban, bic: input.bic ?? null, name: input.name ?? null }).returning());
    return { id: row!.id, iban: row!.iban, bic: row!.bic, name: row!.name };
  });
}

/** A statement with its transactions, as a parser (CODA, camt.053) gives them. */
export interface StatementInput {
  bankAccountId: string;
  format: StatementFormat;
  statementNumber?: string | null;
  fromDate: CalendarDate;
  toDate: CalendarDate;
  openingBalance?: Money | null;
  closingBalance?: Money | null;
  documentId?: string | null;
  transactions: readonly Omit<BankTransaction, 'id' | 'bankAccountId' | 'statementId' | 'matchStatus'>[];
}

/**
 * Imports a statement and its transactions in one transaction. A transaction whose `dedupKey`
 * is already known for the account (an overlapping re-import) is skipped, not duplicated.
 *
 * @example
 * ```ts
 * const r = await importStatement(db, { companyId }, parsed); // { statementId, inserted: 12, skipped: 3 }
 * ```
 */
export async function importStatement(ex: Executor, scope: CompanyScope, input: StatementInput): Promise<{ statementId: string; inserted: number; skipped: number }> {
  parseDate(input.fromDate, 'fromDate');
  parseDate(input.toDate, 'toDate');
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const statementId = newId();
    await guarded(() =>
      tx.db.insert(t.bankStatements).values({
        id: statementId,
        companyId: scope.companyId,
        bankAccountId: input.bankAccountId,
        format: input.format,
        statementNumber: input.statementNumber ?? null,
        fromDate: input.fromDate,
        toDate: input.toDate,
        openingBalanceCents: centsOrNull(input.openingBalance, 'openingBalance'),
        closingBalanceCents: centsOrNull(input.closingBalance, 'closingBalance'),
        documentId: input.documentId ?? null,
      }),
    );
    const keys = input.transactions.map((x) => x.dedupKey);
    const known = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await tx.db
        .select({ k: t.bankTransactions.dedupKey })
        .from(t.bankTransactions)
        .where(and(eq(t.bankTransactions.bankAccountId, input.bankAccountId), inArray(t.bankTransactions.dedupKey, keys.slice(i, i + 500))));
      for (const r of rows) known.add(r.k);
    }
    const fresh = input.transactions.filter((x, n) => !known.has(x.dedupKey) && keys.indexOf(x.dedupKey) === n);
    if (fresh.length)
      await guarded(() =>
        tx.db.insert(t.bankTransactions).values(
          fresh.map((x, n) => {
            parseDate(x.bookingDate, `transactions[${n}].bookingDate`);
            const { amount, ...rest } = x;
            return { ...rest, id: newId(), companyId: scope.companyId, bankAccountId: input.bankAccountId, statementId, amountCents: cents(amount, `transactions[${n}].amount`) };
          }),
        ),
      );
    return { statementId, inserted: fresh.length, skipped: input.transactions.length - fresh.length };
  });
}

/**
 * Transactions of a scope, optionally by match status, oldest first.
 *
 * @example
 * ```ts
 * await listBankTransactions(db, { companyId }, { matchStatus: 'unmatched' });
 * ```
 */
export async function listBankTransactions(ex: Executor, scope: Scope, options: { matchStatus?: MatchStatus; limit?: number } = {}): Promise<BankTransaction[]> {
  const b = ex.tables.bankTransactions;
  const rows = await ex.db
    .select()
    .from(b)
    .where(and(inScope(b.companyId, scope), options.matchStatus ? eq(b.matchStatus, options.matchStatus) : undefined))
    .orderBy(asc(b.bookingDate), asc(b.id))
    .limit(Math.min(options.limit ?? 500, 5000));
  return rows.map(({ amountCents, companyId: _c, createdAt: _d, ...rest }) => ({ ...rest, amount: money(amountCents) }));
}

/**
 * Sets a transaction's match status (after reconciliation created the payment).
 *
 * @example
 * ```ts
 * await setMatchStatus(db, { companyId }, txId, 'matched');
 * ```
 */
export async function setMatchStatus(ex: Executor, scope: CompanyScope, transactionId: string, status: MatchStatus): Promise<boolean> {
  const b = ex.tables.bankTransactions;
  return ex.transaction(async (tx) => {
    const rows = await tx.db.update(b).set({ matchStatus: status }).where(and(eq(b.companyId, scope.companyId), eq(b.id, transactionId))).returning({ id: b.id });
    return rows.length === 1;
  });
}
