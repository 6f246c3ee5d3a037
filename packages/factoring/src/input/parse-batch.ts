import { parseIban } from '@fact/core';
import type { z } from 'zod';
import { fail } from './fail.js';
import { factoringBatchSchema } from './batch-schema.js';
import { parseWith } from './zod-error.js';

/** A validated batch: the seller, its debtors and its open invoices. */
export type FactoringBatch = z.output<typeof factoringBatchSchema>;
/** A batch as written in its JSON file. */
export type FactoringBatchInput = z.input<typeof factoringBatchSchema>;
/** One debtor of a batch. */
export type FactoringDebtor = FactoringBatch['debtors'][number];
/** One invoice of a batch. */
export type FactoringInvoice = FactoringBatch['invoices'][number];
/** The seller of a batch. */
export type FactoringSeller = FactoringBatch['seller'];
/** Where a document's bytes come from. */
export type DocumentSource = NonNullable<FactoringInvoice['documents']['ubl']>;

function unique(ids: readonly string[], root: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) fail('DUPLICATE_ID', `${root}[${i}].id`, `"${id}" appears twice`);
    seen.add(id);
  });
}

/**
 * Reads a batch file (parsed JSON) and checks it: the shape (`INVALID_INVOICE` naming the field),
 * the seller's IBAN (`INVALID_IBAN`), unique ids and invoice numbers (`DUPLICATE_ID`), known
 * debtors (`UNKNOWN_ITEM`), due date not before issue date (`INVALID_RANGE`) and an outstanding
 * amount not above the invoice total (`INVALID_AMOUNT`).
 *
 * @example
 * ```ts
 * const batch = parseFactoringBatch(JSON.parse(await readFile('batch.json', 'utf8')));
 * batch.invoices[0]?.outstanding.toFixed(2); // "1210.00"
 * ```
 */
export function parseFactoringBatch(value: unknown): FactoringBatch {
  const batch = parseWith(factoringBatchSchema, value, 'batch', 'INVALID_INVOICE');
  parseIban(batch.seller.iban, 'batch.seller.iban');
  unique(batch.debtors.map((d) => d.id), 'batch.debtors');
  unique(batch.invoices.map((inv) => inv.id), 'batch.invoices');
  const debtors = new Set(batch.debtors.map((d) => d.id));
  const numbers = new Set<string>();
  batch.invoices.forEach((inv, i) => {
    const at = `batch.invoices[${i}]`;
    if (numbers.has(inv.number)) fail('DUPLICATE_ID', `${at}.number`, `invoice number "${inv.number}" appears twice`);
    numbers.add(inv.number);
    if (!debtors.has(inv.debtorId)) fail('UNKNOWN_ITEM', `${at}.debtorId`, `no debtor "${inv.debtorId}" in batch.debtors`);
    if (inv.dueDate < inv.issueDate) fail('INVALID_RANGE', `${at}.dueDate`, `${inv.dueDate} is before the issue date ${inv.issueDate}`);
    if (inv.outstanding.gt(inv.grossAmount)) {
      fail('INVALID_AMOUNT', `${at}.outstanding`, `${inv.outstanding.toFixed(2)} is more than the invoice total ${inv.grossAmount.toFixed(2)}`);
    }
  });
  return batch;
}
