// After the sale: what reached the seller for assigned invoices and belongs to the factor
// (settlement), and what the factor may hand back unpaid after the recourse period (repurchase).
import type { CalendarDate } from '@fact/core';
import { assignmentRecords, repurchaseOffers, settlementReport, type AssignmentRecord, type ReceivedPayment } from '@fact/factoring';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { AssignmentStatus } from '@fact/db';
import type { Database } from '../../db.js';
import type { DocumentStore } from '../../documents/store.js';
import { centsToAmount } from '../../schemas/money.js';
import { packageManifest, packageOf } from './package-store.js';
import { firmOfCompany, loadProfile } from './profiles.js';

/**
 * The assignment records of a company's batches sold under one profile, for assignments whose
 * status is among `statuses`, from each stored package's manifest and the ledger's assignment date.
 *
 * @example
 * ```ts
 * const records = await profileAssignments(db, documents, companyId, 'acme-2025', ['assigned']);
 * ```
 */
export async function profileAssignments(db: Database, store: DocumentStore, companyId: string, profileId: string, statuses: readonly AssignmentStatus[]): Promise<AssignmentRecord[]> {
  const b = db.tables.factoringBatches;
  const a = db.tables.factoringAssignments;
  const batches = await db.db
    .select({ id: b.id, reference: b.reference, documentId: b.documentId })
    .from(b)
    .where(and(eq(b.companyId, companyId), eq(b.profileKey, profileId), isNotNull(b.documentId)));
  const records: AssignmentRecord[] = [];
  for (const batch of batches) {
    const stored = await packageOf(db, companyId, batch.documentId ?? null);
    if (!stored) continue;
    const manifest = await packageManifest(store, stored, batch.reference);
    const rows = await db.db
      .select({ invoiceId: a.invoiceId, assignedOn: a.assignedOn })
      .from(a)
      .where(and(eq(a.companyId, companyId), eq(a.batchId, batch.id), inArray(a.status, [...statuses])));
    const live = new Map(rows.map((r) => [r.invoiceId, r.assignedOn]));
    for (const record of assignmentRecords(manifest, manifest.createdOn)) {
      if (!live.has(record.invoiceId)) continue;
      records.push({ ...record, assignedOn: live.get(record.invoiceId) ?? record.assignedOn });
    }
  }
  return records;
}

/**
 * Payments received by the seller on invoices assigned under a profile, and what of them is owed
 * to the factor (settlementReport of @fact/factoring).
 *
 * @example
 * ```ts
 * const s = await factoringSettlement(db, documents, companyId, 'acme-2025');
 * s.totalOwed; // "1210.00"
 * ```
 */
export async function factoringSettlement(db: Database, store: DocumentStore, companyId: string, profileId: string) {
  await loadProfile(db, await firmOfCompany(db, companyId), profileId);
  const records = await profileAssignments(db, store, companyId, profileId, ['assigned', 'settled']);
  const ids = [...new Set(records.map((r) => r.invoiceId))];
  const al = db.tables.allocations;
  const p = db.tables.payments;
  const rows = ids.length
    ? await db.db
        .select({ paymentId: al.paymentId, invoiceId: al.invoiceId, cents: al.amountCents, receivedOn: p.receivedOn })
        .from(al)
        .innerJoin(p, eq(p.id, al.paymentId))
        .where(and(eq(al.companyId, companyId), inArray(al.invoiceId, ids), isNotNull(al.paymentId), isNull(al.reversedAt), isNull(p.reversedAt)))
    : [];
  const sums = new Map<string, { paymentId: string; invoiceId: string; date: CalendarDate; cents: number }>();
  for (const r of rows) {
    if (!r.paymentId) continue;
    const key = `${r.paymentId}:${r.invoiceId}`;
    const prior = sums.get(key);
    sums.set(key, { paymentId: r.paymentId, invoiceId: r.invoiceId, date: r.receivedOn, cents: (prior?.cents ?? 0) + r.cents });
  }
  const payments: ReceivedPayment[] = [...sums.values()].filter((s) => s.cents > 0).map((s) => ({ paymentId: s.paymentId, invoiceId: s.invoiceId, date: s.date, amount: centsToAmount(s.cents) }));
  const report = settlementReport(records, payments);
  return {
    companyId,
    profileId,
    lines: report.lines.map((l) => ({ ...l, received: l.received.toFixed(2), owed: l.owed.toFixed(2) })),
    totalOwed: report.totalOwed.toFixed(2),
    totalExcess: report.totalExcess.toFixed(2),
  };
}

/**
 * Assigned invoices still unpaid after the profile's recourse period, with the price at which the
 * seller buys them back (repurchaseOffers of @fact/factoring).
 *
 * @example
 * ```ts
 * const offers = await factoringRepurchase(db, documents, companyId, 'acme-2025', '2025-10-15');
 * ```
 */
export async function factoringRepurchase(db: Database, store: DocumentStore, companyId: string, profileId: string, asOf: CalendarDate) {
  const { profile } = await loadProfile(db, await firmOfCompany(db, companyId), profileId);
  const records = await profileAssignments(db, store, companyId, profileId, ['assigned']);
  const ids = [...new Set(records.map((r) => r.invoiceId))];
  const i = db.tables.invoices;
  const open = ids.length ? await db.db.select({ id: i.id, cents: i.openAmountCents }).from(i).where(and(eq(i.companyId, companyId), inArray(i.id, ids))) : [];
  const outstanding = new Map(open.map((r) => [r.id, centsToAmount(r.cents)]));
  const offers = repurchaseOffers(records, outstanding, profile, asOf);
  return {
    companyId,
    profileId,
    asOf,
    offers: offers.map((o) => ({ ...o, outstanding: o.outstanding.toFixed(2), repurchasePrice: o.repurchasePrice.toFixed(2) })),
  };
}
