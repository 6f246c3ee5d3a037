import { expect, test } from '@playwright/test';
import { logIn, open, USERS } from './support.js';

// Session fixation: whatever session token sits in the browser before log-in, the one in use
// after log-in is a fresh one made by the server, and the planted one gives no access.
test.describe('session rotation on log-in', () => {
  test('a made-up token planted before log-in is not the session afterwards', async ({ page, context, baseURL, browser }) => {
    const planted = 'fs_planted-by-an-attacker-0000000000000000000000';
    await context.addCookies([{ name: 'fact_session', value: planted, url: baseURL! }]);
    await logIn(page, 'accountant');
    await expect(page).toHaveURL(/\/dashboard/);
    const after = (await context.cookies()).find((c) => c.name === 'fact_session');
    expect(after?.value).toMatch(/^fs_[A-Za-z0-9_-]{43}$/);
    expect(after?.value).not.toBe(planted);
    // The attacker's copy of the planted token reaches nothing.
    const attacker = await browser.newContext({ baseURL: baseURL! });
    await attacker.addCookies([{ name: 'fact_session', value: planted, url: baseURL! }]);
    const response = await attacker.request.get('/dashboard', { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toMatch(/^\/login/);
    await attacker.close();
  });

  test("a live session planted before log-in (the attacker's own) is closed by the victim's log-in", async ({ browser, baseURL }) => {
    // The attacker logs in as themselves and keeps the token…
    const attacker = await browser.newContext({ baseURL: baseURL! });
    const attackerPage = await attacker.newPage();
    await logIn(attackerPage, 'entrepreneur');
    const token = (await attacker.cookies()).find((c) => c.name === 'fact_session')!.value;
    // …and plants it in the victim's browser, who then logs in with their own credentials.
    const victim = await browser.newContext({ baseURL: baseURL! });
    await victim.addCookies([{ name: 'fact_session', value: token, url: baseURL! }]);
    const posted = await victim.request.post('/login?/password', {
      headers: { origin: baseURL!, accept: 'text/html' },
      form: { email: USERS.accountant.email, password: USERS.accountant.password },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(303);
    const fresh = (await victim.cookies()).find((c) => c.name === 'fact_session')!.value;
    expect(fresh).not.toBe(token);
    const victimPage = await victim.newPage();
    await open(victimPage, '/dashboard');
    await expect(victimPage.getByRole('heading', { level: 1 })).toHaveText("The office's clients");
    // The planted session no longer works for the attacker either.
    const again = await attacker.request.get('/my', { maxRedirects: 0 });
    expect(again.status()).toBe(303);
    expect(again.headers().location).toMatch(/^\/login/);
    await victim.close();
    await attacker.close();
  });
});
