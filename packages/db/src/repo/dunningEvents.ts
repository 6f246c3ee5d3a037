// Dunning events: the append-only history of what was done to get paid.
import { parseDate, type CalendarDate, type Money } from '@fact/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { DunningAction, DunningChannel } from '../schema/enums.js';
import { guarded } from './errors.js';
import { newId } from './ids.js';
import { cents, money } from './rows.js';
import { inScope, type CompanyScope, type Scope } from './scope.js';

/** One thing done to get paid (append-only). */
export interface DunningEvent {
  id: string;
  debtorId: string;
  invoiceId: string | null;
  level: number;
  action: DunningAction;
  channel: DunningChannel;
  occurredOn: CalendarDate;
  interest: Money;
  fees: Money;
  explanation: Record<string, unknown> | null;
  documentId: string | null;
  actorUserId: string | null;
  createdAt: Date;
}

/**
 * Appends dunning events (one transaction for the batch). They can never be changed or deleted:
 * the database refuses it.
 *
 * @example
 * ```ts
 * await appendDunningEvents(db, { companyId }, [{ debtorId, invoiceId, level: 1, action: 'reminder', channel: 'email', occurredOn: '2025-04-05' }]);
 * ```
 */
export async function appendDunningEvents(
  ex: Executor,
  scope: CompanyScope,
  events: readonly (Pick<DunningEvent, 'debtorId' | 'level' | 'action' | 'channel' | 'occurredOn'> & Partial<Pick<DunningEvent, 'invoiceId' | 'interest' | 'fees' | 'explanation' | 'documentId' | 'actorUserId'>>)[],
): Promise<DunningEvent[]> {
  if (events.length === 0) return [];
  const d = ex.tables.dunningEvents;
  const values = events.map((e, n) => {
    parseDate(e.occurredOn, `events[${n}].occurredOn`);
    return {
      id: newId(),
      companyId: scope.companyId,
      debtorId: e.debtorId,
      invoiceId: e.invoiceId ?? null,
      level: e.level,
      action: e.action,
      channel: e.channel,
      occurredOn: e.occurredOn,
      interestCents: e.interest ? cents(e.interest, `events[${n}].interest`) : 0,
      feesCents: e.fees ? cents(e.fees, `events[${n}].fees`) : 0,
      explanation: e.explanation ?? null,
      documentId: e.documentId ?? null,
      actorUserId: e.actorUserId ?? null,
    };
  });
  return ex.transaction(async (tx) => (await guarded(() => tx.db.insert(d).values(values).returning())).map(toEvent));
}

/**
 * The dunning history of an invoice or a debtor, oldest first.
 *
 * @example
 * ```ts
 * await listDunningEvents(db, { companyId }, { invoiceId });
 * ```
 */
export async function listDunningEvents(ex: Executor, scope: Scope, of: { invoiceId: string } | { debtorId: string }): Promise<DunningEvent[]> {
  const d = ex.tables.dunningEvents;
  const rows = await ex.db
    .select()
    .from(d)
    .where(and(inScope(d.companyId, scope), 'invoiceId' in of ? eq(d.invoiceId, of.invoiceId) : eq(d.debtorId, of.debtorId)))
    .orderBy(asc(d.occurredOn), asc(d.id));
  return rows.map(toEvent);
}

function toEvent(r: { interestCents: number; feesCents: number; companyId: string } & Omit<DunningEvent, 'interest' | 'fees'>): DunningEvent {
  const { interestCents, feesCents, companyId: _c, ...rest } = r;
  return { ...rest, interest: money(interestCents), fees: money(feesCents) };
}
