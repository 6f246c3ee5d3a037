// The batch file: the seller, its debtors and its open invoices, as the API (or a person) hands
// them to the factoring export. Amounts are decimal strings; documents are referenced, not parsed.
import type { InvoicePdfInput } from '@fact/documents';
import { z } from 'zod';
import { amountField, dateField, idField } from './zod-fields.js';

const country = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 alpha-2 country code such as "BE"');

const address = z.strictObject({
  street: z.string().min(1, 'must not be empty'),
  postalCode: z.string().min(1, 'must not be empty'),
  city: z.string().min(1, 'must not be empty'),
  country,
});

/**
 * Where a document's bytes come from: a file (relative to the batch file), inline text (UBL XML),
 * base64 bytes, or — for a PDF only — the invoice data to render with `@fact/documents`.
 */
const documentSource = z.union([
  z.strictObject({ file: z.string().min(1) }),
  z.strictObject({ text: z.string().min(1) }),
  z.strictObject({ base64: z.string().min(1).regex(/^[A-Za-z0-9+/=\s]+$/, 'expected base64') }),
  z.strictObject({ render: z.custom<InvoicePdfInput>((v) => typeof v === 'object' && v !== null, 'expected the invoice PDF input of @fact/documents') }),
]);

const seller = z.strictObject({
  id: idField,
  name: idField,
  country: z.enum(['BE', 'NL'], { error: 'expected "BE" or "NL"' }),
  vatNumber: z.string().min(1).optional(),
  enterpriseNumber: z.string().min(1).optional(),
  kvkNumber: z.string().min(1).optional(),
  iban: z.string().min(1),
  bic: z.string().min(1).optional(),
  address,
  email: z.string().min(3).optional(),
});

const debtor = z.strictObject({
  id: idField,
  name: idField,
  /** Consumers are never bought when the profile says business debtors only. */
  kind: z.enum(['business', 'government', 'consumer'], { error: 'expected "business", "government" or "consumer"' }),
  country,
  /** The language of the notice of assignment. */
  language: z.enum(['nl', 'fr', 'en'], { error: 'expected "nl", "fr" or "en"' }),
  vatNumber: z.string().min(1).optional(),
  enterpriseNumber: z.string().min(1).optional(),
  kvkNumber: z.string().min(1).optional(),
  peppolId: z.string().min(1).optional(),
  address,
  email: z.string().min(3).optional(),
  /** Open payables to this debtor: it is also a supplier, so that much can be set off (contra). */
  openPayables: amountField.optional(),
  /** The debtor's terms forbid assignment (cessieverbod / clause d'incessibilité). */
  assignmentProhibited: z.boolean().default(false),
  /** The debtor's written consent to assign despite the clause. */
  assignmentConsentReference: z.string().min(1).optional(),
});

const invoice = z.strictObject({
  id: idField,
  number: idField,
  debtorId: idField,
  issueDate: dateField,
  dueDate: dateField,
  /** ISO 4217; factors here buy euro only. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as "EUR"'),
  netAmount: amountField.optional(),
  vatAmount: amountField.optional(),
  grossAmount: amountField,
  /** What the debtor still owes on it. */
  outstanding: amountField,
  paymentReference: z.string().min(1).optional(),
  purchaseOrder: z.string().min(1).optional(),
  disputed: z.boolean().default(false),
  disputeReason: z.string().min(1).optional(),
  /** A credit note is being prepared or awaits booking against this invoice. */
  creditNotePending: z.boolean().default(false),
  /** The factor or lender it was already assigned or pledged to. */
  assignedTo: z.string().min(1).optional(),
  dunningLevel: z.number().int().min(0).optional(),
  lastReminderOn: dateField.optional(),
  documents: z.strictObject({ ubl: documentSource.optional(), pdf: documentSource.optional() }).default({}),
});

/** The zod schema of a batch file (format version 1). Parse it with {@link parseFactoringBatch}. */
export const factoringBatchSchema = z.strictObject({
  formatVersion: z.literal(1, { error: 'expected 1 (the batch format this version reads)' }),
  batchId: idField.regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only'),
  seller,
  debtors: z.array(debtor),
  invoices: z.array(invoice),
});
