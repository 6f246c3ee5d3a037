import { expect, test, type Page } from '@playwright/test';
import { ids, logIn, logInWithoutJs, open, screenshot } from './support.js';

// The accountant imports invoices from a CSV file with Dutch headers, comma decimals and
// DD/MM/YYYY dates: the columns are suggested, the import is all or nothing.

const HEADER = 'Factuurnummer;Klant;Factuurdatum;Vervaldatum;Totaal';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'utf8');

/** The company page's invoice list, searched for an invoice number. */
async function searchInvoices(page: Page, companyId: string, number: string) {
  await open(page, `/companies/${companyId}?q=${encodeURIComponent(number)}`);
  return page.getByRole('link', { name: number, exact: true });
}

test.describe('CSV import', () => {
  test('uploads a CSV of invoices, confirms the suggested columns and finds the new invoices in the company list', async ({ page }) => {
    await logIn(page, 'accountant');
    const { ownCompanyId } = ids();
    await open(page, `/companies/${ownCompanyId}`);
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Invoices or debtors from CSV');

    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'export-boekhouding.csv',
      mimeType: 'text/csv',
      buffer: csv('CSV-E2E-101;Bakkerij CSV Van Damme;05/01/2026;04/02/2026;1.210,50', 'CSV-E2E-102;Garage CSV Peeters;12/01/2026;11/02/2026;99,99'),
    });
    await page.getByRole('button', { name: 'Upload and choose the columns' }).click();
    // Stored as a document of the company first: the mapping step works on its id.
    await expect(page).toHaveURL(/\/imports\?documentId=[0-9a-f-]{36}&target=invoices$/);

    // The file's headers and the mapping the API suggests, required fields marked.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('2. Columns of export-boekhouding.csv');
    await expect(page.locator('#map-invoiceNumber')).toHaveValue('Factuurnummer');
    await expect(page.locator('#map-debtorName')).toHaveValue('Klant');
    await expect(page.locator('#map-issueDate')).toHaveValue('Factuurdatum');
    await expect(page.locator('#map-dueDate')).toHaveValue('Vervaldatum');
    await expect(page.locator('#map-total')).toHaveValue('Totaal');
    await expect(page.locator('#map-vat')).toHaveValue('');
    await expect(page.locator('label[for="map-total"]')).toContainText('*');
    await expect(page.locator('label[for="map-vat"]')).not.toContainText('*');
    await expect(page.getByLabel('Decimal separator')).toHaveValue(',');
    await expect(page.getByLabel('Date format')).toHaveValue('DD/MM/YYYY');
    await screenshot(page, 'csv-import-mapping');

    await page.getByRole('button', { name: 'Import the invoices' }).click();
    await expect(page.getByRole('status')).toHaveText('2 invoice(s) imported, 2 new debtor(s) created.');
    await expect(page.locator('#main')).toContainText('The document export-boekhouding.csv is kept and now reads imported → ');
    await expect(page.getByRole('link', { name: 'invoice CSV-E2E-101' })).toBeVisible();

    const found = await searchInvoices(page, ownCompanyId, 'CSV-E2E-101');
    const row = page.locator('tbody tr', { has: found.first() }).first();
    await expect(row).toContainText('Bakkerij CSV Van Damme');
    await expect(row).toContainText('1,210.50');
    await found.first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('CSV-E2E-101');
  });

  test('a row with a bad date: the page names the row and the column, and no invoice of the file exists', async ({ page }) => {
    await logIn(page, 'accountant');
    const { ownCompanyId } = ids();
    // Uploaded in the documents list first: the CSV waits there for its columns.
    await open(page, `/documents?company=${ownCompanyId}`);
    await page.getByLabel('Choose files').setInputFiles({
      name: 'bad-dates.csv',
      mimeType: 'text/csv',
      buffer: csv('CSV-E2E-201;Bakkerij CSV Van Damme;05/01/2026;04/02/2026;100,00', 'CSV-E2E-202;Garage CSV Peeters;31/02/2026;11/03/2026;50,00', 'CSV-E2E-203;Garage CSV Peeters;14/01/2026;13/02/2026;75,25'),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    const waiting = page.locator('tbody tr', { hasText: 'bad-dates.csv' });
    await expect(waiting).toContainText('stored: waiting for its columns to be chosen');
    await waiting.getByRole('link', { name: 'Choose the columns and import' }).click();
    await expect(page).toHaveURL(/\/imports\?documentId=/);

    await expect(page.getByRole('heading', { level: 2 })).toHaveText('2. Columns of bad-dates.csv');
    await expect(page.locator('#map-issueDate')).toHaveValue('Factuurdatum');
    await page.getByRole('button', { name: 'Import the invoices' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('1 row(s) of the file are not right.');
    await expect(alert).toContainText('Nothing was imported');
    const refused = page.getByRole('table', { name: 'Refused rows' }).locator('tbody tr');
    await expect(refused).toHaveCount(1);
    await expect(refused.locator('th')).toHaveText('3');
    await expect(refused.locator('td').first()).toHaveText('Factuurdatum');
    await expect(refused.locator('td').last()).toContainText('31/02/2026');
    // What was chosen stays chosen, for another try.
    await expect(page.locator('#map-issueDate')).toHaveValue('Factuurdatum');
    await screenshot(page, 'csv-import-refused');

    for (const number of ['CSV-E2E-201', 'CSV-E2E-202', 'CSV-E2E-203']) {
      await expect(await searchInvoices(page, ownCompanyId, number)).toHaveCount(0);
    }
    // The documents list says why the file was refused, line by line.
    await open(page, `/documents?company=${ownCompanyId}`);
    await expect(page.locator('tbody tr', { hasText: 'bad-dates.csv' })).toContainText('refused:');
    await expect(page.locator('tbody tr', { hasText: 'bad-dates.csv' })).toContainText('line 3');
  });

  test('without JavaScript: debtors from a CSV, a column chosen twice is refused next to its field, then imported', async ({ browser }) => {
    const { context, page } = await logInWithoutJs(browser, 'accountant');
    const { ownCompanyId } = ids();
    await page.goto(`/companies/${ownCompanyId}/imports`);
    await page.getByRole('region', { name: 'Choose the file' }).getByRole('radio', { name: 'Debtors' }).check();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'klanten.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Naam;E-mail;Gemeente\r\nDrukkerij CSV Claes;boekhouding@claes.example;Gent\r\nSchrijnwerkerij CSV Maes;;Brugge\r\n'),
    });
    await page.getByRole('button', { name: 'Upload and choose the columns' }).click();
    await expect(page).toHaveURL(/target=debtors$/);
    await expect(page.locator('#map-name')).toHaveValue('Naam');
    await expect(page.locator('#map-city')).toHaveValue('Gemeente');
    await expect(page.getByLabel('Country when the column is empty')).toHaveValue('BE');
    await page.locator('#map-externalRef').selectOption('Naam');
    await page.getByRole('button', { name: 'Import the debtors' }).click();
    await expect(page.getByRole('alert')).toHaveText('Correct the marked fields. Nothing was imported.');
    await expect(page.locator('.field', { has: page.locator('#map-externalRef') })).toContainText('This column is already chosen for another field.');
    await page.locator('#map-externalRef').selectOption('');
    await page.getByRole('button', { name: 'Import the debtors' }).click();
    await expect(page.getByRole('status')).toHaveText('2 debtor(s) imported.');
    await expect(page.getByRole('link', { name: 'new debtor Drukkerij CSV Claes' })).toBeVisible();
    await context.close();
  });

  test('is not there for an entrepreneur, nor for another firm’s company', async ({ page }) => {
    const { entrepreneurCompanyId, foreignCompanyId } = ids();
    await logIn(page, 'entrepreneur');
    expect((await page.goto(`/companies/${entrepreneurCompanyId}/imports`))?.status()).toBe(404);
    if (foreignCompanyId) {
      await page.context().clearCookies();
      await logIn(page, 'accountant');
      expect((await page.goto(`/companies/${foreignCompanyId}/imports`))?.status()).toBe(404);
    }
  });
});
