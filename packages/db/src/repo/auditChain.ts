import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client/types.js';

/** The `prev_hash` of the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The chain an audit entry belongs to: its company's, else its firm's, else the global one.
 *
 * @example
 * ```ts
 * auditChainOf(companyId, null); // "company:0190…"
 * ```
 */
export function auditChainOf(companyId: string | null, firmId: string | null): string {
  return companyId ? `company:${companyId.toLowerCase()}` : firmId ? `firm:${firmId.toLowerCase()}` : 'global';
}

/** JSON with object keys sorted at every level, so the same entry always gives the same bytes. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What the hash of an entry covers. */
export interface HashedAuditFields {
  id: string;
  chain: string;
  seq: number;
  prevHash: string;
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
 * sha256 (hex) of the previous hash, a newline and the canonical JSON of the entry. Ids are
 * lower-cased (PostgreSQL's uuid type gives them back that way).
 *
 * @example
 * ```ts
 * const hash = entryHash({ id, chain: 'company:…', seq: 1, prevHash: GENESIS_HASH, … });
 * ```
 */
export function entryHash(e: HashedAuditFields): string {
  const low = (v: string | null) => (v === null ? null : v.toLowerCase());
  const body = canonical({
    id: low(e.id),
    chain: e.chain,
    seq: e.seq,
    firmId: low(e.firmId),
    companyId: low(e.companyId),
    actorUserId: low(e.actorUserId),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    at: e.at,
    before: e.before,
    after: e.after,
  });
  return createHash('sha256').update(`${e.prevHash}\n${body}`).digest('hex');
}

/** Why an entry breaks its chain. */
export type AuditChainBreak =
  /** The entry's content no longer matches its hash: it was edited. */
  | 'hash_mismatch'
  /** Its prev_hash is not the previous entry's hash: the link was rewritten. */
  | 'prev_hash_mismatch'
  /** Its seq skips a number: the entry before it was removed. */
  | 'seq_gap'
  /** It has no chain, seq or hash: written around appendAudit (or before the chain existed). */
  | 'unchained';

/** The verdict of {@link verifyAuditChain}. */
export type AuditChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; id: string; chain: string | null; seq: number | null; reason: AuditChainBreak; message: string };

const PAGE = 1000;

/**
 * Walks the audit hash chains (one company's, or every chain) in order and returns the first
 * broken entry with the reason, or `ok`. It recomputes every hash, so it reads the whole
 * chain. An edited entry, a rewritten link and a removed entry (a gap) are found; removing the
 * LAST entries of a chain is not (keep the latest hash somewhere else to detect that).
 *
 * @example
 * ```ts
 * const v = await verifyAuditChain(db, companyId);
 * if (!v.ok) console.error(`audit entry ${v.id} (#${v.seq}): ${v.reason}`);
 * ```
 */
export async function verifyAuditChain(ex: Executor, companyId?: string): Promise<AuditChainVerdict> {
  const a = ex.tables.auditLog;
  const unchained = await ex.db
    .select({ id: a.id, chain: a.chain, seq: a.seq })
    .from(a)
    .where(and(or(isNull(a.chain), isNull(a.seq), isNull(a.hash), isNull(a.prevHash)), companyId ? eq(a.companyId, companyId) : undefined))
    .orderBy(asc(a.at), asc(a.id))
    .limit(1);
  let checked = 0;
  let chain: string | null = null;
  let seq = 0;
  let prev = GENESIS_HASH;
  for (;;) {
    const after: SQL | undefined = chain === null ? undefined : sql`(${a.chain}, ${a.seq}) > (${chain}, ${seq})`;
    const only = companyId ? eq(a.chain, auditChainOf(companyId, null)) : sql`${a.chain} is not null and ${a.seq} is not null`;
    const rows = await ex.db.select().from(a).where(and(only, after)).orderBy(asc(a.chain), asc(a.seq)).limit(PAGE);
    for (const r of rows) {
      if (r.chain !== chain) {
        chain = r.chain;
        seq = 0;
        prev = GENESIS_HASH;
      }
      const broken = (reason: AuditChainBreak, message: string): AuditChainVerdict => ({ ok: false, checked, id: r.id, chain: r.chain, seq: r.seq, reason, message });
      if (r.seq !== seq + 1) return broken('seq_gap', `audit entry ${r.id}: #${r.seq} follows #${seq} in ${r.chain}; an entry is missing`);
      if (r.prevHash !== prev) return broken('prev_hash_mismatch', `audit entry ${r.id}: prev_hash is not the hash of entry #${seq} in ${r.chain}`);
      const expected = entryHash({ ...r, chain: r.chain!, seq: r.seq, prevHash: r.prevHash });
      if (r.hash !== expected) return broken('hash_mismatch', `audit entry ${r.id}: content does not match its hash (changed after it was written)`);
      checked++;
      seq = r.seq;
      prev = r.hash;
    }
    if (rows.length < PAGE) break;
  }
  const u = unchained[0];
  if (u) return { ok: false, checked, id: u.id, chain: u.chain, seq: u.seq, reason: 'unchained', message: `audit entry ${u.id}: not part of a hash chain (written without appendAudit)` };
  return { ok: true, checked };
}
