import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import { auditChainOf, entryHash, GENESIS_HASH } from './auditChain.js';
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
  /** The hash chain it belongs to: `company:<id>`, `firm:<id>` or `global`. */
  chain: string | null;
  /** Its position in the chain, from 1. */
  seq: number | null;
  /** The previous entry's hash (64 zeros for the first). */
  prevHash: string | null;
  /** sha256 of prevHash + the canonical JSON of this entry (hex). */
  hash: string | null;
}

/**
 * Appends an audit entry, linked into its company's hash chain (firm-level entries: the
 * firm's chain). Call it inside the transaction of the change it records, so both commit or
 * neither does. The table refuses UPDATE and DELETE, and {@link verifyAuditChain} finds an
 * entry changed or removed behind its back.
 *
 * Appends to one chain are serialised inside the write transaction: on PostgreSQL by a
 * transaction-level advisory lock on the chain, on SQLite by the single writer. A unique
 * (chain, seq) index backs it up.
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
  entry: Omit<AuditEntry, 'id' | 'firmId' | 'companyId' | 'actorUserId' | 'before' | 'after' | 'chain' | 'seq' | 'prevHash' | 'hash'> &
    Partial<Pick<AuditEntry, 'firmId' | 'companyId' | 'actorUserId' | 'before' | 'after'>>,
): Promise<AuditEntry> {
  const t = ex.tables;
  const a = t.auditLog;
  return ex.transaction(async (tx) => {
    const chain = auditChainOf(entry.companyId ?? null, entry.firmId ?? null);
    if (tx.dialect === 'pg') await tx.run(sql`select pg_advisory_xact_lock(hashtext(${chain}))`);
    const [last] = await tx.db.select({ seq: a.seq, hash: a.hash }).from(a).where(eq(a.chain, chain)).orderBy(desc(a.seq)).limit(1);
    const values = {
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
      chain,
      seq: (last?.seq ?? 0) + 1,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(values);
    const [row] = await guarded(() =>
      tx.db
        .insert(a)
        .values({ ...values, hash })
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
