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
  findings: z.array(finding),
});

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
