import type { DbHandle } from '@fact/db';

/** Every row of the tables a write may touch, to prove a refused call changed nothing. */
export async function snapshot(db: DbHandle) {
  const t = db.tables;
  return {
    invoices: await db.db.select().from(t.invoices).orderBy(t.invoices.id),
    lines: await db.db.select().from(t.invoiceLines).orderBy(t.invoiceLines.id),
    payments: await db.db.select().from(t.payments).orderBy(t.payments.id),
    allocations: await db.db.select().from(t.allocations).orderBy(t.allocations.id),
    debtors: await db.db.select().from(t.debtors).orderBy(t.debtors.id),
    documents: await db.db.select().from(t.documents).orderBy(t.documents.id),
    disputes: await db.db.select().from(t.disputes).orderBy(t.disputes.id),
    holds: await db.db.select().from(t.holds).orderBy(t.holds.id),
    plans: await db.db.select().from(t.paymentPlans).orderBy(t.paymentPlans.id),
    audit: await db.db.select().from(t.auditLog).orderBy(t.auditLog.id),
  };
}
