import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDunningEvents } from '@fact/db';
import { emlFolderChannel, listQueue, runCompany, weeklyDigest } from '../src/index.js';
import { openDb, seed, tempDir } from '../src/testing/seed.js';

const dir = tempDir('fact-ladder-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the BE B2B ladder, one invoice of €1,060.00 due 2025-03-03', () => {
  it('e-mail, letter with interest and €40, registered formal notice, then a collection dossier', async () => {
    const db = await openDb(join(dir, 'fact.sqlite'));
    const s = await seed(db, { companies: 1, debtorsPerCompany: 1 });
    const companyId = s.companies[0]!.id;
    const inv = s.invoices[0]!;
    const mail = emlFolderChannel(join(dir, 'outbox'));
    const ctx = { db, clock: () => new Date('2025-06-01T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers') };

    const r2 = await runCompany(ctx, companyId, { asOf: '2025-04-10' });
    expect(r2.sent).toBe(1);
    expect(readdirSync(join(dir, 'outbox'))).toHaveLength(1);

    // Level 3 (14 days later): a letter claiming interest and the €40 (Law of 2 Aug 2002, art. 5-6).
    const r3 = await runCompany(ctx, companyId, { asOf: '2025-04-24' });
    expect(r3.sent).toBe(1);
    expect(r3.printBatches.find((b) => b.path.endsWith('letter-batch.pdf'))?.letters).toBe(1);
    const l3 = (await listDunningEvents(db, { companyId }, { invoiceId: inv.id })).filter((e) => e.level === 3 && e.action !== 'note');
    expect(l3).toHaveLength(1);
    // 1,060.00 × 11.5 % (BE commercial rate H1 2025, reference.md) × 52/365 days (4 Mar – 24 Apr) = 17.37
    expect(l3[0]!.interest.toFixed(2)).toBe('17.37');
    expect(l3[0]!.fees.toFixed(2)).toBe('40.00');
    expect(l3[0]!.channel).toBe('letter');
    const segments = (l3[0]!.explanation?.['interest'] as { segments: { days: number; ratePercent: string }[] }[])[0]!.segments;
    expect(segments.map((x) => [x.days, x.ratePercent])).toEqual([[52, '11.50']]);

    // The weekly digest of the week ending 24 April: one reminder, its interest and the €40.
    const digest = await weeklyDigest(db, companyId, '2025-04-27');
    expect(digest).toMatchObject({ from: '2025-04-21', sent: { reminder: 1 }, interestClaimed: '17.37', feesClaimed: '40.00' });

    const r4 = await runCompany(ctx, companyId, { asOf: '2025-05-08' });
    expect(r4.sent).toBe(1);
    const l4 = (await listDunningEvents(db, { companyId }, { invoiceId: inv.id })).filter((e) => e.level === 4 && e.action !== 'note');
    expect(l4.map((e) => [e.action, e.channel])).toEqual([['formal_notice', 'registered_letter']]);
    expect(existsSync(join(dir, 'print', '2025-05-08', 'registered-batch.pdf'))).toBe(true);

    const r5 = await runCompany(ctx, companyId, { asOf: '2025-05-23' });
    expect(r5.sent).toBe(1);
    const [dossierDir] = readdirSync(join(dir, 'dossiers'));
    const dossier = JSON.parse(readFileSync(join(dir, 'dossiers', dossierDir!, 'dossier.json'), 'utf8')) as { reminders: { level: number; proof: string }[]; statement: { total: string }; invoices: { number: string }[] };
    expect(dossier.reminders.map((r) => r.level)).toEqual([2, 3, 4]);
    expect(dossier.reminders.every((r) => typeof r.proof === 'string' && r.proof.length > 0)).toBe(true);
    expect(dossier.invoices.map((i) => i.number)).toEqual([inv.number]);
    expect(existsSync(join(dir, 'dossiers', dossierDir!, 'dossier.pdf'))).toBe(true);

    // Nothing further, however often it runs.
    const again = await runCompany(ctx, companyId, { asOf: '2025-07-01' });
    expect(again.sent + again.planned).toBe(0);
    expect((await listQueue(db, companyId)).map((q) => q.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    mail.close();
    await db.close();
  });
});
