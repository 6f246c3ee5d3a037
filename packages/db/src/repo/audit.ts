import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import { guarded } from './errors.js';
import { newId } from './ids.js';
import { inScope, type Scope } from './scope.js';

/** One audited change. */
export interface AuditEntry {
  id: string;
  firmId: string | null;
  companyId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  at: Date;
  before: unknown;
  after: unknown;
}

/**
 * Appends an audit entry. Call it inside the transaction of the change it records, so both
 * commit or neither does. The table refuses UPDATE and DELETE.
 *
 * @example
 * ```ts
 * await db.transaction(async (tx) => {
 *   const inv = await updateInvoice(tx, scope, id, patch);
 *   await appendAudit(tx, { companyId, actorUserId, action: 'invoice.update', entityType: 'invoice', entityId: id, at: now, before, after: inv });
 * });
 * ```
 */
export async function appendAudit(
  ex: Executor,
  entry: Omit<AuditEntry, 'id' | 'firmId' | 'companyId' | 'actorUserId' | 'before' | 'after'> & Partial<Pick<AuditEntry, 'firmId' | 'companyId' | 'actorUserId' | 'before' | 'after'>>,
): Promise<AuditEntry> {
  const t = ex.tables;
  return ex.transaction(async (tx) => {
    const [row] = await guarded(() =>
      tx.db
        .insert(t.auditLog)
        .values({
          id: newId(),
          firmId: entry.firmId ?? null,
          companyId: entry.companyId ?? null,
          actorUserId: entry.actorUserId ?? null,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          at: entry.at,
          before: jsonSafe(entry.before),
          after: jsonSafe(entry.after),
        })
        .returning(),
    );
    return row as AuditEntry;
  });
}

/** Money (decimal.js) and Dates become strings, exactly as JSON.stringify would write them. */
function jsonSafe(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * The history of one record within the scope, oldest first.
 *
 * @example
 * ```ts
 * await auditTrail(db, { companyId }, 'invoice', invoiceId);
 * ```
 */
export async function auditTrail(ex: Executor, scope: Scope, entityType: string, entityId: string): Promise<AuditEntry[]> {
  const a = ex.tables.auditLog;
  const rows = await ex.db
    .select()
    .from(a)
    .where(and(inScope(a.companyId, scope), eq(a.entityType, entityType), eq(a.entityId, entityId)))
    .orderBy(asc(a.at), asc(a.id));
  return rows as AuditEntry[];
}
