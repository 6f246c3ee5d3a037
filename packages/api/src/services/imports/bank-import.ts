import { isBankFormatError, parseStatementFile, reconcile, type BankStatement, type BankTransaction, type ReconciledPayment } from '@fact/bank';
import { toCents, type Money } from '@fact/core';
import { ensureBankAccount, type MatchStatus } from '@fact/db';
import { and, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../../context.js';
import type { Database } from '../../db.js';
import { apiError } from '../../errors/api-error.js';
import { appendAudit } from '../audit.js';
import { recordPayment } from '../payments.js';
import { readImportFile } from './file-input.js';
import { openInvoicesForMatching } from './bank-ledger.js';

type Ctx = Pick<Context, 'db' | 'documents' | 'settings' | 'logger' | 'clock'> & { user: { id: string } };

/** What importing a statement file did. */
export interface StatementImportResult {
  format: 'coda' | 'camt053';
  documentId: string;
  statements: number;
  /** Statements already imported before (same account, period and number, nothing new): skipped. */
  statementsSkipped: number;
  transactionsInserted: number;
  transactionsSkipped: number;
  /** Credits recorded as payments and allocated automatically. */
  matched: number;
  /** Credits, and returns of earlier credits (reversals), left in the unmatched queue for the accountant. */
  unmatched: number;
  paymentIds: string[];
  warnings: string[];
}

function centsOrNull(amount: Money | undefined, warnings: string[], what: string): number | null {
  if (!amount) return null;
  try {
    return toCents(amount, what);
  } catch {
    warnings.push(`${what} ${amount.toString()} has a fraction of a cent; it is not stored`);
    return null;
  }
}

function period(s: BankStatement): { from: string; to: string } {
  const dates = s.transactions.map((t) => t.bookingDate).sort();
  const from = s.openingBalance?.date ?? dates[0] ?? s.closingBalance?.date;
  const to = s.closingBalance?.date ?? dates.at(-1) ?? from;
  if (!from || !to) throw apiError.badInput('file', `statement ${s.id} has no dates (no balances, no transactions)`);
  return from <= to ? { from, to } : { from: to, to: from };
}

/**
 * Imports a CODA or camt.053 statement file into the company's ledger, all or nothing in one
 * transaction: the document (uploads only; the same bytes are stored once), the bank account(s),
 * each statement not imported before, the transactions whose dedup key is new for the account,
 * then reconciliation of the new credits against the company's open invoices: automatic matches
 * become payments with their allocations (partial and multi-invoice included), everything else
 * waits in the unmatched queue (`bank_transactions.match_status`). Importing the same file twice
 * changes nothing.
 *
 * @example
 * ```ts
 * const r = await importStatementFile(ctx, companyId, { contentBase64 });
 * r.matched; // 1
 * ```
 */
export async function importStatementFile(
  ctx: Ctx,
  companyId: string,
  input: { documentId?: string | undefined; contentBase64?: string | undefined; fileName?: string | undefined; acceptUnbalanced?: boolean | undefined },
): Promise<StatementImportResult> {
  const file = await readImportFile(ctx, companyId, input, 'statement');
  let parsed: ReturnType<typeof parseStatementFile>;
  try {
    // A statement whose balances do not add up is refused unless the accountant accepts it
    // knowingly (some banks leave entries out of the balance); the difference is then a warning.
    parsed = parseStatementFile(file.bytes, { maxBytes: ctx.settings.maxUploadBytes, balanceCheck: input.acceptUnbalanced ? 'warn' : 'strict' });
  } catch (error) {
    if (isBankFormatError(error)) throw Object.assign(apiError.badInput(error.element ?? 'file', `${file.fileName}: ${error.message}`), { factCode: error.code });
    throw error;
  }
  const warnings = [...parsed.warnings];
  const now = ctx.clock();
  const actor = { userId: ctx.user.id, now };
  return ctx.db.transaction(async (tx) => {
    const documentId = file.documentId ?? (await storeOnce(ctx, tx, companyId, file.bytes, file.fileName, now));
    const fresh: { row: { id: string }; tx: BankTransaction }[] = [];
    let inserted = 0;
    let skipped = 0;
    let statementsSkipped = 0;
    for (const s of parsed.statements) {
      const account = await ensureBankAccount(tx, { companyId }, { iban: s.accountIban });
      const keys = s.transactions.map((t) => t.dedupKey);
      const b = tx.tables.bankTransactions;
      const known = new Set<string>();
      for (let k = 0; k < keys.length; k += 500) {
        const rows = await tx.db.select({ key: b.dedupKey }).from(b).where(and(eq(b.bankAccountId, account.id), inArray(b.dedupKey, keys.slice(k, k + 500))));
        for (const r of rows) known.add(r.key);
      }
      const news = s.transactions.filter((t) => !known.has(t.dedupKey));
      skipped += s.transactions.length - news.length;
      const { from, to } = period(s);
      const st = tx.tables.bankStatements;
      const statementNumber = s.sequence ?? s.id;
      if (news.length === 0) {
        const same = await tx.db.select({ id: st.id }).from(st).where(and(eq(st.bankAccountId, account.id), eq(st.fromDate, from), eq(st.toDate, to), eq(st.statementNumber, statementNumber))).limit(1);
        if (same.length > 0 || s.transactions.length > 0) {
          statementsSkipped++;
          continue;
        }
      }
      const statementId = uuidv7();
      await tx.db.insert(st).values({
        id: statementId,
        companyId,
        bankAccountId: account.id,
        format: parsed.format,
        statementNumber,
        fromDate: from,
        toDate: to,
        openingBalanceCents: centsOrNull(s.openingBalance?.amount, warnings, `statement ${s.id} opening balance`),
        closingBalanceCents: centsOrNull(s.closingBalance?.amount, warnings, `statement ${s.id} closing balance`),
        documentId,
        importedAt: now,
      });
      for (const t of news) {
        if (t.amount.isZero()) {
          warnings.push(`${t.dedupKey}: a movement of 0.00 is not stored`);
          continue;
        }
        const id = uuidv7();
        await tx.db.insert(tx.tables.bankTransactions).values({
          id,
          companyId,
          bankAccountId: account.id,
          statementId,
          bookingDate: t.bookingDate,
          valueDate: t.valueDate,
          amountCents: toCents(t.amount, `${t.dedupKey}.amount`),
          counterpartyName: t.counterparty.name ?? null,
          counterpartyIban: t.counterparty.iban ?? null,
          communication: t.remittance.unstructured ?? null,
          structuredReference: t.remittance.structured?.reference ?? null,
          bankReference: t.bankReference ?? null,
          dedupKey: t.dedupKey,
          matchStatus: 'unmatched',
          createdAt: now,
        });
        fresh.push({ row: { id }, tx: t });
        inserted++;
      }
    }
    const outcome = await applyReconciliation(tx, companyId, fresh, actor);
    const result: StatementImportResult = {
      format: parsed.format,
      documentId,
      statements: parsed.statements.length,
      statementsSkipped,
      transactionsInserted: inserted,
      transactionsSkipped: skipped,
      matched: outcome.matched,
      unmatched: outcome.unmatched,
      paymentIds: outcome.paymentIds,
      warnings,
    };
    if (inserted > 0) await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'bank.import', entityType: 'document', entityId: documentId, at: now, after: result });
    return result;
  });
}

/** The same bytes uploaded again reuse their document row: a re-import stores nothing new. */
async function storeOnce(ctx: Ctx, tx: Database, companyId: string, bytes: Uint8Array, fileName: string, now: Date): Promise<string> {
  const sha256 = await ctx.documents.put(bytes);
  const d = tx.tables.documents;
  const existing = await tx.db.select({ id: d.id }).from(d).where(and(eq(d.companyId, companyId), eq(d.sha256, sha256), eq(d.kind, 'bank_statement'))).limit(1);
  if (existing[0]) return existing[0].id;
  const id = uuidv7();
  await tx.db.insert(d).values({ id, companyId, kind: 'bank_statement', sha256, sizeBytes: bytes.length, mediaType: fileName.endsWith('.xml') ? 'application/xml' : 'text/plain', fileName, uploadedBy: ctx.user.id, createdAt: now });
  return id;
}

/**
 * Reconciles new credits against open invoices and records the automatic matches as payments
 * (reference = the payment line's key, unique per company, so a match is never recorded twice).
 */
async function applyReconciliation(tx: Database, companyId: string, fresh: { row: { id: string }; tx: BankTransaction }[], actor: { userId: string; now: Date }) {
  if (fresh.length === 0) return { matched: 0, unmatched: 0, paymentIds: [] as string[] };
  const invoices = await openInvoicesForMatching(tx, companyId);
  const debtorOf = await debtorsOf(tx, invoices.map((i) => i.id));
  const results = reconcile(fresh.map((c) => c.tx), invoices, { companyId });
  const byKey = new Map<string, ReconciledPayment[]>();
  for (const r of results) byKey.set(r.payment.transactionKey, [...(byKey.get(r.payment.transactionKey) ?? []), r]);
  let matched = 0;
  let unmatched = 0;
  const paymentIds: string[] = [];
  const b = tx.tables.bankTransactions;
  for (const c of fresh) {
    const lines = byKey.get(c.tx.dedupKey) ?? [];
    // Money out (and zero or foreign-currency lines) is not a payment of a receivable.
    if (lines.length > 0 && lines.every((r) => r.outcome.kind === 'ignore')) {
      await tx.db.update(b).set({ matchStatus: 'ignored' }).where(eq(b.id, c.row.id));
      continue;
    }
    let auto = 0;
    for (const r of lines) {
      if (r.outcome.kind !== 'auto') continue;
      const debtors = new Set(r.outcome.allocations.map((a) => debtorOf.get(a.invoiceId)));
      const debtorId = debtors.size === 1 ? ([...debtors][0] ?? null) : null;
      const id = await recordPayment(
        tx,
        {
          companyId,
          debtorId,
          cents: toCents(r.payment.amount, 'amount'),
          receivedOn: r.payment.bookingDate,
          method: 'bank_transfer',
          reference: r.payment.key,
          communication: r.payment.remittance.structured?.reference ?? r.payment.remittance.unstructured?.slice(0, 500) ?? null,
          allocations: r.outcome.allocations.map((a) => ({ invoiceId: a.invoiceId, cents: toCents(a.amount, 'allocation') })),
        },
        actor,
      );
      const p = tx.tables.payments;
      await tx.db.update(p).set({ bankTransactionId: c.row.id }).where(eq(p.id, id));
      paymentIds.push(id);
      auto++;
    }
    // A reversal (a returned credit) stays unmatched: the accountant reverses the payment it undoes.
    const status: MatchStatus = lines.length > 0 && auto === lines.length ? 'matched' : auto > 0 ? 'partially_matched' : 'unmatched';
    if (status !== 'unmatched') await tx.db.update(b).set({ matchStatus: status }).where(eq(b.id, c.row.id));
    if (status === 'matched') matched++;
    else unmatched++;
  }
  return { matched, unmatched, paymentIds };
}

async function debtorsOf(tx: Database, invoiceIds: string[]): Promise<Map<string, string>> {
  const i = tx.tables.invoices;
  const map = new Map<string, string>();
  for (let k = 0; k < invoiceIds.length; k += 500) {
    const rows = await tx.db.select({ id: i.id, debtorId: i.debtorId }).from(i).where(inArray(i.id, invoiceIds.slice(k, k + 500)));
    for (const r of rows) map.set(r.id, r.debtorId);
  }
  return map;
}
