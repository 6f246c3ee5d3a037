// The sender identity comes from the company itself: the runner settings' identity when set, else
// the company's own stored e-mail and address; with neither, nothing is sent.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { emlFolderChannel, runCompany } from '../src/index.js';
import { openDb, seed, tempDir } from '../src/testing/seed.js';

const dir = tempDir('fact-identity-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function companyWithout(name: string, own: { email: string | null; address: { street: string; postalCode: string; city: string } | null }) {
  const db = await openDb(join(dir, `${name}.sqlite`));
  const s = await seed(db, { companies: 1, debtorsPerCompany: 1 });
  const c = db.tables.companies;
  await db.transaction(async (tx) => {
    await tx.db.update(c).set({ dunningPolicy: { runner: { mode: 'auto', sendAt: '08:00' } }, email: own.email, address: own.address });
  });
  const outbox = join(dir, `${name}-outbox`);
  const report = await runCompany({ db, clock: () => new Date('2025-04-10T07:00:00Z'), mail: emlFolderChannel(outbox), printDir: join(dir, `${name}-print`), dossierDir: join(dir, 'dossiers') }, s.companies[0]!.id, { asOf: '2025-04-10' });
  await db.close();
  return { report, outbox };
}

describe('sender identity', () => {
  it('without runner settings, sends from the company’s own e-mail with its own address on the letter', async () => {
    const { report, outbox } = await companyWithout('own', { email: 'debiteuren@janssens.example', address: { street: 'Veldstraat 12', postalCode: '9000', city: 'Gent' } });
    expect(report.sent).toBe(1);
    const [file] = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    const mail = await simpleParser(readFileSync(join(outbox, file!)));
    expect(mail.from?.value[0]?.address).toBe('debiteuren@janssens.example');
    expect(mail.text).toContain('Veldstraat 12');
  });

  it('with neither runner settings nor a stored address, drops the send as incomplete instead of inventing one', async () => {
    const { report } = await companyWithout('none', { email: 'debiteuren@janssens.example', address: null });
    expect(report.sent).toBe(0);
    expect(report.dropped.map((d) => d.reason)).toEqual(['sender-identity-incomplete']);
  });
});
