import { daysBetween, DEFAULT_RISK_POLICY, paymentBehaviour, riskGrade, type PaidInvoice } from '@fact/core';
import { and, asc, desc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId } from '../schemas/ids.js';
import { amountOutput, centsToAmount } from '../schemas/money.js';
import { companyToday } from '../services/as-of.js';
import { companyProcedure, MANAGERS } from '../trpc.js';

/** How many settled invoices the behaviour looks at (the most recent ones). */
const HISTORY_LIMIT = 500;

const dayAverages = z.object({ perInvoice: z.string(), amountWeighted: z.string() });

/**
 * How a debtor pays (betaalgedrag / comportement de paiement) and its risk grade, by @fact/core's
 * `paymentBehaviour` and `riskGrade` (house thresholds, `unconfirmed`): from its settled
 * invoices (the last 500 by due date) and the payments allocated to them, dated by when the
 * money was received; the oldest invoice still overdue on `asOf` weighs in the grade.
 *
 * @example
 * ```ts
 * const b = await caller.debtor.behaviour({ debtorId, asOf: '2026-11-20' });
 * b.risk.grade; // "B"
 * ```
 */
export const debtorBehaviour = companyProcedure(...MANAGERS)
  .input(z.object({ debtorId: recordId, asOf: calendarDateInput.optional() }))
  .output(
    z.object({
      debtorId: z.string(),
      asOf: z.string(),
      behaviour: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('no-history'), sampleSize: z.literal(0) }),
        z.object({
          kind: z.literal('history'),
          sampleSize: z.number(),
          paymentCount: z.number(),
          amountPaid: amountOutput,
          averageDaysToPay: dayAverages,
          averageDaysBeyondTerms: dayAverages,
          onTimeRatio: z.object({ byCount: z.string(), byAmount: z.string() }),
          longestDaysBeyondTerms: z.number(),
          lastPaidOn: z.string(),
        }),
      ]),
      openOverdue: z.object({ invoices: z.number(), maxDaysOverdue: z.number() }),
      risk: z.object({
        grade: z.enum(['A', 'B', 'C', 'D', 'E', 'unknown']),
        policyVersion: z.string(),
        unconfirmed: z.boolean(),
        reasons: z.array(z.object({ factor: z.string(), grade: z.string(), value: z.string(), text: z.string() })),
      }),
    }),
  )
  .query(async ({ ctx, input }) => {
    const t = ctx.db.tables;
    const debtor = (await ctx.db.db.select({ id: t.debtors.id, companyId: t.debtors.companyId }).from(t.debtors).where(eq(t.debtors.id, input.debtorId)).limit(1))[0];
    if (!debtor) throw apiError.notFound('debtor', input.debtorId);
    const asOf = await companyToday(ctx, debtor.companyId, input.asOf);
    const i = t.invoices;
    const mine = and(eq(i.companyId, debtor.companyId), eq(i.debtorId, debtor.id), eq(i.kind, 'invoice'));
    const settled = await ctx.db.db
      .select({ id: i.id, issueDate: i.issueDate, dueDate: i.dueDate })
      .from(i)
      .where(and(mine, eq(i.status, 'paid')))
      .orderBy(desc(i.dueDate), desc(i.id))
      .limit(HISTORY_LIMIT);
    const recent = settled.reverse();
    const a = t.allocations;
    const p = t.payments;
    const paid = recent.length
      ? await ctx.db.db
          .select({ invoiceId: a.invoiceId, cents: a.amountCents, receivedOn: p.receivedOn })
          .from(a)
          .innerJoin(p, eq(p.id, a.paymentId))
          .where(and(inArray(a.invoiceId, recent.map((x) => x.id)), isNull(a.reversedAt), isNull(p.reversedAt)))
      : [];
    const byInvoice = new Map<string, { date: string; amount: string }[]>();
    for (const x of paid) {
      if (x.receivedOn > asOf) continue;
      const list = byInvoice.get(x.invoiceId) ?? [];
      list.push({ date: x.receivedOn, amount: centsToAmount(x.cents) });
      byInvoice.set(x.invoiceId, list);
    }
    // Invoices settled only by credit notes carry no payment behaviour.
    const history: PaidInvoice[] = recent.flatMap((inv) => {
      const payments = byInvoice.get(inv.id);
      return payments ? [{ id: inv.id, issueDate: inv.issueDate, dueDate: inv.dueDate, payments }] : [];
    });
    const overdue = await ctx.db.db
      .select({ dueDate: i.dueDate })
      .from(i)
      .where(and(mine, eq(i.status, 'open'), gt(i.openAmountCents, 0), lt(i.dueDate, asOf)))
      .orderBy(asc(i.dueDate));
    const maxDaysOverdue = overdue[0] ? daysBetween(overdue[0].dueDate, asOf) : 0;
    const b = paymentBehaviour(history);
    const risk = riskGrade(b, { maxDaysOverdue });
    return {
      debtorId: debtor.id,
      asOf,
      behaviour:
        b.kind === 'no-history'
          ? { kind: 'no-history' as const, sampleSize: 0 as const }
          : {
              kind: 'history' as const,
              sampleSize: b.sampleSize,
              paymentCount: b.paymentCount,
              amountPaid: b.amountPaid.toFixed(2),
              averageDaysToPay: { perInvoice: b.averageDaysToPay.perInvoice.toFixed(1), amountWeighted: b.averageDaysToPay.amountWeighted.toFixed(1) },
              averageDaysBeyondTerms: { perInvoice: b.averageDaysBeyondTerms.perInvoice.toFixed(1), amountWeighted: b.averageDaysBeyondTerms.amountWeighted.toFixed(1) },
              onTimeRatio: { byCount: b.onTimeRatio.byCount.toFixed(4), byAmount: b.onTimeRatio.byAmount.toFixed(4) },
              longestDaysBeyondTerms: b.longestDaysBeyondTerms,
              lastPaidOn: b.lastPaidOn,
            },
      openOverdue: { invoices: overdue.length, maxDaysOverdue },
      risk: { grade: risk.grade, policyVersion: risk.policyVersion, unconfirmed: DEFAULT_RISK_POLICY.unconfirmed, reasons: risk.reasons.map((r) => ({ factor: r.factor, grade: r.grade, value: r.value, text: r.text })) },
    };
  });
