import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, hashPassword, newId as uuidv7 } from '@fact/db';
import pino from 'pino';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.js';
import { loadConfig } from '../src/config.js';

const PASSWORD = 'a long enough test password';

describe('the HTTP server on an ephemeral loopback port', () => {
  let dir: string;
  let running: RunningServer;
  let companyId: string;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fact-http-'));
    const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `file:${join(dir, 'api.sqlite')}`, DOCUMENTS_DIR: join(dir, 'docs'), SEED_DEMO: 'never', LOG_LEVEL: 'info' });
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
    companyId = uuidv7();
    const db = createDb(config.DATABASE_URL);
    running = await startServer(config, {
      logger,
      db,
      clock: () => new Date('2025-03-15T09:00:00Z'),
      beforeListen: async (handle) => {
        const firmId = uuidv7();
        const userId = uuidv7();
        const passwordHash = await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 });
        await handle.transaction(async (tx) => {
          await tx.db.insert(tx.tables.firms).values({ id: firmId, name: 'Kantoor', country: 'BE' });
          await tx.db.insert(tx.tables.companies).values({ id: companyId, firmId, legalName: 'Bakkerij BV', country: 'BE', language: 'nl', timeZone: 'Europe/Brussels' });
          await tx.db.insert(tx.tables.users).values({ id: userId, email: 'anna@kantoor.be', name: 'Anna', passwordHash, language: 'nl' });
          await tx.db.insert(tx.tables.memberships).values({ id: uuidv7(), userId, firmId, role: 'accountant' });
        });
      },
    });
  });
  afterAll(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async () => {
    const res = await fetch(`${running.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'anna@kantoor.be', password: PASSWORD }) });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()} ${JSON.stringify(logs.filter((l) => l.level === 50))}`);
    return ((await res.json()) as { token: string }).token;
  };

  it('binds to loopback on the port the OS chose', () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.url).not.toMatch(/:0$/);
  });

  it('answers /health with the database status', async () => {
    const res = await fetch(`${running.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves a tRPC query with a bearer session from the OpenAPI log-in', async () => {
    const token = await login();
    const res = await fetch(`${running.url}/trpc/firm.companies`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { id: string; legalName: string; overdueAmount: string }[] } };
    expect(body.result.data).toEqual([expect.objectContaining({ id: companyId, legalName: 'Bakkerij BV', overdueAmount: '0.00' })]);
  });

  it('refuses a tRPC call without credentials with 401 and an actionable message', async () => {
    const res = await fetch(`${running.url}/trpc/auth.me`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('UNAUTHORIZED');
    expect(body.error.message).toMatch(/log in/i);
  });

  it('serves OpenAPI routes (create, read) and maps bad input to 400 with the field', async () => {
    const token = await login();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const companies = await fetch(`${running.url}/api/v1/companies/${companyId}`, { headers: auth });
    expect(companies.status).toBe(200);
    expect(await companies.json()).toMatchObject({ id: companyId, kpis: { openInvoices: 0 } });
    const missing = await fetch(`${running.url}/api/v1/companies/${uuidv7()}`, { headers: auth });
    expect(missing.status).toBe(404);
    const bad = await fetch(`${running.url}/api/v1/companies/${companyId}/payments`, { method: 'POST', headers: auth, body: JSON.stringify({ amount: '1.005', receivedOn: '2025-03-14' }) });
    expect(bad.status).toBe(400);
    // The OpenAPI adapter says "Input validation failed"; the field and the reason are in `data`.
    const body = (await bad.json()) as { data: { field: string; issues: { field: string; message: string }[] } };
    expect(body.data.field).toBe('amount');
    // …with a stable code a non-TypeScript client can branch on.
    expect(body.data.issues).toEqual([{ field: 'amount', code: 'custom', params: { code: 'CENT_FRACTION' }, message: expect.stringMatching(/fraction of a cent/) }]);
  });

  it('publishes the OpenAPI document with the bound URL', async () => {
    const res = await fetch(`${running.url}/api/v1/openapi.json`);
    const doc = (await res.json()) as { openapi: string; servers: { url: string }[]; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.servers[0]?.url).toBe(`${running.url}/api/v1`);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/login', '/companies/{companyId}/invoices', '/companies/{companyId}/reports/ageing']));
  });

  it('logs each request once, with its id, status and duration', () => {
    const requests = logs.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(3);
    expect(requests[0]).toMatchObject({ requestId: expect.any(String), method: expect.any(String), status: expect.any(Number), ms: expect.any(Number) });
  });
});
