import { appendAudit as appendChainedAudit } from '@fact/db';
import type { Database } from '../db.js';

/** One audited change, appended (never updated) in the same transaction as the change itself. */
export interface AuditEntry {
  companyId: string | null;
  firmId?: string | null;
  actorUserId: string | null;
  /** `invoice.create`, `payment.reverse`… */
  action: string;
  entityType: string;
  entityId: string;
  at: Date;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends an audit entry through @fact/db, which links it into the company's hash chain
 * (`verifyAuditChain` then detects any later edit).
 *
 * @example
 * ```ts
 * await appendAudit(tx, { companyId, actorUserId: user.id, action: 'invoice.cancel', entityType: 'invoice', entityId: id, at: now, before, after });
 * ```
 */
export async function appendAudit(db: Database, entry: AuditEntry): Promise<void> {
  await appendChainedAudit(db, entry);
}
