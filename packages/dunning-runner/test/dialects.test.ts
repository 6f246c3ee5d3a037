import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testTargets } from '@fact/db/testing';
import { emlFolderChannel, listQueue, runCompany } from '../src/index.js';
import { seed, tempDir } from '../src/testing/seed.js';

const dir = tempDir('fact-dialects-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testTargets())('on $name', (target) => {
  it('three runs started at once (row locks with SKIP LOCKED on PostgreSQL, one writer on SQLite) send each reminder once', async () => {
    const { db, dispose } = await target.open();
    try {
      const s = await seed(db, { companies: 1, debtorsPerCompany: 6 });
      const out = join(dir, target.name);
      const mail = emlFolderChannel(out);
      const ctx = (id: string) => ({ db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers'), attachInvoices: false, runnerId: id });
      const reports = await Promise.all(['a', 'b', 'c'].map((id) => runCompany(ctx(id), s.companies[0]!.id, { asOf: '2025-04-10' })));
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(6);
      expect(reports.reduce((n, r) => n + r.planned, 0)).toBe(6);
      expect(readdirSync(out)).toHaveLength(6);
      const queue = await listQueue(db, s.companies[0]!.id);
      expect(queue.map((q) => q.state)).toEqual(Array(6).fill('sent'));
      mail.close();
    } finally {
      await dispose();
    }
  });

  it('a short last batch claimed while earlier sends are still going out is delivered too (nothing left claimed)', async () => {
    const { db, dispose } = await target.open();
    try {
      const s = await seed(db, { companies: 1, debtorsPerCompany: 21 });
      const mail = emlFolderChannel(join(dir, `${target.name}-batches`));
      const ctx = { db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers'), attachInvoices: false, concurrency: 4, claimBatch: 8 };
      const report = await runCompany(ctx, s.companies[0]!.id, { asOf: '2025-04-10' });
      expect(report.sent).toBe(21);
      expect((await listQueue(db, s.companies[0]!.id)).filter((q) => q.state !== 'sent')).toEqual([]);
      mail.close();
    } finally {
      await dispose();
    }
  });
});
