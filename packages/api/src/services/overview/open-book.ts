// The per-invoice half of the firm overview: which open invoices have a reminder due and how
// much VAT may be reclaimed, for many companies from two set-based queries.
import type { CalendarDate, Country, DunningChannel, PortfolioReminder } from '@fact/core';
import { and, eq, gt, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../db.js';
import { companyEvaluators, type DebtorKind } from './policies.js';
import { reliefArisen, vatShareCents } from './vat-share.js';

/** What the open book needs to know of a company. */
export interface BookCompany {
  readonly id: string;
  readonly country: Country;
  readonly dunningPolicy: Record<string, unknown> | null;
  readonly asOf: CalendarDate;
}

/**
 * The open book of one company as of a date: the invoices whose next reminder is due (with
 * their debtor, so a debtor-wide hold can be taken off), the VAT reclaimable per invoice, and
 * how many open invoices were evaluated.
 */
export interface CompanyBook {
  readonly asOf: CalendarDate;
  readonly openInvoices: number;
  /** invoiceId → debtorId, for invoices whose next dunning level is due on `asOf`. */
  readonly reminderDue: Map<string, string>;
  /** invoiceId → reclaimable VAT in cents (eligible now, before the factoring check). */
  readonly vatCents: Map<string, number>;
}

const CHANNEL: Record<string, DunningChannel | undefined> = { email: 'email', letter: 'letter', registered_letter: 'registered-letter', phone: 'phone-task' };

/**
 * Loads the open invoices of the companies (one query) and their reminder history (one query),
 * and evaluates each invoice with @fact/core's portfolio evaluator under its company's policy
 * for its debtor's kind. Whether VAT relief has arisen is decided by `vatReliefEligibility` once
 * per due date (NL: a year after the due date, art. 29 Wet OB; in BE only a loss event —
 * bankruptcy, homologated reorganisation, established loss — gives relief, and none is
 * recorded in the database, so BE companies have none here); the amount is the exact VAT share
 * of the unpaid part.
 *
 * @example
 * ```ts
 * const books = await loadOpenBooks(db, [{ id, country: 'NL', dunningPolicy: null, asOf: '2026-11-20' }]);
 * books.get(id)?.reminderDue.size; // invoices with a reminder due today
 * ```
 */
export async function loadOpenBooks(db: Database, companies: readonly BookCompany[]): Promise<Map<string, CompanyBook>> {
  const books = new Map<string, CompanyBook>();
  if (companies.length === 0) return books;
  const ids = companies.map((c) => c.id);
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const e = db.tables.dunningEvents;
  const i = db.tables.invoices;
  // Raw rows (no per-row mapping): this is the one query that reads every open invoice.
  const rows = await db.all<Record<string, unknown>>(sql`
    select id, company_id, debtor_id, cast(due_date as text) as due_date, open_amount_cents, total_cents, vat_cents
    from invoices
    where company_id in (${idList}) and status = 'open' and kind = 'invoice' and open_amount_cents > 0`);
  const debtors = await db.all<{ id: string; kind: string }>(sql`select id, kind from debtors where company_id in (${idList})`);
  const kindOf = new Map(debtors.map((d) => [d.id, d.kind as DebtorKind]));
  const events = await db.db
    .select({ invoiceId: e.invoiceId, level: e.level, sentOn: e.occurredOn, channel: e.channel })
    .from(e)
    .innerJoin(i, eq(i.id, e.invoiceId))
    .where(and(inArray(e.companyId, ids), isNotNull(e.invoiceId), gte(e.level, 1), eq(i.status, 'open'), gt(i.openAmountCents, 0)));
  const history = new Map<string, PortfolioReminder[]>();
  for (const ev of events) {
    const channel = CHANNEL[ev.channel];
    if (!channel || !ev.invoiceId) continue;
    const list = history.get(ev.invoiceId);
    const reminder = { level: ev.level, sentOn: ev.sentOn, channel };
    if (list) list.push(reminder);
    else history.set(ev.invoiceId, [reminder]);
  }

  // Companies with the same country, policy and date share evaluators, and with them the work
  // done once per due date (status, bucket, next step of an invoice without reminders).
  const shared = new Map<string, ReturnType<typeof companyEvaluators>>();
  const evaluatorsOf = (c: BookCompany) => {
    const key = `${c.country}|${c.asOf}|${c.dunningPolicy ? JSON.stringify(c.dunningPolicy) : ''}`;
    let found = shared.get(key);
    if (!found) shared.set(key, (found = companyEvaluators(c.country, c.dunningPolicy, c.asOf)));
    return found;
  };
  const byCompany = new Map(companies.map((c) => [c.id, { company: c, evaluators: evaluatorsOf(c), book: emptyBook(c.asOf) }]));
  const arisen = new Map<string, boolean>();
  for (const row of rows) {
    const entry = byCompany.get(String(row.company_id));
    if (!entry) continue;
    const { company, evaluators, book } = entry;
    const id = String(row.id);
    const debtorId = String(row.debtor_id);
    const dueDate = String(row.due_date) as CalendarDate;
    const openCents = Number(row.open_amount_cents);
    const vatCents = Number(row.vat_cents);
    (book as { openInvoices: number }).openInvoices += 1;
    const reminders = history.get(id);
    const line = evaluators[kindOf.get(debtorId) ?? 'business'].evaluate({ dueDate, amountCents: openCents, ...(reminders && { reminders }) });
    if (line.next?.kind === 'due') book.reminderDue.set(id, debtorId);
    if (vatCents > 0) {
      const key = `${company.country}|${dueDate}|${company.asOf}`;
      let ok = arisen.get(key);
      if (ok === undefined) arisen.set(key, (ok = reliefArisen(company.country, dueDate, company.asOf)));
      if (ok) book.vatCents.set(id, vatShareCents(Number(row.total_cents), vatCents, openCents));
    }
  }
  for (const [id, entry] of byCompany) books.set(id, entry.book);
  return books;
}

function emptyBook(asOf: CalendarDate): CompanyBook {
  return { asOf, openInvoices: 0, reminderDue: new Map(), vatCents: new Map() };
}
