// The TOTP second factor through the API, with an injected clock: enrolment (secret made on the
// server, confirmed by a first code), the two-step log-in with no session before the code, the
// ±1 step window, replayed and wrong codes refused (and counted by the log-in throttle), and
// turning it off with a current code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { eq } from 'drizzle-orm';
import { totpCode } from '../src/auth/totp.js';
import { authenticate } from '../src/index.js';
import { DEFAULT_SETTINGS } from '../src/context.js';
import { DIALECTS, freshDatabase } from './databases.js';
import { NOW, PASSWORD, callerFor, seedTenancy, sessionToken, type Tenancy } from './fixture.js';

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe.each(DIALECTS)('TOTP second factor on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  let secret = '';
  const email = () => tenancy.emails.accountantA;
  const anon = (seconds: number, ip = '192.0.2.10') => callerFor(db, null, { clock: () => at(seconds), request: { ip } });
  const sessionCount = async () => (await db.db.select().from(db.tables.sessions)).length;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
  }, 60_000);
  afterAll(() => dispose());

  it('enrols: the server makes the secret, and only a right first code turns it on', async () => {
    const me = callerFor(db, tenancy.users.accountantA);
    expect(await me.auth.totp.status()).toEqual({ enabled: false, enabledAt: null, pending: null });
    const begun = await me.auth.totp.begin();
    secret = begun.secret;
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\/Fact:anna%40kantoor-a\.be\?issuer=Fact&secret=[A-Z2-7]{32}&/);
    expect((await me.auth.totp.status()).pending).toEqual(begun);
    // Not on yet: log-in still takes the password alone.
    await expect(anon(0).auth.login({ email: email(), password: PASSWORD })).resolves.toMatchObject({ status: 'signedIn' });
    await expect(me.auth.totp.confirm({ code: totpCode(secret, at(-300)) })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/code: is not correct/) });
    await expect(me.auth.totp.confirm({ code: totpCode(secret, NOW) })).resolves.toMatchObject({ enabled: true, enabledAt: NOW.toISOString() });
    expect(await me.auth.totp.status()).toMatchObject({ enabled: true, pending: null });
    await expect(me.auth.totp.begin()).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('asks for the code after the password, and opens no session before it', async () => {
    const before = await sessionCount();
    const first = await anon(60).auth.login({ email: email(), password: PASSWORD });
    expect(first).toMatchObject({ status: 'totpRequired', pendingToken: expect.stringMatching(/^fp_/) });
    expect(await sessionCount()).toBe(before);
    // The pending token is no bearer token.
    if (first.status !== 'totpRequired') throw new Error('expected a second step');
    expect(await authenticate(db, first.pendingToken, { now: at(60), secret: DEFAULT_SETTINGS.tokenSecret })).toBeNull();
    // A code one step old still works (a phone's clock a little behind).
    const done = await anon(60).auth.loginTotp({ pendingToken: first.pendingToken, code: totpCode(secret, at(30)) });
    const user = await authenticate(db, sessionToken(done), { now: at(60), secret: DEFAULT_SETTINGS.tokenSecret });
    expect(user?.email).toBe(email());
    expect(await sessionCount()).toBe(before + 1);
    // The pending token is single-use: a second code on it is refused.
    await expect(anon(90).auth.loginTotp({ pendingToken: first.pendingToken, code: totpCode(secret, at(90)) })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/expired or was already used/) });
  });

  it('refuses a replayed code, a wrong one, one two steps away and an expired step', async () => {
    const replayAt = 120;
    const step1 = await anon(replayAt).auth.login({ email: email(), password: PASSWORD });
    if (step1.status !== 'totpRequired') throw new Error('expected a second step');
    const code = totpCode(secret, at(replayAt));
    await anon(replayAt).auth.loginTotp({ pendingToken: step1.pendingToken, code });
    const step2 = await anon(replayAt + 5).auth.login({ email: email(), password: PASSWORD });
    if (step2.status !== 'totpRequired') throw new Error('expected a second step');
    // Same code, same 30-second step, a new pending token: refused as used.
    await expect(anon(replayAt + 5).auth.loginTotp({ pendingToken: step2.pendingToken, code })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/already used/) });
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(anon(replayAt + 5).auth.loginTotp({ pendingToken: step2.pendingToken, code: wrong })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anon(replayAt + 5).auth.loginTotp({ pendingToken: step2.pendingToken, code: totpCode(secret, at(replayAt + 5 + 70)) })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // Five minutes later the pending step has expired, whatever the code.
    await expect(anon(replayAt + 5 + 301).auth.loginTotp({ pendingToken: step2.pendingToken, code: totpCode(secret, at(replayAt + 5 + 301)) })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/expired/) });
    // A forged token for the same user is refused.
    await expect(anon(replayAt + 5).auth.loginTotp({ pendingToken: `${step2.pendingToken.slice(0, -2)}xx`, code: totpCode(secret, at(replayAt + 5)) })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('counts wrong codes like wrong passwords: five lock the e-mail from that address', async () => {
    const ip = '192.0.2.99';
    const t = 400;
    const step = await anon(t, ip).auth.login({ email: email(), password: PASSWORD });
    if (step.status !== 'totpRequired') throw new Error('expected a second step');
    const right = totpCode(secret, at(t));
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) await expect(anon(t, ip).auth.loginTotp({ pendingToken: step.pendingToken, code: wrong })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anon(t, ip).auth.loginTotp({ pendingToken: step.pendingToken, code: right })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await expect(anon(t, ip).auth.login({ email: email(), password: PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('an API token cannot change the second factor; turning it off needs a current code', async () => {
    const apiToken = await callerFor(db, tenancy.users.accountantA).auth.createApiToken({ name: 'ERP', scopes: ['read', 'write'] });
    const viaToken = (await authenticate(db, apiToken.token, { now: NOW, secret: DEFAULT_SETTINGS.tokenSecret }))!;
    await expect(callerFor(db, viaToken, { clock: () => at(2000) }).auth.totp.disable({ code: totpCode(secret, at(2000)) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const me = callerFor(db, tenancy.users.accountantA, { clock: () => at(2000) });
    await expect(me.auth.totp.disable({ code: totpCode(secret, at(1000)) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(me.auth.totp.disable({ code: totpCode(secret, at(2000)) })).resolves.toEqual({ enabled: false });
    const u = db.tables.users;
    const [row] = await db.db.select({ s: u.totpSecret, e: u.totpEnabledAt, l: u.totpLastStep }).from(u).where(eq(u.id, tenancy.users.accountantA.id));
    expect(row).toEqual({ s: null, e: null, l: null });
    await expect(anon(2000, '192.0.2.200').auth.login({ email: email(), password: PASSWORD })).resolves.toMatchObject({ status: 'signedIn' });
  });
});
