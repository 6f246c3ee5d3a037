import { expect, test } from '@playwright/test';
import { logIn, open, screenshot, USERS } from './support.js';

test.describe('log-in', () => {
  test('the accountant lands on the firm dashboard', async ({ page }) => {
    await open(page, '/');
    await expect(page).toHaveURL(/\/login/);
    await screenshot(page, 'login');
    await logIn(page, 'accountant');
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("The office's clients");
  });

  test('the entrepreneur lands on their own company', async ({ page }) => {
    await logIn(page, 'entrepreneur');
    await expect(page).toHaveURL(/\/my$/);
    await expect(page.getByRole('heading', { name: 'My open invoices' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
    await screenshot(page, 'entrepreneur-home');
  });

  test('the factor lands on what is addressed to them', async ({ page }) => {
    await logIn(page, 'factor');
    await expect(page).toHaveURL(/\/factor$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invoices offered to the factor');
    await screenshot(page, 'factor');
  });

  test('a wrong password is refused, and repeated attempts are rate limited', async ({ page }) => {
    await open(page, '/login');
    const email = 'nobody@demo.fact';
    for (let i = 0; i < 5; i++) {
      await page.getByLabel(/e-mail/i).fill(email);
      await page.getByLabel(/password/i).fill(`wrong-${i}`);
      await Promise.all([page.waitForResponse((r) => r.url().includes('/login') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Log in' }).click()]);
      await expect(page.getByRole('alert')).toHaveText('E-mail address or password is wrong.');
      // the e-mail address typed is kept
      await expect(page.getByLabel(/e-mail/i)).toHaveValue(email);
    }
    await page.getByLabel(/password/i).fill('wrong-again');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toContainText('Too many attempts');
  });

  test('an empty form comes back with an error next to each field', async ({ page }) => {
    await open(page, '/login');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.locator('#f-email-error')).toHaveText('Please fill in this field.');
    await expect(page.locator('#f-password-error')).toHaveText('Please fill in this field.');
    await expect(page.getByLabel(/e-mail/i)).toHaveAttribute('aria-invalid', 'true');
  });

  test('an expired session sends the person to log in again, with a message', async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: 'fact_session', value: 'fs_this-session-has-expired', url: baseURL! }]);
    await open(page, '/dashboard');
    await expect(page).toHaveURL(/\/login\?.*expired=1/);
    await expect(page.getByRole('status')).toHaveText('Your session has expired. Please log in again.');
  });

  test('log-in and the dashboard work without JavaScript', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL!, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel(/e-mail/i).fill(USERS.accountant.email);
    await page.getByLabel(/password/i).fill(USERS.accountant.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.locator('table.kpi tbody tr').first()).toBeVisible();
    // The session cookie is http-only: no script could read it.
    const cookie = (await context.cookies()).find((c) => c.name === 'fact_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login\?loggedOut=1/);
    await context.close();
  });

  test('keyboard first: the skip link comes first and every log-in field is reachable by Tab', async ({ page }) => {
    await open(page, '/login');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName ?? ''));
    }
    expect(order).toEqual(expect.arrayContaining(['email', 'password']));
    expect(order.indexOf('email')).toBeLessThan(order.indexOf('password'));
  });
});
