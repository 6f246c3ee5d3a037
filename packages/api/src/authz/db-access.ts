import { and, eq, inArray, or } from 'drizzle-orm';
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
 * - a factor's user, a member of a company with role `factor`, sees that company only through
 *   the invoices it has offered or assigned to a factor (their documents and debtors), nothing else;
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
  const direct = user.memberships.filter((m) => m.companyId).map((m) => ({ companyId: m.companyId as string, role: m.role }));
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
        return [...result];
      })();
      roles.set(companyId, held);
    }
    return held;
  }

  async function factorSees(key: ScopedKey, id: string, companyId: string): Promise<boolean> {
    const q = db.db;
    const live = and(eq(t.factoringAssignments.companyId, companyId), inArray(t.factoringAssignments.status, [...FACTOR_VISIBLE]));
    switch (key) {
      case 'companyId':
        return true;
      case 'invoiceId':
        return (await q.select({ id: t.factoringAssignments.id }).from(t.factoringAssignments).where(and(live, eq(t.factoringAssignments.invoiceId, id))).limit(1)).length > 0;
      case 'debtorId': {
        const rows = await q
          .select({ id: t.factoringAssignments.id })
          .from(t.factoringAssignments)
          .innerJoin(t.invoices, eq(t.invoices.id, t.factoringAssignments.invoiceId))
          .where(and(live, eq(t.invoices.debtorId, id)))
          .limit(1);
        return rows.length > 0;
      }
      case 'documentId': {
        const rows = await q
          .select({ id: t.factoringAssignments.id })
          .from(t.factoringAssignments)
          .innerJoin(t.invoices, eq(t.invoices.id, t.factoringAssignments.invoiceId))
          .where(and(live, eq(t.invoices.documentId, id)))
          .limit(1);
        return rows.length > 0;
      }
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
    async visibleCompanies() {
      const firmList = firmIds.map((m) => m.firmId);
      const directList = direct.map((m) => m.companyId);
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
