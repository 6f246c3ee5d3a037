// Proves, for EVERY procedure of the router and EVERY role, that records of another tenant are
// refused with NOT_FOUND, in the same words as an id that does not exist. Procedures are found
// by introspecting appRouter; their tenant-scoped inputs by walking their zod input schemas for
// the SCOPED_KEYS (companyId, invoiceId…, nested too). A new procedure is covered without
// editing this file; one that does not declare its access (meta.access) fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { v7 as uuidv7 } from 'uuid';
import type { ScopedKey } from '../src/authz/scoped-keys.js';
import type { AuthUser } from '../src/auth/user.js';
import { inputAt, listProcedures, type ProcedureInfo } from '../src/testing/procedures.js';
import { DIALECTS, freshDatabase } from './databases.js';
import { callerFor, seedTenancy, type Tenancy } from './fixture.js';
import { assignToFactor, seedRecords, type RecordIds } from './tenant-records.js';

async function call(user: AuthUser, db: DbHandle, info: ProcedureInfo, input: unknown): Promise<{ ok: true; data: unknown } | { ok: false; code: string; message: string }> {
  const caller = callerFor(db, user) as unknown as Record<string, unknown>;
  const fn = info.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    return { ok: true, data: await fn(input) };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { ok: false, code: e.code ?? 'UNKNOWN', message: e.message ?? '' };
  }
}

const procedures = listProcedures();

describe('every procedure declares how it is reached', () => {
  it('has meta.access (public, self, tenant or scoped)', () => {
    const unclassified = procedures.filter((p) => !p.meta?.access).map((p) => p.path);
    expect(unclassified).toEqual([]);
  });
  it('a tenant procedure names the record it acts on in its input', () => {
    expect(procedures.filter((p) => p.meta?.access === 'tenant' && p.scopedPaths.length === 0).map((p) => p.path)).toEqual([]);
  });
  it('a public, self or scoped procedure takes no tenant record (only its own sessions/tokens)', () => {
    const wrong = procedures.filter(
      (p) => p.meta?.access !== 'tenant' && p.scopedPaths.some((path) => !['sessionId', 'tokenId'].includes(path.at(-1)!)),
    );
    expect(wrong.map((p) => p.path)).toEqual([]);
  });
  it('public procedures are exactly the log-in', () => {
    expect(procedures.filter((p) => p.meta?.access === 'public').map((p) => p.path)).toEqual(['auth.login', 'auth.loginTotp']);
  });
});

describe.each(DIALECTS)('tenant isolation on %s', (dialect) => {
  let db: DbHandle;
  let dispose: () => Promise<void>;
  let tenancy: Tenancy;
  /** Records per company. */
  /** Records per company; in A1 one set sold to the first factor (a1) and one to the second (a1Other). */
  let a1: RecordIds;
  let a1Other: RecordIds;
  let a2: RecordIds;
  let b1: RecordIds;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(dialect));
    tenancy = await seedTenancy(db);
    const { users, emails } = tenancy;
    const A1 = await seedRecords(db, users.accountantA, tenancy.companyA1, emails.entrepreneurA1, 'A1');
    a1 = { ...A1, batchId: await assignToFactor(db, tenancy.companyA1, A1.invoiceId, tenancy.factorA) };
    const A1x = await seedRecords(db, users.accountantA, tenancy.companyA1, emails.otherFactorA, 'A1x');
    a1Other = { ...A1x, batchId: await assignToFactor(db, tenancy.companyA1, A1x.invoiceId, tenancy.factorA2) };
    const A2 = await seedRecords(db, users.accountantA, tenancy.companyA2, emails.accountantA, 'A2');
    a2 = { ...A2, batchId: await assignToFactor(db, tenancy.companyA2, A2.invoiceId) };
    const B1 = await seedRecords(db, users.accountantB, tenancy.companyB1, emails.accountantB, 'B1');
    b1 = { ...B1, batchId: await assignToFactor(db, tenancy.companyB1, B1.invoiceId) };
  }, 120_000);
  afterAll(() => dispose());

  /** Per role (a user of firm A), the records that are NOT theirs. */
  const foreign = (): [string, AuthUser, Partial<RecordIds>[]][] => {
    // A factor's user may see A1 and, of A1, only its own factor's batch with that batch's invoice
    // (its debtor and document); nothing of the other factor's batch of the same company.
    const { companyId: _c, debtorId: _d, invoiceId: _i, documentId: _doc, batchId: _b, ...firstFactorForeignA1 } = a1;
    const { companyId: _c2, ...a1OtherForFirstFactor } = a1Other;
    const { companyId: _c3, ...a1ForSecondFactor } = a1;
    const { companyId: _c4, debtorId: _d4, invoiceId: _i4, documentId: _doc4, batchId: _b4, sessionId: _s4, tokenId: _t4, ...secondFactorForeignA1 } = a1Other;
    return [
      ['accountant of firm A', tenancy.users.accountantA, [b1, { sessionId: a1.sessionId, tokenId: a1.tokenId }]],
      ['entrepreneur of A1', tenancy.users.entrepreneurA1, [b1, a2, { sessionId: a2.sessionId, tokenId: a2.tokenId }]],
      ['factor of A1', tenancy.users.factorA1, [b1, a2, firstFactorForeignA1, a1OtherForFirstFactor]],
      ['second factor of firm A', tenancy.users.otherFactorA, [b1, a2, a1ForSecondFactor, secondFactorForeignA1]],
      ['accountant of firm B', tenancy.users.accountantB, [a1, a2, a1Other]],
      ['entrepreneur of B1', tenancy.users.entrepreneurB1, [a1, a2, { sessionId: b1.sessionId, tokenId: b1.tokenId }]],
    ];
  };

  const scoped = procedures.filter((p) => p.scopedPaths.length > 0);

  it.each(scoped.map((p) => [p.path, p] as const))('%s refuses other tenants\u2019 records with NOT_FOUND for every role', async (_path, info) => {
    let checked = 0;
    for (const [role, user, foreignSets] of foreign()) {
      for (const set of foreignSets) {
        for (const path of info.scopedPaths) {
          const key = path.at(-1) as ScopedKey;
          const id = set[key];
          if (!id) continue;
          const result = await call(user, db, info, inputAt(path, id));
          expect(result, `${info.path} as ${role} with ${path.join('.')} of another tenant`).toMatchObject({ ok: false, code: 'NOT_FOUND' });
          // The same words as for an id that exists nowhere: nothing reveals that the record exists.
          const unknownId = key === 'sessionId' || key === 'tokenId' ? 'f'.repeat(64) : uuidv7();
          const unknown = await call(user, db, info, inputAt(path, unknownId));
          expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND' });
          expect((result as { message: string }).message.replace(id, '<id>')).toBe((unknown as { message: string }).message.replace(unknownId, '<id>'));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it.each(scoped.filter((p) => p.meta?.access === 'tenant').map((p) => [p.path, p] as const))(
    '%s lets the accountant of the owning firm through the guard (control)',
    async (_path, info) => {
      for (const path of info.scopedPaths) {
        const key = path.at(-1) as ScopedKey;
        const result = await call(tenancy.users.accountantA, db, info, inputAt(path, a1[key]));
        // Not NOT_FOUND: the guard let it pass; what follows is input validation or success.
        expect(result.ok ? 'OK' : (result as { code: string }).code).not.toBe('NOT_FOUND');
      }
    },
  );

  it.each(procedures.filter((p) => p.meta?.access === 'scoped' || p.meta?.access === 'self').map((p) => [p.path, p] as const))(
    '%s returns nothing of another tenant to any role',
    async (_path, info) => {
      if (info.type !== 'query') return;
      for (const [role, user, foreignSets] of foreign()) {
        const result = await call(user, db, info, undefined);
        const text = JSON.stringify(result);
        for (const set of foreignSets) {
          for (const [key, id] of Object.entries(set)) {
            if (key === 'sessionId' || key === 'tokenId') continue;
            expect(text.includes(id), `${info.path} as ${role} leaks ${key} ${id}`).toBe(false);
          }
        }
      }
    },
  );

  it('the factor sees only the invoice addressed to it, and not the payment or the other invoice', async () => {
    const factor = callerFor(db, tenancy.users.factorA1);
    const listed = await factor.factor.invoices({ companyId: tenancy.companyA1 });
    expect(listed.map((i) => i.id)).toEqual([a1.invoiceId]);
    expect((await factor.factor.batches()).map((b) => b.batchId)).toEqual([a1.batchId]);
    expect((await factor.factoring.batches({ companyId: tenancy.companyA1 })).map((b) => b.batchId)).toEqual([a1.batchId]);
    await expect(factor.invoice.get({ invoiceId: a1.invoiceId })).resolves.toMatchObject({ id: a1.invoiceId });
    await expect(factor.invoice.list({ companyId: tenancy.companyA1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(factor.document.download({ documentId: a1.documentId })).resolves.toMatchObject({ fileName: 'A1.pdf' });
  });

  it('the second factor of the same company sees only its own batch and invoice', async () => {
    const second = callerFor(db, tenancy.users.otherFactorA);
    expect((await second.factor.batches()).map((b) => b.batchId)).toEqual([a1Other.batchId]);
    expect((await second.factor.invoices({ companyId: tenancy.companyA1 })).map((i) => i.id)).toEqual([a1Other.invoiceId]);
    await expect(second.factoring.batch({ companyId: tenancy.companyA1, batchId: a1.batchId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(second.invoice.get({ invoiceId: a1.invoiceId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(second.factoring.batch({ companyId: tenancy.companyA1, batchId: a1Other.batchId })).resolves.toMatchObject({ batchId: a1Other.batchId });
  });

  it('a factor membership on a company (the old model, no factor row) sees nothing', async () => {
    const userId = uuidv7();
    await db.transaction(async (tx) => {
      await tx.db.insert(tx.tables.users).values({ id: userId, email: 'legacy@factor.be', name: 'legacy', passwordHash: 'x', language: 'nl' });
      await tx.db.insert(tx.tables.memberships).values({ id: uuidv7(), userId, companyId: tenancy.companyA1, role: 'factor' });
    });
    const legacy = callerFor(db, { id: userId, email: 'legacy@factor.be', name: 'legacy', memberships: [{ role: 'factor', firmId: null, companyId: tenancy.companyA1 }], via: { kind: 'internal' } });
    await expect(legacy.factoring.batches({ companyId: tenancy.companyA1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(legacy.invoice.get({ invoiceId: a1.invoiceId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await legacy.factor.batches()).toEqual([]);
  });

  it('an entrepreneur sees their own company but cannot use the firm cockpit', async () => {
    const entrepreneur = callerFor(db, tenancy.users.entrepreneurA1);
    await expect(entrepreneur.company.get({ companyId: tenancy.companyA1 })).resolves.toMatchObject({ id: tenancy.companyA1 });
    await expect(entrepreneur.firm.companies()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the accountant cockpit lists exactly the firm’s companies', async () => {
    const companies = await callerFor(db, tenancy.users.accountantA).firm.companies();
    expect(companies.map((c) => c.id).sort()).toEqual([tenancy.companyA1, tenancy.companyA2].sort());
  });
});
