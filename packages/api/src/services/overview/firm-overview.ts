import { dso, fromCents, type CalendarDate, type Country } from '@fact/core';
import type { Database } from '../../db.js';
import { cachedBook, pendingBook, storeBook, trackPending } from './book-cache.js';
import { loadExclusions, type Exclusions } from './exclusions.js';
import { companyFigures, OVERVIEW_DSO_DAYS, type CompanyFigures } from './figures.js';
import { loadOpenBooks, type BookCompany, type CompanyBook } from './open-book.js';

/** A company as the overview needs it. */
export interface OverviewCompany {
  readonly id: string;
  readonly legalName: string;
  readonly country: Country;
  readonly dunningPolicy: Record<string, unknown> | null;
  /** The company's "today" (or the date asked for). */
  readonly asOf: CalendarDate;
}

/** One line of the firm dashboard. Amounts in cents; percent and DSO as exact decimal text. */
export interface CompanyOverview {
  readonly companyId: string;
  readonly legalName: string;
  readonly country: Country;
  readonly asOf: CalendarDate;
  /** Open invoices minus unused credit notes. */
  readonly outstandingCents: number;
  readonly openInvoiceCents: number;
  readonly unusedCreditCents: number;
  readonly openInvoices: number;
  readonly overdueCents: number;
  /** overdue ÷ open invoices × 100, two decimals, half-up; null when nothing is open. */
  readonly overduePercent: string | null;
  /** Days sales outstanding over the last 90 days (standard method), one decimal; null without sales. */
  readonly dso: string | null;
  /** Open invoices whose next dunning level is due on `asOf` and whose follow-up is not paused. */
  readonly remindersDue: number;
  /** VAT reclaimable now (bad-debt relief) on the open invoices, not counting factored ones. */
  readonly reclaimableVatCents: number;
}

/** How the figures were obtained, for benchmarks and logs. */
export interface OverviewStats {
  readonly companies: number;
  /** Companies whose per-invoice book came from the cache. */
  readonly cached: number;
  /** Companies whose open invoices were read and evaluated in this call. */
  readonly computed: number;
}

/**
 * overdue ÷ open × 100 with two decimals (half-up), or null when nothing is open.
 *
 * @example
 * ```ts
 * overduePercent(250, 1000); // "25.00"
 * ```
 */
export function overduePercent(overdueCents: number, openCents: number): string | null {
  return openCents > 0 ? fromCents(overdueCents).dividedBy(fromCents(openCents)).times(100).toFixed(2) : null;
}

function remindersDue(book: CompanyBook, ex: Exclusions): number {
  let n = 0;
  for (const [invoiceId, debtorId] of book.reminderDue) if (!ex.invoices.has(invoiceId) && !ex.debtors.has(debtorId)) n += 1;
  return n;
}

function reclaimableVat(book: CompanyBook, ex: Exclusions): number {
  let cents = 0;
  for (const [invoiceId, vat] of book.vatCents) if (!ex.assigned.has(invoiceId)) cents += vat;
  return cents;
}

function line(c: OverviewCompany, f: CompanyFigures, book: CompanyBook, ex: Exclusions): CompanyOverview {
  const outstanding = f.openCents - f.creditCents;
  const days = dso({ receivables: fromCents(Math.max(outstanding, 0)), sales: fromCents(Math.max(f.salesCents, 0)), periodDays: OVERVIEW_DSO_DAYS });
  return {
    companyId: c.id,
    legalName: c.legalName,
    country: c.country,
    asOf: c.asOf,
    outstandingCents: outstanding,
    openInvoiceCents: f.openCents,
    unusedCreditCents: f.creditCents,
    openInvoices: f.openCount,
    overdueCents: f.overdueCents,
    overduePercent: overduePercent(f.overdueCents, f.openCents),
    dso: days.kind === 'days' ? days.days.toFixed(1) : null,
    remindersDue: remindersDue(book, ex),
    reclaimableVatCents: reclaimableVat(book, ex),
  };
}

/**
 * The firm dashboard in a handful of set-based queries, whatever the number of companies:
 * aggregates from the running totals (every call), exclusions (every call, small tables), and
 * per company a book of its open invoices evaluated by @fact/core (reminder due, VAT relief),
 * cached per (company, as-of date) and recomputed — for all stale companies in one query —
 * when the company's data version changes. Concurrent calls share a computation under way.
 *
 * @example
 * ```ts
 * const { lines } = await firmOverview(db, [{ id, legalName: 'Bakkerij BV', country: 'BE', dunningPolicy: null, asOf: '2026-11-20' }]);
 * ```
 */
export async function firmOverview(db: Database, companies: readonly OverviewCompany[]): Promise<{ lines: CompanyOverview[]; stats: OverviewStats }> {
  const byDate = new Map<CalendarDate, OverviewCompany[]>();
  for (const c of companies) byDate.set(c.asOf, [...(byDate.get(c.asOf) ?? []), c]);
  const figures = new Map<string, CompanyFigures>();
  const exclusions = new Map<CalendarDate, Exclusions>();
  for (const [asOf, group] of byDate) {
    const ids = group.map((c) => c.id);
    for (const [id, f] of await companyFigures(db, ids, asOf)) figures.set(id, f);
    exclusions.set(asOf, await loadExclusions(db, ids, asOf));
  }
  const books = new Map<string, CompanyBook>();
  const stale: BookCompany[] = [];
  const waiting: [string, Promise<CompanyBook | undefined>][] = [];
  for (const c of companies) {
    const f = figures.get(c.id);
    if (!f) continue;
    const book = cachedBook(db, c.id, c.asOf, f.dataVersion);
    const running = book ? undefined : pendingBook(db, c.id, c.asOf, f.dataVersion);
    if (book) books.set(c.id, book);
    else if (running) waiting.push([c.id, running]);
    else stale.push(c);
  }
  if (stale.length > 0) {
    // All stale companies in one read; each is registered so a concurrent call waits for it.
    const computation = loadOpenBooks(db, stale);
    for (const c of stale) trackPending(db, c.id, c.asOf, figures.get(c.id)!.dataVersion, computation.then((m) => m.get(c.id)).catch(() => undefined));
    for (const [id, book] of await computation) {
      books.set(id, book);
      storeBook(db, id, book.asOf, figures.get(id)!.dataVersion, book);
    }
  }
  const failed: BookCompany[] = [];
  for (const [id, running] of waiting) {
    const book = await running;
    if (book) books.set(id, book);
    else failed.push(companies.find((c) => c.id === id)!);
  }
  // A computation we waited for failed: read those companies ourselves (its error, if any, surfaces here).
  if (failed.length > 0) for (const [id, book] of await loadOpenBooks(db, failed)) books.set(id, book);
  const lines = companies.flatMap((c) => {
    const f = figures.get(c.id);
    const book = books.get(c.id);
    return f && book ? [line(c, f, book, exclusions.get(c.asOf)!)] : [];
  });
  return { lines, stats: { companies: lines.length, cached: companies.length - stale.length - waiting.length, computed: stale.length } };
}
