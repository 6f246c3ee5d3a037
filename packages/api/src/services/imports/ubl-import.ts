import { parseVatNumber } from '@fact/core';
import { parseUbl, UblParseError, validateUbl, type UblDocument, type UblFinding } from '@fact/ubl';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../../context.js';
import { apiError } from '../../errors/api-error.js';
import { centsToAmount } from '../../schemas/money.js';
import { appendAudit } from '../audit.js';
import { isUniqueViolation } from '../db-errors.js';
import { companyFacts } from '../receivables.js';
import { readImportFile, type ImportFile } from './file-input.js';
import { matchOrCreateDebtor } from './ubl-debtor.js';
import { blockingFindings, ublToLedger } from './ubl-to-ledger.js';

type Ctx = Pick<Context, 'db' | 'documents' | 'settings' | 'logger' | 'clock'> & { user: { id: string } };

/** What an imported UBL document became. */
export interface UblImportResult {
  status: 'imported';
  invoiceId: string;
  documentId: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  debtorId: string;
  debtorCreated: boolean;
  total: string;
  open: string;
  currency: string;
  dueDate: string;
  dueDateAssumed: boolean;
  /** Findings that did not stop the import (Peppol transport rules, warnings). */
  findings: UblFinding[];
}

/**
 * Why a document was refused, per element: `data.issues` lists `{ field: element, message }`
 * (the error formatter's shape for input problems), and the message repeats them.
 */
function refused(findings: readonly UblFinding[]): TRPCError {
  const first = findings[0]!;
  const list = findings.map((f) => `${f.rule} at ${f.element}: ${f.message}`).join('; ');
  const issues = findings.map((f) => ({ path: [f.element], message: `${f.rule}: ${f.message}` }));
  return Object.assign(new TRPCError({ code: 'BAD_REQUEST', message: `The UBL document cannot be imported: ${list}`, cause: Object.assign(new Error('UBL refused'), { issues }) }), {
    field: first.element,
    findings,
  });
}

function parse(file: ImportFile, maxBytes: number): UblDocument {
  try {
    return parseUbl(file.bytes, { maxBytes });
  } catch (error) {
    if (error instanceof UblParseError) {
      const what = error.code === 'UBL_UNSAFE_XML' ? 'unsafe XML (DOCTYPE/ENTITY declarations are refused)' : error.code === 'UBL_TOO_LARGE' ? 'too large' : error.code === 'UBL_NOT_UBL' ? 'not a UBL invoice or credit note' : 'not readable';
      throw Object.assign(apiError.badInput(error.path ?? 'file', `${file.fileName} is ${what}: ${error.message}`), { factCode: error.code });
    }
    throw error;
  }
}

/**
 * Imports a UBL 2.1 invoice or credit note (Peppol BIS 3.0 / EN 16931) into a company's ledger,
 * all or nothing in one transaction: the document row (for uploaded bytes), the debtor (matched
 * by VAT or enterprise number, else created), the invoice or credit note with its lines and the
 * totals the file states, the link to a credited invoice, and the audit entry with the outcome.
 * A document refused after being stored gets an audit entry `document.import_refused` with the
 * reasons per element; an upload that is refused stores nothing.
 *
 * @example
 * ```ts
 * const result = await importUbl(ctx, companyId, { documentId });
 * result.number; // "Snippet1"
 * ```
 */
export async function importUbl(ctx: Ctx, companyId: string, input: { documentId?: string | undefined; contentBase64?: string | undefined; fileName?: string | undefined }): Promise<UblImportResult> {
  const file = await readImportFile(ctx, companyId, input, 'invoice.xml');
  try {
    return await importParsed(ctx, companyId, file);
  } catch (error) {
    if (file.documentId) await recordRefusal(ctx, companyId, file.documentId, error);
    throw error;
  }
}

async function importParsed(ctx: Ctx, companyId: string, file: ImportFile): Promise<UblImportResult> {
  const doc = parse(file, ctx.settings.maxUploadBytes);
  const { findings } = validateUbl(doc);
  const blocking = blockingFindings(findings);
  if (blocking.length > 0) throw refused(blocking);
  const company = await companyFacts(ctx.db, companyId);
  checkSeller(doc, company.vatNumber);
  const documentId = file.documentId ?? uuidv7();
  const draft = ublToLedger(doc, { country: company.country, documentId });
  const now = ctx.clock();
  const invoiceId = uuidv7();
  let debtor: Awaited<ReturnType<typeof matchOrCreateDebtor>>;
  try {
    debtor = await ctx.db.transaction(async (tx) => {
      if (!file.documentId) {
        const sha256 = await ctx.documents.put(file.bytes);
        await tx.db.insert(tx.tables.documents).values({ id: documentId, companyId, kind: 'ubl', sha256, sizeBytes: file.bytes.length, mediaType: 'application/xml', fileName: file.fileName, uploadedBy: ctx.user.id, createdAt: now });
      }
      const who = await matchOrCreateDebtor(tx, companyId, doc, { language: company.language, country: company.country, now });
      if (who.created) await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'debtor.create', entityType: 'debtor', entityId: who.debtorId, at: now, after: { ...who.values, source: 'ubl' } });
      const credited = draft.kind === 'credit_note' ? await creditedInvoice(tx, companyId, who.debtorId, draft.meta.billingReferences) : null;
      const values = {
        id: invoiceId,
        companyId,
        debtorId: who.debtorId,
        kind: draft.kind,
        number: draft.number,
        status: 'open' as const,
        issueDate: draft.issueDate,
        dueDate: draft.dueDate,
        currency: draft.currency,
        netCents: draft.netCents,
        vatCents: draft.vatCents,
        totalCents: draft.totalCents,
        openAmountCents: draft.openCents,
        paymentReference: draft.kind === 'invoice' ? draft.paymentReference : null,
        creditsInvoiceId: credited,
        documentId,
        meta: draft.meta as unknown as Record<string, unknown>,
        createdAt: now,
        updatedAt: now,
      };
      await tx.db.insert(tx.tables.invoices).values(values);
      await tx.db.insert(tx.tables.invoiceLines).values(draft.lines.map((l) => ({ id: uuidv7(), companyId, invoiceId, ...l })));
      await appendAudit(tx, {
        companyId,
        actorUserId: ctx.user.id,
        action: 'document.import',
        entityType: 'document',
        entityId: documentId,
        at: now,
        after: { status: 'imported', became: { entityType: 'invoice', entityId: invoiceId, kind: draft.kind, number: draft.number }, findings },
      });
      await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'invoice.create', entityType: 'invoice', entityId: invoiceId, at: now, after: { ...values, lines: draft.lines, source: 'ubl' } });
      return who;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw apiError.conflict(`An invoice or credit note with number "${draft.number}" (or the same payment reference) already exists in this company; the document was not imported again.`);
    }
    throw error;
  }
  return {
    status: 'imported',
    invoiceId,
    documentId,
    kind: draft.kind,
    number: draft.number,
    debtorId: debtor.debtorId,
    debtorCreated: debtor.created,
    total: centsToAmount(draft.totalCents),
    open: centsToAmount(draft.openCents),
    currency: draft.currency,
    dueDate: draft.dueDate,
    dueDateAssumed: draft.meta.dueDateAssumed,
    findings: [...findings],
  };
}

/** A sales invoice of another company (its seller VAT is not ours) does not belong in this ledger. */
function checkSeller(doc: UblDocument, companyVat: string | null) {
  if (!companyVat || !doc.seller.vatId) return;
  let seller: string;
  try {
    seller = parseVatNumber(doc.seller.vatId).vatNumber;
  } catch {
    seller = doc.seller.vatId.replace(/[\s.-]/g, '').toUpperCase();
  }
  if (seller !== companyVat.replace(/[\s.-]/g, '').toUpperCase()) {
    throw apiError.badInput(
      `/${doc.kind}/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID`,
      `the seller's VAT number ${doc.seller.vatId} is not this company's (${companyVat}); only the company's own sales invoices can be imported`,
    );
  }
}

async function creditedInvoice(tx: Ctx['db'], companyId: string, debtorId: string, numbers: string[]): Promise<string | null> {
  if (numbers.length !== 1) return null;
  const i = tx.tables.invoices;
  const rows = await tx.db
    .select({ id: i.id })
    .from(i)
    .where(and(eq(i.companyId, companyId), eq(i.debtorId, debtorId), eq(i.kind, 'invoice'), eq(i.number, numbers[0]!)))
    .limit(1);
  return rows[0]?.id ?? null;
}

async function recordRefusal(ctx: Ctx, companyId: string, documentId: string, error: unknown) {
  // Only a refusal of the document itself is recorded: not a duplicate (CONFLICT), which changes nothing.
  if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') return;
  const findings = (error as { findings?: UblFinding[] }).findings ?? [{ rule: error.code, severity: 'fatal', element: (error as { field?: string }).field ?? 'file', message: error.message }];
  await ctx.db.transaction((tx) =>
    appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'document.import_refused', entityType: 'document', entityId: documentId, at: ctx.clock(), after: { status: 'refused', findings } }),
  );
}
