// A company's own letter wording reaches the debtor: the runner reads the company's template for
// the level and the debtor's language, and the e-mail subject and letter carry it, filled, while
// the amounts stay the generated ones.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveLetterTemplate, type DbHandle } from '@fact/db';
import { runCompany, smtpChannel, type MailChannel } from '../src/index.js';
import { openDb, seed, tempDir, type Seeded } from '../src/testing/seed.js';

const dir = tempDir('fact-templates-');
const received: Buffer[] = [];
let server: SMTPServer;
let db: DbHandle;
let s: Seeded;
let mail: MailChannel;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (received.push(Buffer.concat(chunks)), cb()));
    },
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  mail = smtpChannel(`smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`);
  db = await openDb(join(dir, 'fact.sqlite'));
  s = await seed(db, { companies: 1, debtorsPerCompany: 3 });
}, 60_000);

afterAll(async () => {
  mail.close();
  await db.close();
  await new Promise<void>((res) => server.close(() => res()));
  rmSync(dir, { recursive: true, force: true });
});

describe('letter templates in the runner', () => {
  it('sends the Dutch debtor the company wording (subject and body filled) and the others the built-in one', async () => {
    const company = s.companies[0]!;
    const at = new Date('2025-04-01T08:00:00Z');
    // Templates for every level in Dutch only: whichever level the planner reaches uses one.
    for (const level of [1, 2, 3, 4, 5]) {
      await saveLetterTemplate(db, { companyId: company.id }, { level, language: 'nl', subject: 'Eigen herinnering {invoiceNumbers}', body: 'Dag {debtorName},\n\nVolgens onze boeken staat {openAmount} nog open.', at });
    }
    const report = await runCompany({ db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers') }, company.id, { asOf: '2025-04-10' });
    expect(report.sent).toBe(3);
    const parsed: ParsedMail[] = await Promise.all(received.map((m) => simpleParser(m)));
    for (const debtor of s.debtors) {
      const m = parsed.find((p) => (p.to && !Array.isArray(p.to) ? p.to.value[0]?.address : undefined) === debtor.email)!;
      const invoice = s.invoices.find((i) => i.debtorId === debtor.id)!;
      if (debtor.language === 'nl') {
        expect(m.subject).toBe(`Eigen herinnering ${invoice.number} – ${company.name}`);
        expect(m.text).toContain(`EIGEN HERINNERING ${invoice.number}`);
        expect(m.text).toContain(`Volgens onze boeken staat`);
        expect(m.text).not.toContain('{');
      } else {
        expect(m.subject).not.toContain('Eigen herinnering');
        expect(m.text).not.toContain('Volgens onze boeken');
      }
    }
  });
});
