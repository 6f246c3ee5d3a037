import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoIds } from '../scripts/demo-db.js';
import { E2E_DB } from '../playwright.config.js';

export const USERS = {
  accountant: { email: 'accountant@demo.fact', password: 'demo-accountant' },
  entrepreneur: { email: 'entrepreneur@demo.fact', password: 'demo-entrepreneur' },
  factor: { email: 'factor@demo.fact', password: 'demo-factor' },
} as const;

interface Ids {
  ownCompanyId: string;
  entrepreneurCompanyId: string;
  otherCompanyOfFirm: string | null;
  foreignCompanyId: string | null;
  invoice: { id: string; debtorId: string; companyId: string };
  foreignInvoice: { id: string; companyId: string } | null;
}

/** Ids of seeded records, read from the test database (read-only). */
export function ids(): Ids {
  return demoIds(E2E_DB) as Ids;
}

/** A real UBL invoice from the shared fixtures, resolved from the repository root. */
export const UBL_FIXTURE = fileURLToPath(new URL('../../../../shared/fixtures/peppol/base-example.xml', import.meta.url));

const SHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** Waits until the enhanced page has hydrated (typing before that may be overwritten). */
export async function ready(page: Page): Promise<void> {
  await page.locator('body[data-hydrated="true"]').waitFor();
}

/** Goes to a page and waits for it to be interactive. */
export async function open(page: Page, url: string) {
  const response = await page.goto(url);
  await ready(page);
  return response;
}

export async function logIn(page: Page, who: keyof typeof USERS): Promise<void> {
  await open(page, '/login');
  await page.getByLabel(/e-mail/i).fill(USERS[who].email);
  await page.getByLabel(/password/i).fill(USERS[who].password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Logs in through the plain form in a context with JavaScript off (nothing hydrates, so no `ready`). */
export async function logInWithoutJs(browser: Browser, who: keyof typeof USERS): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel(/e-mail/i).fill(USERS[who].email);
  await page.getByLabel(/password/i).fill(USERS[who].password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}
