import { v7 as uuidv7 } from 'uuid';
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
 * Appends an audit entry.
 *
 * @example
 * ```ts
 * await appendAudit(tx, { companyId, actorUserId: user.id, action: 'invoice.cancel', entityType: 'invoice', entityId: id, at: now, before, after });
 * ```
 */
export async function appendAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.db.insert(db.tables.auditLog).values({
    id: uuidv7(),
    firmId: entry.firmId ?? null,
    companyId: entry.companyId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    at: entry.at,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
