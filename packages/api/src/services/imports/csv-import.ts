import { allowedVatRates, fromCents, toCents, type Country } from '@fact/core';
import {
  importDebtorsCsv,
  importInvoicesCsv,
  isSpreadsheetError,
  readCsv,
  suggestMapping,
  type DebtorImportOptions,
  type ImportError,
  type ImportResult,
  type InvoiceImportOptions,
} from '@fact/spreadsheets';
import { TRPCError } from '@trpc/server';
import { and, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../../context.js';
import { apiError } from '../../errors/api-error.js';
import { appendAudit } from '../audit.js';
import { isUniqueViolation } from '../db-errors.js';
import { companyFacts } from '../receivables.js';
import { documentForFile, importedResult, recordingRefusal, refuseIfImported, setDocumentStatus, type DocumentRecord } from './document-outcome.js';
import type { ImportFile } from './file-input.js';

type Ctx = Pick<Context, 'db' | 'clock' | 'documents'> & { user: { id: string } };

/** The document a CSV import reads: a stored one, or the bytes sent with the call (kept as a spreadsheet). */
function targetOf(file: ImportFile) {
  return { documentId: file.documentId, file: { bytes: file.bytes, fileName: file.fileName, kind: 'spreadsheet' as const, mediaType: 'text/csv' } };
}

/** A refused row: its line, the column (header as written) when one cell is at fault, and why. */
interface RowProblem {
  line: number;
  column?: string;
  message: string;
}

/**
 * Every bad row of a file, as one BAD_REQUEST whose `cause.issues` lists them with the path
 * `['line N', column]` (the column left out when the whole row is at fault).
 */
function rowErrors(errors: readonly RowProblem[]): TRPCError {
  const issues = errors.map((e) => ({ path: e.column ? [`line ${e.line}`, e.column] : [`line ${e.line}`], message: e.message }));
  return new TRPCError({ code: 'BAD_REQUEST', message: `${errors.length} row(s) cannot be imported; nothing was imported.`, cause: Object.assign(new Error('rows refused'), { issues }) });
}

/** Runs a @fact/spreadsheets import, turning an unreadable file into BAD_REQUEST naming the problem. */
function read<R>(run: () => ImportResult<R>): readonly R[] {
  let result: ImportResult<R>;
  try {
    result = run();
  } catch (error) {
    if (isSpreadsheetError(error)) throw Object.assign(apiError.badInput('content', error.message), { factCode: error.code });
    throw error;
  }
  if (!result.ok) throw rowErrors((result.errors as ImportError[]).map((e) => ({ line: e.line, column: e.column, message: e.message })));
  return result.rows;
}

/**
 * The headers of a CSV file and a guessed mapping for invoices or debtors (Dutch, French and
 * English header names), for the user to confirm before importing.
 *
 * @example
 * ```ts
 * suggestCsvMapping(bytes, 'invoices'); // { headers: [...], mapping: { invoiceNumber: 'Factuurnr', … }, missing: [] }
 * ```
 */
export function suggestCsvMapping(bytes: Uint8Array, target: 'invoices' | 'debtors') {
  try {
    // The header is all it needs: read only the first lines of a large file.
    const table = readCsv(firstLines(bytes));
    const suggestion = target === 'debtors' ? suggestMapping(table.headers, 'debtors') : suggestMapping(table.headers);
    return { headers: [...table.headers], delimiter: table.delimiter, mapping: suggestion.mapping as Record<string, string>, missing: [...suggestion.missing] as string[] };
  } catch (error) {
    if (isSpreadsheetError(error)) throw Object.assign(apiError.badInput('content', error.message), { factCode: error.code });
    throw error;
  }
}

/** The first two lines of a file, enough for its header. */
function firstLines(bytes: Uint8Array): Uint8Array {
  let newlines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && ++newlines === 2) return bytes.slice(0, i + 1);
  return bytes;
}

/** A VAT rate of the company's country that reproduces the VAT to the cent, else the exact ratio. */
function inferRate(country: Country, issueDate: string, netCents: number, vatCents: number): string {
  if (vatCents === 0 || netCents === 0) return '0';
  for (const rate of allowedVatRates(country, 'S', issueDate)) {
    if (toCents(fromCents(netCents).times(rate).div(100).toDecimalPlaces(2)) === vatCents) return rate.toString();
  }
  return fromCents(vatCents).div(fromCents(netCents)).times(100).toDecimalPlaces(2).toString();
}

/**
 * Imports invoices from a CSV file, all or nothing: every row must read (else BAD_REQUEST listing
 * every bad row), no number may already exist (CONFLICT naming them), and then each debtor is
 * matched (VAT number, else exact name) or created, and each invoice stored with one summary line
 * (net = total − VAT, the VAT rate of the country that gives that VAT), in one transaction with
 * the document's status (`imported`, with the invoices and debtors it became). A refused file is
 * kept with status `refused` and the problems per line.
 *
 * @example
 * ```ts
 * await importInvoicesFromCsv(ctx, companyId, file, { mapping, decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' }, 'business');
 * ```
 */
export async function importInvoicesFromCsv(ctx: Ctx, companyId: string, file: ImportFile, options: InvoiceImportOptions, debtorKind: 'business' | 'consumer') {
  if (file.documentId) await refuseIfImported(ctx.db, companyId, file.documentId);
  const target = targetOf(file);
  return recordingRefusal(ctx, companyId, target, () => invoicesFromRows(ctx, companyId, file.bytes, target, options, debtorKind));
}

async function invoicesFromRows(ctx: Ctx, companyId: string, bytes: Uint8Array, target: ReturnType<typeof targetOf>, options: InvoiceImportOptions, debtorKind: 'business' | 'consumer') {
  const rows = read(() => importInvoicesCsv(bytes, options));
  const company = await companyFacts(ctx.db, companyId);
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const column = options.mapping;
  for (const r of rows) {
    if (r.total.isNegative()) problems.push({ line: r.line, column: column.total, message: `the total ${r.total.toString()} is negative; import credit notes separately` });
    if ((r.vat ?? fromCents(0)).greaterThan(r.total)) problems.push({ line: r.line, ...(column.vat ? { column: column.vat } : {}), message: 'the VAT is larger than the total' });
    if (r.dueDate < r.issueDate) problems.push({ line: r.line, column: column.dueDate, message: `the due date ${r.dueDate} is before the issue date ${r.issueDate}` });
    const earlier = seen.get(r.invoiceNumber);
    if (earlier !== undefined) problems.push({ line: r.line, column: column.invoiceNumber, message: `invoice number ${r.invoiceNumber} is also on line ${earlier}` });
    seen.set(r.invoiceNumber, r.line);
  }
  if (problems.length) throw rowErrors(problems);
  const i = ctx.db.tables.invoices;
  const numbers = rows.map((r) => r.invoiceNumber);
  const existing: string[] = [];
  for (let k = 0; k < numbers.length; k += 500) {
    const found = await ctx.db.db.select({ number: i.number }).from(i).where(and(eq(i.companyId, companyId), eq(i.kind, 'invoice'), inArray(i.number, numbers.slice(k, k + 500))));
    existing.push(...found.map((f) => f.number));
  }
  if (existing.length) throw apiError.conflict(`These invoice numbers already exist in this company; nothing was imported: ${existing.slice(0, 20).join(', ')}${existing.length > 20 ? '…' : ''}`);

  const now = ctx.clock();
  const d = ctx.db.tables.debtors;
  let createdDebtors = 0;
  const invoiceIds: string[] = [];
  let documentId = target.documentId;
  try {
    await ctx.db.transaction(async (tx) => {
      const records: DocumentRecord[] = [];
      const known = await tx.db.select({ id: d.id, name: d.name, vatNumber: d.vatNumber }).from(d).where(eq(d.companyId, companyId));
      const byVat = new Map(known.filter((k) => k.vatNumber).map((k) => [k.vatNumber!, k.id]));
      const byName = new Map(known.map((k) => [k.name.trim().toLowerCase(), k.id]));
      for (const r of rows) {
        let debtorId = (r.debtorVat && byVat.get(r.debtorVat)) || byName.get(r.debtorName.trim().toLowerCase());
        if (!debtorId) {
          debtorId = uuidv7();
          const country = r.debtorVat?.slice(0, 2) ?? company.country;
          const values = { id: debtorId, companyId, kind: debtorKind, name: r.debtorName.trim(), language: company.language, country, vatNumber: r.debtorVat ?? null, createdAt: now, updatedAt: now };
          await tx.db.insert(d).values(values);
          await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'debtor.create', entityType: 'debtor', entityId: debtorId, at: now, after: { ...values, source: 'csv', line: r.line } });
          if (r.debtorVat) byVat.set(r.debtorVat, debtorId);
          byName.set(r.debtorName.trim().toLowerCase(), debtorId);
          records.push({ type: 'debtor', id: debtorId, label: values.name });
          createdDebtors++;
        }
        const totalCents = toCents(r.total, `line ${r.line}`);
        const vatCents = r.vat ? toCents(r.vat, `line ${r.line}`) : 0;
        const netCents = totalCents - vatCents;
        const rate = inferRate(company.country, r.issueDate, netCents, vatCents);
        const id = uuidv7();
        const values = {
          id,
          companyId,
          debtorId,
          kind: 'invoice' as const,
          number: r.invoiceNumber,
          status: 'open' as const,
          issueDate: r.issueDate,
          dueDate: r.dueDate,
          currency: r.currency,
          netCents,
          vatCents,
          totalCents,
          openAmountCents: totalCents,
          paymentReference: r.paymentReference?.electronic ?? null,
          meta: { source: 'csv', line: r.line, ...(r.reference && !r.paymentReference ? { reference: r.reference } : {}) },
          createdAt: now,
          updatedAt: now,
        };
        await tx.db.insert(i).values(values);
        await tx.db.insert(tx.tables.invoiceLines).values({
          id: uuidv7(),
          companyId,
          invoiceId: id,
          position: 0,
          description: `Invoice ${r.invoiceNumber}`,
          quantity: '1',
          unitPrice: fromCents(netCents).toFixed(2),
          vatRate: rate,
          // Zero VAT without more facts: outside the scope (O) rather than a guessed exemption.
          vatCategory: vatCents > 0 ? 'S' : 'O',
          netCents,
          vatCents,
        });
        await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'invoice.create', entityType: 'invoice', entityId: id, at: now, after: { ...values, source: 'csv' } });
        records.push({ type: 'invoice', id, label: r.invoiceNumber });
        invoiceIds.push(id);
      }
      if (!documentId) {
        const row = await documentForFile(ctx, tx, companyId, target.file);
        // The same file sent again is the same document: it is not imported twice.
        if (row.importedBefore) await refuseIfImported(tx, companyId, row.id);
        documentId = row.id;
      }
      await setDocumentStatus(tx, companyId, documentId, 'imported', importedResult(records), now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw apiError.conflict('Two rows have the same payment reference, or a reference is already used by another invoice of this company; nothing was imported.');
    throw error;
  }
  return { imported: invoiceIds.length, invoiceIds, debtorsCreated: createdDebtors, documentId: documentId! };
}

/**
 * Imports debtors from a CSV file, all or nothing: every row must read (else BAD_REQUEST listing
 * every bad row); a customer number already used gives CONFLICT; all rows in one transaction
 * with the document's status (`imported` with the debtors, or `refused` with the lines).
 *
 * @example
 * ```ts
 * await importDebtorsFromCsv(ctx, companyId, file, { mapping: { name: 'Naam' }, defaultLanguage: 'nl', defaultCountry: 'BE' });
 * ```
 */
export async function importDebtorsFromCsv(ctx: Ctx, companyId: string, file: ImportFile, options: DebtorImportOptions) {
  if (file.documentId) await refuseIfImported(ctx.db, companyId, file.documentId);
  const target = targetOf(file);
  return recordingRefusal(ctx, companyId, target, () => debtorsFromRows(ctx, companyId, file.bytes, target, options));
}

async function debtorsFromRows(ctx: Ctx, companyId: string, bytes: Uint8Array, target: ReturnType<typeof targetOf>, options: DebtorImportOptions) {
  const rows = read(() => importDebtorsCsv(bytes, options));
  const now = ctx.clock();
  const ids: string[] = [];
  let documentId = target.documentId;
  try {
    await ctx.db.transaction(async (tx) => {
      const records: DocumentRecord[] = [];
      for (const r of rows) {
        const id = uuidv7();
        const values = {
          id,
          companyId,
          kind: r.kind,
          name: r.name,
          language: r.language,
          country: r.country,
          street: r.street ?? null,
          postalCode: r.postalCode ?? null,
          city: r.city ?? null,
          vatNumber: r.vatNumber ?? null,
          enterpriseNumber: r.enterpriseNumber ?? null,
          externalRef: r.externalRef ?? null,
          createdAt: now,
          updatedAt: now,
        };
        await tx.db.insert(tx.tables.debtors).values(values);
        if (r.emails.length) {
          await tx.db.insert(tx.tables.debtorContacts).values(r.emails.map((email, k) => ({ id: uuidv7(), companyId, debtorId: id, role: 'billing' as const, position: k, name: r.name, email })));
        }
        await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'debtor.create', entityType: 'debtor', entityId: id, at: now, after: { ...values, emails: r.emails, source: 'csv', line: r.line } });
        records.push({ type: 'debtor', id, label: r.name });
        ids.push(id);
      }
      if (!documentId) {
        const row = await documentForFile(ctx, tx, companyId, target.file);
        // The same file sent again is the same document: it is not imported twice.
        if (row.importedBefore) await refuseIfImported(tx, companyId, row.id);
        documentId = row.id;
      }
      await setDocumentStatus(tx, companyId, documentId, 'imported', importedResult(records), now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw apiError.conflict('A customer number (klantnummer) in the file is already used by a debtor of this company, or appears twice; nothing was imported.');
    throw error;
  }
  return { imported: ids.length, debtorIds: ids, documentId: documentId! };
}
