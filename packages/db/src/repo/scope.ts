import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** One company: what an entrepreneur, or an accountant working inside one company, touches. */
export interface CompanyScope {
  companyId: string;
}

/** Several companies of a firm (an accountant's dashboard). The API decides which ones. */
export interface FirmScope {
  firmId: string;
  companyIds: readonly string[];
}

/**
 * Every tenant-owned query takes a scope, never a bare id: a record outside it behaves exactly
 * like a missing one.
 */
export type Scope = CompanyScope | FirmScope;

/**
 * The WHERE fragment that keeps a query inside the scope.
 *
 * @example
 * ```ts
 * db.select().from(t.invoices).where(and(inScope(t.invoices.companyId, scope), eq(t.invoices.id, id)));
 * ```
 */
export function inScope(column: SQLiteColumn, scope: Scope): SQL {
  if ('companyId' in scope) return eq(column, scope.companyId);
  if (scope.companyIds.length === 0) return sql`1 = 0`;
  return inArray(column, [...scope.companyIds]);
}

/** The companies a scope covers. */
export function scopeCompanyIds(scope: Scope): readonly string[] {
  return 'companyId' in scope ? [scope.companyId] : scope.companyIds;
}
