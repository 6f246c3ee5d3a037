import { isBankFormatError, parseStatementFile, type BankFormatError, type BankStatement } from '@fact/bank';
import { toCents, type Money } from '@fact/core';
import { ensureBankAccount } from '@fact/db';
import { and, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../../context.js';
import { apiError } from '../../errors/api-error.js';
import { appendAudit } from '../audit.js';
import { applyReconciliation, type FreshLine } from './bank-apply.js';
import { documentForFile, importedResult, recordingRefusal, setDocumentStatus, type DocumentRecord } from './document-outcome.js';
import { readImportFile } from './file-input.js';

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
  /** New bank lines settled automatically: credits recorded as payments, returns that undid one. */
  matched: number;
  /** Credits, and returns not certainly tied to an earlier payment, left in the unmatched queue. */
  unmatched: number;
  paymentIds: string[];
  /** Payments undone because the bank returned them (certain by end-to-end id, same account). */
  reversedPaymentIds: string[];
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

async function wasImported(tx: Ctx['db'], companyId: string, documentId: string): Promise<boolean> {
  const d = tx.tables.documents;
  const row = (await tx.db.select({ status: d.status }).from(d).where(and(eq(d.id, documentId), eq(d.companyId, companyId))).limit(1))[0];
  return row?.status === 'imported';
}

/** A parser refusal naming the element (camt) or line (CODA), with its code as the rule. */
function refusal(error: BankFormatError, fileName: string) {
  const where = error.element ?? (error.line !== undefined ? `line ${error.line}` : 'file');
  const prefix = [error.line !== undefined ? `line ${error.line}` : undefined, error.element].filter(Boolean).join(', ');
  const detail = prefix && error.message.startsWith(`${prefix}: `) ? error.message.slice(prefix.length + 2) : error.message;
  return Object.assign(apiError.badInput(where, `${fileName}: ${detail}`), { factCode: error.code, rule: error.code });
}

/**
 * Imports a CODA or camt.053 statement file into the company's ledger, all or nothing in one
 * transaction: the document (status `imported` with the statements and payments it became; the
 * same bytes are stored once), the bank account(s), each statement not imported before, the
 * transactions whose dedup key is new for the account, then reconciliation of the new lines:
 * automatic matches become payments with their allocations (partial and multi-invoice included),
 * a return certainly tied to an earlier payment of the same account reverses it, everything else
 * waits in the unmatched queue (`bank_transactions.match_status`). Importing the same file twice
 * changes nothing. A file that is refused (unreadable, balances that do not add up) imports
 * nothing and is kept with status `refused` and the issue per line or element.
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
  const asNew = { bytes: file.bytes, fileName: file.fileName, kind: 'bank_statement' as const, mediaType: /^\s*</.test(new TextDecoder().decode(file.bytes.subarray(0, 64))) ? 'application/xml' : 'text/plain' };
  return recordingRefusal(ctx, companyId, { documentId: file.documentId, file: asNew }, async () => {
    let parsed: ReturnType<typeof parseStatementFile>;
    try {
      // A statement whose balances do not add up is refused unless the accountant accepts it
      // knowingly (some banks leave entries out of the balance); the difference is then a warning.
      parsed = parseStatementFile(file.bytes, { maxBytes: ctx.settings.maxUploadBytes, balanceCheck: input.acceptUnbalanced ? 'warn' : 'strict' });
    } catch (error) {
      if (isBankFormatError(error)) throw refusal(error, file.fileName);
      throw error;
    }
    const warnings = [...parsed.warnings];
    const now = ctx.clock();
    const actor = { userId: ctx.user.id, now };
    return ctx.db.transaction(async (tx) => {
      const stored = file.documentId ? { id: file.documentId, importedBefore: await wasImported(tx, companyId, file.documentId) } : await documentForFile(ctx, tx, companyId, asNew);
      const documentId = stored.id;
      const fresh: FreshLine[] = [];
      const records: DocumentRecord[] = [];
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
        records.push({ type: 'statement', id: statementId, label: `${statementNumber} · ${s.accountIban} · ${from === to ? from : `${from} – ${to}`}` });
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
          fresh.push({ row: { id, bankAccountId: account.id }, tx: t });
          inserted++;
        }
      }
      const outcome = await applyReconciliation(ctx, tx, companyId, fresh, actor);
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
        reversedPaymentIds: outcome.reversedPaymentIds,
        warnings,
      };
      // A file imported before keeps what it became; a new one says what it became, if only "nothing new".
      if (!stored.importedBefore) {
        const notes = inserted === 0 && skipped > 0 ? [`all ${skipped} transactions were imported before`] : [];
        await setDocumentStatus(tx, companyId, documentId, 'imported', importedResult([...records, ...outcome.records], [...notes, ...warnings]), now);
      }
      if (inserted > 0) await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'bank.import', entityType: 'document', entityId: documentId, at: now, after: result });
      return result;
    });
  });
}
