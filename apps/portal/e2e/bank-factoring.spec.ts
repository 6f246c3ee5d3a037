import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { ids, logIn, open, screenshot } from './support.js';

/** A real CODA statement from the shared fixtures, resolved from the repository root. */
const CODA_FIXTURE = fileURLToPath(new URL('../../../../shared/fixtures/coda/odoo-Ontvangen_CODA.2013-01-11-18.59.15.cod', import.meta.url));

test.describe('bank and factoring', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, 'accountant');
  });

  test('the accountant imports a CODA statement and sees the result and the unmatched queue', async ({ page }) => {
    const { entrepreneurCompanyId } = ids();
    await open(page, `/companies/${entrepreneurCompanyId}`);
    await page.getByRole('link', { name: 'Bank statements', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/companies/${entrepreneurCompanyId}/bank$`));
    await expect(page.getByRole('heading', { name: 'Unmatched payments' })).toBeVisible();

    // nothing chosen: refused next to the form, nothing imported
    await page.getByRole('button', { name: 'Import statement' }).click();
    await expect(page.getByRole('alert')).toHaveText('Choose a file.');

    await page.getByLabel('CODA or camt.053 file').setInputFiles(CODA_FIXTURE);
    await page.getByRole('button', { name: 'Import statement' }).click();
    await expect(page.getByRole('heading', { name: 'Import result' })).toBeVisible();
    await expect(page).toHaveURL(/format=coda/);
    const imported = Number(await page.getByTestId('imported').textContent());
    const matched = Number(await page.getByTestId('matched').textContent());
    const queued = Number(await page.getByTestId('queued').textContent());
    expect(imported).toBeGreaterThan(0);
    expect(matched + queued).toBeLessThanOrEqual(imported);
    await screenshot(page, 'bank');

    // what was not matched automatically waits in the queue, each with its own decision forms
    const items = page.locator('section article');
    if (queued > 0) {
      await expect(items.first()).toBeVisible();
      const first = items.first();
      const before = await items.count();
      // a reason that is too short comes back with what was typed
      await first.getByLabel('Reason to ignore').fill('x');
      await first.getByRole('button', { name: 'Ignore' }).click();
      await expect(page.locator('section article').first().getByRole('alert')).toHaveText('Say why (at least 3 characters).');
      await expect(page.locator('section article').first().getByLabel('Reason to ignore')).toHaveValue('x');
      await page.locator('section article').first().getByLabel('Reason to ignore').fill('bank costs, not a customer payment');
      await page.locator('section article').first().getByRole('button', { name: 'Ignore' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Payment ignored.' })).toBeVisible();
      await expect(page.locator('section article')).toHaveCount(before - 1);
    } else {
      await expect(page.getByText('No payments are waiting.')).toBeVisible();
    }
  });

  test('the accountant opens factoring and sees the eligible and ineligible invoices', async ({ page }) => {
    const { entrepreneurCompanyId } = ids();
    await open(page, `/companies/${entrepreneurCompanyId}`);
    await page.getByRole('link', { name: 'Factoring', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/companies/${entrepreneurCompanyId}/factoring$`));
    await expect(page.getByRole('heading', { name: 'Factoring batches' })).toBeVisible();

    if (await page.getByText('There is no factor profile yet').isVisible()) {
      const save = page.locator('form[action="?/saveProfile"] button[type="submit"]');
      // a wrong IBAN is refused by its field, and the typed values stay
      await page.getByLabel('Factor name').fill('Acme Factoring NV');
      await page.getByLabel('Factor IBAN').fill('BE00 1234');
      await save.click();
      await expect(page.locator('#f-factorIban-error')).toBeVisible();
      await expect(page.getByLabel('Factor name')).toHaveValue('Acme Factoring NV');
      await expect(page.getByLabel('Advance (%)')).toHaveValue('85');
      await page.getByLabel('Factor IBAN').fill('BE71 0961 2345 6769');
      await save.click();
      await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
    }

    const eligible = page.locator('table#eligible');
    const ineligible = page.locator('table#ineligible');
    await expect(eligible.locator('caption')).toContainText('Eligible invoices');
    await expect(ineligible.locator('caption')).toContainText('Ineligible invoices');
    await expect(page.getByText(/^Eligible: .* outstanding/)).toBeVisible();
    // the demo company has open invoices: together the two lists show at least one of them
    const rows = (await eligible.locator('tbody tr th').count()) + (await ineligible.locator('tbody tr th').count());
    expect(rows).toBeGreaterThan(0);
    // every ineligible invoice says why, in words
    const reasons = await ineligible.locator('tbody tr td:last-child').allTextContents();
    for (const r of reasons.slice(0, 20)) expect(r.trim().length).toBeGreaterThan(3);
    await screenshot(page, 'factoring');
  });
});
