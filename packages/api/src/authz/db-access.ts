import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { findApiTokenOwner } from '../auth/api-tokens.js';
import type { AuthUser, Role } from '../auth/user.js';
import type { Database } from '../db.js';
import type { AccessControl } from './access.js';
import type { ScopedKey } from './scoped-keys.js';

/** Assignment statuses under which an invoice is "addressed to" the factor. */
const FACTOR_VISIBLE = ['proposed', 'assigned', 'repurchased', 'settled'] as const;

/**
 * The tenant rules, in one place, over the database:
 * - an accountant sees every company of the firm they are a member of;
 * - an entrepreneur sees the company they are a member of;
 * - a factor's user (a membership with `factor_id`, role `factor`) sees only the batches
 *   addressed to their factor (`factoring_batches.factor_id`), and through them the company, the
 *   batches' invoices (offered, assigned, repurchased or settled), those invoices' documents and
 *   debtors, and the batches' package documents; nothing of another factor's batches, even of the
 *   same company. A `factor` membership on a company (before factors had their own rows) grants nothing;
 * - sessions and API tokens are seen by their owner only.
 * Answers are cached for the request.
 *
 * @example
 * ```ts
 * const access = createDbAccess(db, user);
 * await access.canSee('invoiceId', id); // false for another tenant's invoice, and for an unknown id
 * ```
 */
export function createDbAccess(db: Database, user: AuthUser): AccessControl {
  const t = db.tables;
  const firmIds = user.memberships.filter((m) => m.firmId).map((m) => ({ firmId: m.firmId as string, role: m.role }));
  const direct = user.memberships.filter((m) => m.companyId && m.role !== 'factor').map((m) => ({ companyId: m.companyId as string, role: m.role }));
  const worksForFactor = user.memberships.some((m) => m.role === 'factor');
  let factorIdList: Promise<string[]> | undefined;
  const owner = new Map<string, Promise<string | null>>();
  const roles = new Map<string, Promise<Role[]>>();
  const seen = new Map<string, Promise<boolean>>();

  async function firstCompanyId(rows: Promise<{ companyId: string | null }[]>): Promise<string | null> {
    return (await rows)[0]?.companyId ?? null;
  }

  function lookupCompany(key: ScopedKey, id: string): Promise<string | null> {
    const q = db.db;
    switch (key) {
      case 'companyId':
        return firstCompanyId(q.select({ companyId: t.companies.id }).from(t.companies).where(eq(t.companies.id, id)).limit(1));
      case 'debtorId':
        return firstCompanyId(q.select({ companyId: t.debtors.companyId }).from(t.debtors).where(eq(t.debtors.id, id)).limit(1));
      case 'invoiceId':
        return firstCompanyId(q.select({ companyId: t.invoices.companyId }).from(t.invoices).where(eq(t.invoices.id, id)).limit(1));
      case 'paymentId':
        return firstCompanyId(q.select({ companyId: t.payments.companyId }).from(t.payments).where(eq(t.payments.id, id)).limit(1));
      case 'documentId':
        return firstCompanyId(q.select({ companyId: t.documents.companyId }).from(t.documents).where(eq(t.documents.id, id)).limit(1));
      case 'disputeId':
        return firstCompanyId(q.select({ companyId: t.disputes.companyId }).from(t.disputes).where(eq(t.disputes.id, id)).limit(1));
      case 'holdId':
        return firstCompanyId(q.select({ companyId: t.holds.companyId }).from(t.holds).where(eq(t.holds.id, id)).limit(1));
      case 'paymentPlanId':
        return firstCompanyId(q.select({ companyId: t.paymentPlans.companyId }).from(t.paymentPlans).where(eq(t.paymentPlans.id, id)).limit(1));
      case 'batchId':
        return firstCompanyId(q.select({ companyId: t.factoringBatches.companyId }).from(t.factoringBatches).where(eq(t.factoringBatches.id, id)).limit(1));
      case 'sessionId':
      case 'tokenId':
        return Promise.resolve(null);
    }
  }

  function companyOf(key: ScopedKey, id: string): Promise<string | null> {
    const cacheKey = `${key}:${id}`;
    let found = owner.get(cacheKey);
    if (!found) {
      found = lookupCompany(key, id);
      owner.set(cacheKey, found);
    }
    return found;
  }

  /** The factors the user works for, read once per request. */
  function factorIds(): Promise<string[]> {
    if (!worksForFactor) return Promise.resolve([]);
    factorIdList ??= db.db
      .select({ factorId: t.memberships.factorId })
      .from(t.memberships)
      .where(and(eq(t.memberships.userId, user.id), eq(t.memberships.role, 'factor'), isNotNull(t.memberships.factorId)))
      .then((rows) => [...new Set(rows.flatMap((r) => (r.factorId ? [r.factorId] : [])))]);
    return factorIdList;
  }

  function rolesOn(companyId: string): Promise<Role[]> {
    let held = roles.get(companyId);
    if (!held) {
      held = (async () => {
        const result = new Set<Role>(direct.filter((m) => m.companyId === companyId).map((m) => m.role));
        if (firmIds.length > 0) {
          const rows = await db.db.select({ firmId: t.companies.firmId }).from(t.companies).where(eq(t.companies.id, companyId)).limit(1);
          const firmId = rows[0]?.firmId;
          for (const m of firmIds) if (m.firmId === firmId) result.add(m.role);
        }
        if (await factorSees('companyId', companyId, companyId)) result.add('factor');
        return [...result];
      })();
      roles.set(companyId, held);
    }
    return held;
  }

  /** Whether the caller's factors were addressed a batch that reaches this record. */
  async function factorSees(key: ScopedKey, id: string, companyId: string): Promise<boolean> {
    const mine = await factorIds();
    if (mine.length === 0) return false;
    const q = db.db;
    const a = t.factoringAssignments;
    const b = t.factoringBatches;
    const ours = and(eq(b.companyId, companyId), inArray(b.factorId, mine));
    const assigned = and(ours, inArray(a.status, [...FACTOR_VISIBLE]));
    const any = async (rows: Promise<unknown[]>) => (await rows).length > 0;
    switch (key) {
      case 'companyId':
        return any(q.select({ id: b.id }).from(b).where(ours).limit(1));
      case 'batchId':
        return any(q.select({ id: b.id }).from(b).where(and(ours, eq(b.id, id))).limit(1));
      case 'invoiceId':
        return any(q.select({ id: a.id }).from(a).innerJoin(b, eq(b.id, a.batchId)).where(and(assigned, eq(a.invoiceId, id))).limit(1));
      case 'debtorId':
        return any(q.select({ id: a.id }).from(a).innerJoin(b, eq(b.id, a.batchId)).innerJoin(t.invoices, eq(t.invoices.id, a.invoiceId)).where(and(assigned, eq(t.invoices.debtorId, id))).limit(1));
      case 'documentId':
        return (
          (await any(q.select({ id: b.id }).from(b).where(and(ours, eq(b.documentId, id))).limit(1))) ||
          any(q.select({ id: a.id }).from(a).innerJoin(b, eq(b.id, a.batchId)).innerJoin(t.invoices, eq(t.invoices.id, a.invoiceId)).where(and(assigned, eq(t.invoices.documentId, id))).limit(1))
        );
      default:
        return false;
    }
  }

  async function decide(key: ScopedKey, id: string): Promise<boolean> {
    if (key === 'sessionId') {
      const rows = await db.db.select({ id: t.sessions.id }).from(t.sessions).where(and(eq(t.sessions.id, id), eq(t.sessions.userId, user.id))).limit(1);
      return rows.length > 0;
    }
    if (key === 'tokenId') return ownsApiToken(db, user.id, id);
    const companyId = await companyOf(key, id);
    if (!companyId) return false;
    const held = await rolesOn(companyId);
    if (held.includes('accountant') || held.includes('entrepreneur')) return true;
    if (held.includes('factor')) return factorSees(key, id, companyId);
    return false;
  }

  return {
    canSee(key, id) {
      const cacheKey = `${key}:${id}`;
      let answer = seen.get(cacheKey);
      if (!answer) {
        answer = decide(key, id);
        seen.set(cacheKey, answer);
      }
      return answer;
    },
    companyOf,
    rolesOn,
    factorIds,
    async visibleCompanies() {
      const firmList = firmIds.map((m) => m.firmId);
      const directList = direct.map((m) => m.companyId);
      const factors = await factorIds();
      if (factors.length) {
        const rows = await db.db.selectDistinct({ companyId: t.factoringBatches.companyId }).from(t.factoringBatches).where(inArray(t.factoringBatches.factorId, factors));
        directList.push(...rows.map((r) => r.companyId));
      }
      if (firmList.length === 0 && directList.length === 0) return [];
      const conditions = [];
      if (firmList.length) conditions.push(inArray(t.companies.firmId, firmList));
      if (directList.length) conditions.push(inArray(t.companies.id, directList));
      const rows = await db.db.select({ id: t.companies.id }).from(t.companies).where(or(...conditions));
      return Promise.all(rows.map(async (r) => ({ companyId: r.id, roles: await rolesOn(r.id) })));
    },
  };
}

/** Whether an API token belongs to the user (and is not revoked). */
async function ownsApiToken(db: Database, userId: string, tokenId: string): Promise<boolean> {
  return (await findApiTokenOwner(db, tokenId)) === userId;
}
