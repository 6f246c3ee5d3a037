import { parseVatNumber } from '@fact/core';
import { elementPath, validateUbl, type UblDocument, type UblFinding } from '@fact/ubl';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../../context.js';
import { apiError } from '../../errors/api-error.js';
import { centsToAmount } from '../../schemas/money.js';
import { appendAudit } from '../audit.js';
import { isUniqueViolation } from '../db-errors.js';
import { companyFacts } from '../receivables.js';
import { documentForFile, importedResult, recordingRefusal, refuseIfImported, setDocumentStatus, type DocumentRecord } from './document-outcome.js';
import { readEInvoice, type EInvoiceFound } from './einvoice-read.js';
import { readImportFile, type ImportFile } from './file-input.js';
import { matchOrCreateDebtor } from './ubl-debtor.js';
import { blockingFindings, ublToLedger } from './ubl-to-ledger.js';

type Ctx = Pick<Context, 'db' | 'documents' | 'settings' | 'logger' | 'clock'> & { user: { id: string } };

/** What an imported e-invoice (UBL, CII, or the XML of a Factur-X PDF) became. */
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
  /** The syntax of the e-invoice and what carried it (an XML file, or a PDF attachment). */
  syntax: 'ubl' | 'cii';
  container: 'xml' | 'pdf';
  attachment: string | null;
  /** Findings that did not stop the import (Peppol transport rules, warnings). */
  findings: UblFinding[];
}

/** A PDF without an embedded e-invoice: kept as a document, nothing imported. */
export interface StoredOnlyResult {
  status: 'stored';
  documentId: string;
  note: 'no_einvoice';
  attachments: string[];
}

type Input = { documentId?: string | undefined; contentBase64?: string | undefined; fileName?: string | undefined };

/**
 * Why a document was refused, per element: `findings` lists the rules, `data.issues` the
 * `{ field: element, message }` pairs, and the message repeats them.
 */
function refused(findings: readonly UblFinding[]): TRPCError {
  const first = findings[0]!;
  const list = findings.map((f) => `${f.rule} at ${f.element}: ${f.message}`).join('; ');
  const issues = findings.map((f) => ({ path: [f.element], message: `${f.rule}: ${f.message}` }));
  return Object.assign(new TRPCError({ code: 'BAD_REQUEST', message: `The e-invoice cannot be imported: ${list}`, cause: Object.assign(new Error('e-invoice refused'), { issues }) }), {
    field: first.element,
    findings,
  });
}

/**
 * Imports a UBL 2.1 invoice or credit note (Peppol BIS 3.0 / EN 16931) into a company's ledger.
 * See {@link importEInvoice}; this route reads UBL only.
 *
 * @example
 * ```ts
 * const result = await importUbl(ctx, companyId, { documentId });
 * result.number; // "Snippet1"
 * ```
 */
export async function importUbl(ctx: Ctx, companyId: string, input: Input): Promise<UblImportResult> {
  const outcome = await importFile(ctx, companyId, input, 'invoice.xml', 'ubl');
  if (outcome.status !== 'imported') throw new Error('a UBL import cannot end without an invoice');
  return outcome;
}

/**
 * Imports an e-invoice into a company's ledger: UBL 2.1, UN/CEFACT CII, or a Factur-X / ZUGFeRD
 * PDF (its embedded XML). All or nothing in one transaction: the document (stored once; status
 * `imported` with the records it became), the debtor (matched by VAT or enterprise number, else
 * created), the invoice or credit note with its lines and the totals the file states, the link to
 * a credited invoice, and the audit entries. The EN 16931 rules (BR-…) must hold, else nothing is
 * imported and the document is kept with status `refused` and the issues per element. A PDF
 * without an e-invoice is kept with status `stored` (`note: 'no_einvoice'`).
 *
 * @example
 * ```ts
 * const outcome = await importEInvoice(ctx, companyId, { contentBase64, fileName: 'F2025-001.pdf' });
 * outcome.status; // "imported"
 * ```
 */
export async function importEInvoice(ctx: Ctx, companyId: string, input: Input): Promise<UblImportResult | StoredOnlyResult> {
  return importFile(ctx, companyId, input, 'invoice.xml');
}

async function importFile(ctx: Ctx, companyId: string, input: Input, defaultName: string, only?: 'ubl'): Promise<UblImportResult | StoredOnlyResult> {
  const file = await readImportFile(ctx, companyId, input, defaultName);
  if (file.documentId) await refuseIfImported(ctx.db, companyId, file.documentId);
  const pdf = new TextDecoder('latin1').decode(file.bytes.subarray(0, 1024)).includes('%PDF-');
  const target = { documentId: file.documentId, file: { bytes: file.bytes, fileName: file.fileName, kind: pdf ? ('invoice_pdf' as const) : ('ubl' as const), mediaType: pdf ? 'application/pdf' : 'application/xml' } };
  return recordingRefusal(ctx, companyId, target, async () => {
    const reading = await readEInvoice(file, ctx.settings.maxUploadBytes, only);
    if (reading.kind === 'none') return keepWithoutEInvoice(ctx, companyId, file, target.file, reading.attachments);
    return importFound(ctx, companyId, file, target.file, reading);
  });
}

async function keepWithoutEInvoice(ctx: Ctx, companyId: string, file: ImportFile, asNew: Parameters<typeof documentForFile>[3], attachments: string[]): Promise<StoredOnlyResult> {
  const now = ctx.clock();
  const documentId = await ctx.db.transaction(async (tx) => {
    const id = file.documentId ?? (await documentForFile(ctx, tx, companyId, asNew)).id;
    const message = attachments.length ? `The PDF holds no e-invoice (attachments: ${attachments.join(', ')}); it is kept as a document.` : 'The PDF holds no e-invoice (no Factur-X / ZUGFeRD XML inside); it is kept as a document.';
    await setDocumentStatus(tx, companyId, id, 'stored', { note: { code: 'no_einvoice', message } }, now);
    return id;
  });
  return { status: 'stored', documentId, note: 'no_einvoice', attachments };
}

async function importFound(ctx: Ctx, companyId: string, file: ImportFile, asNew: Parameters<typeof documentForFile>[3], found: EInvoiceFound): Promise<UblImportResult> {
  const { doc } = found;
  const { findings } = validateUbl(doc);
  const blocking = blockingFindings(findings);
  if (blocking.length > 0) throw refused(blocking);
  const company = await companyFacts(ctx.db, companyId);
  checkSeller(doc, company.vatNumber);
  const now = ctx.clock();
  const invoiceId = uuidv7();
  let outcome: { debtorId: string; debtorCreated: boolean; documentId: string; draft: ReturnType<typeof ublToLedger> };
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      let documentId = file.documentId;
      if (!documentId) {
        const row = await documentForFile(ctx, tx, companyId, asNew);
        if (row.importedBefore) await refuseIfImported(tx, companyId, row.id);
        documentId = row.id;
      }
      const draft = ublToLedger(doc, { country: company.country, documentId, source: found.syntax, attachment: found.attachment });
      const who = await matchOrCreateDebtor(tx, companyId, doc, { language: company.language, country: company.country, now });
      if (who.created) await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'debtor.create', entityType: 'debtor', entityId: who.debtorId, at: now, after: { ...who.values, source: found.syntax } });
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
      const records: DocumentRecord[] = [{ type: draft.kind, id: invoiceId, label: draft.number }];
      if (who.created) records.push({ type: 'debtor', id: who.debtorId, label: String(who.values?.name ?? '') });
      await setDocumentStatus(tx, companyId, documentId, 'imported', importedResult(records), now);
      await appendAudit(tx, {
        companyId,
        actorUserId: ctx.user.id,
        action: 'document.import',
        entityType: 'document',
        entityId: documentId,
        at: now,
        after: { status: 'imported', became: { entityType: 'invoice', entityId: invoiceId, kind: draft.kind, number: draft.number }, syntax: found.syntax, container: found.container, attachment: found.attachment, findings },
      });
      await appendAudit(tx, { companyId, actorUserId: ctx.user.id, action: 'invoice.create', entityType: 'invoice', entityId: invoiceId, at: now, after: { ...values, lines: draft.lines, source: found.syntax } });
      return { debtorId: who.debtorId, debtorCreated: who.created, documentId, draft };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const number = doc.id ?? '';
      throw Object.assign(apiError.conflict(`An invoice or credit note with number "${number}" (or the same payment reference) already exists in this company; the document was not imported again.`), {
        field: elementPath(doc, 'cbc:ID'),
        rule: 'DUPLICATE',
      });
    }
    throw error;
  }
  const { draft } = outcome;
  return {
    status: 'imported',
    invoiceId,
    documentId: outcome.documentId,
    kind: draft.kind,
    number: draft.number,
    debtorId: outcome.debtorId,
    debtorCreated: outcome.debtorCreated,
    total: centsToAmount(draft.totalCents),
    open: centsToAmount(draft.openCents),
    currency: draft.currency,
    dueDate: draft.dueDate,
    dueDateAssumed: draft.meta.dueDateAssumed,
    syntax: found.syntax,
    container: found.container,
    attachment: found.attachment,
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
      elementPath(doc, 'cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID'),
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
