import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { authenticate } from '../src/index.js';
import { DEFAULT_SETTINGS } from '../src/context.js';
import { DIALECTS, freshDatabase } from './databases.js';
import { NOW, PASSWORD, callerFor, seedTenancy, sessionToken, type Tenancy } from './fixture.js';

describe.each(DIALECTS)('auth on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
  }, 60_000);
  afterAll(() => dispose());

  const opts = () => ({ now: NOW, secret: DEFAULT_SETTINGS.tokenSecret });

  it('logs in with the right password and the session token then authenticates as that user', async () => {
    const result = await callerFor(db, null).auth.login({ email: ' Anna@Kantoor-A.be ', password: PASSWORD });
    if (result.status !== 'signedIn') throw new Error(result.status);
    expect(result.token).toMatch(/^fs_[A-Za-z0-9_-]{43}$/);
    expect(new Date(result.expiresAt).getTime() - NOW.getTime()).toBe(DEFAULT_SETTINGS.sessionTtlMs);
    const user = await authenticate(db, result.token, opts());
    expect(user?.email).toBe('anna@kantoor-a.be');
    expect(user?.memberships).toEqual([{ role: 'accountant', firmId: tenancy.firmA, companyId: null }]);
  });

  it('stores only a hash of the session token', async () => {
    const token = sessionToken(await callerFor(db, null).auth.login({ email: tenancy.emails.entrepreneurA1, password: PASSWORD }));
    const rows = await db.db.select({ id: db.tables.sessions.id }).from(db.tables.sessions);
    expect(rows.some((r) => r.id === token || r.id.includes(token.slice(3)))).toBe(false);
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const api = callerFor(db, null);
    const wrong = api.auth.login({ email: tenancy.emails.accountantB, password: 'nope' });
    await expect(wrong).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'The email address or password is not correct.' });
    const unknown = api.auth.login({ email: 'nobody@example.com', password: 'nope' });
    await expect(unknown).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'The email address or password is not correct.' });
  });

  it('rate-limits repeated failures per email and address in the database, even for the right password afterwards', async () => {
    const settings = { loginPolicy: { perAddress: 3, perEmail: 5, windowMs: 60_000, lockMs: 120_000 } };
    const api = callerFor(db, null, { settings, request: { ip: '203.0.113.7' } });
    for (let i = 0; i < 3; i++) await expect(api.auth.login({ email: tenancy.emails.entrepreneurB1, password: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.auth.login({ email: tenancy.emails.entrepreneurB1, password: PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/Try again in 2 minute/) });
    // The table holds keyed hashes, never the e-mail or the address.
    const rows = await db.db.select().from(db.tables.loginAttempts);
    expect(JSON.stringify(rows)).not.toMatch(/winkel|203\.0\.113/);
    // Another address may still try (up to the e-mail-wide limit)…
    const otherIp = callerFor(db, null, { settings, request: { ip: '203.0.113.8' } });
    await expect(otherIp.auth.login({ email: tenancy.emails.entrepreneurB1, password: PASSWORD })).resolves.toMatchObject({ status: 'signedIn' });
    // …until five failures from anywhere lock the e-mail itself, for every address.
    for (const ip of ['198.51.100.1', '198.51.100.2']) await expect(callerFor(db, null, { settings, request: { ip } }).auth.login({ email: tenancy.emails.entrepreneurB1, password: 'y' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerFor(db, null, { settings, request: { ip: '198.51.100.3' } }).auth.login({ email: tenancy.emails.entrepreneurB1, password: PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // After the lock the count starts again.
    const later = new Date(NOW.getTime() + 121_000);
    await expect(callerFor(db, null, { settings, request: { ip: '203.0.113.7' }, clock: () => later }).auth.login({ email: tenancy.emails.entrepreneurB1, password: PASSWORD })).resolves.toMatchObject({ status: 'signedIn' });
  });

  it('rotates the session on log-in: a token the request already carried is not the one in use afterwards', async () => {
    // A session the attacker holds (their own), planted in the victim's browser before log-in.
    const planted = sessionToken(await callerFor(db, null).auth.login({ email: tenancy.emails.accountantB, password: PASSWORD }));
    const plantedUser = (await authenticate(db, planted, opts()))!;
    const victimLogin = await callerFor(db, plantedUser).auth.login({ email: tenancy.emails.accountantA, password: PASSWORD });
    const fresh = sessionToken(victimLogin);
    expect(fresh).not.toBe(planted);
    expect((await authenticate(db, fresh, opts()))?.email).toBe('anna@kantoor-a.be');
    // The planted session is closed: whoever kept it cannot ride on the victim's log-in.
    expect(await authenticate(db, planted, opts())).toBeNull();
    // A made-up token is never adopted either: log-in always returns a token the server generated.
    expect(await authenticate(db, 'fs_made-up-by-an-attacker-000000000000000000000', opts())).toBeNull();
  });

  it('expires sessions: a token is refused after its expiry', async () => {
    const token = sessionToken(await callerFor(db, null).auth.login({ email: tenancy.emails.accountantB, password: PASSWORD }));
    const later = new Date(NOW.getTime() + DEFAULT_SETTINGS.sessionTtlMs + 1);
    expect(await authenticate(db, token, { ...opts(), now: later })).toBeNull();
    expect(await authenticate(db, token, opts())).not.toBeNull();
  });

  it('logs out: the session token stops working', async () => {
    const token = sessionToken(await callerFor(db, null).auth.login({ email: tenancy.emails.accountantA, password: PASSWORD }));
    const user = (await authenticate(db, token, opts()))!;
    await callerFor(db, user).auth.logout();
    expect(await authenticate(db, token, opts())).toBeNull();
  });

  it('issues API tokens with scopes: a read token may query but not mutate, and revoking it ends it', async () => {
    const session = sessionToken(await callerFor(db, null).auth.login({ email: tenancy.emails.accountantA, password: PASSWORD }));
    const me = (await authenticate(db, session, opts()))!;
    const created = await callerFor(db, me).auth.createApiToken({ name: 'ERP sync', scopes: ['read'] });
    expect(created.token).toMatch(/^fat_/);
    const viaToken = (await authenticate(db, created.token, opts()))!;
    expect(viaToken.via).toMatchObject({ kind: 'token', scopes: ['read'] });
    await expect(callerFor(db, viaToken).auth.me()).resolves.toMatchObject({ email: 'anna@kantoor-a.be' });
    await expect(callerFor(db, viaToken).auth.createApiToken({ name: 'x', scopes: ['read'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const listed = await callerFor(db, me).auth.apiTokens();
    expect(listed.map((t) => t.name)).toContain('ERP sync');
    expect((await callerFor(db, me).auth.sessions()).map((s) => s.id)).not.toContain(created.id);
    await callerFor(db, me).auth.revokeApiToken({ tokenId: created.id });
    expect(await authenticate(db, created.token, opts())).toBeNull();
  });

  it('refuses every signed-in procedure without a user', async () => {
    await expect(callerFor(db, null).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
