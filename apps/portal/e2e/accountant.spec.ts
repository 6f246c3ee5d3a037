import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ids, logIn, open, screenshot } from './support.js';

test.describe('accountant', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, 'accountant');
  });

  test('the dashboard lists the firm companies with their figures, searchable and sortable', async ({ page }) => {
    await open(page, '/dashboard');
    const rows = page.locator('table.kpi tbody tr');
    await expect(rows).toHaveCount(3);
    // the slow figures arrive in the same response and replace the placeholders
    await expect(page.locator('table.kpi tbody tr').first().locator('td').nth(5)).not.toHaveText('…');
    await expect(page.locator('table.kpi tfoot')).toContainText('€');
    // the firm's overdue trend: twelve bars, and the same figures as a table, today last
    const trend = page.getByRole('figure', { name: 'Overdue at each month end: whole firm' });
    await expect(trend).toBeVisible();
    await expect(trend.locator('table tbody tr')).toHaveCount(12);
    await expect(trend.locator('svg text').filter({ hasText: /^today$/ })).toHaveCount(1);
    await screenshot(page, 'dashboard');
    await page.getByRole('link', { name: 'Sort by Company' }).click();
    await expect(page).toHaveURL(/sort=name&dir=asc/);
    const names = await page.locator('table.kpi tbody th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await page.getByLabel('Search a company').fill('Bakkerij');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Bakkerij Janssens BV');
  });

  test('a company page shows ageing, top overdue debtors and a filterable invoice table', async ({ page }) => {
    const { entrepreneurCompanyId } = ids();
    await open(page, `/companies/${entrepreneurCompanyId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bakkerij Janssens BV');
    await expect(page.getByRole('img', { name: /Receivables ageing/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Top overdue debtors' })).toBeVisible();
    await screenshot(page, 'company');
    await page.getByLabel('Status').selectOption('paid');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/status=paid/);
    const badges = page.locator('section table tbody .badge');
    await expect(badges.first()).toHaveText('Paid');
    expect(new Set(await badges.allTextContents())).toEqual(new Set(['Paid']));
    // a bad amount comes back next to its field, with what was typed
    await page.getByLabel('Open from (€)').fill('ten euro');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.locator('#f-min-error')).toHaveText('Give an amount such as 125.50.');
    await expect(page.getByLabel('Open from (€)')).toHaveValue('ten euro');
  });

  test('a debtor page shows behaviour, the claim with interest segments, a timeline and actions', async ({ page }) => {
    const { invoice } = ids();
    await open(page, `/companies/${invoice.companyId}/debtors/${invoice.debtorId}`);
    await expect(page.getByRole('heading', { name: 'Payment behaviour' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Claimable today' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await screenshot(page, 'debtor');

    // invalid values: the form comes back with the values kept and each error by its field
    await page.locator('summary', { hasText: 'Put follow-up on hold' }).click();
    await page.locator('#hold-reason').fill('x');
    await page.locator('#hold-fromDate').fill('2025-06-10');
    await page.locator('#hold-untilDate').fill('2025-06-01');
    await page.getByRole('button', { name: 'Put follow-up on hold' }).click();
    await expect(page.locator('#hold-reason-error')).toHaveText('Give a reason of at least 3 characters.');
    await expect(page.locator('#hold-untilDate-error')).toHaveText('This date is before the start date.');
    await expect(page.locator('#hold-reason')).toHaveValue('x');
    await expect(page.locator('#hold-untilDate')).toHaveValue('2025-06-01');

    // a valid hold is saved and shows in the timeline
    await page.locator('#hold-reason').fill('Customer asked for a copy of the delivery note');
    await page.locator('#hold-untilDate').fill('');
    await page.getByRole('button', { name: 'Put follow-up on hold' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(page.locator('ol.timeline')).toContainText('Hold: Customer asked for a copy of the delivery note');
  });

  test('an invoice page shows lines, VAT, reminders, the structured reference and the payment QR', async ({ page }) => {
    const { invoice } = ids();
    await open(page, `/companies/${invoice.companyId}/invoices/${invoice.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoice');
    await expect(page.getByRole('heading', { name: 'Lines' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Reminders sent' })).toBeVisible();
    await expect(page.getByText('Structured reference')).toBeVisible();
    await expect(page.locator('.qr svg')).toBeVisible();
    await screenshot(page, 'invoice');
  });

  test('reports: VAT relief and ageing, downloadable as CSV and XLSX', async ({ page }) => {
    await open(page, '/reports');
    await expect(page.getByRole('heading', { name: 'VAT bad-debt relief' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ageing per company' })).toBeVisible();
    await screenshot(page, 'reports');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('a[href="/reports/ageing.csv"]').click()]);
    expect(csv.suggestedFilename()).toBe('ageing.csv');
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toMatch(/Company/);
    expect(text).toContain('Bakkerij Janssens BV');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('a[href="/reports/ageing.xlsx"]').click()]);
    expect(xlsx.suggestedFilename()).toBe('ageing.xlsx');
    const bytes = readFileSync((await xlsx.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip container, as every .xlsx is
    const [vat] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).first().click()]);
    expect(vat.suggestedFilename()).toMatch(/^vat-relief-\d{4}-(Q\d|\d{2})\.csv$/);
  });

  test('the interface switches language and formats amounts for the region', async ({ page }) => {
    await open(page, '/dashboard');
    await page.getByLabel('Language').selectOption('fr-BE');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clients du cabinet');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('table.kpi tfoot td').first()).toHaveText(/^[\d\s\u202f\u00a0]+,\d{2}\s€$/);
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("The office's clients");
  });

  test('usable on a phone: the page does not scroll sideways, wide tables scroll in their own box', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, '/dashboard');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.locator('table.kpi')).toBeVisible();
    await screenshot(page, 'dashboard-phone');
  });
});
