import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client/types.js';

/**
 * Recomputes `receivable_due_totals` and `sales_day_totals` from the invoices, for some
 * companies or all. Triggers keep them right on every write; this is for bulk loads that turn
 * the triggers off (the seed generator) and for repair. Runs in one transaction.
 *
 * @example
 * ```ts
 * await rebuildReceivableTotals(db); // every company
 * await rebuildReceivableTotals(db, [companyId]);
 * ```
 */
export async function rebuildReceivableTotals(ex: Executor, companyIds?: readonly string[]): Promise<void> {
  const only = (col: SQL): SQL =>
    companyIds
      ? companyIds.length
        ? sql`${col} in (${sql.join(
            companyIds.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`1 = 0`
      : sql`1 = 1`;
  await ex.transaction(async (tx) => {
    await tx.run(sql`delete from receivable_due_totals where ${only(sql`company_id`)}`);
    await tx.run(sql`delete from sales_day_totals where ${only(sql`company_id`)}`);
    await tx.run(sql`
      insert into receivable_due_totals (company_id, due_date, open_cents, open_count, credit_cents)
      select company_id, due_date,
        sum(case when kind = 'invoice' then open_amount_cents else 0 end),
        sum(case when kind = 'invoice' then 1 else 0 end),
        sum(case when kind = 'credit_note' then open_amount_cents else 0 end)
      from invoices where status = 'open' and ${only(sql`company_id`)}
      group by company_id, due_date
      having sum(case when kind = 'invoice' then 1 else 0 end) <> 0 or sum(open_amount_cents) <> 0`);
    await tx.run(sql`
      insert into sales_day_totals (company_id, issue_date, sales_cents)
      select company_id, issue_date, sum(case when kind = 'invoice' then total_cents else -total_cents end)
      from invoices where status in ('open', 'paid', 'written_off') and ${only(sql`company_id`)}
      group by company_id, issue_date
      having sum(case when kind = 'invoice' then total_cents else -total_cents end) <> 0`);
  });
}

/**
 * Turns the invoice triggers that maintain the totals off for `fn` (a bulk load into a fresh
 * database) and back on afterwards; the caller rebuilds the totals with
 * {@link rebuildReceivableTotals}. SQLite has no DISABLE TRIGGER: they are dropped and
 * re-created from their stored definitions.
 *
 * @example
 * ```ts
 * await withoutTotalsTriggers(db, () => load());
 * await rebuildReceivableTotals(db);
 * ```
 */
export async function withoutTotalsTriggers<T>(ex: Executor, fn: () => Promise<T>): Promise<T> {
  if (ex.dialect === 'pg') {
    await ex.transaction((tx) => tx.run(sql`alter table invoices disable trigger invoices_totals`));
    try {
      return await fn();
    } finally {
      await ex.transaction((tx) => tx.run(sql`alter table invoices enable trigger invoices_totals`));
    }
  }
  const triggers = await ex.transaction((tx) =>
    tx.all<{ name: string; sql: string }>(sql`select name, sql from sqlite_master where type = 'trigger' and name like 'invoices_totals_%' order by name`),
  );
  await ex.transaction(async (tx) => {
    for (const t of triggers) await tx.run(sql.raw(`drop trigger "${t.name}"`));
  });
  try {
    return await fn();
  } finally {
    await ex.transaction(async (tx) => {
      for (const t of triggers) await tx.run(sql.raw(t.sql));
    });
  }
}
