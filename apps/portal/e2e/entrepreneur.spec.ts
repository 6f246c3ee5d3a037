import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { E2E_DB } from '../playwright.config.js';
import { ids, logIn, open, screenshot, UBL_FIXTURE } from './support.js';

/**
 * The entrepreneur uploads the company's own sales invoices: the demo company's VAT number
 * (read from the test database) stands in for the seller's in the examples, as it would be.
 */
function asOwnInvoice(xml: string, sellerVat: string): string {
  const companyVat = (() => {
    const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('select vat_number as vat from companies where id = ?').get(ids().entrepreneurCompanyId) as { vat: string | null }).vat;
    } finally {
      db.close();
    }
  })();
  return companyVat ? xml.replaceAll(sellerVat, companyVat) : xml;
}

/** Fact's CII test document restating EN 16931 example 9 (packages/ubl/test/cii). */
const CII_EXAMPLE = new URL('../../../packages/ubl/test/cii/cii-example9.xml', import.meta.url);

/** A one-page PDF, with the CII invoice embedded as Factur-X does it (factur-x.xml, AFRelationship Alternative) when given. */
async function facturX(xml?: URL): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  if (xml) await doc.attach(Buffer.from(asOwnInvoice(readFileSync(xml, 'utf8'), 'NL809163160B01')), 'factur-x.xml', { mimeType: 'text/xml', afRelationship: AFRelationship.Alternative });
  return Buffer.from(await doc.save());
}

test.describe('entrepreneur', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, 'entrepreneur');
  });

  test('uploads a real UBL invoice and a broken one: the first becomes its invoice, the second is refused with the rule and the element', async ({ page }) => {
    await open(page, '/documents');
    const real = asOwnInvoice(readFileSync(UBL_FIXTURE, 'utf8'), 'GB1232434');
    const broken = real.replace('<cbc:TaxInclusiveAmount currencyID="EUR">1656.25', '<cbc:TaxInclusiveAmount currencyID="EUR">1656.26');
    await page.getByLabel('Choose files').setInputFiles([
      { name: 'base-example.xml', mimeType: 'application/xml', buffer: Buffer.from(real) },
      { name: 'broken-invoice.xml', mimeType: 'application/xml', buffer: Buffer.from(broken) },
    ]);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('status')).toHaveText('2 file(s) uploaded: 1 imported, 1 refused, 0 stored.');
    const imported = page.locator('tbody tr', { hasText: 'base-example.xml' });
    await expect(imported).toContainText('UBL');
    await expect(imported).toContainText('imported → invoice Snippet1');
    const refused = page.locator('tbody tr', { hasText: 'broken-invoice.xml' });
    await expect(refused).toContainText('refused: BR-CO-15 at /Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount: The total with VAT is not the total without VAT plus the VAT.');
    await expect(refused).toContainText('expected 1656.25, the document states 1656.26');
    await screenshot(page, 'documents');
    // What it became is one click away.
    await imported.getByRole('link', { name: 'invoice Snippet1' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Snippet1');
  });

  test('a Factur-X PDF becomes its invoice; a plain PDF is kept and says there is no e-invoice inside', async ({ page }) => {
    await open(page, '/documents');
    await page.getByLabel('Choose files').setInputFiles([
      { name: 'F20150483.pdf', mimeType: 'application/pdf', buffer: await facturX(CII_EXAMPLE) },
      { name: 'letter.pdf', mimeType: 'application/pdf', buffer: await facturX() },
    ]);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('status')).toHaveText('2 file(s) uploaded: 1 imported, 0 refused, 1 stored.');
    await expect(page.locator('tbody tr', { hasText: 'F20150483.pdf' })).toContainText('imported → invoice 20150483, new debtor Provide Verzekeringen');
    await expect(page.locator('tbody tr', { hasText: 'letter.pdf' })).toContainText('stored: no e-invoice inside');
  });

  test("the accountant sees the entrepreneur's documents with what they became, in Dutch too", async ({ browser }) => {
    const { entrepreneurCompanyId } = ids();
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await logIn(page, 'accountant');
    await open(page, `/companies/${entrepreneurCompanyId}`);
    await page.locator('#main').getByRole('link', { name: 'Documents', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/documents\\?company=${entrepreneurCompanyId}`));
    await expect(page.locator('tbody tr', { hasText: 'base-example.xml' })).toContainText('imported → invoice Snippet1');
    // The same page in Dutch (the language cookie the switcher sets).
    await context.addCookies([{ name: 'fact_locale', value: 'nl-BE', url: page.url() }]);
    await page.reload();
    await expect(page.locator('tbody tr', { hasText: 'broken-invoice.xml' })).toContainText('geweigerd: BR-CO-15 bij /Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount');
    await context.close();
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
