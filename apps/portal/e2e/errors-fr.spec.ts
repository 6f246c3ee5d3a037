import { expect, test } from '@playwright/test';
import { ids, logIn, open, ready, screenshot } from './support.js';

// API refusals reach the user in their language with the field named: here in French, a
// validation error (a reason longer than the API accepts) and a domain rule (a dispute dated
// before the invoice), both on the invoice page's dispute form, values kept.
test.describe('API errors in French', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, 'accountant');
    await open(page, '/dashboard');
    await page.getByLabel('Language').selectOption('fr-BE');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('a too long reason and a dispute before the invoice date are explained in French next to their field', async ({ page }) => {
    const { invoice } = ids();
    await open(page, `/companies/${invoice.companyId}/invoices/${invoice.id}`);
    await page.getByText('Signaler un litige', { exact: true }).first().click();
    const form = page.locator('form[action="?/dispute"]');
    const reason = form.getByLabel('Motif');
    const long = `Marchandise abîmée ${'x'.repeat(200)}`;
    await reason.fill(long);
    await form.getByRole('button', { name: 'Signaler un litige' }).click();
    await expect(page.locator('#dispute-reason-error')).toHaveText('Motif : 200 caractères au maximum.');
    await expect(form.getByLabel('Motif')).toHaveValue(long);
    await expect(form.getByLabel('Motif')).toHaveAttribute('aria-invalid', 'true');

    await ready(page);
    await form.getByLabel('Motif').fill('Marchandise abîmée');
    await form.getByLabel('Date', { exact: true }).fill('2000-01-03');
    await form.getByRole('button', { name: 'Signaler un litige' }).click();
    await expect(page.locator('#dispute-openedOn-error')).toHaveText(/^Date : est antérieure à la date de la facture \(\d{1,2} \S+ \d{4}\)\.$/);
    await expect(form.getByLabel('Date', { exact: true })).toHaveValue('2000-01-03');
    await expect(page.locator('#dispute-reason-error')).toHaveCount(0);
    await screenshot(page, 'errors-fr');
  });
});
