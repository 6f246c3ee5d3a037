import type { DbHandle } from '@fact/db';
import { v7 as uuidv7 } from 'uuid';
import type { AuthUser } from '../auth/user.js';
import type { ScopedKey } from '../authz/scoped-keys.js';
import { authenticate } from '../index.js';
import { DEFAULT_SETTINGS } from '../context.js';
import { NOW, PASSWORD, callerFor, sessionToken } from './tenancy.js';

/** One id per scoped input key, all belonging to one company (or one user, for sessions/tokens). */
export type RecordIds = Record<ScopedKey, string>;

/**
 * Creates, through the API as `user`, one record of every kind in a company: a debtor, two
 * invoices, an allocated payment, a document, a dispute, a hold and a payment plan; plus a
 * session and an API token of the user who logs in with `email`.
 */
export async function seedRecords(db: DbHandle, user: AuthUser, companyId: string, email: string, tag: string): Promise<Omit<RecordIds, 'batchId'>> {
  const api = callerFor(db, user);
  const debtor = await api.debtor.create({ companyId, kind: 'business', name: `Debtor ${tag}`, language: 'nl', country: 'BE' });
  const line = { description: 'Goods', quantity: '1', unitPrice: '100.00', vatRate: '21', vatCategory: 'S' as const };
  const mk = (n: string) => api.invoice.create({ companyId, debtorId: debtor.id, number: `${tag}-${n}`, issueDate: '2025-01-10', dueDate: '2025-02-09', lines: [line] });
  const invoice = await mk('1');
  const planned = await mk('2');
  const payment = await api.payment.record({ companyId, debtorId: debtor.id, amount: '10.00', receivedOn: '2025-03-01', allocations: [{ invoiceId: invoice.id, amount: '10.00' }] });
  const document = await api.document.upload({ companyId, invoiceId: invoice.id, kind: 'invoice_pdf', fileName: `${tag}.pdf`, mediaType: 'application/pdf', contentBase64: Buffer.from(`%PDF ${tag}`).toString('base64') });
  const dispute = await api.collection.dispute.open({ invoiceId: invoice.id, reason: 'Goods damaged', openedOn: '2025-02-15' });
  const hold = await api.collection.hold.place({ debtorId: debtor.id, reason: 'Talking to the owner', fromDate: '2025-03-01' });
  const plan = await api.collection.paymentPlan.create({ debtorId: debtor.id, invoiceIds: [planned.id], agreedOn: '2025-03-10', installments: [{ dueOn: '2025-04-01', amount: '121.00' }] });
  const token = sessionToken(await callerFor(db, null).auth.login({ email, password: PASSWORD }));
  const me = (await authenticate(db, token, { now: NOW, secret: DEFAULT_SETTINGS.tokenSecret }))!;
  const apiToken = await callerFor(db, me).auth.createApiToken({ name: `token ${tag}`, scopes: ['read', 'write'] });
  if (me.via.kind !== 'session') throw new Error('expected a session');
  return {
    companyId,
    debtorId: debtor.id,
    invoiceId: invoice.id,
    paymentId: payment.id,
    documentId: document.id,
    disputeId: dispute.id,
    holdId: hold.id,
    paymentPlanId: plan.id,
    sessionId: me.via.sessionId,
    tokenId: apiToken.id,
  };
}

/**
 * Offers one invoice of a company to a factor (a batch with one assignment, addressed to
 * `factorId`, or to no factor row), as the factoring export would. Returns the batch id.
 */
export async function assignToFactor(db: DbHandle, companyId: string, invoiceId: string, factorId: string | null = null): Promise<string> {
  const batchId = uuidv7();
  await db.transaction(async (tx) => {
    await tx.db.insert(tx.tables.factoringBatches).values({ id: batchId, companyId, factorId, factorName: 'Factor NV', reference: `B-${batchId.slice(-6)}`, status: 'submitted', createdOn: '2025-03-01' });
    await tx.db.insert(tx.tables.factoringAssignments).values({ id: uuidv7(), companyId, batchId, invoiceId, amountCents: 12100, status: 'assigned', assignedOn: '2025-03-02' });
  });
  return batchId;
}
