import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ids, logIn, open, ready, screenshot } from './support.js';

/** The factoring CLI, whose `verify` checks every checksum and the Ed25519 signature of a package. */
const CLI = fileURLToPath(new URL('../../factoring-export/bin/fact-factoring.js', import.meta.url));

function verify(zip: string, publicKeyPem: string): { status: number | null; out: string } {
  const keyFile = join(mkdtempSync(join(tmpdir(), 'fact-e2e-key-')), 'firm.pub.pem');
  writeFileSync(keyFile, publicKeyPem);
  const run = spawnSync(process.execPath, [CLI, 'verify', zip, '--public-key', keyFile], { encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

async function logInAs(page: Page, email: string, password: string) {
  await page.context().clearCookies();
  await open(page, '/login');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test('an accountant sells invoices to the demo factor, whose user downloads the verified package; another factor sees nothing', async ({ page }) => {
  test.setTimeout(180_000);
  const { entrepreneurCompanyId: companyId } = ids();
  await logIn(page, 'accountant');
  await open(page, `/companies/${companyId}`);
  await page.getByRole('link', { name: 'Factoring', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/companies/${companyId}/factoring$`));
  await ready(page);

  // The demo factor's terms, under their own code (another test may have saved other terms).
  const profileForm = page.locator('form[action="?/saveProfile"]');
  if (!(await profileForm.isVisible())) await page.locator('details:has(form[action="?/saveProfile"]) > summary').click();
  await profileForm.getByLabel('Profile code').fill('demo-factoring');
  await profileForm.getByLabel('Profile name').fill('Demo Factoring terms');
  await profileForm.getByLabel('Factor name').fill('Demo Factoring NV');
  await profileForm.getByLabel('Factor IBAN').fill('BE71 0961 2345 6769');
  await profileForm.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/profile=demo-factoring/);
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Selection · Demo Factoring terms · Demo Factoring NV/ })).toBeVisible();

  // The seller's address, which the notice of assignment prints.
  await page.locator('#seller-street').fill('Veldstraat 12');
  await page.locator('#seller-postalCode').fill('9000');
  await page.locator('#seller-city').fill('Gent');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByText('Address on record: Veldstraat 12, 9000 Gent')).toBeVisible();
  await open(page, `/companies/${companyId}/factoring?profile=demo-factoring`);

  // The preview: eligible invoices to choose from, ineligible ones each with the reason in words.
  const eligible = page.locator('table#eligible tbody tr:has(input[type="checkbox"])');
  const ineligible = page.locator('table#ineligible tbody tr');
  expect(await eligible.count()).toBeGreaterThan(0);
  expect(await ineligible.count()).toBeGreaterThan(0);
  for (const reason of (await ineligible.locator('td:last-child').allTextContents()).slice(0, 10)) expect(reason.trim().length).toBeGreaterThan(3);
  await screenshot(page, 'factoring-preview');

  // Sell two invoices: keep the first two ticked, untick the rest.
  const boxes = page.locator('table#eligible input[type="checkbox"]');
  const total = await boxes.count();
  for (let n = 2; n < total; n++) await boxes.nth(n).uncheck();
  const sold = (await eligible.locator('th').allTextContents()).slice(0, Math.min(2, total)).map((t) => t.trim());
  await page.getByRole('button', { name: 'Create package for the factor' }).click();
  await expect(page).toHaveURL(new RegExp(`/companies/${companyId}/factoring/batches/[0-9a-f-]{36}\\?created=1$`), { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Package created.' })).toBeVisible();
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const reference = /Batch (FB-\d{8}-[0-9a-f]{8})/.exec(heading)?.[1];
  expect(reference).toBeTruthy();
  const batchUrl = new URL(page.url());
  const batchId = batchUrl.pathname.split('/').at(-1)!;
  for (const number of sold) await expect(page.getByRole('rowheader', { name: number })).toBeVisible();
  await expect(page.getByText('Demo Factoring NV')).toBeVisible();
  await screenshot(page, 'factoring-batch');

  // The ZIP the accountant downloads.
  const [accountantDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download package (ZIP)' }).click()]);
  expect(accountantDownload.suggestedFilename()).toBe(`${reference}.zip`);
  const accountantZip = await accountantDownload.path();

  // The demo factor's user sees the batch, the firm's public key, and downloads the same package.
  await logInAs(page, 'factor@demo.fact', 'demo-factor');
  await open(page, '/factor');
  await page.locator('table#factor-batches').getByRole('link', { name: reference! }).click();
  await expect(page).toHaveURL(new RegExp(`/factor/batches/${companyId}/${batchId}$`));
  for (const number of sold) await expect(page.getByRole('rowheader', { name: number })).toBeVisible();
  await page.locator('section.card details > summary').click();
  const publicKeyPem = (await page.getByTestId('public-key').textContent()) ?? '';
  expect(publicKeyPem).toContain('BEGIN PUBLIC KEY');
  const [factorDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download package (ZIP)' }).click()]);
  const factorZip = await factorDownload.path();
  expect(readFileSync(factorZip).equals(readFileSync(accountantZip))).toBe(true);
  const checked = verify(factorZip, publicKeyPem);
  expect(checked.out).toContain(`OK (${sold.length} invoices, batch ${reference})`);
  expect(checked.status).toBe(0);
  // A byte changed in transit is caught.
  const tampered = join(mkdtempSync(join(tmpdir(), 'fact-e2e-zip-')), 'tampered.zip');
  const bytes = readFileSync(factorZip);
  bytes[Math.floor(bytes.length / 2)] ^= 0xff;
  writeFileSync(tampered, bytes);
  expect(verify(tampered, publicKeyPem).status).toBe(1);
  await screenshot(page, 'factor-batch');

  // The second factor's user sees none of it: not in the list, and 404 for the page and the ZIP.
  await logInAs(page, 'factor2@demo.fact', 'demo-factor');
  await open(page, '/factor');
  await expect(page.getByText('No batches have been sold to you yet.')).toBeVisible();
  expect((await page.goto(`/factor/batches/${companyId}/${batchId}`))?.status()).toBe(404);
  expect((await page.request.get(`/factor/batches/${companyId}/${batchId}/package.zip`)).status()).toBe(404);
  expect((await page.request.get(`/companies/${companyId}/factoring/batches/${batchId}/package.zip`)).status()).toBe(404);
});
