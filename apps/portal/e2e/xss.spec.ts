import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { E2E_DB } from '../playwright.config.js';
import { ids, logIn, open } from './support.js';

// A debtor whose name is markup (as a hostile UBL buyer or a CSV import could carry) is shown as
// text on every page that names it; no script runs.
const HOSTILE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">Evil BV';

let target: { companyId: string; debtorId: string; invoiceId: string };

test.beforeAll(() => {
  const { entrepreneurCompanyId, invoice } = ids();
  const db = new Database(E2E_DB);
  try {
    // A debtor with an open invoice of the entrepreneur's company, not the one other tests use.
    target = db
      .prepare("select i.company_id as companyId, i.debtor_id as debtorId, i.id as invoiceId from invoices i where i.company_id = ? and i.debtor_id <> ? and i.kind = 'invoice' and i.status = 'open' order by i.due_date limit 1")
      .get(entrepreneurCompanyId, invoice.debtorId) as typeof target;
    db.prepare('update debtors set name = ? where id = ?').run(HOSTILE, target.debtorId);
  } finally {
    db.close();
  }
});

test('a debtor named <script>… is shown as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await logIn(page, 'accountant');
  for (const url of [`/companies/${target.companyId}?debtorId=${target.debtorId}`, `/companies/${target.companyId}/invoices/${target.invoiceId}`]) {
    await open(page, url);
    await expect(page.getByText(HOSTILE).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // No element was made from the name: no inline script carrying it, no <img src=x>.
    expect(await page.locator('script', { hasText: 'window.__xss' }).count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  }
  expect(dialogs).toEqual([]);
});
