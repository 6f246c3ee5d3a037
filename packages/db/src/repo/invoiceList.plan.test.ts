import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../client/types.js';
import { testTargets } from '../testing/freshDb.js';

// The list page must stop after one page: its common filters and sorts are served by an index
// that ends in id, so SQLite never sorts the company's invoices (no "TEMP B-TREE").
describe('invoice list query plans on SQLite', () => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ db, dispose } = await testTargets()[0]!.open()));
  afterAll(() => dispose());
  const plan = (where: string, order: string) => {
    const raw = db.raw;
    if (raw.driver !== 'better-sqlite3') throw new Error('sqlite expected');
    return raw.reader
      .prepare(
        `explain query plan select i.*, d.name from invoices i join debtors d on d.company_id = i.company_id and d.id = i.debtor_id
         where i.company_id = ? and ${where} order by ${order} limit 51`,
      )
      .all(...['c', 'x', 'y'].slice(0, 1 + (where.match(/\?/g)?.length ?? 0)))
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
  };

  it.each([
    ['status + due date, by due date', "i.status = 'open' and i.due_date >= ?", 'i.due_date desc, i.id desc', 'invoices_company_status_due_idx'],
    ['overdue, oldest first', "i.status = 'open' and i.due_date < ?", 'i.due_date asc, i.id asc', 'invoices_company_status_due_idx'],
    ["one debtor's, newest first", 'i.debtor_id = ?', 'i.issue_date desc, i.id desc', 'invoices_company_debtor_idx'],
    ['issued in a range, newest first', 'i.issue_date >= ? and i.issue_date <= ?', 'i.issue_date desc, i.id desc', 'invoices_company_issue_idx'],
  ])('%s: served by its index, no sort', (_name, where, order, index) => {
    const p = plan(where, order);
    expect(p).toContain(index);
    expect(p).not.toContain('TEMP B-TREE');
  });
});
