// Tenant isolation over HTTP: every procedure that takes a tenant's record, called through tRPC
// over HTTP and (when it has a REST route) through the OpenAPI surface of the real server, by
// each role with another tenant's ids, answers 404 with the same words as for an id that exists
// nowhere. Procedures and REST operations are enumerated (the router, the OpenAPI document), so a
// new one is covered without editing this file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCOPED_KEYS, type ScopedKey } from '@fact/api';
import { assignToFactor, inputAt, listProcedures, PASSWORD, seedRecords, seedTenancy, type RecordIds, type Tenancy } from '@fact/api/testing';
import { createDb, newId } from '@fact/db';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.js';
import { loadConfig } from '../src/config.js';

type Who = keyof Tenancy['users'];
interface Answer {
  status: number;
  code: string | undefined;
  message: string;
}

describe('tenant isolation over HTTP (tRPC and OpenAPI/REST)', () => {
  let dir: string;
  let running: RunningServer;
  let tenancy: Tenancy;
  const records: Record<'a1' | 'a1Other' | 'a2' | 'b1', RecordIds> = {} as never;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fact-http-iso-'));
    const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `file:${join(dir, 'api.sqlite')}`, DOCUMENTS_DIR: join(dir, 'docs'), SEED_DEMO: 'never', LOG_LEVEL: 'silent' });
    running = await startServer(config, {
      logger: pino({ level: 'silent' }),
      db: createDb(config.DATABASE_URL),
      clock: () => new Date('2025-03-15T09:00:00Z'),
      beforeListen: async (db) => {
        tenancy = await seedTenancy(db);
        const { users, emails } = tenancy;
        // A1 sold one batch to each of firm A's two factors; A2 and B1 one batch each to no factor row.
        const A1 = await seedRecords(db, users.accountantA, tenancy.companyA1, emails.entrepreneurA1, 'A1');
        records.a1 = { ...A1, batchId: await assignToFactor(db, tenancy.companyA1, A1.invoiceId, tenancy.factorA) };
        const A1x = await seedRecords(db, users.accountantA, tenancy.companyA1, emails.otherFactorA, 'A1x');
        records.a1Other = { ...A1x, batchId: await assignToFactor(db, tenancy.companyA1, A1x.invoiceId, tenancy.factorA2) };
        const A2 = await seedRecords(db, users.accountantA, tenancy.companyA2, emails.accountantA, 'A2');
        records.a2 = { ...A2, batchId: await assignToFactor(db, tenancy.companyA2, A2.invoiceId) };
        const B1 = await seedRecords(db, users.accountantB, tenancy.companyB1, emails.accountantB, 'B1');
        records.b1 = { ...B1, batchId: await assignToFactor(db, tenancy.companyB1, B1.invoiceId) };
      },
    });
    for (const who of Object.keys(tenancy.emails) as Who[]) {
      const res = await fetch(`${running.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: tenancy.emails[who], password: PASSWORD }) });
      tokens[who] = ((await res.json()) as { token: string }).token;
    }
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Per role, the records that are NOT theirs (a factor's user sees its own factor's batch of A1 only). */
  function foreign(): [Who, Partial<RecordIds>[]][] {
    const { a1, a1Other, a2, b1 } = records;
    const { companyId: _c, debtorId: _d, invoiceId: _i, documentId: _doc, batchId: _b, ...firstFactorForeignA1 } = a1;
    const { companyId: _c2, ...a1OtherForFirstFactor } = a1Other;
    const { companyId: _c3, ...a1ForSecondFactor } = a1;
    const { companyId: _c4, debtorId: _d4, invoiceId: _i4, documentId: _doc4, batchId: _b4, sessionId: _s4, tokenId: _t4, ...secondFactorForeignA1 } = a1Other;
    return [
      ['accountantA', [b1, { sessionId: a1.sessionId, tokenId: a1.tokenId }]],
      ['entrepreneurA1', [b1, a2]],
      ['factorA1', [b1, a2, firstFactorForeignA1, a1OtherForFirstFactor]],
      ['otherFactorA', [b1, a2, a1ForSecondFactor, secondFactorForeignA1]],
      ['accountantB', [a1, a2]],
      ['entrepreneurB1', [a1, a2]],
    ];
  }

  const unknownFor = (key: ScopedKey) => (key === 'sessionId' || key === 'tokenId' ? 'f'.repeat(64) : newId());

  async function answer(res: Response): Promise<Answer> {
    const text = await res.text();
    let body: { error?: { message?: string; data?: { code?: string } }; message?: string; code?: string } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, code: body.error?.data?.code ?? body.code, message: body.error?.message ?? body.message ?? text };
  }

  it('every tRPC procedure over HTTP refuses other tenants’ records with 404, worded like an unknown id', async () => {
    let checked = 0;
    const scoped = listProcedures().filter((p) => p.scopedPaths.length > 0 && p.type !== 'subscription');
    const call = async (who: Who, path: string, type: string, input: unknown) => {
      const headers = { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' };
      const url = `${running.url}/trpc/${path}`;
      const res = type === 'query' ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers }) : await fetch(url, { method: 'POST', headers, body: JSON.stringify(input) });
      return answer(res);
    };
    for (const info of scoped) {
      for (const [who, sets] of foreign()) {
        for (const set of sets) {
          for (const path of info.scopedPaths) {
            const key = path.at(-1) as ScopedKey;
            const id = set[key];
            if (!id) continue;
            const got = await call(who, info.path, info.type, inputAt(path, id));
            expect(got, `${info.path} as ${who} with ${path.join('.')} of another tenant`).toMatchObject({ status: 404, code: 'NOT_FOUND' });
            const unknownId = unknownFor(key);
            const unknown = await call(who, info.path, info.type, inputAt(path, unknownId));
            expect(unknown.status).toBe(404);
            expect(got.message.replace(id, '<id>')).toBe(unknown.message.replace(unknownId, '<id>'));
            checked++;
          }
        }
      }
    }
    console.log(`tRPC over HTTP: ${scoped.length} procedures, ${checked} foreign-id calls (each compared with an unknown id)`);
    expect(checked).toBeGreaterThan(300);
  }, 600_000);

  it('every OpenAPI/REST operation that takes a record id refuses other tenants’ records with 404', async () => {
    const doc = (await (await fetch(`${running.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>>;
    };
    let operations = 0;
    let checked = 0;
    const isScoped = (name: string): name is ScopedKey => (SCOPED_KEYS as readonly string[]).includes(name);
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const params = (op.parameters ?? []).filter((p) => isScoped(p.name));
        const bodyKeys = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}).filter(isScoped);
        const keys = [...params.map((p) => p.name), ...bodyKeys] as ScopedKey[];
        if (keys.length === 0) continue;
        operations++;
        const send = async (who: Who, values: Partial<Record<ScopedKey, string>>) => {
          let url = path.replace(/\{(\w+)\}/g, (_, name: string) => values[name as ScopedKey] ?? newId());
          const query = params.filter((p) => p.in === 'query').map((p) => `${p.name}=${values[p.name as ScopedKey] ?? ''}`);
          if (query.length) url += `?${query.join('&')}`;
          const body = bodyKeys.length ? JSON.stringify(Object.fromEntries(bodyKeys.map((k) => [k, values[k]]))) : undefined;
          const res = await fetch(`${running.url}/api/v1${url}`, { method: method.toUpperCase(), headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' }, ...(body && method !== 'get' ? { body } : {}) });
          return answer(res);
        };
        for (const [who, sets] of foreign()) {
          for (const set of sets) {
            // One foreign id at a time; the others (if any) are the caller's own or unknown.
            for (const key of keys) {
              const id = set[key];
              if (!id) continue;
              const got = await send(who, { [key]: id });
              expect(got, `${method.toUpperCase()} ${path} as ${who} with ${key} of another tenant`).toMatchObject({ status: 404 });
              const unknownId = unknownFor(key);
              const unknown = await send(who, { [key]: unknownId });
              expect(unknown.status).toBe(404);
              expect(got.message.replace(id, '<id>')).toBe(unknown.message.replace(unknownId, '<id>'));
              checked++;
            }
          }
        }
      }
    }
    console.log(`OpenAPI/REST: ${operations} operations with record ids, ${checked} foreign-id calls`);
    expect(operations).toBeGreaterThan(5);
  }, 600_000);
});
