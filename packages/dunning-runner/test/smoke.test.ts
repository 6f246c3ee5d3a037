import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emlFolderChannel, listQueue, runCompany } from '../src/index.js';
import { openDb, seed, tempDir } from './seed.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('smoke', () => {
  it('plans and writes .eml', async () => {
    const db = await openDb(join(dir, 'fact.sqlite'));
    const s = await seed(db, { companies: 1, debtorsPerCompany: 2 });
    const mail = emlFolderChannel(join(dir, 'outbox'));
    const ctx = { db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers') };
    const r = await runCompany(ctx, s.companies[0]!.id, { asOf: '2025-04-10' });
    console.log(JSON.stringify(r, null, 1).slice(0, 2000));
    console.log(await listQueue(db, s.companies[0]!.id));
    expect(r.sent).toBeGreaterThan(0);
    await db.close();
  });
});
