import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@fact/db';
import { listDunningEvents } from '@fact/db';
import { listQueue, messageIdFor, renderPool, runCompany, smtpChannel, type MailChannel } from '../src/index.js';
import { openDb, seed, tempDir, type Seeded } from '../src/testing/seed.js';

const dir = tempDir('fact-smtp-');
const received: { raw: Buffer; rcpt: string[] }[] = [];
let server: SMTPServer;
let url = '';
let db: DbHandle;
let s: Seeded;
let mail: MailChannel;
// The PDFs of this suite are rendered in worker threads, as the worker app does.
const renderer = renderPool({ threads: 2 });

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      // One mailbox refuses everything, to exercise retries and the fallback to a letter.
      if (address.address.startsWith('bounce')) return cb(new Error('550 mailbox unavailable'));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ raw: Buffer.concat(chunks), rcpt: session.envelope.rcptTo.map((r) => r.address) });
        cb();
      });
    },
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const port = (server.server.address() as { port: number }).port;
  url = `smtp://127.0.0.1:${port}`;
  db = await openDb(join(dir, 'fact.sqlite'));
  s = await seed(db, { companies: 2, debtorsPerCompany: 3 });
  mail = smtpChannel(url);
}, 60_000);

afterAll(async () => {
  await renderer.close();
  mail.close();
  await db.close();
  await new Promise<void>((res) => server.close(() => res()));
  rmSync(dir, { recursive: true, force: true });
});

const ctx = () => ({ db, clock: () => new Date('2025-04-10T07:00:00Z'), mail, printDir: join(dir, 'print'), dossierDir: join(dir, 'dossiers'), documentsRoot: join(dir, 'documents'), renderer });

describe('e-mail over SMTP (loopback server)', () => {
  let parsed: ParsedMail[] = [];

  it('sends one reminder per debtor, each from its own company, in the debtor language, with letter, invoice PDF and UBL', async () => {
    for (const c of s.companies) {
      const r = await runCompany(ctx(), c.id, { asOf: '2025-04-10' });
      expect(r.sent).toBe(3);
    }
    expect(received).toHaveLength(6);
    parsed = await Promise.all(received.map((m) => simpleParser(m.raw)));
    for (const m of parsed) {
      const to = m.to && !Array.isArray(m.to) ? m.to.value[0]?.address : undefined;
      const debtor = s.debtors.find((d) => d.email === to);
      expect(debtor, `recipient ${to}`).toBeDefined();
      const company = s.companies.find((c) => c.id === debtor!.companyId)!;
      const other = s.companies.find((c) => c.id !== company.id)!;
      // The sender identity is the debtor's creditor, never the other company (odoo#82364).
      expect(m.from?.value[0]?.address).toBe(company.email);
      expect(m.from?.value[0]?.name).toBe(company.name);
      expect(m.replyTo?.value[0]?.address).toBe(company.replyTo);
      expect(m.text).toContain(company.name);
      expect(m.text).not.toContain(other.name);
      expect(m.subject).not.toContain(other.name);
      // The debtor's language.
      expect(m.headers.get('content-language')).toBe(debtor!.language);
      const subjectStart = { nl: 'Herinnering: factuur', fr: 'Rappel: facture', en: 'Reminder: invoice' }[debtor!.language];
      expect(m.subject?.startsWith(subjectStart)).toBe(true);
      // The letter, the invoice PDF and its UBL.
      const inv = s.invoices.find((i) => i.debtorId === debtor!.id)!;
      const names = m.attachments.map((a) => a.filename);
      expect(names).toContain(`${inv.number}.pdf`);
      expect(names).toContain(`${inv.number}.xml`);
      expect(m.attachments.filter((a) => a.contentType === 'application/pdf')).toHaveLength(2);
      const ubl = m.attachments.find((a) => a.filename === `${inv.number}.xml`)!.content.toString('utf8');
      expect(ubl).toContain('<cbc:ID>' + inv.number + '</cbc:ID>');
      expect(m.attachments.every((a) => a.content.length > 500)).toBe(true);
    }
  });

  it('uses the Message-ID derived from the idempotency key, unique per planned reminder', async () => {
    const ids = parsed.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(6);
    const queue = (await Promise.all(s.companies.map((c) => listQueue(db, c.id)))).flat();
    expect(queue.map((q) => q.messageId).sort()).toEqual([...ids].sort());
    for (const q of queue) expect(q.messageId).toBe(messageIdFor(q.key, q.messageId!.split('@')[1]!.replace('>', '')));
  });

  it('records what each letter claimed: interest segments, the €40, on the dunning event', async () => {
    const inv = s.invoices[0]!;
    const events = (await listDunningEvents(db, { companyId: inv.companyId }, { invoiceId: inv.id })).filter((e) => e.action !== 'note');
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.channel).toBe('email');
    expect(e.documentId).not.toBeNull();
    const claims = e.explanation?.['claims'] as { kind: string; amount: string; mode: string }[];
    const interest = e.explanation?.['interest'] as { segments: { ratePercent: string }[]; total: string }[];
    const claimedInterest = claims.filter((c) => c.kind === 'interest' && c.mode === 'claim').map((c) => c.amount);
    expect(e.interest.toFixed(2)).toBe(claimedInterest[0] ?? '0.00');
    if (claimedInterest.length) expect(interest[0]?.total).toBe(claimedInterest[0]);
    const comp = claims.filter((c) => c.kind === 'fixed-compensation' && c.mode === 'claim');
    expect(e.fees.toFixed(2)).toBe(comp.length ? '40.00' : '0.00');
  });

  it('a second run the same day (or the next) sends nothing again', async () => {
    for (const c of s.companies) {
      const r = await runCompany(ctx(), c.id, { asOf: '2025-04-10' });
      expect(r.sent + r.planned).toBe(0);
      expect(r.alreadyInOutbox).toBe(0); // level 2 was recorded as sent: the planner waits for level 3
    }
    expect(received).toHaveLength(6);
  });

  it('a rejected recipient is retried with back-off, then the reminder goes out as a letter', async () => {
    const local = await openDb(join(dir, 'bounce.sqlite'));
    const t = await seed(local, { companies: 1, debtorsPerCompany: 1 });
    const d = local.tables.debtorContacts;
    await local.transaction(async (tx) => {
      await tx.db.update(d).set({ email: 'bounce@nowhere.example' });
    });
    let now = new Date('2025-04-10T07:00:00Z');
    const c = { db: local, clock: () => now, mail, printDir: join(dir, 'print-bounce'), dossierDir: join(dir, 'dossiers'), maxAttempts: 2, backoffMs: [60_000] };
    const r1 = await runCompany(c, t.companies[0]!.id, { asOf: '2025-04-10' });
    expect(r1.failed).toBe(1);
    const r2 = await runCompany(c, t.companies[0]!.id, { asOf: '2025-04-10' });
    expect(r2.failed + r2.rerouted + r2.sent).toBe(0); // still backing off
    now = new Date(now.getTime() + 61_000);
    const r3 = await runCompany(c, t.companies[0]!.id, { asOf: '2025-04-10' });
    expect(r3.rerouted).toBe(1);
    const r4 = await runCompany(c, t.companies[0]!.id, { asOf: '2025-04-10' });
    expect(r4.sent).toBe(1);
    expect(r4.printBatches[0]?.letters).toBe(1);
    const [q] = await listQueue(local, t.companies[0]!.id);
    expect(q?.state).toBe('sent');
    expect(q?.channel).toBe('letter');
    await local.close();
  });
});
