import { expect, test } from '@playwright/test';
import { ids, logIn, open, screenshot, UBL_FIXTURE } from './support.js';

test.describe('entrepreneur', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, 'entrepreneur');
  });

  test('uploads a real UBL invoice and sees it stored', async ({ page }) => {
    await open(page, '/documents');
    await page.getByLabel('Choose files').setInputFiles(UBL_FIXTURE);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('status')).toHaveText('1 file(s) uploaded.');
    const row = page.locator('tbody tr', { hasText: 'base-example.xml' });
    await expect(row).toContainText('UBL');
    await expect(row).toContainText('Received');
    await screenshot(page, 'documents');
  });

  test('a file that is too large or of an unknown type is refused and nothing is stored', async ({ page }) => {
    await open(page, '/documents');
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    await page.getByLabel('Choose files').setInputFiles([{ name: 'big-scan.pdf', mimeType: 'application/pdf', buffer: big }]);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('alert')).toContainText('big-scan.pdf is too large');
    await expect(page.getByRole('alert')).toContainText('Nothing was stored.');
    await page.getByLabel('Choose files').setInputFiles([
      { name: 'ok.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nsmall') },
      { name: 'holiday.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not ours') },
    ]);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('alert')).toContainText('holiday.docx is not a UBL, PDF, CSV, CODA or camt.053 file');
    await open(page, '/documents');
    await expect(page.locator('tbody')).not.toContainText('big-scan.pdf');
    await expect(page.locator('tbody')).not.toContainText('ok.pdf');
    await expect(page.locator('tbody')).not.toContainText('holiday.docx');
  });

  test('flags a promise to pay and a dispute on an open invoice', async ({ page }) => {
    const { invoice } = ids();
    await open(page, `/companies/${invoice.companyId}/invoices/${invoice.id}`);
    await page.locator('summary', { hasText: 'Promise to pay' }).click();
    await page.locator('#promise-promisedOn').fill('2099-01-31');
    await page.locator('#promise-amount').fill('10,00');
    await page.getByRole('button', { name: 'Promise to pay' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(page.getByText(/Promise to pay €10\.00 by Jan 31, 2099 \(pending\)/)).toBeVisible();
    await page.locator('summary', { hasText: 'Flag a dispute' }).click();
    await page.locator('#dispute-reason').fill('Goods arrived damaged');
    await page.getByRole('button', { name: 'Flag a dispute' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(page.getByText('Dispute: Goods arrived damaged')).toBeVisible();
  });
});
