// The log-in lock-out holds across API instances: two servers on one database (a SQLite file, and
// a real PostgreSQL server when TEST_POSTGRES_URL names one), wrong passwords spread over both,
// and the next attempt is refused by either, the right password included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PASSWORD, seedTenancy, type Tenancy } from '@fact/api/testing';
import { createDb } from '@fact/db';
import { realPostgresUrl } from '@fact/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { throwAwayDatabase } from './support/postgres.js';

const engines = [{ name: 'sqlite' }, ...(realPostgresUrl() ? [{ name: 'postgres' }] : [])];

describe.each(engines)('log-in lock-out across two API instances on $name', (engine) => {
  let dir: string;
  let a: RunningServer;
  let b: RunningServer;
  let tenancy: Tenancy;
  let dispose: () => Promise<void> = async () => {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fact-lockout-'));
    let url = `file:${join(dir, 'api.sqlite')}`;
    if (engine.name === 'postgres') {
      const opened = await throwAwayDatabase(realPostgresUrl()!);
      dispose = opened.drop;
      url = opened.url;
    }
    const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATABASE_URL: url, DOCUMENTS_DIR: join(dir, 'docs'), SEED_DEMO: 'never', LOG_LEVEL: 'silent' });
    const logger = pino({ level: 'silent' });
    a = await startServer(config, { logger, db: createDb(url), beforeListen: async (db) => void (tenancy = await seedTenancy(db)) });
    b = await startServer(config, { logger, db: createDb(url) });
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async (server: RunningServer, email: string, password: string) => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return { status: res.status, body: (await res.json()) as { message?: string; status?: string } };
  };

  it('five wrong passwords spread over both instances lock the e-mail on both', async () => {
    const email = tenancy.emails.entrepreneurB1;
    for (const server of [a, b, a, b, a]) expect((await login(server, email, 'wrong')).status).toBe(401);
    for (const server of [b, a]) {
      const refused = await login(server, email, PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.body.message).toMatch(/Too many failed log-ins/);
    }
    // Another person is not affected.
    expect((await login(b, tenancy.emails.accountantB, PASSWORD)).body).toMatchObject({ status: 'signedIn' });
  });

  it('concurrent failures on both instances are all counted (no lost update)', async () => {
    const email = tenancy.emails.entrepreneurA1;
    // Eight at once, four per instance: the per-address limit (5) is passed whatever the order.
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => login(i % 2 ? a : b, email, `wrong-${i}`)));
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(results.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(5);
    expect((await login(a, email, PASSWORD)).status).toBe(429);
    expect((await login(b, email, PASSWORD)).status).toBe(429);
  });
});
