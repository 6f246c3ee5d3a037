import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { listDunningEvents, newId, type Executor } from '@fact/db';
import { testTargets } from '@fact/db/testing';
import { companyPlan, emlFolderChannel, foldLegacyOutbox, listQueue, loadCompany, messageIdFor, outboxKey, runCompany, type OutboxMark, type PlannedSend } from '../src/index.js';
import { appendRows, markRow } from '../src/outbox/store.js';
import { groupOf } from '../src/run/plan-phase.js';
import { seed, tempDir } from '../src/testing/seed.js';

const dir = tempDir('fact-outbox-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const AS_OF = '2025-04-10';
const clock = () => new Date('2025-04-10T07:00:00Z');

/** What the event-sourced runner of older versions left in dunning_events, mark by mark. */
async function legacyMarks(db: Executor, companyId: string, debtorId: string, planned: PlannedSend, key: string, marks: Omit<OutboxMark, 'key' | 'at'>[], sentInvoice?: string) {
  await db.transaction((tx) =>
    appendRows(
      tx,
      marks.map((m) => {
        const mark = { key, at: '2025-04-09T07:00:00.000Z', ...m } as OutboxMark;
        const row = markRow(companyId, debtorId, '2025-04-09', planned.level, mark);
        // The old runner's `sent` rows were the real dunning events of the letter, carrying the mark.
        return m.state === 'sent' && sentInvoice ? { ...row, invoiceId: sentInvoice, action: 'reminder' as const, channel: 'email' as const, explanation: { outbox: mark, proof: 'eml-file' } } : row;
      }),
    ),
  );
}

describe.each(testTargets())('the dunning_outbox table on $name', (target) => {
  it('the unique (company, key) is the guarantee: planning twice plans once, and a second row for a key is refused', async () => {
    const { db, dispose } = await target.open();
    try {
      const s = await seed(db, { companies: 1, debtorsPerCompany: 3, mode: 'approve' });
      const companyId = s.companies[0]!.id;
      const ctx = { db, clock, mail: emlFolderChannel(join(dir, `${target.name}-twice`)), printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers') };
      const [a, b] = await Promise.all([runCompany(ctx, companyId, { asOf: AS_OF, deliver: false }), runCompany(ctx, companyId, { asOf: AS_OF, deliver: false })]);
      expect(a.planned + b.planned).toBe(3);
      expect(a.alreadyInOutbox + b.alreadyInOutbox).toBe(3);
      const t = db.tables.dunningOutbox;
      const [row] = await db.db.select().from(t).where(eq(t.companyId, companyId)).limit(1);
      const refused = await db.transaction((tx) => tx.db.insert(t).values({ ...row!, id: newId() })).then(
        () => 'inserted',
        (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code,
      );
      expect(refused).toMatch(/^(23505|SQLITE_CONSTRAINT_UNIQUE)$/); // unique_violation
      // One `planned` history mark per key, with the shape the timeline reads.
      const history = (await listDunningEvents(db, { companyId }, { debtorId: row!.debtorId })).map((e) => e.explanation?.['outbox'] as OutboxMark);
      expect(history.map((m) => [m.key, m.n, m.state])).toEqual([[row!.key, 1, 'planned']]);
      expect(history[0]!.planned?.needsApproval).toBe(true);
    } finally {
      await dispose();
    }
  });

  it('an outbox planned under the old event-sourced scheme is folded once: nothing sent, skipped or delivered before a crash is sent again', async () => {
    const { db, dispose } = await target.open();
    try {
      const s = await seed(db, { companies: 1, debtorsPerCompany: 4 });
      const companyId = s.companies[0]!.id;
      const company = (await loadCompany(db, companyId))!;
      const actions = (await companyPlan(db, company, AS_OF)).flatMap((p) => p.plan.actions.map((action) => ({ action, policy: p.policy, kind: p.kind })));
      expect(actions).toHaveLength(4);
      const out = join(dir, `${target.name}-legacy`);
      mkdirSync(out, { recursive: true });
      const keys: string[] = [];
      for (const [k, { action, policy, kind }] of actions.entries()) {
        const key = outboxKey({ companyId, group: groupOf(action), level: action.level, itemIds: action.itemIds });
        keys.push(key);
        const planned: PlannedSend = { debtorId: action.debtorId, level: action.level, channel: action.channel, asOf: '2025-04-09', needsApproval: false, action: action as never, policy: { id: policy.id, version: policy.version, kind } };
        const messageId = messageIdFor(key, 'company0.be');
        const claim = { n: 2, state: 'claimed' as const, attempt: 1, leaseUntil: '2025-04-09T07:05:00.000Z', runner: 'old', messageId, channel: 'email' };
        if (k === 0) await legacyMarks(db, companyId, action.debtorId, planned, key, [{ n: 1, state: 'planned', planned }, claim, { n: 3, state: 'sent', channel: 'email', messageId }], action.itemIds[0]);
        if (k === 1) await legacyMarks(db, companyId, action.debtorId, planned, key, [{ n: 1, state: 'planned', planned }, { n: 2, state: 'skipped', reason: 'belt, betaalt vrijdag' }]);
        if (k === 2) {
          // Killed after the .eml landed, before `sent`: the file is the proof.
          await legacyMarks(db, companyId, action.debtorId, planned, key, [{ n: 1, state: 'planned', planned }, claim]);
          writeFileSync(join(out, `${key}.eml`), 'delivered before the upgrade');
        }
        if (k === 3) await legacyMarks(db, companyId, action.debtorId, planned, key, [{ n: 1, state: 'planned', planned }]);
      }
      const mail = emlFolderChannel(out);
      const ctx = { db, clock, mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers') };
      const r = await runCompany(ctx, companyId, { asOf: AS_OF });
      expect(r.planned).toBe(0);
      expect(r.alreadyInOutbox).toBe(3); // the sent key's invoice is not planned again at level 2 at all
      expect(r.sent).toBe(1); // only the one that never went out
      expect(r.recovered).toBe(1);
      expect(readdirSync(out).sort()).toEqual([`${keys[2]}.eml`, `${keys[3]}.eml`].sort());
      expect(readFileSync(join(out, `${keys[2]}.eml`), 'utf8')).toBe('delivered before the upgrade');
      const queue = new Map((await listQueue(db, companyId)).map((q) => [q.key, q]));
      expect(keys.map((k) => queue.get(k)?.state)).toEqual(['sent', 'skipped', 'sent', 'sent']);
      expect(queue.get(keys[1]!)?.reason).toBe('belt, betaalt vrijdag');
      expect(queue.get(keys[2]!)?.messageId).toBe(messageIdFor(keys[2]!, 'company0.be'));
      // The history continues the old sequence: the recovered key's marks are 1, 2 (old), 3 claimed, 4 sent.
      const t = db.tables.dunningOutbox;
      const [recovered] = await db.db.select().from(t).where(and(eq(t.companyId, companyId), eq(t.key, keys[2]!)));
      expect(recovered!.version).toBe(4);
      // Once folded, there is nothing left to fold (another process, the same answer), and a later run sends nothing.
      expect(await foldLegacyOutbox({ ...db }, companyId)).toBe(0);
      const again = await runCompany(ctx, companyId, { asOf: '2025-04-11' });
      expect(again.sent + again.planned + again.recovered).toBe(0);
      expect(existsSync(join(out, `${keys[1]}.eml`))).toBe(false);
      mail.close();
    } finally {
      await dispose();
    }
  });
});
