import { z } from 'zod';

// Output shapes of the file procedures that are also REST routes: the OpenAPI document needs
// them, and they keep the responses to what is documented.

const finding = z.object({
  rule: z.string(),
  severity: z.enum(['fatal', 'warning']),
  element: z.string(),
  message: z.string(),
});

/** What `imports.ubl` made of a document. */
export const ublImportOutput = z.object({
  status: z.literal('imported'),
  invoiceId: z.string(),
  documentId: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  number: z.string(),
  debtorId: z.string(),
  debtorCreated: z.boolean(),
  total: z.string(),
  open: z.string(),
  currency: z.string(),
  dueDate: z.string(),
  dueDateAssumed: z.boolean(),
  syntax: z.enum(['ubl', 'cii']),
  container: z.enum(['xml', 'pdf']).meta({ description: 'An XML file, or the XML embedded in a Factur-X / ZUGFeRD PDF' }),
  attachment: z.string().nullable().meta({ description: 'The PDF attachment that held the e-invoice (factur-x.xml…)' }),
  findings: z.array(finding),
});

/** What `imports.einvoice` made of a file: an invoice, or (a PDF without e-invoice) only a stored document. */
export const einvoiceImportOutput = z.discriminatedUnion('status', [
  ublImportOutput,
  z.object({ status: z.literal('stored'), documentId: z.string(), note: z.literal('no_einvoice'), attachments: z.array(z.string()) }),
]);

/** `documents.result`: the records a document became, why it was refused, or why it was only kept. */
export const documentResult = z.union([
  z.object({
    records: z.array(
      z.object({
        type: z.enum(['invoice', 'credit_note', 'statement', 'payment', 'debtor']),
        id: z.string(),
        label: z.string(),
        amount: z.string().optional(),
        invoiceId: z.string().optional(),
        returnReason: z.string().optional(),
      }),
    ),
    omitted: z.number().int().optional(),
    counts: z.record(z.string(), z.number().int()).optional(),
    warnings: z.array(z.string()).optional(),
  }),
  z.object({ issues: z.array(z.object({ where: z.string(), rule: z.string().optional(), message: z.string() })) }),
  z.object({ note: z.object({ code: z.enum(['no_einvoice', 'needs_mapping', 'not_importable']), message: z.string() }) }),
]);

/** What `bank.importStatement` did with a statement file. */
export const statementImportOutput = z.object({
  format: z.enum(['coda', 'camt053']),
  documentId: z.string(),
  statements: z.number().int(),
  statementsSkipped: z.number().int(),
  transactionsInserted: z.number().int(),
  transactionsSkipped: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  paymentIds: z.array(z.string()),
  reversedPaymentIds: z.array(z.string()).meta({ description: 'Payments undone because the bank returned them (certain by end-to-end id, same account)' }),
  warnings: z.array(z.string()),
});

/** An invoice as Peppol UBL (`exports.invoiceUbl`). */
export const invoiceUblOutput = z.object({
  fileName: z.string(),
  mediaType: z.literal('application/xml'),
  xml: z.string(),
  contentBase64: z.string(),
  warnings: z.array(finding),
});
