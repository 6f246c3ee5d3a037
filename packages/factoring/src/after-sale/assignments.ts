import type { CalendarDate } from '@fact/core';
import type { ManifestV1 } from '../package/manifest-schema.js';

/**
 * What the ledger stores for each invoice sold: to whom, when, in which batch, how (open or
 * silent), and the amounts. Appended, never updated: a repurchase is a later record of its own.
 */
export interface AssignmentRecord {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly debtorId: string;
  readonly factorProfileId: string;
  readonly factorName: string;
  readonly batchId: string;
  readonly assignedOn: CalendarDate;
  readonly assignment: 'open' | 'silent';
  /** The whole claim is assigned: the outstanding amount on the day of sale. */
  readonly assignedAmount: string;
  readonly eligibleAmount: string;
  readonly advanceAmount: string;
  readonly feeAmount: string;
  readonly dueDate: CalendarDate;
  readonly issueDate: CalendarDate;
}

/**
 * The assignment records to store once a package was delivered (cessie / cession): one per
 * invoice in the manifest. The caller stores them and marks the invoices assigned, so the next
 * batch finds them `ALREADY_ASSIGNED`.
 *
 * @example
 * ```ts
 * const records = assignmentRecords(verified.manifest, '2025-07-01');
 * await db.assignments.insertMany(records);
 * ```
 */
export function assignmentRecords(manifest: ManifestV1, assignedOn: CalendarDate): AssignmentRecord[] {
  return manifest.invoices.map((i) => ({
    invoiceId: i.id,
    invoiceNumber: i.number,
    debtorId: i.debtorId,
    factorProfileId: manifest.factor.profileId,
    factorName: manifest.factor.name,
    batchId: manifest.batchId,
    assignedOn,
    assignment: manifest.factor.assignment,
    assignedAmount: i.outstanding,
    eligibleAmount: i.eligibleAmount,
    advanceAmount: i.advanceAmount,
    feeAmount: i.feeAmount,
    dueDate: i.dueDate,
    issueDate: i.issueDate,
  }));
}
