import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emlFolderChannel, listQueue, loadOutbox, runCompany } from '../src/index.js';
import { GroupCommit } from '../src/run/group-commit.js';
import { openDb, seed, tempDir } from '../src/testing/seed.js';

const dir = tempDir('fact-group-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('group commit', () => {
  it('commits the changes of one window in one transaction, and a failing change loses no other', async () => {
    const db = await openDb(join(dir, 'fact.sqlite'));
    const s = await seed(db, { companies: 1, debtorsPerCompany: 4, mode: 'approve' });
    const companyId = s.companies[0]!.id;
    const mail = emlFolderChannel(join(dir, 'outbox'));
    await runCompany({ db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers') }, companyId, { asOf: '2025-04-10' });
    const entries = [...(await loadOutbox(db, companyId)).values()];
    let transactions = 0;
    const counting = { ...db, transaction: <T>(fn: Parameters<typeof db.transaction<T>>[0]) => (transactions++, db.transaction(fn)) };
    const commits = new GroupCommit(counting, () => new Date('2025-04-10T07:01:00Z'), { windowMs: 30 });
    const results = await Promise.allSettled(
      entries.map((entry, i) =>
        commits.submit({
          entry,
          state: 'skipped',
          set: { reason: `reden ${i}` },
          mark: { reason: `reden ${i}` },
          guard: 'version',
          occurredOn: '2025-04-10',
          // The third change cannot write its history: its group fails, the others are retried alone.
          ...(i === 2 && { rows: () => Promise.reject(new Error('disk full')) }),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(transactions).toBe(1 + entries.length); // one transaction for the four, then each change alone
    const queue = new Map((await listQueue(db, companyId)).map((q) => [q.key, q]));
    expect(entries.map((e) => queue.get(e.key)?.state)).toEqual(['skipped', 'skipped', 'planned', 'skipped']);

    // A change whose guard no longer holds (the row moved on) is left alone, with no history.
    const stale = await commits.submit({ entry: entries[0]!, state: 'approved', guard: 'version', occurredOn: '2025-04-10' });
    expect(stale).toBeUndefined();
    expect(queue.get(entries[0]!.key)?.state).toBe('skipped');

    mail.close();
    await db.close();
  });
});
