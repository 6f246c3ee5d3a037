import { expect, test } from '@playwright/test';
import { ids, logIn } from './support.js';

// Editing a URL to reach another tenant's record gives a plain 404: the page never says the
// record exists.
test.describe('tenant isolation through the UI', () => {
  test('an entrepreneur cannot open another company of the same firm, nor its invoices', async ({ page }) => {
    const { otherCompanyOfFirm, entrepreneurCompanyId, foreignInvoice } = ids();
    await logIn(page, 'entrepreneur');
    expect(otherCompanyOfFirm).toBeTruthy();
    const company = await page.goto(`/companies/${otherCompanyOfFirm}`);
    expect(company?.status()).toBe(404);
    await expect(page.getByText('Not found.')).toBeVisible();
    const invoice = await page.goto(`/companies/${entrepreneurCompanyId}/invoices/${foreignInvoice!.id}`);
    expect(invoice?.status()).toBe(404);
    const dashboard = await page.goto('/dashboard');
    expect(dashboard?.status()).toBe(404);
    const report = await page.goto('/reports/ageing.csv');
    expect(report?.status()).toBe(404);
  });

  test("an accountant cannot open another firm's company, debtor or invoice", async ({ page }) => {
    const { foreignCompanyId, foreignInvoice, ownCompanyId, invoice } = ids();
    await logIn(page, 'accountant');
    expect((await page.goto(`/companies/${foreignCompanyId}`))?.status()).toBe(404);
    expect((await page.goto(`/companies/${foreignInvoice!.companyId}/invoices/${foreignInvoice!.id}`))?.status()).toBe(404);
    // a record of the firm under another company's URL is not found either
    expect((await page.goto(`/companies/${ownCompanyId === invoice.companyId ? foreignCompanyId : ownCompanyId}/invoices/${invoice.id}`))?.status()).toBe(404);
    expect((await page.goto(`/documents?company=${foreignCompanyId}`))?.status()).toBe(404);
    expect((await page.goto(`/reports/vat-relief.csv?company=${foreignCompanyId}`))?.status()).toBe(404);
  });
});
