// Reads the ledger into the batch @fact/factoring judges: the company as seller, its open
// invoices with their debtors, and every fact a factor asks about (dispute, consumer,
// cessieverbod, also a supplier, pending credit note, earlier assignment, UBL on file).
import { parseFactoringBatch, type FactoringBatch, type FactoringBatchInput, type FactoringInvoice } from '@fact/factoring';
import { TRPCError } from '@trpc/server';
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Database } from '../../db.js';
import type { DocumentStore } from '../../documents/store.js';
import { apiError } from '../../errors/api-error.js';
import { centsToAmount } from '../../schemas/money.js';
import { exportInvoicePdf } from '../exports/invoice-pdf.js';
import type { SellerDetails } from './seller.js';

/** Stands in for an address the ledger lacks; eligibility never reads addresses. */
const UNKNOWN = '-';
/** Given to invoices the accountant left out, so the package buys only the selection. */
export const LEFT_OUT = 'left out of this selection';

type DebtorIn = FactoringBatchInput['debtors'][number];
type InvoiceIn = FactoringBatchInput['invoices'][number];

/** What the batch was built from, beyond the batch itself. */
export interface LedgerBatch {
  readonly batch: FactoringBatch;
  readonly firmId: string;
  readonly companyName: string;
  /** Invoice id → where it is already live (factor and batch reference). */
  readonly liveAssignments: ReadonlyMap<string, string>;
  /** Debtors whose postal address is incomplete (a notice of assignment cannot be sent). */
  readonly debtorsWithoutAddress: ReadonlySet<string>;
  /** Debtors flagged as also a supplier whose payables were not given: the whole balance was assumed. */
  readonly payablesAssumed: ReadonlySet<string>;
  readonly sellerAddressKnown: boolean;
  /** Invoice id → its stored document (UBL or PDF), when it has one. */
  readonly storedDocuments: ReadonlyMap<string, StoredDocument>;
}

/** A stored document of an invoice, as the ledger links it. */
export interface StoredDocument {
  readonly kind: string;
  readonly sha256: string;
}

/** How to build it. */
export interface LedgerBatchOptions {
  readonly batchId: string;
  readonly seller: SellerDetails | null;
  /** Open payables per debtor (cents), for debtors that are also suppliers. */
  readonly payables: ReadonlyMap<string, number>;
  /** When given, every other open invoice is kept out (it still counts in the book and in ageing). */
  readonly selection?: ReadonlySet<string>;
}

const kindOf = (kind: string): DebtorIn['kind'] => (kind === 'consumer' ? 'consumer' : 'business');
const languageOf = (language: string): DebtorIn['language'] => (language === 'nl' || language === 'fr' ? language : 'en');

/**
 * The factoring batch of a company's open invoices, parsed by @fact/factoring. A company without
 * an IBAN cannot sell receivables (the package names the seller's account): PRECONDITION_FAILED.
 *
 * @example
 * ```ts
 * const { batch } = await ledgerFactoringBatch(db, companyId, { batchId: 'preview', seller: null, payables: new Map() });
 * ```
 */
export async function ledgerFactoringBatch(db: Database, companyId: string, options: LedgerBatchOptions): Promise<LedgerBatch> {
  const t = db.tables;
  const company = (await db.db.select().from(t.companies).where(eq(t.companies.id, companyId)).limit(1))[0];
  if (!company) throw apiError.notFound('company', companyId);
  if (!company.iban) throw apiError.precondition('The company has no IBAN yet; a factoring package names the seller’s account. Add it to the company first.');

  const open = await db.db
    .select()
    .from(t.invoices)
    .where(and(eq(t.invoices.companyId, companyId), eq(t.invoices.kind, 'invoice'), eq(t.invoices.status, 'open'), gt(t.invoices.openAmountCents, 0)));
  const debtorIds = [...new Set(open.map((i) => i.debtorId))];
  const debtorRows = debtorIds.length ? await db.db.select().from(t.debtors).where(and(eq(t.debtors.companyId, companyId), inArray(t.debtors.id, debtorIds))) : [];
  // Company-wide reads (no id lists): no bound-parameter limits, and the sets stay small.
  const disputes = await db.db
    .select({ invoiceId: t.disputes.invoiceId, reason: t.disputes.reason })
    .from(t.disputes)
    .where(and(eq(t.disputes.companyId, companyId), eq(t.disputes.status, 'open')));
  const creditNotes = await db.db
    .select({ creditsInvoiceId: t.invoices.creditsInvoiceId })
    .from(t.invoices)
    .where(and(eq(t.invoices.companyId, companyId), eq(t.invoices.kind, 'credit_note'), inArray(t.invoices.status, ['draft', 'open']), gt(t.invoices.openAmountCents, 0)));
  const live = await db.db
    .select({ invoiceId: t.factoringAssignments.invoiceId, factorName: t.factoringBatches.factorName, reference: t.factoringBatches.reference })
    .from(t.factoringAssignments)
    .innerJoin(t.factoringBatches, eq(t.factoringBatches.id, t.factoringAssignments.batchId))
    .where(and(eq(t.factoringAssignments.companyId, companyId), inArray(t.factoringAssignments.status, ['proposed', 'assigned'])));
  const documentIds = open.flatMap((i) => (i.documentId ? [i.documentId] : []));
  const documentRows: (StoredDocument & { id: string })[] = [];
  // In slices: a big book has more documents than a statement may bind parameters.
  for (let k = 0; k < documentIds.length; k += 500) {
    const slice = documentIds.slice(k, k + 500);
    documentRows.push(...(await db.db.select({ id: t.documents.id, kind: t.documents.kind, sha256: t.documents.sha256 }).from(t.documents).where(and(eq(t.documents.companyId, companyId), inArray(t.documents.id, slice)))));
  }
  const documentById = new Map(documentRows.map((d) => [d.id, d]));

  const disputed = new Map(disputes.map((d) => [d.invoiceId, d.reason]));
  const pendingCredit = new Set(creditNotes.flatMap((c) => (c.creditsInvoiceId ? [c.creditsInvoiceId] : [])));
  const liveAssignments = new Map(live.map((a) => [a.invoiceId, `${a.factorName} (batch ${a.reference})`]));
  const balance = new Map<string, number>();
  for (const i of open) balance.set(i.debtorId, (balance.get(i.debtorId) ?? 0) + i.openAmountCents);

  const debtorsWithoutAddress = new Set<string>();
  const payablesAssumed = new Set<string>();
  const debtors: DebtorIn[] = debtorRows.map((d) => {
    if (!d.street || !d.postalCode || !d.city) debtorsWithoutAddress.add(d.id);
    const given = options.payables.get(d.id);
    // Also a supplier, payables unknown: assume the whole balance can be set off (what a factor does).
    if (d.isSupplier && given === undefined) payablesAssumed.add(d.id);
    const payables = given ?? (d.isSupplier ? (balance.get(d.id) ?? 0) : undefined);
    const country = d.country.toUpperCase();
    return {
      id: d.id,
      name: d.name,
      kind: kindOf(d.kind),
      country,
      language: languageOf(d.language),
      ...(d.vatNumber ? { vatNumber: d.vatNumber } : {}),
      ...(d.enterpriseNumber ? { enterpriseNumber: d.enterpriseNumber } : {}),
      address: { street: d.street || UNKNOWN, postalCode: d.postalCode || UNKNOWN, city: d.city || UNKNOWN, country },
      ...(payables !== undefined ? { openPayables: centsToAmount(payables) } : {}),
      assignmentProhibited: d.antiAssignmentClause,
    };
  });

  const invoices: InvoiceIn[] = [];
  for (const i of open) {
    const doc = i.documentId ? documentById.get(i.documentId) : undefined;
    const chosen = options.selection === undefined || options.selection.has(i.id);
    const assignedTo = liveAssignments.get(i.id) ?? (chosen ? undefined : LEFT_OUT);
    invoices.push({
      id: i.id,
      number: i.number,
      debtorId: i.debtorId,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      currency: i.currency,
      netAmount: centsToAmount(i.netCents),
      vatAmount: centsToAmount(i.vatCents),
      grossAmount: centsToAmount(i.totalCents),
      outstanding: centsToAmount(i.openAmountCents),
      ...(i.paymentReference ? { paymentReference: i.paymentReference } : {}),
      disputed: disputed.has(i.id),
      ...(disputed.get(i.id) ? { disputeReason: disputed.get(i.id) } : {}),
      creditNotePending: pendingCredit.has(i.id),
      ...(assignedTo ? { assignedTo } : {}),
      // Only presence here (eligibility needs no more); packageDocuments() reads the bytes of what is sold.
      documents: doc?.kind === 'ubl' ? { ubl: { text: `stored document ${doc.sha256}` } } : doc?.kind === 'invoice_pdf' ? { pdf: { text: `stored document ${doc.sha256}` } } : {},
    });
  }

  const seller = options.seller;
  const batch = parseFactoringBatch({
    formatVersion: 1,
    batchId: options.batchId,
    seller: {
      id: company.id,
      name: company.legalName,
      country: company.country,
      ...(company.vatNumber ? { vatNumber: company.vatNumber } : {}),
      ...(company.enterpriseNumber && company.country === 'BE' ? { enterpriseNumber: company.enterpriseNumber } : {}),
      ...(company.enterpriseNumber && company.country === 'NL' ? { kvkNumber: company.enterpriseNumber } : {}),
      iban: company.iban,
      ...(company.bic ? { bic: company.bic } : {}),
      address: { street: seller?.street || UNKNOWN, postalCode: seller?.postalCode || UNKNOWN, city: seller?.city || UNKNOWN, country: company.country },
      ...(seller?.email ? { email: seller.email } : {}),
    },
    debtors,
    invoices,
  } satisfies FactoringBatchInput);
  const storedDocuments = new Map(open.flatMap((i) => (i.documentId && documentById.has(i.documentId) ? [[i.id, documentById.get(i.documentId)!] as const] : [])));
  return { batch, firmId: company.firmId, companyName: company.legalName, liveAssignments, debtorsWithoutAddress, payablesAssumed, sellerAddressKnown: !!seller, storedDocuments };
}

/**
 * The documents of an invoice being sold: the stored UBL or PDF from the document store, and the
 * PDF rendered from the ledger when none is stored and the invoice can be printed.
 *
 * @example
 * ```ts
 * const documents = await packageDocuments(db, invoiceId, ledger.storedDocuments.get(invoiceId), ctx.documents);
 * ```
 */
export async function packageDocuments(db: Database, invoiceId: string, stored: StoredDocument | undefined, store: DocumentStore): Promise<FactoringInvoice['documents']> {
  const out: FactoringInvoice['documents'] = {};
  if (stored && (stored.kind === 'ubl' || stored.kind === 'invoice_pdf')) {
    const bytes = await store.get(stored.sha256);
    if (!bytes) throw apiError.precondition(`A stored document (${stored.sha256.slice(0, 12)}…) is missing from storage; upload it again before selling the invoice.`);
    out[stored.kind === 'ubl' ? 'ubl' : 'pdf'] = { base64: Buffer.from(bytes).toString('base64') };
  }
  if (!out.pdf) {
    try {
      out.pdf = { base64: (await exportInvoicePdf(db, invoiceId)).contentBase64 };
    } catch (error) {
      // Not printable from the ledger (foreign currency, document allowances): sold without a PDF.
      if (!(error instanceof TRPCError) || error.code !== 'PRECONDITION_FAILED') throw error;
    }
  }
  return out;
}
