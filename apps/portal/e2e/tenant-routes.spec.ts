import { expect, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_DB } from '../playwright.config.js';
import { ids, logIn, USERS } from './support.js';

// EVERY portal route, found by walking src/routes (a new route is covered without editing this
// file), requested by each role with another tenant's ids: the answer is 404, the same as for an
// id that exists nowhere — never 403, never a page that shows the record. Each form action of a
// route is posted too: the answer for a foreign id equals the answer for an unknown id (nothing
// written, nothing revealed). Routes without ids are asked with ?company=<foreign id> and must not
// show anything of the other tenant.
const ROUTES_DIR = fileURLToPath(new URL('../src/routes/', import.meta.url));

interface Route {
  pattern: string;
  params: string[];
  actions: string[];
  kind: 'page' | 'endpoint';
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function discoverRoutes(): Route[] {
  const byDir = new Map<string, Route>();
  for (const file of walk(ROUTES_DIR)) {
    const name = file.split(sep).at(-1)!;
    if (!['+page.svelte', '+page.server.ts', '+server.ts'].includes(name)) continue;
    const dir = relative(ROUTES_DIR, join(file, '..'));
    const segments = dir.split(sep).filter((s) => s && !/^\(.*\)$/.test(s));
    const params = segments.filter((s) => s.startsWith('[')).map((s) => s.slice(1, -1).split('=')[0]!);
    const pattern = `/${segments.join('/')}`;
    const route = byDir.get(dir) ?? { pattern, params, actions: [], kind: name === '+server.ts' ? 'endpoint' : 'page' };
    if (name === '+page.server.ts') {
      const source = readFileSync(file, 'utf8');
      const block = /export const actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
      route.actions = [...block.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]!);
    }
    byDir.set(dir, route);
  }
  return [...byDir.values()].sort((a, b) => a.pattern.localeCompare(b.pattern));
}

type Ids = Record<'companyId' | 'debtorId' | 'invoiceId' | 'batchId', string>;

/** One company's ids, read from the e2e database: a debtor with an invoice, and a batch if any. */
function recordsOf(companyId: string): Ids & { legalName: string } {
  const db = new Database(E2E_DB, { readonly: true });
  try {
    const company = db.prepare('select legal_name as legalName from companies where id = ?').get(companyId) as { legalName: string };
    const invoice = db.prepare("select id, debtor_id as debtorId from invoices where company_id = ? and kind = 'invoice' order by number limit 1").get(companyId) as { id: string; debtorId: string };
    const batch = db.prepare('select id from factoring_batches where company_id = ? limit 1').get(companyId) as { id: string } | undefined;
    // No batch in the demo data: a well-formed batch id under the real foreign company stands in.
    return { companyId, debtorId: invoice.debtorId, invoiceId: invoice.id, batchId: batch?.id ?? randomUUID(), legalName: company.legalName };
  } finally {
    db.close();
  }
}

function urlFor(route: Route, values: Partial<Ids>): string {
  return route.pattern.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => values[name as keyof Ids] ?? randomUUID());
}

function companyOfFactor(): string {
  const db = new Database(E2E_DB, { readonly: true });
  try {
    return (db.prepare("select m.company_id as id from memberships m join users u on u.id = m.user_id where u.email = 'factor@demo.fact'").get() as { id: string | null } | undefined)?.id ?? '';
  } finally {
    db.close();
  }
}

const routes = discoverRoutes();

test('the route list is found from src/routes', () => {
  const patterns = routes.map((r) => r.pattern);
  expect(patterns).toEqual(expect.arrayContaining(['/dashboard', '/companies/[companyId=uuid]', '/companies/[companyId=uuid]/invoices/[invoiceId=uuid]', '/reports/ageing.csv']));
  expect(routes.find((r) => r.pattern.endsWith('/invoices/[invoiceId=uuid]'))?.actions).toEqual(expect.arrayContaining(['dispute', 'promise', 'hold']));
});

const ROLES = ['accountant', 'entrepreneur', 'factor'] as const;

for (const role of ROLES) {
  test(`as the ${role}: every route with another tenant's ids answers 404`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const all = ids();
    // Accountant: a company of the other firm. Entrepreneur: another company of the same firm.
    // Factor: a company it is not the factor of, in the other firm.
    const foreignCompany = role === 'entrepreneur' ? all.otherCompanyOfFirm! : all.foreignCompanyId!;
    expect(foreignCompany).toBeTruthy();
    const foreign = recordsOf(foreignCompany);
    const ownCompany = role === 'entrepreneur' ? all.entrepreneurCompanyId : role === 'factor' ? companyOfFactor() : all.ownCompanyId;
    await logIn(page, role);
    const request: APIRequestContext = page.request;
    const seen: string[] = [];
    for (const route of routes) {
      if (route.params.length > 0) {
        // All ids foreign, and (with more than one id) the tenant's own company with foreign records under it.
        const variants: Partial<Ids>[] = [foreign];
        if (route.params.length > 1 && ownCompany) variants.push({ ...foreign, companyId: ownCompany });
        for (const values of variants) {
          const url = urlFor(route, values);
          const res = await request.get(url, { maxRedirects: 0 });
          expect(res.status(), `GET ${url} as ${role}`).toBe(404);
          const body = await res.text();
          expect(body, `GET ${url} as ${role} shows the foreign company`).not.toContain(foreign.legalName);
          seen.push(`GET ${route.pattern}`);
          for (const action of route.actions) {
            const unknown = urlFor(route, { companyId: values.companyId === ownCompany ? ownCompany : randomUUID() });
            const post = (target: string) => request.post(`${target}?/${action}`, { headers: { origin: baseURL!, accept: 'text/html' }, form: { reason: 'probe', amount: '1.00', date: '2025-06-30' }, maxRedirects: 0 });
            const [a, b] = [await post(url), await post(unknown)];
            expect(a.status(), `POST ${url}?/${action} as ${role}`).toBe(b.status());
            expect([403, 200, 303, 500]).not.toContain(a.status());
            seen.push(`POST ${route.pattern}?/${action}`);
          }
        }
      } else {
        // No id in the path: the other tenant's company id in the query must not open its data.
        const url = `${route.pattern}?company=${foreign.companyId}`;
        const res = await request.get(url, { maxRedirects: 0 });
        expect([403, 500], `GET ${url} as ${role}`).not.toContain(res.status());
        if (res.status() === 200) {
          const body = await res.text();
          expect(body, `GET ${url} as ${role} shows the foreign company`).not.toContain(foreign.legalName);
          expect(body, `GET ${url} as ${role} names a foreign record`).not.toContain(foreign.invoiceId);
        }
        seen.push(`GET ${route.pattern}`);
      }
    }
    console.log(`${role}: ${seen.length} requests over ${routes.length} routes`);
    expect(USERS[role]).toBeDefined();
  });
}
