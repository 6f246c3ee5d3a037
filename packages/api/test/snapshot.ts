import { expect } from 'vitest';
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

type Snapshot = { documents: { id: string; status: string; result: unknown }[]; audit: { id: string; action: string }[] } & Record<string, unknown[]>;

/**
 * Around a refused import: asserts that nothing of the ledger changed (every table of the
 * snapshot but documents and the audit log is equal), and that the only writes are the refused
 * file itself (a document row with status `refused`) and its `document.import_refused` audit
 * entry. Returns the refused documents, for the caller to check their issues.
 *
 * @example
 * ```ts
 * const [doc] = onlyTheRefusalWasKept(before, await snapshot(db));
 * expect(doc.result).toEqual({ issues: [expect.objectContaining({ rule: 'BR-CO-15' })] });
 * ```
 */
export function onlyTheRefusalWasKept<S extends Snapshot>(before: S, after: S): S['documents'] {
  const { documents: docsBefore, audit: auditBefore, ...ledgerBefore } = before;
  const { documents: docsAfter, audit: auditAfter, ...ledgerAfter } = after;
  expect(ledgerAfter).toEqual(ledgerBefore);
  const seen = new Set(docsBefore.map((d) => JSON.stringify(d)));
  const changed = docsAfter.filter((d) => !seen.has(JSON.stringify(d)));
  expect(changed.map((d) => d.status)).toEqual(changed.map(() => 'refused'));
  const oldAudit = new Set(auditBefore.map((a) => a.id));
  expect(auditAfter.filter((a) => !oldAudit.has(a.id)).map((a) => a.action)).toEqual(changed.map(() => 'document.import_refused'));
  return changed;
}
