import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { E2E_DB } from '../playwright.config.js';
import { open, screenshot } from './support.js';

// The second factor end to end: an accountant turns it on from the QR page (the code is computed
// here from the key the page shows, as an authenticator app would), logs out, and logs in with
// password + code; a wrong code and a replayed one are refused.
const EMAIL = 'second-factor@demo.fact';
const PASSWORD = 'demo-accountant';

const codeAt = (secret: string, ms: number) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: ms });

test.beforeAll(() => {
  // A user of its own (a copy of the demo accountant: same firm, same password), so turning the
  // second factor on does not change how the other browser tests log in.
  const db = new Database(E2E_DB);
  try {
    if (db.prepare('select 1 from users where email = ?').get(EMAIL)) return;
    const source = db.prepare("select u.id, m.firm_id as firmId from users u join memberships m on m.user_id = u.id where u.email = 'accountant@demo.fact'").get() as { id: string; firmId: string };
    const id = randomUUID();
    db.prepare("insert into users (id, email, name, password_hash, language, disabled, created_at) select ?, ?, 'Second Factor', password_hash, 'en', 0, created_at from users where id = ?").run(id, EMAIL, source.id);
    db.prepare("insert into memberships (id, user_id, firm_id, role, created_at) values (?, ?, ?, 'accountant', ?)").run(randomUUID(), id, source.firmId, Date.now());
  } finally {
    db.close();
  }
});

async function password(page: Page) {
  await open(page, '/login');
  await page.getByLabel(/e-mail/i).fill(EMAIL);
  await page.getByLabel(/password/i).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function code(page: Page, value: string) {
  await page.getByLabel('Code').fill(value);
  await Promise.all([page.waitForResponse((r) => r.url().includes('/login') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Confirm' }).click()]);
}

test('enrol with the QR page, log out, log in with a code; a wrong or replayed code is refused', async ({ page, context }) => {
  await password(page);
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account security');
  await page.getByRole('button', { name: 'Set up the second factor' }).click();
  await expect(page.locator('figure.qr svg')).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screenshot(page, 'totp-enrol');
  const enrolledAt = Date.now();
  await page.getByLabel('Code').fill(codeAt(secret, enrolledAt));
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('status')).toHaveText('The second factor is on.');

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login\?loggedOut=1/);

  // Password right: no session yet, the code is asked for.
  await password(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Code from your app');
  expect((await context.cookies()).find((c) => c.name === 'fact_session')).toBeUndefined();
  const pending = (await context.cookies()).find((c) => c.name === 'fact_pending_login');
  expect(pending?.httpOnly).toBe(true);
  await screenshot(page, 'totp-code-step');

  // A wrong code is refused and the code step stays.
  const next = codeAt(secret, enrolledAt + 30_000); // the next 30-second step: not the one used to enrol
  await code(page, next === '000000' ? '111111' : '000000');
  await expect(page.locator('#f-code-error')).toHaveText('That code is not correct or was already used.');
  expect((await context.cookies()).find((c) => c.name === 'fact_session')).toBeUndefined();

  await code(page, next);
  await expect(page).toHaveURL(/\/dashboard/);
  expect((await context.cookies()).find((c) => c.name === 'fact_session')).toBeDefined();

  // Replayed: the same code again, on a fresh log-in, is refused.
  await page.getByRole('button', { name: 'Log out' }).click();
  await password(page);
  await code(page, next);
  await expect(page.locator('#f-code-error')).toHaveText('That code is not correct or was already used.');
  await expect(page).toHaveURL(/\/login/);
  expect((await context.cookies()).find((c) => c.name === 'fact_session')).toBeUndefined();
});
